import { isDocument, isTag, isText, type AnyNode, type Element, type ParentNode } from 'domhandler';

/**
 * Small, fast helpers over the htmlparser2 tree that cheerio builds. Scoring walks every node of a page several
 * times; plain loops over `children` cost a fraction of cheerio's selector engine for the same work.
 */

/** True for an element node (`<p>`, `<script>`, `<style>` are all elements). */
export function isElement(node: AnyNode): node is Element {
  return isTag(node);
}

/** An attribute's value, or '' when absent. */
export function attr(element: Element, name: string): string {
  return element.attribs[name] ?? '';
}

/** `class` and `id` together, the string the class/id hints are matched against. */
export function classAndId(element: Element): string {
  const className = element.attribs['class'];
  const id = element.attribs['id'];
  return className === undefined ? (id ?? '') : id === undefined ? className : `${className} ${id}`;
}

/** Every element under `root`, in document order (depth first). */
export function descendants(root: ParentNode): Element[] {
  const out: Element[] = [];
  const stack: AnyNode[] = [...root.children].reverse();
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (!isElement(node)) continue;
    out.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return out;
}

/** The elements under `root` with one of these tag names, in document order. */
export function byTag(root: ParentNode, names: ReadonlySet<string>): Element[] {
  return descendants(root).filter((element) => names.has(element.name));
}

/** The text under a node, entities already decoded by the parser, whitespace as written. */
export function textOf(node: AnyNode): string {
  if (isText(node)) return node.data;
  if (!isElement(node) && !isDocument(node)) return '';
  if (isElement(node) && (node.name === 'script' || node.name === 'style')) return '';
  let out = '';
  for (const child of (node as ParentNode).children) out += textOf(child);
  return out;
}

/** Text with runs of whitespace collapsed to one space and the ends trimmed. */
export function innerText(node: AnyNode): string {
  return collapse(textOf(node));
}

/** Collapses whitespace runs to single spaces and trims. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Characters of link text over characters of text, 0..1 (a `#fragment` link counts for less, as in Readability). */
export function linkDensity(element: Element, textLength = innerText(element).length): number {
  if (textLength === 0) return 0;
  let links = 0;
  for (const a of byTag(element, ANCHOR)) {
    const href = a.attribs['href'];
    links += innerText(a).length * (href !== undefined && href.startsWith('#') ? 0.3 : 1);
  }
  return links / textLength;
}

const ANCHOR = new Set(['a']);

/** Removes a node from its parent, keeping the sibling links right. */
export function detach(node: AnyNode): void {
  const parent = node.parent;
  if (parent) {
    const index = parent.children.indexOf(node);
    if (index !== -1) parent.children.splice(index, 1);
  }
  if (node.prev) node.prev.next = node.next;
  if (node.next) node.next.prev = node.prev;
  node.parent = null;
  node.prev = null;
  node.next = null;
}

/** The element's ancestors, nearest first, up to `max` of them. */
export function ancestors(node: AnyNode, max = Infinity): Element[] {
  const out: Element[] = [];
  for (let parent = node.parent; parent && out.length < max; parent = parent.parent) {
    if (isElement(parent)) out.push(parent);
  }
  return out;
}

/** A text's letters and digits, lower-cased: for comparing texts whatever their case, spacing and punctuation. */
export function textKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * The header or an aside of an `<article>` (HTML's sectioning): not story text, but part of the story's page rather
 * than the site's furniture, so its byline is the story's (`<article><header><h1>...</h1><address>`).
 */
export function isArticlePart(element: Element): boolean {
  return (element.name === 'header' || element.name === 'aside') && hasAncestor(element, ARTICLE);
}

const ARTICLE = new Set(['article']);

/** True when some ancestor of the node has one of these tag names. */
export function hasAncestor(node: AnyNode, names: ReadonlySet<string>, max = Infinity): boolean {
  let depth = 0;
  for (let parent = node.parent; parent && depth < max; parent = parent.parent, depth++) {
    if (isElement(parent) && names.has(parent.name)) return true;
  }
  return false;
}
