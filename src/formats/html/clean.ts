import {
  Element,
  isCDATA,
  isComment,
  isDirective,
  isText,
  type AnyNode,
  type Document,
  type ParentNode,
} from 'domhandler';
import {
  ancestors,
  attr,
  classAndId,
  descendants,
  detach,
  hasAncestor,
  innerText,
  isArticlePart,
  isElement,
} from './dom.js';
import { CAPTION, UNLIKELY_ROLES, looksUnlikely } from './hints.js';
import { bylineText } from './metadata.js';

/** Which of the riskier cleaning steps are on; an attempt that finds too little text retries with fewer. */
export interface Flags {
  readonly stripUnlikely: boolean;
  readonly weightClasses: boolean;
  readonly cleanConditionally: boolean;
}

// Never article text: scripts, forms' controls, embedded media, navigation and asides.
const DROP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'audio',
  'video',
  'map',
  'button',
  'input',
  'select',
  'textarea',
  'option',
  'nav',
  'aside',
  'footer',
  'link',
  'meta',
  'dialog',
  'menu',
  'figcaption',
  'head',
  'title',
  'base',
]);
// Elements that start a block; a <div> holding none of these is a paragraph in all but name.
export const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'dd',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'select',
]);
const KEEP_TOGETHER = new Set(['table', 'code', 'pre']);
const EMPTY_DROPPABLE = new Set(['div', 'section', 'header', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'span', 'li']);
const MEDIA = new Set(['img', 'picture', 'video', 'iframe', 'object', 'embed']);

/**
 * Prepares a parsed page for scoring, in one walk: drops scripts, media, navigation, asides, hidden parts, ARIA
 * furniture and captions, and (when the flag is on) parts whose class or id marks them as page furniture; then
 * turns `<div>`s that hold only text into paragraphs and wraps loose text beside blocks in `<p>`s. The first
 * byline-looking element met in document order among what survives is taken out and its text returned.
 */
export function cleanDocument(
  document: Document,
  flags: Flags,
  elements: readonly Element[] = descendants(document),
): { byline: string | null } {
  let byline: string | null = null;
  const holders = flags.stripUnlikely ? articleHolders(elements) : new Set<Element>();
  const stack: AnyNode[] = [...document.children].reverse();
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (isComment(node) || isDirective(node) || isCDATA(node)) {
      detach(node);
      continue;
    }
    if (!isElement(node)) continue;
    if (neverText(node)) {
      if (byline === null && isArticlePart(node)) byline = firstByline(node);
      detach(node);
      continue;
    }
    // The byline is looked for before the unlikely parts go, as in Readability: it often sits in a part whose name
    // says furniture (`<header class="entry-header">`).
    const found: string | null = byline === null ? bylineText(node) : null;
    if (found !== null) {
      byline = found;
      detach(node);
      continue;
    }
    if (unlikely(node, flags, holders)) {
      if (byline === null && isArticlePart(node)) byline = firstByline(node);
      detach(node);
      continue;
    }
    if (node.name === 'div') paragraphize(node);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  dropEmpty(document);
  return { byline };
}

function firstByline(element: Element): string | null {
  for (const inner of descendants(element)) {
    const text = bylineText(inner);
    if (text !== null) return text;
  }
  return null;
}

/** Never article text: scripts, media, navigation, hidden parts, ARIA furniture, captions. */
function neverText(element: Element): boolean {
  if (DROP.has(element.name)) return true;
  if (isHidden(element)) return true;
  if (UNLIKELY_ROLES.has(attr(element, 'role'))) return true;
  return CAPTION.test(classAndId(element)) && innerText(element).length < 300;
}

/** With the flag on, a part whose class or id marks it as page furniture, unless it holds the article. */
function unlikely(element: Element, flags: Flags, holders: ReadonlySet<Element>): boolean {
  if (!flags.stripUnlikely || element.name === 'body' || element.name === 'a' || element.name === 'html') return false;
  return looksUnlikely(element) && !hasAncestor(element, KEEP_TOGETHER) && !holders.has(element);
}

// `<div class="above-footer">` around the whole story (thepointsguy.com): a wrapper whose name says furniture is
// kept when it holds the article itself.
const ARTICLE_HINT = /(?:^|[\s_-])(?:article|post|entry|story)[-_]?(?:body|content|text)(?:$|[\s_-])|articlebody/i;

/** Every element that has the article (an `<article>`, `<main>`, `article-body`, `articleBody`) inside it. */
function articleHolders(elements: readonly Element[]): Set<Element> {
  const holders = new Set<Element>();
  for (const element of elements) {
    const isArticle =
      element.name === 'article' ||
      element.name === 'main' ||
      attr(element, 'itemprop') === 'articleBody' ||
      ARTICLE_HINT.test(classAndId(element));
    if (!isArticle) continue;
    for (const ancestor of ancestors(element)) {
      if (holders.has(ancestor)) break;
      holders.add(ancestor);
    }
  }
  return holders;
}

function isHidden(element: Element): boolean {
  if (element.attribs['hidden'] !== undefined) return true;
  if (attr(element, 'aria-hidden') === 'true' && !/fallback-image/.test(attr(element, 'class'))) return true;
  const style = attr(element, 'style');
  return style !== '' && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/**
 * A `<div>` without block children becomes a `<p>`; in one with blocks, each run of loose text and inline elements
 * is wrapped in a new `<p>` (`<div>Text <b>bold</b><p>...</p></div>`), so that every paragraph can be scored.
 */
function paragraphize(div: Element): void {
  if (!div.children.some((child) => isElement(child) && BLOCKS.has(child.name))) {
    div.name = 'p';
    return;
  }
  const children: AnyNode[] = [];
  let run: AnyNode[] = [];
  const flush = (): void => {
    if (run.some((node) => (isText(node) ? node.data.trim() !== '' : isElement(node) && node.name !== 'br'))) {
      const p = new Element('p', {}, run);
      for (const node of run) node.parent = p;
      p.parent = div;
      children.push(p);
    } else {
      for (const child of run) children.push(child);
    }
    run = [];
  };
  for (const child of div.children) {
    if (isElement(child) && BLOCKS.has(child.name)) {
      flush();
      children.push(child);
    } else {
      run.push(child);
    }
  }
  flush();
  relink(div, children);
}

function relink(parent: ParentNode, children: AnyNode[]): void {
  parent.children = children;
  children.forEach((child, i) => {
    child.prev = children[i - 1] ?? null;
    child.next = children[i + 1] ?? null;
  });
}

/** Drops blocks left with neither text nor media after cleaning, innermost first. */
function dropEmpty(root: ParentNode): void {
  for (const child of [...root.children]) {
    if (!isElement(child)) continue;
    dropEmpty(child);
    if (EMPTY_DROPPABLE.has(child.name) && isEmpty(child)) detach(child);
  }
}

function isEmpty(element: Element): boolean {
  for (const child of element.children) {
    if (isText(child) && child.data.trim() !== '') return false;
    if (isElement(child) && (MEDIA.has(child.name) || child.name !== 'br')) return false;
  }
  return true;
}
