import type { Element } from 'domhandler';
import { attr, isElement, textOf, classAndId, descendants, detach, hasAncestor, innerText, textKey } from './dom.js';
import type { Flags } from './clean.js';
import { SHARE, classWeight } from './hints.js';
import { measure } from './measure.js';

const CONDITIONAL = ['form', 'fieldset', 'table', 'ul', 'ol', 'div', 'section'];
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
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
  const titleKey = headline === null ? null : textKey(headline);
  for (const element of all) {
    if (!element.parent) continue;
    const hints = classAndId(element);
    if (hints !== '' && SHARE.test(hints) && innerText(element).length < 500) detach(element);
    else if (
      HEADINGS.has(element.name) &&
      ((flags.weightClasses && classWeight(element) < 0) ||
        (titleKey !== null && textKey(innerText(element)) === titleKey))
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

function shouldRemove(element: Element, tag: string, flags: Flags): boolean {
  if (tag === 'table' && isDataTable(element)) return false;
  if (hasAncestor(element, CODE)) return false;
  const weight = flags.weightClasses ? classWeight(element) : 0;
  if (weight < 0) return true;
  const m = measure(element);
  const length = m.length;
  if (m.commas >= 10) return false;
  if (length < 40 && AD_OR_LOADING.test(innerText(element))) return true;
  const share = (chars: number): number => (length === 0 ? 0 : chars / length);
  const isList = LISTS.has(tag) || share(m.listChars) > 0.9;
  const { p, img, input } = m;
  const li = m.li - 100;
  const links = share(m.linkChars);
  const inFigure = hasAncestor(element, FIGURE);
  const remove =
    (!inFigure && img > 1 && p / img < 0.5) ||
    (!isList && li > p) ||
    input > Math.floor(p / 3) ||
    (!isList && !inFigure && share(m.headingChars) < 0.9 && length < 25 && (img === 0 || img > 2) && links > 0) ||
    (!isList && weight < 25 && links > 0.2) ||
    // A list of short items that are nearly all links is a related-stories or navigation list; bullets of the
    // story's own that carry links (`... the 5th song on "good kid, m.A.A.d city" ...`) are longer.
    (isList && links > 0.6 && m.li > 0 && length / m.li < 120) ||
    (weight >= 25 && links > 0.5) ||
    (m.embeds === 1 && length < 75) ||
    m.embeds > 1 ||
    (img === 0 && length > 0 && m.textishChars === 0 && tag !== 'table');
  // A list of pictures is a gallery the page may keep.
  if (isList && remove && element.children.every((child) => !isElement(child) || child.children.length <= 1)) {
    if (m.li === img) return false;
  }
  return remove;
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
