import { buildParagraphs } from './plain.js';
import { htmlParagraphs } from './xml-body.js';

/**
 * The text of an article that follows no standard (article-json.ts, article-xml.ts): a title or a body that is
 * plain text, or HTML given as a string (escaped in XML, or in CDATA).
 */

// HTML rather than text: a closing tag of a text element, or a paragraph or line break. `<AMR>` is a ticker.
const MARKUP =
  /<\/(?:p|div|span|a|b|i|em|strong|h[1-6]|ul|ol|li|table|blockquote|pre|figure|section)>|<(?:p|br)\b[^<>]*>/i;
// NewsAPI cuts `content` short and says so at its end: `... the company said.… [+2817 chars]`.
const TRUNCATED = /\[\+\d+ chars\]\s*$/;

/** Paragraphs of HTML (Cision's `<p>`s) or of text (blank-line separated), and a truncation note cut from the end. */
export function textParagraphs(text: string): { paragraphs: string[]; cut: string | null } {
  const truncated = TRUNCATED.exec(text);
  // trimEnd, not a regex: `\s*` before the note would backtrack over a long run of spaces.
  const before = truncated === null ? text : text.slice(0, truncated.index).trimEnd();
  const whole = truncated !== null && before.endsWith('…') ? before.slice(0, -1) : before;
  const paragraphs = MARKUP.test(whole)
    ? htmlParagraphs(whole)
    : whole.trim() === ''
      ? []
      : buildParagraphs(whole.split(/\r?\n/), 0);
  return { paragraphs, cut: truncated === null ? null : text.slice(whole.length).trim() };
}

/** A title as text: WordPress's is HTML with entities (`Harbour&#8217;s new bridge`). */
export function titleText(title: string | null): string | null {
  if (title === null || !(MARKUP.test(title) || /&(?:#\d+|#x[\da-f]+|[a-z]+);/i.test(title))) return title;
  // Refinitiv marks the source it appends to the headline: `<span class="headline">...</span> - <span
  // class="source">Reuters</span>`; it is not part of the headline.
  const withoutSource = title.replace(SOURCE_SPAN, '');
  return htmlParagraphs(withoutSource).join(' ') || null;
}
const SOURCE_SPAN = /\s*[-–|]?\s*<span\b[^<>]*\bclass="source"[^<>]*>[^<]*<\/span>/;
