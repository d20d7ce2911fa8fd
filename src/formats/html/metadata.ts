import type { Document, Element } from 'domhandler';
import { isText } from 'domhandler';
import { ancestors, attr, classAndId, collapse, descendants, innerText, isArticlePart } from './dom.js';
import { articleFromJsonLd, type JsonLdArticle } from './jsonld.js';
import { isoDate, printedDate } from './dates.js';
import { cleanTitle } from './title.js';
import { languageTag } from '../../normalize/language-tag.js';

export { isoDate } from './dates.js';

/** What a page says about itself, before its body is looked at. */
export interface PageMeta {
  readonly headline: string | null;
  readonly byline: string | null;
  readonly published: string | null;
  readonly siteName: string | null;
  readonly language: string | null;
  readonly canonicalUrl: string | null;
  /** JSON-LD `articleBody`, a fallback when the page's markup hides its text. */
  readonly jsonLdBody: string | null;
  /** True when the page says it is an article (JSON-LD of an article type, `og:type` article). */
  readonly declaresArticle: boolean;
}

// Meta names and properties, most trusted first.
const TITLE_KEYS = [
  'dc.title',
  'dcterm.title',
  'og:title',
  'twitter:title',
  'dc.title',
  'headline',
  'title',
  'sailthru.title',
  'parsely-title',
];
const AUTHOR_KEYS = [
  'dc.creator',
  'dcterm.creator',
  'author',
  'article:author',
  'byl',
  'byline',
  'parsely-author',
  'sailthru.author',
  'citation_author',
];
const DATE_KEYS = [
  'article:published_time',
  'og:article:published_time',
  'datepublished',
  'parsely-pub-date',
  'sailthru.date',
  'pubdate',
  'publishdate',
  'publish-date',
  'date',
  'dc.date',
  'dc.date.issued',
  'dcterms.created',
  'article.published',
  'og:published_time',
  'citation_publication_date',
];
const SITE_KEYS = ['og:site_name', 'application-name', 'publisher', 'dc.publisher'];
const BYLINE_HINT = /byline|author|dateline|writtenby|p-author/i;

/** Reads headline, byline, date, site, language and canonical URL from JSON-LD, meta tags and the markup. */
export function readMeta(
  document: Document,
  baseUrl: string | null,
  elements: readonly Element[] = descendants(document),
): PageMeta {
  const meta = new MetaTags();
  const jsonLd: string[] = [];
  let title = '';
  let canonical: string | null = null;
  let lang: string | null = null;
  let time: string | null = null;
  const dateBoxes: Element[] = [];
  for (const element of elements) {
    switch (element.name) {
      case 'meta':
        meta.read(element);
        break;
      case 'title':
        if (title === '') title = innerText(element);
        break;
      case 'link':
        if (canonical === null && /(?:^|\s)canonical(?:\s|$)/i.test(attr(element, 'rel')))
          canonical = attr(element, 'href');
        break;
      case 'script':
        if (/ld\+json/i.test(attr(element, 'type'))) jsonLd.push(scriptText(element));
        break;
      case 'html':
        lang = attr(element, 'lang') || attr(element, 'xml:lang') || null;
        break;
      case 'time':
        time ??= attr(element, 'datetime') || null;
        break;
      default:
        if (dateBoxes.length < 8 && DATE_HINT.test(classAndId(element))) dateBoxes.push(element);
    }
  }
  const ld = articleFromJsonLd(jsonLd);
  const pick = (keys: readonly string[]): string | null => first(keys.map((key) => meta.get(key)));
  const siteName = first([pick(SITE_KEYS), ld?.publisher]);
  const declared = first([ld?.headline ? decodeEntities(ld.headline) : null, pick(TITLE_KEYS)]);
  return {
    headline: cleanTitle(declared, title, document, siteName),
    byline: bylineOf(ld, pick(AUTHOR_KEYS)),
    published: isoDate(first([ld?.published, pick(DATE_KEYS), time])) ?? firstDate(dateBoxes),
    siteName,
    language: languageTag(
      first([lang, ld?.language, meta.get('og:locale'), meta.get('content-language'), meta.get('language')]),
    ),
    canonicalUrl: absolute(first([canonical, meta.get('og:url'), ld?.url]), baseUrl),
    jsonLdBody: ld?.body ?? null,
    declaresArticle: ld !== null || /^article$/i.test(meta.get('og:type') ?? ''),
  };
}

/**
 * Meta tags by lower-cased key. `property` may hold several keys separated by spaces
 * (`property="dc:creator twitter:site_name"`), and a `property` beats a `name` of the same key
 * (`<meta name="DC.creator">` then `<meta property="dc:creator">`), as in Readability.
 */
class MetaTags {
  private readonly values = new Map<string, string>();
  private readonly fromProperty = new Set<string>();

  read(element: Element): void {
    const content = collapse(decodeEntities(attr(element, 'content')));
    if (content === '') return;
    const named = `${attr(element, 'name')} ${attr(element, 'itemprop')} ${attr(element, 'http-equiv')}`;
    this.add(attr(element, 'property'), content, true);
    this.add(named, content, false);
  }

  get(key: string): string | undefined {
    return this.values.get(key);
  }

  private add(keys: string, content: string, isProperty: boolean): void {
    for (const raw of keys.toLowerCase().split(/\s+/)) {
      const key = raw.replace(/^(dc|dcterms?):/, (_, prefix: string) => `${prefix.replace('dcterms', 'dcterm')}.`);
      if (key === '') continue;
      const known = this.values.has(key);
      if (known && (!isProperty || this.fromProperty.has(key))) continue;
      this.values.set(key, content);
      if (isProperty) this.fromProperty.add(key);
    }
  }
}

// Boxes that print the date: `<span class="time-rubric">Jan 18, 2019</span>`, `<span class="h-time">`.
const DATE_HINT = /(?:^|[\s_-])(?:date|time|pubdate|published|timestamp|posted|dateline)(?:$|[\s_-])|h-time/i;

/** The first date printed in a short date box, read only when no markup gave one. */
function firstDate(boxes: readonly Element[]): string | null {
  for (const box of boxes) {
    const text = innerText(box);
    const date = text.length > 0 && text.length < 80 ? printedDate(text) : null;
    if (date !== null) return date;
  }
  return null;
}

/** A script's text: htmlparser2 keeps it as one raw text child. */
function scriptText(element: Element): string {
  return element.children.map((child) => (isText(child) ? child.data : '')).join('');
}

const FURNITURE = new Set(['nav', 'footer', 'header', 'aside', 'form', 'button', 'select', 'ul']);
// `November 8, 2023`, `Updated 6:01 am`: dates and times sit in byline boxes too.
const DATE_LIKE =
  /^(?:(?:updated|published|posted|last updated)\b.*|.*\b\d{1,2}:\d{2}\b.*|[\p{L}.]+ \d{1,2}, \d{4}|\d{1,2} [\p{L}.]+ \d{4}|\d{4}-\d{2}-\d{2}.*)$/iu;

/**
 * The byline an element holds, or null: `rel="author"`, `itemprop="author"`, or a class or id such as `byline` or
 * `author-name`, with a short text that reads like names (`By Jane Doe and John Roe`), not like a date, a menu
 * (`Sign In| Sign Up`) or a comment's author (`Michael F Dougherty says:`). A schema.org author
 * (`<li itemprop="author" itemscope>`) gives the text of its `itemprop="name"`, without the date printed beside it.
 */
export function bylineText(element: Element): string | null {
  const rel = attr(element, 'rel');
  const itemprop = attr(element, 'itemprop');
  const schemaAuthor = /\bauthor\b/.test(itemprop);
  if (rel !== 'author' && !schemaAuthor) {
    if (!BYLINE_HINT.test(classAndId(element))) return null;
    // A byline box around a marked author (`<div class="entry-byline"><span itemprop="author">...</span><time>`):
    // the marked one names the writer, without the date and the comment count printed beside it.
    if (
      descendants(element).some(
        (inner) => attr(inner, 'rel') === 'author' || /\bauthor\b/.test(attr(inner, 'itemprop')),
      )
    )
      return null;
  }
  const whole = innerText(element);
  // An author box with a biography is not a byline, whatever its markup says.
  const name = schemaAuthor && whole.length <= 120 ? schemaName(element) : null;
  const text = name ?? whole;
  if (text.length < 3 || text.length > 100 || !/\p{Lu}|\p{Lo}/u.test(text) || /[|:]/.test(text)) return null;
  if (DATE_LIKE.test(text) || text.split(' ').length > 12 || /\bsays\b|comment/i.test(text)) return null;
  if (inComments(element)) return null;
  return !inFurniture(element, rel === 'author' || schemaAuthor) || /^by\s/i.test(text) ? text : null;
}

/** The text of the first `itemprop="name"` inside a schema.org author, or null. */
function schemaName(element: Element): string | null {
  for (const inner of descendants(element))
    if (attr(inner, 'itemprop') === 'name') return collapse(innerText(inner)) || null;
  return null;
}

const COMMENTS = /(?:^|[\s_-])(?:comments?|comment-list|respond|replies)(?:$|[\s_-])/i;

/** True inside a page's comments (`<ol class="comment-list">`): the authors there wrote comments, not the story. */
function inComments(element: Element): boolean {
  return ancestors(element).some((parent) => COMMENTS.test(classAndId(parent)));
}

/**
 * True inside page furniture (navigation, the page's header and footer, asides, forms, lists of links). The header
 * and asides of an `<article>` are the story's own (HTML's sectioning: `<article><header><h1>...</h1><address>`),
 * and an element that names itself the author (`rel="author"`, `itemprop="author"`) may sit in a list
 * (`<ul><li itemprop="author">`).
 */
function inFurniture(element: Element, namesAuthor: boolean): boolean {
  for (const parent of ancestors(element)) {
    if (!FURNITURE.has(parent.name)) continue;
    if (isArticlePart(parent)) continue;
    if (parent.name === 'ul' && namesAuthor) continue;
    return true;
  }
  return false;
}

function bylineOf(ld: JsonLdArticle | null, metaAuthor: string | null): string | null {
  if (ld && ld.authors.length > 0) return ld.authors.join(', ');
  return metaAuthor !== null && !/^(?:https?:\/\/|@)/.test(metaAuthor) ? metaAuthor : null;
}

function first(values: ReadonlyArray<string | null | undefined>): string | null {
  for (const value of values) if (value !== null && value !== undefined && value.trim() !== '') return value.trim();
  return null;
}

function absolute(url: string | null, base: string | null): string | null {
  if (url === null) return null;
  try {
    return new URL(url, base ?? undefined).href;
  } catch {
    return /^https?:\/\//.test(url) ? url : null;
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** Decodes the entities htmlparser2 leaves in attribute values it was asked not to decode. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    const code = /^#x/i.test(name) ? parseInt(name.slice(2), 16) : name.startsWith('#') ? Number(name.slice(1)) : -1;
    if (code > 0 && code <= 0x10ffff) return String.fromCodePoint(code);
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}
