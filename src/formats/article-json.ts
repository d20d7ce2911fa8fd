import type { ParsedStory } from '../types.js';
import {
  BODY_KEYS,
  BYLINE_KEYS,
  LIST_PATHS,
  OUTLET_KEYS,
  PUBLISHED_KEYS,
  sameName,
  SUMMARY_KEYS,
  TITLE_KEYS,
  URL_KEYS,
  WRAPPER_KEYS,
} from './article-keys.js';
import { datePart, isoStamp } from './dates.js';
import { itemStories, type Format, type ParseResult } from './format.js';
import { isoDate } from './html/dates.js';
import { asObject, asText, jsonBoundary, readJson } from './json-value.js';
import { textParagraphs, titleText } from './article-text.js';
import { withoutHeadline } from './xml-body.js';

/**
 * Articles as news APIs and release wires hand them out in JSON, with no standard behind them: NewsAPI's
 * `{"articles": [...]}`, Cision's `{"data": {...}}` release, WordPress's REST posts, the Guardian's
 * `{"response": {"results": [...]}}`, schema.org's NewsArticle. An article is an object with a title and a body
 * (article-keys.ts says where each field may be): the document itself, each object of an array or of JSON lines, the
 * object under a wrapper key, or each object of a list. A release (Cision's `source_company`, `release_id`) is a
 * press release with the issuing company as its source, as the other release readers give it.
 */
export const articleJson: Format = { name: 'article-json', boundary: jsonBoundary, parse: parseArticles };

function parseArticles(text: string, line: number): ParseResult {
  const read = readJson(text, line);
  if (read.diagnostic) return { stories: [], diagnostics: [read.diagnostic] };
  const none = {
    code: 'not-article-json',
    message:
      `no article in this JSON (an object with a title and a body: alone, in an array, under ${WRAPPER_KEYS.join('/')}, ` +
      `or in a list under ${LIST_PATHS.join('/')})`,
  };
  return itemStories(articlesOf(read.value), readArticle, line, none);
}

/** The document itself when it is an article, else the object under a wrapper key, else the objects of a list. */
function articlesOf(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return objects(value);
  const root = asObject(value);
  if (root === null) return [];
  if (headlineOf(root) !== null || textAt(root, BODY_KEYS) !== null) return [root];
  const wrapped = wrappedIn(root);
  if (wrapped) return [wrapped];
  const list = LIST_PATHS.map((path) => valueAt(root, path)).find(Array.isArray);
  return list === undefined ? [] : objects(list);
}

function readArticle(item: Record<string, unknown>): ParsedStory | null {
  const headline = headlineOf(item);
  const body = textAt(item, BODY_KEYS);
  const summary = textAt(item, SUMMARY_KEYS);
  const { paragraphs: text, cut } = textParagraphs(body ?? summary ?? '');
  const paragraphs = withoutHeadline(text, headline);
  if (headline === null && paragraphs.length === 0) return null;
  const published = publishedOf(item);
  const company = asText(item['source_company']);
  const releaseId = idOf(item['release_id']);
  const outlet = textAt(item, OUTLET_KEYS);
  const release = company !== null || releaseId !== null || RELEASE_WIRE.test(body ?? '');
  const canonical = asText(item['canonical_url']);
  return {
    headline,
    byline: bylineOf(item),
    paragraphs,
    // The summary is the text when there is no body; else it is the description (HTML excerpts in one line).
    description: body === null || summary === null ? null : textParagraphs(summary).paragraphs.join(' ') || null,
    published,
    referenceDate: datePart(published),
    language: asText(item['language']) ?? asText(item['lang']),
    url: textAt(item, URL_KEYS),
    ...(canonical === null ? {} : { canonicalUrl: canonical }),
    ...(outlet === null || release ? {} : { siteName: outlet }),
    agency: release ? null : outlet,
    source: company,
    pressRelease: release,
    ...(cut === null ? {} : { stripped: [cut] }),
    ...nonEmpty('altids', altidsOf(item, releaseId)),
    ...nonEmpty('envelope', envelopeOf(item, company)),
  };
}

// A release wire's mark in the text: `DALLAS, Aug. 28, 2020 /PRNewswire/ --`, `(BUSINESS WIRE)--`, `(GLOBE NEWSWIRE)`.
const RELEASE_WIRE = /\/PRNewswire(?:-[\w-]+)?\/|\(BUSINESS WIRE\)|\(GLOBE NEWSWIRE\)/;

function headlineOf(item: Record<string, unknown>): string | null {
  return titleText(textAt(item, TITLE_KEYS));
}

function hasText(item: Record<string, unknown>): boolean {
  return headlineOf(item) !== null || textAt(item, BODY_KEYS) !== null || textAt(item, SUMMARY_KEYS) !== null;
}

/** The first text at one of the paths: a string, or the `rendered` string of an object (WordPress). */
function textAt(item: Record<string, unknown>, paths: readonly string[]): string | null {
  for (const path of paths) {
    const value = valueAt(item, path);
    const text = asText(value) ?? asText(asObject(value)?.['rendered']);
    if (text !== null) return text;
  }
  return null;
}

/** The value at a path of keys, each matched as article-keys.ts matches names (`Title`, `body_html`). */
function valueAt(item: Record<string, unknown>, path: string): unknown {
  let value: unknown = item;
  for (const key of path.split('.')) {
    const object = asObject(value);
    const name =
      object === null || Object.hasOwn(object, key) ? key : Object.keys(object).find((k) => sameName(k, key));
    value = object === null || name === undefined ? undefined : object[name];
  }
  return value;
}

/** A list's objects, each the article it wraps when it is no article itself (`{"_id": ..., "_source": {...}}`). */
function objects(list: readonly unknown[]): Record<string, unknown>[] {
  return list
    .map(asObject)
    .filter((o) => o !== null)
    .map((o) => (hasText(o) ? o : (wrappedIn(o) ?? o)));
}

/** The article under one of an object's wrapper keys (`data`, `_source`), or undefined. */
function wrappedIn(object: Record<string, unknown>): Record<string, unknown> | undefined {
  for (const key of WRAPPER_KEYS) {
    const inner = asObject(object[key]);
    if (inner !== null && hasText(inner)) return inner;
  }
  return undefined;
}

/** WordPress's `date_gmt` (UTC without a zone) first, then the first readable stamp (ISO, compact, RFC 2822). */
function publishedOf(item: Record<string, unknown>): string | null {
  const gmt = isoStamp(asText(item['date_gmt']));
  if (gmt !== null) return gmt.includes('T') ? `${gmt}Z` : gmt;
  for (const key of PUBLISHED_KEYS) {
    const value = valueAt(item, key);
    const text = asText(value);
    const stamp = typeof value === 'number' ? epochStamp(value) : (isoStamp(text) ?? isoDate(text));
    if (stamp !== null) return stamp;
  }
  return null;
}

/**
 * A time given as a number, as search indexes and many APIs store it: seconds since 1970 (`1733054400`) or
 * milliseconds (`1733054400000`), told apart by size; null for a number that is neither (a year, an id).
 */
function epochStamp(value: number): string | null {
  if (!Number.isFinite(value)) return null;
  const ms = value >= 1e9 && value < 1e11 ? value * 1000 : value >= 1e11 && value < 1e14 ? value : null;
  return ms === null ? null : new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** Names from a string, `{"name": ...}` or a list of either, joined: `Jane Doe, John Roe`. */
function bylineOf(item: Record<string, unknown>): string | null {
  for (const path of BYLINE_KEYS) {
    const value = valueAt(item, path);
    const names = (Array.isArray(value) ? value : [value])
      .map((entry) => asText(entry) ?? asText(asObject(entry)?.['name']))
      .filter((name) => name !== null);
    if (names.length > 0) return names.join(', ');
  }
  return null;
}

/** An id as text: a string or a number (WordPress's `id`). */
function idOf(value: unknown): string | null {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : asText(value);
}

/** `id`, Cision's `release_id` (as the release readers name it) and `guid` (WordPress's is `{"rendered": url}`). */
function altidsOf(item: Record<string, unknown>, releaseId: string | null): Record<string, string> {
  const ids: Record<string, string> = {};
  const id = idOf(item['id']);
  const guid = asText(item['guid']) ?? asText(asObject(item['guid'])?.['rendered']);
  if (id !== null) ids['id'] = id;
  if (releaseId !== null) ids['releaseid'] = releaseId;
  if (guid !== null) ids['guid'] = guid;
  return ids;
}

/** `{[key]: fields}` when there are fields, else nothing: NewsAPI's articles have no ids and no kind. */
function nonEmpty<K extends string>(
  key: K,
  fields: Record<string, string>,
): Partial<Record<K, Record<string, string>>> {
  return Object.keys(fields).length > 0 ? ({ [key]: fields } as Record<K, Record<string, string>>) : {};
}

/** What kind of item it is (`post`, `article`), its section, and a release's issuing company. */
function envelopeOf(item: Record<string, unknown>, company: string | null): Record<string, string> {
  const fields: Record<string, string | null> = {
    kind: asText(item['type']),
    section: asText(item['sectionName']) ?? asText(item['section']),
    publisher: company,
  };
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(fields)) if (value !== null) out[key] = value;
  return out;
}
