import { looksLikeByline } from '../normalize/byline.js';
import { parseDateline } from '../normalize/dateline.js';
import { standsAlone } from '../normalize/endmatter.js';
import { leadShape } from '../normalize/lead.js';
import { mayBeDeskInitials, splitGluedSignoff } from '../normalize/signoff.js';
import { lastByte, LF, startsWith } from './bytes.js';

// Stories pasted together with no separator (`cat agency/*.txt > all.txt`): where a headline, an optional byline
// and a paragraph opening with an agency's dateline follow the end of a story, a new story starts.
//
//   ... the ministry said on Friday.          <- the story before ends like a sentence, or with end matter
//                                                 (`(Reporting by ...)`, `dpa kc xx`), glued or after a blank line
//   Harbour reopens after storm               <- a headline: one to three short lines, no sentence end
//
//   By Jane Doe                               <- a byline block (optional)
//   Associated Press
//
//   PORTVILLE (AP) — The harbour ...          <- a dateline naming an agency or a date

/** A line of the framed bytes: where it starts and ends (before its newline), and its text decoded and trimmed. */
interface Line {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The last lines of a block of non-blank lines; `whole` when a blank line (or the unit's start) is above them. */
interface Block {
  readonly lines: readonly Line[];
  readonly whole: boolean;
}

// A dateline has a dash, underscore, bracket or slash (`\u00e2` opens UTF-8's dashes read as latin1), or Kyodo's
// name, in its first hundred characters (`FORT WASHINGTON, Pa. (AP) _`, `SINGAPORE, Aug. 27, 2024 /PRNewswire/ --`).
const DATELINE_MARK = /[-_(/\u00e2\u2013\u2014]/;
const DATELINE_WITHIN = 100;
const CAPITAL_OR_BRACKET = /^[\p{Lu}(]/u;
const HEADLINE_MAX_LINES = 3;
// Lead blocks between a headline and its dateline: how many, and how many lines each (AP's editor's note and
// byline; Reuters' `(Adds comments)` and three bullets).
const LEAD_BLOCKS = 3;
const LEAD_BLOCK_LINES = 6;
// End matter wrapped over lines is short: `(Reporting by ...; Editing by ...)`.
const END_MATTER_MAX = 400;
const HEADLINE_MAX = 160;
// Ends like a sentence: `.`, `!`, `?`, `…`, before closing quotes or brackets.
const SENTENCE_END = /[.!?…。]["'”’)»]*$/;

/**
 * Where the next story pasted after another starts in `bytes[from, to)` (the start of its headline), or null. Only
 * whole lines before `to` are read.
 */
export function pastedStoryStart(bytes: Buffer, from: number, to: number): number | null {
  for (let newline = bytes.indexOf(LF, from); newline !== -1 && newline < to;) {
    const at = afterBlankLines(bytes, newline + 1);
    if (at === newline + 1) {
      newline = bytes.indexOf(LF, at);
      continue;
    }
    if (at >= to) return null;
    const eol = bytes.indexOf(LF, at);
    if (eol === -1 ? to !== bytes.length : eol >= to) return null;
    const end = eol === -1 ? bytes.length : eol;
    if (mayOpenDatelineAt(bytes, at, end)) {
      const start = headlineBefore(bytes, newline, from);
      if (start !== null && opensWithAgencyDateline(bytes.toString('utf8', at, end)) && hasText(bytes, from, start))
        return start;
    }
    newline = eol;
  }
  return null;
}

/**
 * True when `bytes[from, to)` holds a line that is not end matter: a story before the next one, not the header a
 * release wire prints over its story (AsiaNet's `Source: Acme Corp.` / `MEDIA RELEASE PR12345` over the headline).
 */
function hasText(bytes: Buffer, from: number, to: number): boolean {
  for (let at = from; at < to;) {
    const eol = bytes.indexOf(LF, at);
    const end = eol === -1 || eol > to ? to : eol;
    const line = bytes.toString('utf8', at, end).trim();
    if (line !== '' && !standsAlone(line) && !RELEASE_NUMBER.test(line)) return true;
    at = end + 1;
  }
  return false;
}
// AsiaNet's release number over the headline: `MEDIA RELEASE PR12345`.
const RELEASE_NUMBER = /^MEDIA RELEASE PR\d{3,8}$/;

/** Where the first non-blank line at or after `at` (a line's start) starts; `at` itself when that line is not blank. */
function afterBlankLines(bytes: Buffer, at: number): number {
  let line = at;
  for (;;) {
    let i = line;
    while (bytes[i] === 32 || bytes[i] === 9 || bytes[i] === 13) i++;
    if (bytes[i] !== LF) return line;
    line = i + 1;
  }
}

/**
 * True when a paragraph opens with a dateline that names an agency or a date (`BERLIN (dpa) -`,
 * `LONDON, March 3 -`): the dateline of a story's first paragraph, not a place a sentence starts with.
 */
export function opensWithAgencyDateline(paragraph: string): boolean {
  const found = parseDateline(paragraph.trim(), null);
  return found !== null && (found.dateline.agency !== null || found.dateline.date !== null);
}

/**
 * The start of the headline above the dateline paragraph (`end` is the newline before the blank lines above it),
 * when what comes before the headline ends a story; null when there is no such headline. Lead blocks (bylines,
 * editor's notes, update notes, bullets) may stand between the headline and the dateline.
 */
function headlineBefore(bytes: Buffer, end: number, from: number): number | null {
  let block = blockEndingAt(bytes, end, from);
  for (let skipped = 0; skipped < LEAD_BLOCKS && isLeadBlock(block); skipped++) {
    const before = previousNonBlank(bytes, block.lines[0]!.start, from);
    if (before === null) return null;
    block = blockEndingAt(bytes, before.end, from);
  }
  const { lines } = block;
  const last = lines.at(-1);
  if (last === undefined) return null;
  // A one-line headline, the story before glued on above it (`cat` of files that end with one newline) or after a
  // blank line... (Whether a story ends above is asked first: it is cheaper, and no for a unit's own headline.)
  if (endsStory(bytes, lines.slice(0, -1), last.start, from) && isHeadlineLine(last, 0, true)) return last.start;
  // ... or a headline wrapped over two or three lines, after a blank line.
  const first = lines[0]!;
  const wrapped =
    block.whole &&
    lines.length <= HEADLINE_MAX_LINES &&
    endsStory(bytes, [], first.start, from) &&
    lines.every((line, i) => isHeadlineLine(line, lines.length - 1 - i, i === 0));
  return wrapped ? first.start : null;
}

/** A block of lines before the dateline that is not the headline: a byline, an editor's note, bullets. */
function isLeadBlock(block: Block): boolean {
  const first = block.lines[0];
  return first !== undefined && block.whole && block.lines.length <= LEAD_BLOCK_LINES && leadShape(first.text) !== null;
}

/**
 * True when the lines `above` a headline (those glued on above it in its block, or else the block before it) end a
 * story: a sentence, or end matter (`(Reporting by ...)` over two lines, `dpa kc xx`, `hh/ph/ts`).
 */
function endsStory(bytes: Buffer, above: readonly Line[], headline: number, from: number): boolean {
  let lines = above;
  if (lines.length === 0) {
    const before = previousNonBlank(bytes, headline, from);
    if (before === null) return false;
    lines = blockEndingAt(bytes, before.end, from).lines;
  }
  const last = lines.at(-1)?.text ?? '';
  if (last === '') return false;
  // A sentence, end matter, or a sign-off run into the last paragraph (ONA `... prosperity. ---Ends/A/B`).
  if (SENTENCE_END.test(last) || standsAlone(last) || splitGluedSignoff(last) !== null) return true;
  // The desk's initials on a line of their own under a closer run into the last paragraph (KUNA `... said. (end)` /
  // `mke`): the story ends there when the paragraph above them ends it.
  if (lines.length === 1 && mayBeDeskInitials(last)) {
    const above = previousNonBlank(bytes, lines[0]!.start, from)?.text ?? '';
    return SENTENCE_END.test(above) || standsAlone(above) || splitGluedSignoff(above) !== null;
  }
  const joined = lines.map((line) => line.text).join(' ');
  return joined.length <= END_MATTER_MAX && standsAlone(joined);
}

/**
 * A line of a headline: short, not a sentence, not a byline, dateline or end matter; its first line opens with no
 * small letter (a wrapped headline's next lines may). `fromEnd` counts the lines after it in the headline.
 */
function isHeadlineLine(line: Line, fromEnd: number, first: boolean): boolean {
  const text = line.text;
  if (text.length < 3 || text.length > HEADLINE_MAX || (first && (!/\s/.test(text) || /^\p{Ll}/u.test(text))))
    return false;
  // Headlines end without a full stop; only the last line may end with `?` or `!` (`Who pays for the storm?`).
  if (/[,;:.…]$/.test(text) || (fromEnd > 0 && /[!?]["'”’]?$/.test(text))) return false;
  return !looksLikeByline(text) && !standsAlone(text) && parseDateline(text, null) === null;
}

/** The last lines (at most `LEAD_BLOCK_LINES`) of the block of non-blank lines that ends at `end`, first first. */
function blockEndingAt(bytes: Buffer, end: number, from: number): Block {
  const lines: Line[] = [];
  for (let at = end; at > from;) {
    const line = lineEndingAt(bytes, at, from);
    if (line.text === '') return { lines, whole: true };
    if (lines.length === LEAD_BLOCK_LINES) return { lines, whole: false };
    lines.unshift(line);
    at = line.start - 1;
  }
  return { lines, whole: true };
}

/** The last non-blank line that ends before `start` (a line's start), or null. */
function previousNonBlank(bytes: Buffer, start: number, from: number): Line | null {
  for (let at = start - 1; at > from;) {
    const line = lineEndingAt(bytes, at, from);
    if (line.text !== '') return line;
    at = line.start - 1;
  }
  return null;
}

/**
 * A cheap first test for a paragraph that may open with a dateline: it opens with a capital or a bracket
 * (`(ANSA) - ROME`), and has a dateline's mark soon after.
 */
function mayOpenDateline(text: string): boolean {
  return opensLikeDateline(text.charCodeAt(0), text.charAt(0)) && marksDateline(text.slice(0, DATELINE_WITHIN));
}

/** {@link mayOpenDateline} for the line `bytes[start, end)`, read as latin1 (UTF-8's lead bytes are capitals too). */
function mayOpenDatelineAt(bytes: Buffer, start: number, end: number): boolean {
  const c = bytes[start] ?? NaN;
  if (!opensLikeDateline(c, String.fromCharCode(c))) return false;
  // DATELINE_MARK and `Kyodo` in the bytes themselves (latin1 has no dashes of its own; UTF-8's open with 0xE2).
  const limit = Math.min(end, start + DATELINE_WITHIN, bytes.length);
  for (let at = start; at < limit; at++) {
    const b = bytes[at];
    if (b === 0x2d || b === 0x5f || b === 0x28 || b === 0x2f || b === 0xe2) return true;
    if (b === 0x4b && at + KYODO.length <= limit && startsWith(bytes, KYODO, at)) return true;
  }
  return false;
}

const KYODO = Buffer.from('Kyodo', 'latin1');

function opensLikeDateline(code: number, char: string): boolean {
  return (code >= 65 && code <= 90) || code === 40 || (code >= 0xc0 && CAPITAL_OR_BRACKET.test(char));
}

function marksDateline(head: string): boolean {
  return DATELINE_MARK.test(head) || head.includes('Kyodo');
}

function lineEndingAt(bytes: Buffer, end: number, from: number): Line {
  const start = Math.max(from, lastByte(bytes, LF, end - 1) + 1);
  return { start, end, text: bytes.toString('utf8', start, end).trim() };
}

// A story's own dateline opens one of its first paragraphs, or follows lead blocks (editor's notes, bullets).
const OWN_DATELINE_WITHIN = 2;

/**
 * The paragraphs (by index) of one story that open with an agency's dateline but are not its own: stories pasted
 * together that framing could not split (their headline did not look like one). A dateline quoted after a line
 * that introduces it (`The first report read:`) does not count.
 */
export function strayDatelines(paragraphs: readonly string[]): number[] {
  const candidates: number[] = [];
  paragraphs.forEach((paragraph, i) => {
    if (!mayOpenDateline(paragraph) || (paragraphs[i - 1] ?? '').trimEnd().endsWith(':')) return;
    candidates.push(i);
  });
  // Nearly every story: at most its own dateline, which the normalizer parses anyway.
  if (candidates.length === 0 || (candidates.length === 1 && candidates[0]! < OWN_DATELINE_WITHIN)) return [];
  const found = candidates.filter((i) => opensWithAgencyDateline(paragraphs[i]!));
  const own = found[0];
  const leadOnly = (i: number): boolean => i < OWN_DATELINE_WITHIN || leadShape(paragraphs[i] ?? '') !== null;
  return own !== undefined && paragraphs.slice(0, own).every((_, i) => leadOnly(i)) ? found.slice(1) : found;
}
