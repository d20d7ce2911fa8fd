// C0 and C1 controls other than tab, newline and carriage return: SOH/STX/ETX framing residue, escape sequences; and
// the soft hyphen, an invisible break point inside a word (NTB Info's releases).
const CONTROLS = /[\u0000-\u0008\u000b-\u000c\u000e-\u001f\u007f-\u009f\u00ad]/g;

// ANSI/VT escape sequences whole (`ESC [31m`, an OSC title `ESC ] 0;title BEL`), so no fragment of one survives.
const ESCAPES =
  /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-Z\\-_])|\u009b[0-?]*[ -/]*[@-~]/g;

/** Removes control characters (framing residue, terminal escapes) from text, keeping tabs and line ends. */
export function stripControls(text: string): string {
  return HAS_CONTROL.test(text) ? text.replace(ESCAPES, '').replace(CONTROLS, '') : text;
}

const HAS_CONTROL = /[\u0000-\u0008\u000b-\u000c\u000e-\u001f\u007f-\u009f\u00ad]/;
// Anything tidy has to change besides a run of spaces: a control character or whitespace other than a plain space.
// (One character class: V8 scans those far faster than an alternation.)
const UNTIDY = /[\u0000-\u001f\u007f-\u00a0\u00ad\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

/** One paragraph's text with its whitespace collapsed to single spaces and its control characters removed. */
export function tidy(text: string): string {
  if (UNTIDY.test(text)) return stripControls(text).replace(/\s+/g, ' ').trim();
  // Its only whitespace is spaces: trimmed first, runs of them inside are all that can be left to collapse (an
  // indented first line no longer sends a paragraph through the regexes).
  const trimmed = text.trim();
  return trimmed.includes('  ') ? trimmed.replace(/ {2,}/g, ' ') : trimmed;
}

/** `text.replace(/\s+/g, ' ')`, without copying a text whose whitespace is single spaces already. */
export function collapseSpaces(text: string): string {
  return UNTIDY.test(text) || text.includes('  ') ? text.replace(/\s+/g, ' ') : text;
}

/** A story's tidy paragraphs (empty ones left out), and the number of spaces in each. */
export interface TidyParagraphs {
  readonly paragraphs: string[];
  readonly spaces: number[];
}

/**
 * {@link tidy} over a story's paragraphs, counting the spaces of each as it goes (a story's word count is made of
 * them, see {@link countWords}): one walk over a paragraph's spaces, by indexOf, both counts them and finds a run of
 * two, which tidy must collapse; looking for the run and counting the words apart walked every space twice.
 */
export function tidyParagraphs(raw: readonly string[]): TidyParagraphs {
  const paragraphs: string[] = [];
  const spaces: number[] = [];
  for (const paragraph of raw) {
    let text: string;
    let count: number;
    if (UNTIDY.test(paragraph)) {
      text = stripControls(paragraph).replace(/\s+/g, ' ').trim();
      count = countSpaces(text, 0, text.length);
    } else {
      text = paragraph.trim();
      count = singleSpaces(text);
      if (count < 0) {
        text = text.replace(/ {2,}/g, ' ');
        count = countSpaces(text, 0, text.length);
      }
    }
    if (text.length > 0) {
      paragraphs.push(text);
      spaces.push(count);
    }
  }
  return { paragraphs, spaces };
}

/** The number of spaces in `text[from, to)`. */
export function countSpaces(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf(' ', from); at !== -1 && at < to; at = text.indexOf(' ', at + 1)) count++;
  return count;
}

/** The number of spaces in a text whose only whitespace is spaces, or -1 when two of them stand together. */
function singleSpaces(text: string): number {
  let count = 0;
  for (let at = text.indexOf(' '); at !== -1; at = text.indexOf(' ', at + 1)) {
    if (text.charCodeAt(at + 1) === 32) return -1;
    count++;
  }
  return count;
}

/**
 * The number of words in a body of tidy paragraphs (single spaces inside, blank lines between): one more than the
 * separators. Counted with indexOf, which runs at memchr speed, since this runs on every story.
 */
export function countWords(body: string): number {
  if (body === '') return 0;
  let count = 1;
  for (let at = body.indexOf(' '); at !== -1; at = body.indexOf(' ', at + 1)) count++;
  for (let at = body.indexOf('\n\n'); at !== -1; at = body.indexOf('\n\n', at + 2)) count++;
  return count;
}
