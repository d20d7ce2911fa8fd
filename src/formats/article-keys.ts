/**
 * Where news APIs and release wires put an article's fields in their JSON (NewsAPI, Cision / PR Newswire, WordPress's
 * REST API, the Guardian's Content API, schema.org's NewsArticle): one table, read by the sniffer (json-value.ts) and
 * by the reader (article-json.ts). A path with a dot is an object's key (`fields.body`); a value that is an object
 * with `rendered` (WordPress: `"title": {"rendered": "..."}`) holds its text there.
 */

/** The headline, first found first: WordPress's `title` is `{"rendered": HTML}`; the Guardian's is `webTitle`. */
export const TITLE_KEYS: readonly string[] = ['title', 'headline', 'webTitle', 'fields.headline'];

/** The text, plain or HTML: Cision's `body`, NewsAPI's `content`, WordPress's `content.rendered`, Guardian's `fields.body`. */
export const BODY_KEYS: readonly string[] = [
  'body',
  'body_html',
  'bodyHtml',
  'articleBody',
  'content',
  'text',
  'article',
  'fields.body',
];

/** A summary: the record's description, or its text when there is no body (NewsAPI's `description`). */
export const SUMMARY_KEYS: readonly string[] = [
  'description',
  'summary',
  'excerpt',
  'fields.standfirst',
  'fields.trailText',
];

/** Where a document holds one article: `{"data": {"title": ..., "body": ...}}` (Cision). */
export const WRAPPER_KEYS: readonly string[] = ['data', 'item', 'article', 'story', 'result'];

/** Where a document holds a list of them: NewsAPI's `articles`, the Guardian's `response.results`. */
export const LIST_PATHS: readonly string[] = [
  'articles',
  'items',
  'results',
  'data',
  'hits',
  'posts',
  'stories',
  'response.results',
];

/** The publication time, in the order tried (WordPress's `date_gmt`, in UTC, is tried before these). */
export const PUBLISHED_KEYS: readonly string[] = [
  'publishedAt',
  'published_at',
  'published',
  'pubDate',
  'datePublished',
  'webPublicationDate',
  'firstPublicationDate',
  'date',
  'created_at',
];

/** The byline: a string, `{"name": ...}`, or a list of either (`authors`). WordPress's numeric `author` is an id. */
export const BYLINE_KEYS: readonly string[] = ['author', 'byline', 'by', 'creator', 'authors', 'fields.byline'];

/** The article's address. */
export const URL_KEYS: readonly string[] = ['url', 'link', 'webUrl', 'canonical_url'];

/** The outlet that published it (NewsAPI's `source.name`): the record's site name. */
export const OUTLET_KEYS: readonly string[] = ['source.name', 'source', 'publisher.name', 'publisher'];

/**
 * Whether an object's keys (as the sniffer saw them) make it an article: a headline key and a body key. `sub` gives
 * the keys of the object under one of them (`fields` → `body`). A summary alone is not enough: JSON Schema
 * documents and package manifests have a `title` and a `description` too.
 */
export function hasArticleKeys(keys: readonly string[], sub: (key: string) => readonly string[]): boolean {
  const has = (path: string): boolean => {
    const [first = '', second] = path.split('.');
    return keys.includes(first) && (second === undefined || sub(first).includes(second));
  };
  return TITLE_KEYS.some(has) && BODY_KEYS.some(has);
}
