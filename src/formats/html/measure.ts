import { isText, type AnyNode, type Element } from 'domhandler';
import { isElement } from './dom.js';

/** What one walk over an element's subtree finds: text length (whitespace collapsed) and where that text sits. */
export interface Measure {
  length: number;
  commas: number;
  p: number;
  img: number;
  li: number;
  input: number;
  embeds: number;
  /** Characters inside links (a `#fragment` link counts 0.3 a character, as in Readability). */
  linkChars: number;
  headingChars: number;
  /** Characters inside running-text elements (p, li, td, span, ...). */
  textishChars: number;
  /** Characters inside lists. */
  listChars: number;
}

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
// Where running text lives; a box whose text sits only in headings or bare inline tags is a widget ("Latest").
const TEXTISH = new Set([
  'span',
  'li',
  'td',
  'p',
  'pre',
  'blockquote',
  'dl',
  'dd',
  'dt',
  'a',
  'b',
  'i',
  'em',
  'strong',
  'table',
]);
const EMBEDS = new Set(['iframe', 'object', 'embed', 'video']);
const SKIP = new Set(['script', 'style', 'noscript', 'template']);

/**
 * Measures an element in one walk, instead of one walk per question (text, links, headings, lists, counts of
 * paragraphs and images): cleaning asks all of them of every box in the article.
 */
export function measure(element: Element): Measure {
  const m: Measure = {
    length: 0,
    commas: 0,
    p: 0,
    img: 0,
    li: 0,
    input: 0,
    embeds: 0,
    linkChars: 0,
    headingChars: 0,
    textishChars: 0,
    listChars: 0,
  };
  const walk = (node: AnyNode, link: number, heading: boolean, textish: boolean, list: boolean): void => {
    if (isText(node)) {
      const n = collapsedLength(node.data);
      if (n === 0) return;
      m.length += n;
      m.commas += countCommas(node.data);
      m.linkChars += n * link;
      if (heading) m.headingChars += n;
      if (textish) m.textishChars += n;
      if (list) m.listChars += n;
      return;
    }
    if (!isElement(node) || SKIP.has(node.name)) return;
    const name = node.name;
    if (name === 'p') m.p++;
    else if (name === 'img') m.img++;
    else if (name === 'li') m.li++;
    else if (name === 'input') m.input++;
    else if (EMBEDS.has(name)) m.embeds++;
    const weight = name === 'a' ? ((node.attribs['href'] ?? '').startsWith('#') ? 0.3 : 1) : link;
    for (const child of node.children) {
      walk(
        child,
        weight,
        heading || HEADINGS.has(name),
        textish || TEXTISH.has(name),
        list || name === 'ul' || name === 'ol',
      );
    }
  };
  for (const child of element.children) walk(child, 0, false, false, false);
  return m;
}

/** Text length, link characters and commas of one element, whitespace collapsed. */
export interface TextStats {
  readonly length: number;
  readonly linkChars: number;
  readonly commas: number;
}

// Latin, Arabic, CJK and other commas: each one is a sign of prose.
const COMMA_CODES = new Set([0x2c, 0x060c, 0xfe50, 0xfe10, 0xfe11, 0x2e41, 0x2e34, 0x2e32, 0xff0c, 0x3001]);

/**
 * Text statistics of every element under `root`, in one bottom-up walk, so that scoring can ask for the text
 * length and link density of any ancestor without walking its subtree again.
 */
export function textStats(root: { children: AnyNode[] }): Map<Element, TextStats> {
  const stats = new Map<Element, TextStats>();
  const walk = (node: AnyNode, link: number): TextStats => {
    if (isText(node)) {
      const length = collapsedLength(node.data);
      let commas = 0;
      if (length > 0) for (let i = 0; i < node.data.length; i++) if (COMMA_CODES.has(node.data.charCodeAt(i))) commas++;
      return { length, linkChars: length * link, commas };
    }
    if (!isElement(node) || SKIP.has(node.name)) return EMPTY;
    const weight = node.name === 'a' ? ((node.attribs['href'] ?? '').startsWith('#') ? 0.3 : 1) : link;
    let length = 0;
    let linkChars = 0;
    let commas = 0;
    for (const child of node.children) {
      const inner = walk(child, weight);
      length += inner.length;
      linkChars += inner.linkChars;
      commas += inner.commas;
    }
    const own = { length, linkChars, commas };
    stats.set(node, own);
    return own;
  };
  for (const child of root.children) walk(child, 0);
  return stats;
}

const EMPTY: TextStats = { length: 0, linkChars: 0, commas: 0 };

/** The length a text has once runs of whitespace are one space (ends included: the parts are joined later). */
function collapsedLength(text: string): number {
  let length = 0;
  let space = true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const isSpace = code === 32 || (code >= 9 && code <= 13) || code === 160;
    if (isSpace) {
      if (!space) length++;
      space = true;
    } else {
      length++;
      space = false;
    }
  }
  return length;
}

function countCommas(text: string): number {
  let count = 0;
  for (let at = text.indexOf(','); at !== -1; at = text.indexOf(',', at + 1)) count++;
  return count;
}
