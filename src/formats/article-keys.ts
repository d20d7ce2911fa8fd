/**
 * Where articles that follow no standard put their fields: news APIs and release wires in JSON (NewsAPI, Cision / PR
 * Newswire, WordPress's REST API, the Guardian's Content API, schema.org's NewsArticle) and CMS and agency exports in
 * XML (Canadian Press's `<ContentItem>` with `<Headline>` and `<ContentText>`). One table, read by the sniffers
 * (json-value.ts, article-xml-sniff.ts) and by the readers (article-json.ts, article-xml.ts). A name is matched
 * whatever its case and its `_` or `-` (`sameName`): `ContentText`, `content_text` and `contentText` are one name. A
 * path with a dot is a key of an object or a child of an element (`fields.body`); a JSON value that is an object
 * with `rendered` (WordPress: `"title": {"rendered": "..."}`) holds its text there.
 */

/** The headline, first found first: WordPress's `title` is `{"rendered": HTML}`; the Guardian's is `webTitle`. */
// Refinitiv's news-story API gives both as HTML: `{"story": {"headlineHtml": "<h1>...", "storyHtml": "<div>..."}}`.
export const TITLE_KEYS: readonly string[] = ['title', 'headline', 'webTitle', 'fields.headline', 'headlineHtml'];

/**
 * The text, plain or HTML: Cision's `body`, NewsAPI's `content`, WordPress's `content.rendered`, Guardian's
 * `fields.body`, a CMS export's `ContentText`, `BodyText` or `StoryText`.
 */
export const BODY_KEYS: readonly string[] = [
  'body',
  'body_html',
  'articleBody',
  'content',
  'text',
  'article',
  'fields.body',
  'contentText',
  'bodyText',
  'storyText',
  'storyHtml',
  'story',
];

/** A summary: the record's description, or its text when there is no body (NewsAPI's `description`). */
export const SUMMARY_KEYS: readonly string[] = [
  'description',
  'summary',
  'excerpt',
  'abstract',
  'teaser',
  'standfirst',
  'fields.standfirst',
  'fields.trailText',
];

/**
 * Where a document, or an item of a list, holds one article: `{"data": {"title": ..., "body": ...}}` (Cision); a
 * search engine's document under `_source` (Elasticsearch and OpenSearch: `{"_id": ..., "_source": {...}}`).
 */
export const WRAPPER_KEYS: readonly string[] = ['data', 'item', 'article', 'story', 'result', '_source'];

/**
 * Where a document holds a list of them: NewsAPI's `articles`, the Guardian's `response.results`, an Elasticsearch
 * search response's `hits.hits`.
 */
export const LIST_PATHS: readonly string[] = [
  'articles',
  'items',
  'results',
  'data',
  'hits',
  'hits.hits',
  'posts',
  'stories',
  'response.results',
];

/**
 * The publication time, in the order tried (WordPress's `date_gmt`, in UTC, is tried before these); the time an
 * item was created stands for it last (a CMS export's `CreatedDateTime`).
 */
export const PUBLISHED_KEYS: readonly string[] = [
  'publishedAt',
  'published',
  'pubDate',
  'datePublished',
  'publishedDate',
  'publishDate',
  'publicationDate',
  'webPublicationDate',
  'firstPublicationDate',
  'date',
  'created_at',
  'created',
  'dateCreated',
  'createdDate',
  'createdDateTime',
];

/**
 * When the item was last changed: a time of the story's own with its zone, when the publication time has none (CP's
 * CMS writes `<CreatedDateTime>` without one, `<UpdatedDateTime>` with it).
 */
export const UPDATED_KEYS: readonly string[] = ['updated', 'updatedAt', 'updatedDateTime', 'dateModified', 'modified'];

/** The byline: a string, `{"name": ...}`, or a list of either (`authors`). WordPress's numeric `author` is an id. */
export const BYLINE_KEYS: readonly string[] = ['author', 'byline', 'by', 'creator', 'authors', 'fields.byline'];

/** The article's address. */
export const URL_KEYS: readonly string[] = ['url', 'link', 'webUrl', 'canonical_url'];

/** The outlet that published it (NewsAPI's `source.name`), or the agency that sent it (a CMS's `<Source>`). */
export const OUTLET_KEYS: readonly string[] = ['source.name', 'source', 'publisher.name', 'publisher'];

/** Who is credited with the copy, as a CMS export names it: an agency (`THE ASSOCIATED PRESS`) or people. */
export const CREDIT_KEYS: readonly string[] = ['credit', 'credits'];

/** The wire slug (`US-Protests-Police`); CP's CMS calls it `SlugProper`. WordPress's URL `slug` is not read as one. */
export const SLUG_KEYS: readonly string[] = ['slugline', 'slug', 'slugProper'];

/** A note on what this version changes, for editors: CP's CMS `<UpdateNote>UPDATES: With AP Photos.</UpdateNote>`. */
export const UPDATE_NOTE_KEYS: readonly string[] = ['updateNote', 'updateNotes'];

/** A note to editors: CP's CMS `<EditorNote>Will be updated.</EditorNote>`. */
export const EDNOTE_KEYS: readonly string[] = ['editorNote', 'editorsNote', 'ednote'];

/** The language, read only when it is a code (`en`, `fr-CA`): CP's CMS numbers them (`1`). */
export const LANGUAGE_KEYS: readonly string[] = ['language', 'lang'];

/** An id of the item's own. */
export const ID_KEYS: readonly string[] = ['id', 'guid'];

/** A name as matched: lower case, `_` and `-` dropped (`Content_Text` → `contenttext`). */
export function nameKey(name: string): string {
  return name.replace(/[_-]/g, '').toLowerCase();
}

/** Whether two names are the same field's: `ContentText`, `content_text`, `contentText`. */
export function sameName(a: string, b: string): boolean {
  return a === b || nameKey(a) === nameKey(b);
}

/**
 * Whether an object's keys (as the sniffer saw them) make it an article: a headline key and a body key. `sub` gives
 * the keys of the object under one of them (`fields` → `body`). A summary alone is not enough: JSON Schema
 * documents and package manifests have a `title` and a `description` too.
 */
export function hasArticleKeys(keys: readonly string[], sub: (key: string) => readonly string[]): boolean {
  const has = (path: string): boolean => {
    const [first = '', second] = path.split('.');
    const key = keys.find((k) => sameName(k, first));
    return key !== undefined && (second === undefined || sub(key).some((k) => sameName(k, second)));
  };
  return TITLE_KEYS.some(has) && BODY_KEYS.some(has);
}
