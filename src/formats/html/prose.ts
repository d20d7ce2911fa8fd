// A word of running text: letters, with an apostrophe or hyphen inside (`don't`, `re-open`), quotes and brackets
// around, punctuation after; or an abbreviation (`U.S.`). A file name (`a.txt`), a date (`01-Mar-2026`) or a size
// (`1.2K`) is not one.
const WORD = /^[("“‘'«¿¡]*\p{L}[\p{L}\p{M}'’-]*[)"”’'»]*[.,;:!?…]*$|^(?:\p{L}\.){2,}[,;:]?$/u;
// Ends like a sentence: `.`, `!`, `?`, `…`, `。`, before any closing quotes or brackets.
const SENTENCE_END = /[.!?…。！？]["'”’)»]*$/;
// A sentence ends inside the paragraph: `... so far. Deep fake ...`.
const SENTENCE_INSIDE = /\p{Ll}[.!?]["'”’)»]*\s+["'“‘(«]*\p{Lu}/u;
// Scripts written without spaces between words: a sentence is one long token.
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/**
 * True when a paragraph is running text, as an article has: six words or more, mostly words (not file names,
 * dates and sizes), with a sentence ending in it or at its end, or twenty words and more; in Chinese, Japanese or Thai, a sentence
 * of twenty-five letters. A directory listing, a table of figures or a row of links has no such paragraph.
 */
export function readsAsProse(paragraph: string): boolean {
  const ends = SENTENCE_END.test(paragraph);
  if (UNSPACED.test(paragraph)) return ends && (paragraph.match(/\p{L}/gu)?.length ?? 0) >= 25;
  const tokens = paragraph.split(/\s+/).filter((token) => token !== '');
  const words = tokens.filter((token) => WORD.test(token)).length;
  return words >= 6 && words >= tokens.length * 0.6 && (ends || SENTENCE_INSIDE.test(paragraph) || words >= 20);
}
