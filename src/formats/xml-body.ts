import type { ParsedStory } from '../types.js';
import type { FormatDiagnostic, ParseResult } from './format.js';
import { buildParagraphs } from './plain.js';
import { isElement, parseXml, rawText, textOf, type XmlElement } from './xml.js';

// Elements whose text is a paragraph of its own (NITF, XHTML inside NewsML-G2, RCV1).
const BLOCKS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hl1',
  'hl2',
  'li',
  'dt',
  'dd',
  'tr',
  'blockquote',
  'div',
  'section',
  'block',
  'caption',
]);
// Elements that are not running text: pictures and their captions, scripts, the XHTML head.
// XHTML page furniture (dpa opens its body with a <header> of keywords, genre and a repeated <h1>) too.
const SKIP = new Set([
  'media',
  'figure',
  'img',
  'script',
  'style',
  'head',
  'object',
  'nitf-table-metadata',
  'header',
  'footer',
  'nav',
  'aside',
]);
const CELLS = new Set(['td', 'th']);

/**
 * The paragraphs of a body element: one per block element (`<p>`, `<li>`, `<hl2>`, a table row), with loose text
 * between blocks as paragraphs of its own. `<pre>` keeps wire copy's own layout and is unwrapped like plain text.
 */
export function paragraphsOf(element: XmlElement | undefined): string[] {
  const out: string[] = [];
  if (!element) return out;
  let inline = '';
  const flush = (): void => {
    const text = withoutEscapedTags(inline.replace(/\s+/g, ' ').trim());
    if (text !== '') out.push(text);
    inline = '';
  };
  const walk = (node: XmlElement): void => {
    const items = node.children;
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      if (!isElement(item)) {
        inline += item;
        continue;
      }
      // SGML-born markup writes its elements in capitals (LDC Gigaword's `<P>`).
      const name = item.name.toLowerCase();
      if (SKIP.has(name)) continue;
      else if (name === 'br' && breaksParagraph(items, i, inline)) flush();
      else if (name === 'pre' || (name === 'p' && isWireLayout(item))) {
        flush();
        for (const paragraph of buildParagraphs(dedented(rawText(item).split(/\r?\n/)), 0)) out.push(paragraph);
      } else if (BLOCKS.has(name)) {
        flush();
        walk(item);
        flush();
      } else {
        // Table cells and line breaks separate words that the markup does not space, and so does a span that
        // opens a word in capitals right after another (TT's `<span class="vignette">Finland</span><span
        // class="source">TT</span>`, laid out apart by its style sheet).
        const spaced = CELLS.has(name) || name === 'br';
        if (spaced || (name === 'span' && afterSpan(items[i - 1], item) && /\p{L}$/u.test(inline))) inline += ' ';
        walk(item);
        if (spaced) inline += ' ';
      }
    }
  };
  walk(element);
  flush();
  return out;
}

/**
 * Lines without the indent they all share past the first (the markup's own, when a pretty-printer indented a
 * `<pre>`'s text with the document): only an indent that some lines have and others lack opens a paragraph.
 */
function dedented(lines: readonly string[]): string[] {
  let common = Infinity;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() !== '') common = Math.min(common, line.length - line.trimStart().length);
  }
  if (common === 0 || common === Infinity) return [...lines];
  return lines.map((line, i) => (i === 0 ? line : line.slice(common)));
}

/**
 * Whether the line break at `items[at]` ends a paragraph inside a block: two in a row (`<br/><br/>`), or the block's
 * only one after a short line that is no sentence, a crosshead run into its paragraph (`<p>A return trip to the U.S.?
 * <br/> With four races remaining ...</p>`). Any other `<br>` is a space.
 */
function breaksParagraph(items: ReadonlyArray<XmlElement | string>, at: number, before: string): boolean {
  let next = at + 1;
  while (next < items.length && typeof items[next] === 'string' && (items[next] as string).trim() === '') next++;
  const after = items[next];
  if (after !== undefined && isElement(after) && after.name === 'br') return true;
  // One `<br>` in the block: lines broken at every end (AAP's hard-wrapped copy) are one paragraph.
  if (items.filter((item) => isElement(item) && item.name === 'br').length !== 1) return false;
  // A line wrapped mid-sentence runs on in lower case (`... return at <br />centre in the ...`), or for a line's
  // length or less (`... available on <br />AAP's premium FinEx content service.`); a crosshead's paragraph opens a
  // sentence and runs on for longer than the crosshead.
  const following = after === undefined ? '' : isElement(after) ? (textOf(after) ?? '') : after;
  const line = before.replace(/\s+/g, ' ').trim();
  return (
    line !== '' &&
    line.length <= CROSSHEAD_MAX &&
    !/[.!;:,]$|[.!?] |,/.test(line) &&
    /^\s*["“‘'\p{Lu}]/u.test(following) &&
    following.trim().length >= 2 * line.length
  );
}
const CROSSHEAD_MAX = 80;

// A line that opens a wire paragraph (indented), and one that continues it (flush left, hard-wrapped at a wire's
// width), after a line end.
const INDENTED_LINE = /\n[ \t]{2,}\S/g;
const WRAPPED_LINE = /\n\S[^\n]{0,79}(?=\n)/g;

/**
 * Whether a `<p>` holds a whole story in wire copy's own layout, as some NewsML-G2 feeds send it: paragraphs that
 * open with an indented line and run on flush left, hard-wrapped (`    Jan 30 (Reuters) - Gold rose on Tuesday on
 * increased safe` / `haven demand as ...`). It is then unwrapped like `<pre>`. A `<p>` that a pretty-printer spread
 * over indented lines has no short line flush left, or one at most where its text had a line end of its own.
 */
function isWireLayout(item: XmlElement): boolean {
  const text = rawText(item);
  if (!text.includes('\n')) return false;
  return (text.match(WRAPPED_LINE)?.length ?? 0) >= 2 && (text.match(INDENTED_LINE)?.length ?? 0) >= 2;
}

/** Whether `item` is a span right after another (`before`), no text between, that opens with a capital. */
function afterSpan(before: XmlElement | string | undefined, item: XmlElement): boolean {
  return before !== undefined && isElement(before) && before.name === 'span' && /^\s*\p{Lu}/u.test(textOf(item) ?? '');
}

/**
 * Markup escaped into the text (STT: `35&lt;endash&gt;-&lt;/endash&gt;40`) is markup, not text: a tag pair found
 * in decoded text keeps its content. A lone `<LKS>` (a Reuters ticker) has no closing tag and stays.
 */
function withoutEscapedTags(text: string): string {
  return text.includes('</') ? text.replace(/<([A-Za-z][\w.-]*)(?:\s[^<>]*)?>([^<]*)<\/\1>/g, '$2') : text;
}

/** Parses an XML unit and reports its markup problems as warnings on the unit's first line. */
export function parseXmlUnit(
  text: string,
  line: number,
): { readonly roots: readonly XmlElement[]; readonly diagnostics: FormatDiagnostic[] } {
  const doc = parseXml(text);
  const diagnostics: FormatDiagnostic[] = doc.problems.slice(0, 5).map((problem) => ({
    severity: 'warning',
    code: 'xml-malformed',
    message: `malformed XML, read as far as possible: ${problem}`,
    line,
  }));
  return { roots: doc.roots, diagnostics };
}

/** Every element with one of these local names, searching from the roots down (but not inside a match). */
export function elementsNamed(roots: readonly XmlElement[], names: ReadonlySet<string>): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (node: XmlElement): void => {
    if (names.has(node.name)) found.push(node);
    else for (const item of node.children) if (isElement(item)) visit(item);
  };
  for (const root of roots) visit(root);
  return found;
}

/**
 * The stories of a unit of XML whose items are the elements named `items` (`RBNews`, `release`), each read by `read`
 * (null for an item without text); a unit without any is no such document (`format`, `root` name it).
 */
export function xmlItemStories(
  text: string,
  line: number,
  items: ReadonlySet<string>,
  missing: { readonly format: string; readonly root: string },
  read: (item: XmlElement) => ParsedStory | null,
): ParseResult {
  const { roots, diagnostics } = parseXmlUnit(text, line);
  const found = elementsNamed(roots, items);
  if (found.length === 0)
    return { stories: [], diagnostics: [...diagnostics, missingRoot(missing.format, missing.root, line)] };
  const stories: ParsedStory[] = [];
  for (const item of found) {
    const story = read(item);
    if (story !== null) stories.push({ ...story, line });
  }
  return { stories, diagnostics };
}

/** A diagnostic for a unit in which the format's root element is missing (the pipeline then fails the input). */
export function missingRoot(format: string, root: string, line: number): FormatDiagnostic {
  return {
    severity: 'warning',
    code: 'missing-root',
    message: `no <${root}> element: not ${format} (or force another --format)`,
    line,
  };
}

// HTML's void elements, closed so that XML mode does not nest the text after them inside (`<img src=x>text`).
const VOID =
  /<(area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr)\b((?:[^>"']|"[^"]*"|'[^']*')*?)\/?>/gi;

/**
 * The paragraphs of an HTML fragment carried inside a document (ninjs `body_html`, WXR `content:encoded`, a mail's
 * HTML part), read with the XML reader: void elements closed first, blocks as paragraphs, pictures left out.
 */
export function htmlParagraphs(html: string): string[] {
  // HTML tag names are case-insensitive (`<P>`), XML's are not.
  const lowered = html.replace(
    /<(\/?)([A-Za-z][\w:-]*)/g,
    (_m, slash: string, name: string) => `<${slash}${name.toLowerCase()}`,
  );
  const { roots } = parseXml(`<div>${lowered.replace(VOID, '<$1$2/>')}</div>`);
  return paragraphsOf(roots[0]);
}

/**
 * The body without a first paragraph that repeats the headline (an XHTML body that opens with its `<h1>`), or the
 * summary the item gives apart (dpa's teaser); a body of that paragraph alone (a picture's caption) is kept.
 */
export function withoutHeadline(
  paragraphs: readonly string[],
  headline: string | null,
  summary: string | null = null,
): string[] {
  const first = paragraphs[0];
  const same = (a: string, b: string): boolean => a.replace(/\W+/g, ' ').trim() === b.replace(/\W+/g, ' ').trim();
  const repeats = (given: string | null): boolean => given !== null && first !== undefined && same(first, given);
  if (paragraphs.length > 1 && (repeats(headline) || repeats(summary))) return paragraphs.slice(1);
  // A supplier's credit line over the repeat (Reuters' relay of The Sports Xchange: `The Sports Xchange`, the
  // headline again, `BOSTON -- ...`): the repeat goes, the credit line stays for the lead to read.
  const second = paragraphs[1];
  if (
    paragraphs.length > 2 &&
    headline !== null &&
    second !== undefined &&
    (first ?? '').length <= CREDIT_LINE_MAX &&
    same(second, headline)
  )
    return [first!, ...paragraphs.slice(2)];
  return [...paragraphs];
}
const CREDIT_LINE_MAX = 40;
