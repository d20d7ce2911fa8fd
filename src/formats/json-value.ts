import type { Boundary } from './frame.js';
import { hasArticleKeys, LIST_PATHS, WRAPPER_KEYS } from './article-keys.js';
import type { FormatDiagnostic } from './format.js';

/**
 * What the JSON readers share: where one top-level JSON value ends in a stream (a document, an array, or one line
 * of JSON lines), reading a value safely, and sniffing which reader a document is for from the keys it starts with.
 */

/**
 * Finds the end of the next top-level JSON value: JSON lines, concatenated documents and one pretty-printed
 * document are all cut into one unit per value, so a large JSON-lines file streams. Strings (with their escapes)
 * are skipped; text that is not JSON is cut at its line ends.
 */
export function jsonBoundary(bytes: Buffer, from: number, complete: number): Boundary | null {
  let depth = 0;
  let started = false;
  for (let at = from; at < complete; at++) {
    const code = bytes[at]!;
    if (code === 0x22) {
      // A string: to its closing quote, past escaped characters.
      at++;
      while (at < complete && bytes[at] !== 0x22) at += bytes[at] === 0x5c ? 2 : 1;
      if (at >= complete) return null;
      started = true;
    } else if (code === 0x7b || code === 0x5b) {
      depth++;
      started = true;
    } else if (code === 0x7d || code === 0x5d) {
      depth = Math.max(0, depth - 1);
      if (depth === 0) return { unitEnd: at + 1, next: at + 1 };
    } else if (code === 0x0a && depth === 0 && started) {
      return { unitEnd: at, next: at + 1 };
    } else if (code > 0x20) started = true;
  }
  return null;
}

/** A JSON value read from a unit, or the diagnostic that says why it could not be. */
export function readJson(
  text: string,
  line: number,
):
  | { readonly value: unknown; readonly diagnostic: null }
  | { readonly value: undefined; readonly diagnostic: FormatDiagnostic } {
  try {
    return { value: JSON.parse(text) as unknown, diagnostic: null };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      value: undefined,
      diagnostic: { severity: 'error', code: 'bad-json', message: `not readable JSON (${reason})`, line },
    };
  }
}

/** An object of outside JSON, or null. */
export function asObject(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** A non-empty string, trimmed, or null. */
export function asText(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** The JSON readers, and what is not for any of them. */
export type JsonShape = 'wire' | 'ninjs' | 'apmedia' | 'feed' | 'article-json' | null;

// ninjs properties (1.x `headline`/`body_text`, 2.x/3.x `headlines`/`bodies`), as Superdesk and IPTC write them.
const NINJS_KEYS = new Set([
  'uri',
  'guid',
  'type',
  'headline',
  'headlines',
  'body_text',
  'body_html',
  'bodies',
  'byline',
  'by',
  'versioncreated',
  'firstcreated',
  'description_text',
  'description_html',
  'descriptions',
  'located',
  'slugline',
  'urgency',
  'pubstatus',
  'standard',
  'copyrightnotice',
  'ednote',
  'language',
  'associations',
  'subject',
  'subjects',
]);
// Keys under which search and feed APIs hand out a list of ninjs items (`{"total": 1, "item": [...]}`; Superdesk's
// content API, `{"_items": [...], "_meta": ...}`).
const LIST_KEYS = ['item', 'items', '_items', 'results', 'data', 'hits'];
// The ninjs properties that hold its text: an item with one of them is ninjs's, whatever else it has.
const NINJS_TEXT = new Set(['headlines', 'bodies', 'body_text', 'body_html', 'body_html5', 'description_text']);

/**
 * Which reader a JSON document is for, from the keys in its first bytes (the head of a stream may cut the document
 * short; keys seen so far decide): wire's own records, ninjs items (one, an array, or a list under `items`), AP
 * Media API documents, a JSON Feed, or news-API articles (a title and a body: alone, in an array, under a wrapper
 * key or in a list). Null for JSON of any other shape.
 */
export function jsonShape(head: string): JsonShape {
  const keys = scanKeys(head);
  const root = rootKeys(keys);
  // wire writes `markers` right after `headline`: an article of an API's with an id, a headline and a body is no record.
  if (root.includes('id') && root.includes('headline') && root.includes('markers')) return 'wire';
  if (root.includes('api_version') && (root.includes('data') || root.includes('method'))) return 'apmedia';
  if (/^\s*\{[^]{0,2000}?"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//.test(head)) return 'feed';
  const rootRoute = keys.has('') ? '' : '[]';
  if (isNinjs(keys, rootRoute)) return 'ninjs';
  for (const key of LIST_KEYS) if (isNinjs(keys, `${key}[]`)) return 'ninjs';
  // The article itself, under a wrapper, or in a list, each item of which may wrap it too (`hits.hits[]._source`).
  const lists = LIST_PATHS.map((path) => `${path}[]`);
  const routes = [rootRoute, ...lists].flatMap((route) => [route, ...WRAPPER_KEYS.map((key) => joined(route, key))]);
  return routes.some((route) => isArticle(keys, route)) ? 'article-json' : null;
}

/** The top-level keys a JSON head shows, for a diagnostic: `requests`, `total, limit, offset`. */
export function topKeys(head: string): string[] {
  return rootKeys(scanKeys(head));
}

/** The keys of the root object, or of a root array's first object. */
function rootKeys(keys: ReadonlyMap<string, string[]>): string[] {
  return keys.get('') ?? keys.get('[]') ?? [];
}

/**
 * Two ninjs properties or more, unless the object is an article that carries none of ninjs's text properties: a
 * WordPress post has `guid` and `type`, but its text is in `title` and `content`, which the ninjs reader never reads.
 */
function isNinjs(keys: ReadonlyMap<string, string[]>, route: string): boolean {
  const own = keys.get(route) ?? [];
  if (own.filter((k) => NINJS_KEYS.has(k)).length < 2) return false;
  return own.some((k) => NINJS_TEXT.has(k)) || !isArticle(keys, route);
}

function isArticle(keys: ReadonlyMap<string, string[]>, route: string): boolean {
  const own = keys.get(route);
  return own !== undefined && hasArticleKeys(own, (key) => keys.get(joined(route, key)) ?? []);
}

function joined(route: string, key: string): string {
  return route === '' ? key : `${route}.${key}`;
}

// How deep the objects whose keys are kept may sit: the Guardian's `response.results[].fields` is four down.
const KEYS_DEPTH = 4;

/**
 * The keys of the first value's objects, by route: `''` for the root object, `[]` for a root array's first object,
 * `data` for the object under the root's `data`, `items[]` for the first object of the list under `items`,
 * `response.results[].fields` and so on; only the first object of each route, down to `KEYS_DEPTH`. Stops at the
 * end of the first value or of the text.
 */
function scanKeys(text: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  // The path of containers: for each, its kind, its route and whether its keys are kept.
  const stack: Array<{ kind: 'object' | 'array'; route: string; kept: boolean }> = [];
  let lastKey = '';
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 0x22) {
      let end = at + 1;
      while (end < text.length && text.charCodeAt(end) !== 0x22) end += text.charCodeAt(end) === 0x5c ? 2 : 1;
      const value = text.slice(at + 1, end);
      const top = stack.at(-1);
      const colon = /^\s*:/.exec(text.slice(end + 1, end + 40));
      if (top?.kind === 'object' && colon) {
        lastKey = value;
        if (top.kept) {
          const keys = found.get(top.route);
          if (keys === undefined) found.set(top.route, [value]);
          else keys.push(value);
        }
      }
      at = end;
    } else if (code === 0x7b || code === 0x5b) {
      const parent = stack.at(-1);
      const kind = code === 0x7b ? 'object' : 'array';
      const shallow = stack.length <= KEYS_DEPTH;
      // Deeper routes are never asked for: not building them keeps a deeply nested document linear.
      const route =
        parent === undefined || !shallow
          ? ''
          : parent.kind === 'object'
            ? joined(parent.route, lastKey)
            : `${parent.route}[]`;
      stack.push({ kind, route, kept: kind === 'object' && shallow && !found.has(route) });
    } else if (code === 0x7d || code === 0x5d) {
      stack.pop();
      if (stack.length === 0) break;
    }
  }
  return found;
}
