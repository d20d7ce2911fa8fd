import type { Element } from 'domhandler';
import {
  attr,
  isElement,
  byTag,
  textOf,
  classAndId,
  descendants,
  detach,
  hasAncestor,
  innerText,
  linkDensity,
} from './dom.js';
import type { Flags } from './clean.js';
import { SHARE, classWeight } from './hints.js';

const CONDITIONAL = ['form', 'fieldset', 'table', 'ul', 'ol', 'div', 'section'];
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
const LISTS = new Set(['ul', 'ol']);
const FIGURE = new Set(['figure']);
const CODE = new Set(['code', 'pre']);
// `Advertisement`, `Publicité`, `Werbung`, `广告`; `Loading...`.
const AD_OR_LOADING =
  /^(?:ad(?:vertising|vertisement)?|pub(?:licité)?|werb(?:ung)?|广告|Реклама|Anuncio|(?:loading|正在加载|Загрузка|chargement|cargando)(?:…|\.\.\.)?)$/iu;

/**
 * Cleans the chosen article in place, as Readability's `prepArticle` does: share bars, headings marked as page
 * furniture, the heading that repeats the headline, and (when the flag is on) lists, tables, forms and boxes whose
 * link density, image count or class/id say they are not text: related-links lists, galleries, newsletter boxes.
 */
export function pruneArticle(nodes: readonly Element[], headline: string | null, flags: Flags): void {
  const all = nodes.flatMap((node) => [node, ...descendants(node)]);
  const titleKey = headline === null ? null : key(headline);
  for (const element of all) {
    if (!element.parent) continue;
    const hints = classAndId(element);
    if (hints !== '' && SHARE.test(hints) && innerText(element).length < 500) detach(element);
    else if (
      HEADINGS.has(element.name) &&
      ((flags.weightClasses && classWeight(element) < 0) || (titleKey !== null && key(innerText(element)) === titleKey))
    ) {
      detach(element);
    }
  }
  if (!flags.cleanConditionally) return;
  for (const tag of CONDITIONAL) {
    // Innermost first, so that a box is judged after the junk inside it has gone.
    const found = all.filter((element) => element.name === tag && element.parent).reverse();
    for (const element of found) {
      if (!element.parent || !shouldRemove(element, tag, flags)) continue;
      if (LISTS.has(tag)) dropIntroduction(element);
      detach(element);
    }
  }
}

const INTRO = new Set(['p', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'b', 'span']);

/** The line that introduces a removed list (`Related stories`, `More from Reuters:`) goes with it. */
function dropIntroduction(list: Element): void {
  let previous = list.prev;
  while (previous && !isElement(previous) && textOf(previous).trim() === '') previous = previous.prev;
  if (!previous || !isElement(previous) || !INTRO.has(previous.name)) return;
  const text = innerText(previous);
  if (text.length > 0 && text.length <= 80 && !/[.!?]["”’]?$/.test(text)) detach(previous);
}

function key(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function shouldRemove(element: Element, tag: string, flags: Flags): boolean {
  if (tag === 'table' && isDataTable(element)) return false;
  if (hasAncestor(element, CODE)) return false;
  const text = innerText(element);
  const length = text.length;
  const isList = LISTS.has(tag) || listShare(element, length) > 0.9;
  const weight = flags.weightClasses ? classWeight(element) : 0;
  if (weight < 0) return true;
  if ((text.match(/,/g)?.length ?? 0) >= 10) return false;
  const count = (names: ReadonlySet<string>): number => byTag(element, names).length;
  const p = count(new Set(['p']));
  const img = count(new Set(['img']));
  const li = count(new Set(['li'])) - 100;
  const input = count(new Set(['input']));
  if (AD_OR_LOADING.test(text)) return true;
  const links = linkDensity(element, length);
  const inFigure = hasAncestor(element, FIGURE);
  const headingDensity = density(element, HEADINGS, length);
  const remove =
    (!inFigure && img > 1 && p / img < 0.5) ||
    (!isList && li > p) ||
    input > Math.floor(p / 3) ||
    (!isList && !inFigure && headingDensity < 0.9 && length < 25 && (img === 0 || img > 2) && links > 0) ||
    (!isList && weight < 25 && links > 0.2) ||
    // A list that is nearly all links is a related-stories or navigation list, not part of the story.
    (isList && links > 0.6) ||
    (weight >= 25 && links > 0.5) ||
    (img === 0 && length > 0 && density(element, TEXTISH, length) === 0 && tag !== 'table');
  // A list of pictures is a gallery the page may keep.
  if (isList && remove && element.children.every((child) => !isElement(child) || child.children.length <= 1)) {
    if (byTag(element, new Set(['li'])).length === img) return false;
  }
  return remove;
}

function listShare(element: Element, length: number): number {
  if (length === 0) return 0;
  let listed = 0;
  for (const list of byTag(element, LISTS)) if (!hasAncestor(list, LISTS, 1)) listed += innerText(list).length;
  return listed / length;
}

function density(element: Element, names: ReadonlySet<string>, length: number): number {
  if (length === 0) return 0;
  let inside = 0;
  for (const child of byTag(element, names)) inside += innerText(child).length;
  return inside / length;
}

/** A table of data (th, caption, many rows or columns) is content; a layout table is not. */
function isDataTable(table: Element): boolean {
  if (attr(table, 'role') === 'presentation' || attr(table, 'datatable') === '0') return false;
  if (attr(table, 'summary') !== '') return true;
  const inner = descendants(table);
  if (inner.some((element) => ['caption', 'th', 'thead', 'tfoot', 'colgroup', 'col'].includes(element.name)))
    return true;
  if (inner.some((element) => element.name === 'table')) return false;
  const rows = inner.filter((element) => element.name === 'tr');
  const columns = Math.max(0, ...rows.map((row) => row.children.filter(isElement).length));
  return rows.length >= 10 || columns > 4 || rows.length * columns > 10;
}
