import type { Document, Element } from 'domhandler';
import { attr, classAndId, collapse, descendants, innerText, textOf } from './dom.js';
import { articleFromJsonLd, type JsonLdArticle } from './jsonld.js';
import { cleanTitle } from './title.js';

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
  /** The element the byline was read from, so it can be kept out of the body. */
  readonly bylineElement: Element | null;
}

// Meta names and properties, most trusted first.
const TITLE_KEYS = ['og:title', 'twitter:title', 'dc.title', 'headline', 'title', 'sailthru.title', 'parsely-title'];
const AUTHOR_KEYS = [
  'author',
  'article:author',
  'dc.creator',
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
export function readMeta(document: Document, baseUrl: string | null): PageMeta {
  const meta = new Map<string, string>();
  const jsonLd: string[] = [];
  let title = '';
  let canonical: string | null = null;
  let lang: string | null = null;
  let time: string | null = null;
  let bylineElement: Element | null = null;
  for (const element of descendants(document)) {
    switch (element.name) {
      case 'meta':
        readMetaTag(element, meta);
        break;
      case 'title':
        if (title === '') title = innerText(element);
        break;
      case 'link':
        if (canonical === null && /(?:^|\s)canonical(?:\s|$)/i.test(attr(element, 'rel')))
          canonical = attr(element, 'href');
        break;
      case 'script':
        if (/ld\+json/i.test(attr(element, 'type'))) jsonLd.push(textOf(element));
        break;
      case 'html':
        lang = attr(element, 'lang') || attr(element, 'xml:lang') || null;
        break;
      case 'time':
        time ??= attr(element, 'datetime') || null;
        break;
      default:
        if (bylineElement === null && isBylineElement(element)) bylineElement = element;
    }
  }
  const ld = articleFromJsonLd(jsonLd);
  const pick = (keys: readonly string[]): string | null => first(keys.map((key) => meta.get(key)));
  const metaAuthor = pick(AUTHOR_KEYS);
  return {
    headline: cleanTitle(
      first([ld?.headline ? decodeEntities(ld.headline) : null, pick(TITLE_KEYS)]),
      title,
      document,
      pick(SITE_KEYS),
    ),
    byline: bylineOf(ld, metaAuthor, bylineElement),
    published: isoDate(first([ld?.published, pick(DATE_KEYS), time])),
    siteName: first([pick(SITE_KEYS), ld?.publisher]),
    language: normalizeLanguage(
      first([lang, ld?.language, meta.get('og:locale'), meta.get('content-language'), meta.get('language')]),
    ),
    canonicalUrl: absolute(first([canonical, meta.get('og:url'), ld?.url]), baseUrl),
    jsonLdBody: ld?.body ?? null,
    bylineElement,
  };
}

function readMetaTag(element: Element, meta: Map<string, string>): void {
  const content = collapse(decodeEntities(attr(element, 'content')));
  if (content === '') return;
  // `property` may hold several names separated by spaces: `property="dc:title og:title"`.
  const keys = `${attr(element, 'property')} ${attr(element, 'name')} ${attr(element, 'itemprop')} ${attr(element, 'http-equiv')}`;
  for (const key of keys.toLowerCase().split(/\s+/)) {
    if (key !== '' && !meta.has(key.replace(/^dc:/, 'dc.'))) meta.set(key.replace(/^dc:/, 'dc.'), content);
  }
}

function isBylineElement(element: Element): boolean {
  const rel = attr(element, 'rel');
  const itemprop = attr(element, 'itemprop');
  if (rel !== 'author' && !/\bauthor\b/.test(itemprop) && !BYLINE_HINT.test(classAndId(element))) return false;
  const text = innerText(element);
  return text.length > 0 && text.length < 100 && /\p{L}/u.test(text);
}

function bylineOf(ld: JsonLdArticle | null, metaAuthor: string | null, element: Element | null): string | null {
  if (ld && ld.authors.length > 0) return ld.authors.join(', ');
  if (metaAuthor !== null && !/^https?:\/\//.test(metaAuthor)) return metaAuthor;
  return element === null ? null : innerText(element);
}

function first(values: ReadonlyArray<string | null | undefined>): string | null {
  for (const value of values) if (value !== null && value !== undefined && value.trim() !== '') return value.trim();
  return null;
}

/** An ISO 8601 date or date-time, as the record's `published` needs: `2026-11-27T08:15:00Z` or `2026-11-27`. */
export function isoDate(value: string | null): string | null {
  if (value === null) return null;
  if (/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(value)) {
    return value.replace(' ', 'T');
  }
  if (/^\d{8}$/.test(value)) return `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6)}`;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** `en_US` → `en-US`; `EN` → `en`. */
function normalizeLanguage(value: string | null): string | null {
  if (value === null) return null;
  const [language, region] = value.trim().replace('_', '-').split('-');
  if (!language || !/^[a-z]{2,3}$/i.test(language)) return null;
  return region && /^[a-z]{2}$/i.test(region)
    ? `${language.toLowerCase()}-${region.toUpperCase()}`
    : language.toLowerCase();
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
