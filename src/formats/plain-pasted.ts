import { looksLikeByline } from '../normalize/byline.js';
import { parseDateline } from '../normalize/dateline.js';
import { standsAlone } from '../normalize/endmatter.js';
import { leadShape } from '../normalize/lead.js';

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

/** A line of the framed text: where it starts and ends (before its newline), and its text decoded and trimmed. */
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
const HIGH_BYTE = /[\u0080-\u00ff]/;

/**
 * Where the next story pasted after another starts in `text[from, to)` (the start of its headline), or null.
 * `text` is the framed input as latin1 (one char per byte); only whole lines before `to` are read.
 */
export function pastedStoryStart(text: string, from: number, to: number): number | null {
  // Newline by newline with indexOf: a regex for blank-line runs cost a third of the framing.
  for (let newline = text.indexOf('\n', from); newline !== -1 && newline < to;) {
    const at = afterBlankLines(text, newline + 1);
    if (at === newline + 1) {
      newline = text.indexOf('\n', at);
      continue;
    }
    if (at >= to) return null;
    const eol = text.indexOf('\n', at);
    if (eol === -1 ? to !== text.length : eol >= to) return null;
    const end = eol === -1 ? text.length : eol;
    if (mayOpenDateline(text, at, end)) {
      const start = headlineBefore(text, newline, from);
      if (start !== null && opensWithAgencyDateline(utf8(text.slice(at, end)))) return start;
    }
    newline = eol;
  }
  return null;
}

/** Where the first non-blank line at or after `at` (a line's start) starts; `at` itself when that line is not blank. */
function afterBlankLines(text: string, at: number): number {
  let line = at;
  for (;;) {
    let i = line;
    while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9 || text.charCodeAt(i) === 13) i++;
    if (text.charCodeAt(i) !== 10) return line;
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
function headlineBefore(text: string, end: number, from: number): number | null {
  let block = blockEndingAt(text, end, from);
  for (let skipped = 0; skipped < LEAD_BLOCKS && isLeadBlock(block); skipped++) {
    const before = previousNonBlank(text, block.lines[0]!.start, from);
    if (before === null) return null;
    block = blockEndingAt(text, before.end, from);
  }
  const { lines } = block;
  const last = lines.at(-1);
  if (last === undefined) return null;
  // A one-line headline, the story before glued on above it (`cat` of files that end with one newline) or after a
  // blank line...
  if (isHeadlineLine(last, 0, true) && endsStory(text, lines.slice(0, -1), last.start, from)) return last.start;
  // ... or a headline wrapped over two or three lines, after a blank line.
  const first = lines[0]!;
  const wrapped =
    block.whole &&
    lines.length <= HEADLINE_MAX_LINES &&
    lines.every((line, i) => isHeadlineLine(line, lines.length - 1 - i, i === 0));
  return wrapped && endsStory(text, [], first.start, from) ? first.start : null;
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
function endsStory(text: string, above: readonly Line[], headline: number, from: number): boolean {
  let lines = above;
  if (lines.length === 0) {
    const before = previousNonBlank(text, headline, from);
    if (before === null) return false;
    lines = blockEndingAt(text, before.end, from).lines;
  }
  const last = lines.at(-1)?.text ?? '';
  if (last === '' || SENTENCE_END.test(last) || standsAlone(last)) return last !== '';
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
function blockEndingAt(text: string, end: number, from: number): Block {
  const lines: Line[] = [];
  for (let at = end; at > from;) {
    const line = lineEndingAt(text, at, from);
    if (line.text === '') return { lines, whole: true };
    if (lines.length === LEAD_BLOCK_LINES) return { lines, whole: false };
    lines.unshift(line);
    at = line.start - 1;
  }
  return { lines, whole: true };
}

/** The last non-blank line that ends before `start` (a line's start), or null. */
function previousNonBlank(text: string, start: number, from: number): Line | null {
  for (let at = start - 1; at > from;) {
    const line = lineEndingAt(text, at, from);
    if (line.text !== '') return line;
    at = line.start - 1;
  }
  return null;
}

/**
 * A cheap first test for a line or paragraph that may open with a dateline: it opens with a capital (UTF-8's lead
 * bytes read as latin1 are capitals too) or a bracket (`(ANSA) - ROME`), and has a dateline's mark soon after.
 */
function mayOpenDateline(text: string, start: number, end: number): boolean {
  const c = text.charCodeAt(start);
  if (!((c >= 65 && c <= 90) || c === 40 || (c >= 0xc0 && CAPITAL_OR_BRACKET.test(text.charAt(start))))) return false;
  const head = text.slice(start, Math.min(end, start + DATELINE_WITHIN));
  return DATELINE_MARK.test(head) || head.includes('Kyodo');
}

function lineEndingAt(text: string, end: number, from: number): Line {
  const start = Math.max(from, text.lastIndexOf('\n', end - 1) + 1);
  return { start, end, text: utf8(text.slice(start, end)).trim() };
}

function utf8(latin1: string): string {
  return HIGH_BYTE.test(latin1) ? Buffer.from(latin1, 'latin1').toString('utf8') : latin1;
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
    if (!mayOpenDateline(paragraph, 0, paragraph.length) || (paragraphs[i - 1] ?? '').trimEnd().endsWith(':')) return;
    candidates.push(i);
  });
  // Nearly every story: at most its own dateline, which the normalizer parses anyway.
  if (candidates.length === 0 || (candidates.length === 1 && candidates[0]! < OWN_DATELINE_WITHIN)) return [];
  const found = candidates.filter((i) => opensWithAgencyDateline(paragraphs[i]!));
  const own = found[0];
  const leadOnly = (i: number): boolean => i < OWN_DATELINE_WITHIN || leadShape(paragraphs[i] ?? '') !== null;
  return own !== undefined && paragraphs.slice(0, own).every((_, i) => leadOnly(i)) ? found.slice(1) : found;
}
