import { load } from 'cheerio/slim';
import { isText, type AnyNode, type Document } from 'domhandler';
import { BLOCKS } from './clean.js';
import { capDepth } from './depth.js';
import { descendants, isElement } from './dom.js';
import { readsAsProse } from './prose.js';

/** Why a page is not an article, as the second half of the `not an article: ...` diagnostic. */
export type NotArticle = 'listing' | 'login';

// Text never shown as the page's items.
const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'svg', 'select', 'option']);
// A table row is one item (`a.txt | 2026-03-01 10:00 | 1.2K`), not three: its cells do not end an item.
const CELLS = new Set(['td', 'th']);
const ITEM_BREAKS = new Set([...[...BLOCKS].filter((name) => !CELLS.has(name)), 'caption']);
// An item list with this share of items holding a link, and this many links, is an index of links.
const LINKED_SHARE = 0.5;
const MIN_LINKS = 3;
// A sign-in form beside no more reading text than this is a login wall (a news page's header may hold a sign-in
// form too, above the story's paragraphs).
const LOGIN_MAX_WORDS = 60;

/**
 * Whether a page that does not declare itself an article (JSON-LD, `og:type`) is something else, judged by its
 * structure and not by its length: a login wall is a password field beside at most one short paragraph; a
 * directory listing, a section front or a search page has no paragraph of prose and is mostly items that are
 * links (Apache's `<tr>` rows, nginx's `<pre>` lines, `<li>` headlines). A page of a headline and a few words with
 * no such structure is kept: it may be a short article. Parses again, only for pages without prose.
 */
export function judgePage(html: string, paragraphs: readonly string[], declaresArticle: boolean): NotArticle | null {
  const prose = paragraphs.filter(readsAsProse);
  const words = prose.reduce((sum, paragraph) => sum + paragraph.split(/\s+/).length, 0);
  if (prose.length >= 2 || words > LOGIN_MAX_WORDS) return null;
  const document = load(html).root()[0] as unknown as Document;
  capDepth(document);
  const elements = descendants(document);
  if (elements.some((element) => element.name === 'input' && /^password$/i.test(element.attribs['type'] ?? '')))
    return 'login';
  if (prose.length > 0 || declaresArticle) return null;
  const body = elements.find((element) => element.name === 'body') ?? document;
  const { items, linked, links } = countItems(body.children);
  return links >= MIN_LINKS && linked >= items * LINKED_SHARE ? 'listing' : null;
}

/** The page's items (blocks, table rows, lines of a `<pre>` or between `<br>`s) and how many hold a link. */
function countItems(nodes: readonly AnyNode[]): { items: number; linked: number; links: number } {
  let items = 0;
  let linked = 0;
  let links = 0;
  let text = false;
  let link = false;
  const end = (): void => {
    if (text) {
      items++;
      if (link) linked++;
    }
    text = false;
    link = false;
  };
  const walk = (node: AnyNode, inPre: boolean, inLink: boolean): void => {
    if (isText(node)) {
      const lines = inPre ? node.data.split('\n') : [node.data];
      lines.forEach((line, i) => {
        if (i > 0) end();
        if (line.trim() === '') return;
        text = true;
        link ||= inLink;
      });
      return;
    }
    if (!isElement(node) || HIDDEN.has(node.name)) return;
    if (node.name === 'br') return end();
    const breaks = ITEM_BREAKS.has(node.name);
    // `javascript:` and `#` links go nowhere: text wrapped in one is not an index entry.
    const navigates = node.name === 'a' && /^(?!javascript:|#|$)/i.test((node.attribs['href'] ?? '').trim());
    if (navigates) links++;
    if (breaks) end();
    for (const child of node.children) walk(child, inPre || node.name === 'pre', inLink || navigates);
    if (breaks) end();
  };
  for (const node of nodes) walk(node, false, false);
  end();
  return { items, linked, links };
}
