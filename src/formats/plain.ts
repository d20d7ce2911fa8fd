import { looksLikeByline } from '../normalize/byline.js';
import { parseDateline } from '../normalize/dateline.js';
import { parseAgencyLine } from '../normalize/agency-line.js';
import { leadShape, opensWithUpdateVerb } from '../normalize/lead.js';
import { signsOff, standsAlone } from '../normalize/endmatter.js';
import { stripControls } from '../normalize/text.js';
import type { ParsedStory, Provenance } from '../types.js';

// The title line AP and others print under a byline: `Associated Press`, `AP Business Writer`, `Press Association`:
// short, capitalised, and no sentence.
const BYLINE_TITLE = /^(?:The )?\p{Lu}[\p{L}.&'’-]*(?: (?:of |for |the |and )?[\p{Lu}\d][\p{L}\d.&'’-]*){0,6}$/u;
// How many blocks after the headline are searched for a byline (editor's notes and update notes may come first).
const LEAD_BLOCKS = 6;
// A lead block (an editor's note, update note, bullets) is a few lines at most; a longer one is body.
const LEAD_BLOCK_LINES = 6;
// Hard-wrapped wire copy is at most this wide; longer lines are paragraphs of their own.
const WRAP_WIDTH = 100;
const HEADLINE_MAX_LINES = 3;
const HEADLINE_MAX = 300;

/**
 * Parses one plain-text wire story (FORMATS.md, "The parts of a plain-text wire story"): headline, optional byline,
 * and body paragraphs, unwrapping hard-wrapped lines. The dateline and end matter stay in the paragraphs for the
 * normalizer. Never throws; returns null when the text holds nothing but whitespace.
 */
export function parsePlain(
  text: string,
  options: { readonly provenance?: boolean; readonly releasePreamble?: boolean } = {},
): ParsedStory | null {
  const lines = plainLines(text);
  let at = skipBlank(lines, 0);
  if (at >= lines.length) return null;
  // A release wire's lines over the headline (PR Newswire-AsiaNet: `Source: Example Corp.`, `MEDIA RELEASE PR67276`).
  const preamble: number[] = [];
  while (
    options.releasePreamble === true &&
    RELEASE_PREAMBLE.test(lines[at] ?? '') &&
    (lines[at + 1] ?? '').trim() !== ''
  )
    preamble.push(at++);
  const head = takeHeadline(lines, at);
  at = skipBlank(lines, head.next);
  const byline = findByline(lines, at);
  let rest = lines;
  if (byline.lines.length > 0) {
    rest = [...lines];
    for (const line of byline.lines) rest[line] = '';
  }
  const lineOf: number[][] | null = options.provenance ? [] : null;
  const story: ParsedStory = {
    headline: head.headline,
    byline: byline.text,
    paragraphs: buildParagraphs(rest, at, lineOf),
    ...(preamble.length > 0 ? { stripped: preamble.map((line) => (lines[line] ?? '').trim()) } : {}),
  };
  if (lineOf === null) return story;
  const headline = head.headline === '' ? [] : range(head.from, head.next).filter((i) => (lines[i] ?? '').trim());
  const provenance: Provenance = {
    ...(preamble.length > 0 ? { stripped: preamble } : {}),
    headline,
    byline: byline.lines,
    paragraphs: lineOf,
  };
  return { ...story, provenance };
}

const RELEASE_PREAMBLE = /^\s*(?:Source: \S.{1,80}|(?:MEDIA|PRESS) RELEASE(?: [A-Z]{0,3}\d{3,8})?)\s*$/;

/** The lines of a plain-text story as the parser reads them (line ends normalized, control characters removed). */
export function plainLines(text: string): string[] {
  return stripControls(text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text).split('\n');
}

/**
 * The byline among the blocks before the dateline: a block of one or two lines that opens with `By ...` (`Von ...`,
 * `Por ...`), with the title line printed under it (`Associated Press`, `AP Business Writer`) joined on after a
 * comma, as bylines print it on one line. Editor's notes and update notes may come before it; a block that opens
 * with a dateline or reads as body (long lines, or more than a few) ends the search.
 */
function findByline(lines: readonly string[], from: number): { text: string | null; lines: number[] } {
  let at = from;
  for (let block = 0; block < LEAD_BLOCKS && at < lines.length; block++) {
    let end = at;
    while (end < lines.length && (lines[end] ?? '').trim() !== '') end++;
    const first = (lines[at] ?? '').trim();
    const second = (lines[at + 1] ?? '').trim();
    if (looksLikeByline(first) && isShortLine(first)) {
      const titled = second !== '' && second.length <= 60 && BYLINE_TITLE.test(second);
      const size = titled ? 2 : 1;
      // What follows the byline in its block must be nothing, or the dateline.
      if (end - at === size || parseDateline((lines[at + size] ?? '').trim(), null) !== null) {
        return titled ? { text: `${first}, ${second}`, lines: [at, at + 1] } : { text: first, lines: [at] };
      }
      break;
    }
    const lead = leadShape(first) !== null;
    if (end - at > LEAD_BLOCK_LINES || (!lead && (first.length > WRAP_WIDTH || parseDateline(first, null) !== null)))
      break;
    at = skipBlank(lines, end);
  }
  return { text: null, lines: [] };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}

function skipBlank(lines: readonly string[], from: number): number {
  let at = from;
  while (at < lines.length && (lines[at] ?? '').trim() === '') at++;
  return at;
}

function isShortLine(line: string): boolean {
  return line.split(/\s+/).length <= 14 && !/[a-z]{3}[.!?]$/.test(line);
}

/**
 * The headline is the first non-blank line, or the first lines when they form a short block on their own
 * (a headline wrapped over two lines). A first line that already opens with a dateline is body: no headline.
 */
function takeHeadline(lines: readonly string[], from: number): { headline: string; from: number; next: number } {
  const first = (lines[from] ?? '').trim();
  if (first.length > HEADLINE_MAX || opensWithDateline(lines, from)) return { headline: '', from, next: from };
  let end = from + 1;
  while (end < lines.length && (lines[end] ?? '').trim() !== '') end++;
  const block = lines.slice(from, end).map((line) => line.trim());
  const isHeadlineBlock =
    block.length <= HEADLINE_MAX_LINES &&
    block.join(' ').length <= HEADLINE_MAX &&
    block.slice(1).every(continuesHeadline);
  return isHeadlineBlock
    ? { headline: joinWrapped(block), from, next: end }
    : { headline: first, from, next: from + 1 };
}

// A sentence's or a label's end: a word in lower case or a figure, then `.` or `:` (`U.S.` is no end; a headline
// may ask a question or exclaim, a first paragraph seldom does).
const SENTENCE_END = /(?:\p{Ll}{2}|\d)[.:]["”’)]?$/u;

/**
 * Whether a line under the headline, with no blank line between, is more of it. The story's first paragraph printed
 * so is not: a line too long to be wrapped, or one that ends a sentence; nor is a lead block (an editor's note, an
 * update note, a byline), a dateline, end matter, or a place or vignette line with the agency's name (`Finland TT`).
 */
function continuesHeadline(line: string): boolean {
  return (
    line.length <= WRAP_WIDTH &&
    !SENTENCE_END.test(line) &&
    leadShape(line) === null &&
    !opensWithUpdateVerb(line) &&
    !standsAlone(line) &&
    parseDateline(line, null) === null &&
    parseAgencyLine(line) === null
  );
}

/** Wrapped lines joined with a space, or without one after a hyphen that ends a line between letters (`Jan-` / `March`). */
function joinWrapped(lines: readonly string[]): string {
  let joined = lines[0] ?? '';
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    joined += joinsWithoutSpace(lines[i - 1] ?? '', line) ? line : ` ${line}`;
  }
  return joined;
}

/**
 * A first line that opens with a dateline is body, not headline: `SEOUL, Nov. 27 (Yonhap) -- ...`. It is a headline
 * after all when the next paragraph opens with a dateline too, and a short line standing alone needs an agency to
 * count (`ROTTERDAM PORT SUBSIDY TO END JULY 1 - MINISTER`, `PERU SUGAR HARVEST SEEN LOWER -- USDA` are headlines).
 */
function opensWithDateline(lines: readonly string[], at: number): boolean {
  const line = (lines[at] ?? '').trim();
  const found = parseDateline(line, null);
  if (found === null) return false;
  const next = skipBlank(lines, at + 1);
  if (next > at + 1 && parseDateline((lines[next] ?? '').trim(), null) !== null) return false;
  const standsAloneShort = line.length <= WRAP_WIDTH && (next > at + 1 || next >= lines.length);
  return (
    found.dateline.agency !== null || (!standsAloneShort && (found.dateline.date !== null || line.length > WRAP_WIDTH))
  );
}

/**
 * Joins lines into paragraphs. Blank lines always separate paragraphs. Within a block, a line indented more than
 * the block's least-indented line starts a new paragraph (1987 Reuters: `    The company said ...`); a block of
 * equally indented lines is one hard-wrapped paragraph, unless its lines are too long to be wrapped, when each
 * line is a paragraph. Sign-offs, source lines and trailers always stand alone. When `lineOf` is given, the indices
 * of the lines each paragraph was joined from are pushed onto it, one entry per paragraph.
 */
export function buildParagraphs(lines: readonly string[], from: number, lineOf: number[][] | null = null): string[] {
  const paragraphs: string[] = [];
  // End matter sits at the end of a story: only lines there are asked whether they must stand alone (asking every
  // line of a long story costs more than the rest of the parse).
  const tailFrom = lines.length - TAIL_LINES;
  let block: string[] = [];
  let blockStart = from;
  // The story's widest line, measured once and only if a line at its end asks whether the one before ran on.
  let widest = -1;
  const width = (): number => (widest >= 0 ? widest : (widest = widestLine(lines, from)));
  const flush = (): void => {
    // A loop, not push(...): a block can hold more paragraphs than a call has room for arguments (a 15 MB story).
    if (block.length > 0)
      for (const paragraph of splitBlock(block, tailFrom - blockStart, lineOf, blockStart, width))
        paragraphs.push(paragraph);
    block = [];
  };
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') {
      flush();
      blockStart = i + 1;
    } else {
      block.push(line);
    }
  }
  flush();
  return paragraphs;
}

const TAIL_LINES = 12;
const BULLET = /^(?:[-*•·]|\d{1,2}[.)])\s/;

/**
 * Splits one blank-line-delimited block; `tailFrom` is the block index where the story's last lines begin, and
 * `first` the index of the block's first line (for `lineOf`).
 */
function splitBlock(
  block: readonly string[],
  tailFrom: number,
  lineOf: number[][] | null,
  first: number,
  width: () => number,
): string[] {
  const indents = block.map(indentOf);
  const least = indents.reduce((min, indent) => Math.min(min, indent), Infinity);
  const mixed = indents.some((indent) => indent > least);
  const wrapped = mixed || block.every((line, i) => i === block.length - 1 || line.length <= WRAP_WIDTH);
  const out: string[] = [];
  // The lines of the paragraph in hand (and the spaces between them), joined once it ends: joining at every line
  // rescanned the paragraph so far each time, and a 15 MB story of 80-column lines took twelve minutes. A space is
  // its own piece, so that the line before is still a flat string when its end is looked at (` ${line}` was flattened
  // again by that look: a copy of every line).
  let current: string[] = [];
  let before = '';
  for (let i = 0; i < block.length; i++) {
    const line = block[i]!.trim();
    // A table's rows, set between bars (dpa's results `| FC Augsburg | - | Bor. Mönchengladbach | 2:1 (1:0) |`), are
    // never wrapped: each is a paragraph, and so is the line after the last.
    let starts =
      i === 0 ||
      !wrapped ||
      (mixed && (indents[i] ?? 0) > least) ||
      BULLET.test(line) ||
      isTableRow(line) ||
      isTableRow(before);
    // End matter stands alone, unless the line before ran on into it: a wrapped credit (`... Lena Fischer in` /
    // `Chicago and Paul Nakamura in St. Louis contributed to this report.`) is one paragraph. A sign-off never wraps.
    if (!starts && i >= tailFrom) {
      const ranOn = runsOn(block[i - 1] ?? '', line, width) && !signsOff(line);
      starts = !ranOn && (standsAlone(line) || (current.length === 1 && standsAlone(current[0] ?? '')));
    }
    if (starts) {
      if (current.length > 0) out.push(current.join(''));
      current = [line];
      lineOf?.push([first + i]);
    } else {
      if (joinsWithoutSpace(before, line)) current.push(line);
      else current.push(' ', line);
      lineOf?.at(-1)?.push(first + i);
    }
    before = line;
  }
  if (current.length > 0) out.push(current.join(''));
  return out;
}

function isTableRow(line: string): boolean {
  return line.length > 2 && line.charCodeAt(0) === 124 && line.charCodeAt(line.length - 1) === 124;
}

// How a line ends a sentence or a clause: the line after it may start anew.
const CLAUSE_END = /[.!?:;"”’)\]]$/;

/**
 * Whether a wrapped line runs on into the next: it ends mid-sentence, and the next line's first word would not have
 * fitted on it (as wide as the story's widest line). A table's short line above `Reuter` does not run on.
 */
function runsOn(above: string, line: string, width: () => number): boolean {
  const before = above.trimEnd();
  if (before.length < NARROWEST_WRAP || CLAUSE_END.test(before)) return false;
  const space = line.indexOf(' ');
  return before.length + 1 + (space === -1 ? line.length : space) > width();
}

// Copy is wrapped at 60 to 80 columns; a line shorter than this did not end for want of room (a table's `Net 130,998
// vs 30,732` above `Reuter`, in a story whose lines are all that short).
const NARROWEST_WRAP = 45;

function widestLine(lines: readonly string[], from: number): number {
  let widest = 0;
  for (let i = from; i < lines.length; i++) widest = Math.max(widest, (lines[i] ?? '').trimEnd().length);
  return widest;
}

function indentOf(line: string): number {
  let width = 0;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code === 32) width++;
    else if (code === 9) width += 4;
    else break;
  }
  return width;
}

/** True when a wrapped line continues a word hyphenated at the end of the line before (`Iraq-` / `backed`). */
function joinsWithoutSpace(before: string, line: string): boolean {
  // Most lines end otherwise: the hyphen is looked at before the regexes run.
  return before.endsWith('-') && /\p{L}-$/u.test(before) && /^\p{L}/u.test(line);
}
