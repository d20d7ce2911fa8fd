import { parseAgencyLine } from '../../normalize/agency-line.js';
import { looksLikeByline } from '../../normalize/byline.js';
import { parseDateline } from '../../normalize/dateline.js';
import { classifyEndMatter } from '../../normalize/endmatter.js';
import { textKey } from './dom.js';

// Lines that sit between a headline and the story: `Source: Xinhua | 2026-11-27 10:05:12 | Editor: Li Yan`,
// `Updated 6:01 am`, `November 27, 2026`, `3 min read`.
const FURNITURE =
  /^(?:[^|]{0,80}(?:\s[|·•]\s[^|]{0,80}){1,6}|(?:updated|published|posted|last updated)\b.{0,60}|\d+ min(?:ute)?s? read|[\p{L}.]+ \d{1,2}, \d{4}(?: \d{1,2}:\d{2}.{0,12})?|\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2}(?::\d{2})?)?)$/iu;

// Newsletter plugs set between a story's paragraphs: `Never miss the latest news by signing up to our newsletter
// today!`, `Simply pop your email into the box at the top of this article`, `Sign up for our daily briefing`.
const PROMO =
  /\b(?:sign(?:ing)? up|subscribe|subscribing)\b.{0,80}\b(?:newsletter|inbox|briefing)\b|\b(?:newsletter|inbox)\b.{0,60}\b(?:sign(?:ing)? up|subscribe)\b|\bpop your email\b/i;

// Labels a template leaves in the text wherever it puts a widget: `Photo`, `Image`, `Advertisement`,
// `Gallery: Xbox One X | 14 Photos`, `Continue reading the main story`, `Listen to this article`.
const LABEL =
  /^(?:photo|image|video|audio|graphic|advertisement|ad|sponsored|gallery:?.*|\d+ photos|continue reading.*|listen to (?:this )?(?:article|story).*|save|share|print|email|comments?|show comments|load comments|more|more from.*|read more|found this helpful|spread the news:?|donate now|follow the case)$/i;

// A paragraph that reads as a sentence: it ends like one.
const SENTENCE_END = /[.!?…。！？:;]["'”’)»]*$/;
const SHORT = 40;
// Strays are judged in Latin-script text only: forty characters of Chinese or Japanese are a sentence.
const LATIN = /^[\p{Script=Latin}\p{N}\p{P}\p{S}\s]+$/u;

/**
 * Takes the template's leftovers off the extracted paragraphs: the headline where the page repeats it, widget
 * labels, newsletter plugs, and short lines that are not sentences before the story starts (`Photo`, `By`,
 * `Biz & IT —`, `Reviewed by ...`; a printed byline when the page's metadata has one) and after it ends (`Continue reading the main story`, `+1`). A dateline standing
 * alone (`WASHINGTON (AP) —`) or a vignette with the agency's name (`Finland TT`) and sign-offs, source lines and credits (`Reuters`, `(END)`) are kept for the
 * normalizer. A drop cap set apart from its word (`T` then `urkey, Poland and ...`) is joined back. What is taken
 * off is returned as `dropped`, for the record's `stripped`: nothing disappears silently.
 */
export function withoutFurniture(
  paragraphs: readonly string[],
  headline: string | null,
  hasByline = false,
): { readonly kept: string[]; readonly dropped: string[] } {
  const title = headline === null ? null : textKey(headline);
  const kept: string[] = [];
  // In page order: what came before the story's first paragraph of prose, between its paragraphs, and after.
  const dropped: string[] = [];
  for (const paragraph of paragraphs) {
    // The headline repeated is in the record's headline: not lost.
    if (title !== null && paragraph.length <= title.length * 2 + 20 && textKey(paragraph) === title) continue;
    if ((paragraph.length < 80 && LABEL.test(paragraph)) || (paragraph.length < 250 && PROMO.test(paragraph))) {
      dropped.push(paragraph);
      continue;
    }
    const previous = kept.at(-1);
    if (previous !== undefined && /^\p{Lu}$/u.test(previous) && /^\p{Ll}/u.test(paragraph)) {
      kept[kept.length - 1] = previous + paragraph;
      continue;
    }
    kept.push(paragraph);
  }
  // The story runs from its first to its last paragraph that reads as prose; strays outside go.
  const first = kept.findIndex(isProse);
  if (first === -1) return { kept, dropped };
  let last = kept.length - 1;
  while (last > first && !isProse(kept[last]!) && isStray(kept[last]!)) last--;
  const head: string[] = [];
  const before: string[] = [];
  // A byline printed in the text (`By Jane Doe, Press Association`) is the normalizer's when the page's metadata names
  // no writer: it names the writer and perhaps the agency. Otherwise it repeats the metadata, and goes with the strays.
  const isByline = (p: string): boolean => !hasByline && BY_NAME.test(p) && looksLikeByline(p);
  for (const p of kept.slice(0, first))
    ((p.length < 200 && FURNITURE.test(p)) || (isStray(p) && !isByline(p)) ? before : head).push(p);
  return {
    kept: [...head, ...kept.slice(first, last + 1)],
    dropped: [...before, ...dropped, ...kept.slice(last + 1)],
  };
}

function isProse(paragraph: string): boolean {
  return paragraph.length >= 80 || SENTENCE_END.test(paragraph);
}

function isStray(paragraph: string): boolean {
  return (
    paragraph.length < SHORT &&
    LATIN.test(paragraph) &&
    !SENTENCE_END.test(paragraph) &&
    classifyEndMatter(paragraph) === null &&
    parseDateline(`${paragraph} X`, null) === null &&
    parseAgencyLine(paragraph) === null
  );
}

// An opening word and a name after it: `By` alone, a template's label, is no byline.
const BY_NAME = /^\S+\s+\S/;
