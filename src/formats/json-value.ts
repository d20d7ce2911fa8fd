import type { Boundary } from './frame.js';
import type { ParsedStory } from '../types.js';
import type { FormatDiagnostic, ParseResult } from './format.js';

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
export type JsonShape = 'wire' | 'ninjs' | 'apmedia' | 'feed' | null;

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
// Keys under which search and feed APIs hand out a list of ninjs items (`{"total": 1, "item": [...]}`).
const LIST_KEYS = ['item', 'items', 'results', 'data', 'hits'];

/**
 * Which reader a JSON document is for, from the keys in its first bytes (the head of a stream may cut the document
 * short; keys seen so far decide): wire's own records, ninjs items (one, an array, or a list under `items`), AP
 * Media API documents, or a JSON Feed. Null for JSON of any other shape.
 */
export function jsonShape(head: string): JsonShape {
  const keys = scanKeys(head);
  const root = keys.get('') ?? [];
  if (root.includes('id') && root.includes('headline') && root.includes('body')) return 'wire';
  if (root.includes('api_version') && (root.includes('data') || root.includes('method'))) return 'apmedia';
  if (/^\s*\{[^]{0,2000}?"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//.test(head)) return 'feed';
  if (isNinjs(root)) return 'ninjs';
  for (const [path, inner] of keys) if (path !== '' && LIST_KEYS.includes(path) && isNinjs(inner)) return 'ninjs';
  return null;
}

/** The top-level keys a JSON head shows, for a diagnostic: `requests`, `total, limit, offset`. */
export function topKeys(head: string): string[] {
  return scanKeys(head).get('') ?? [];
}

function isNinjs(keys: readonly string[]): boolean {
  return keys.filter((k) => NINJS_KEYS.has(k)).length >= 2;
}

/**
 * The keys of the first value's objects, by where they are: `''` for the root object (or, for a root array, its
 * first element), a list key (`items`) for the first object of that list. Stops at the end of the first value or of
 * the text.
 */
function scanKeys(text: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  // The path of containers: for each, its kind and the key it sits under.
  const stack: Array<{ kind: 'object' | 'array'; key: string; path: string | null }> = [];
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
        if (top.path !== null) found.set(top.path, [...(found.get(top.path) ?? []), value]);
      }
      at = end;
    } else if (code === 0x7b || code === 0x5b) {
      const parent = stack.at(-1);
      const kind = code === 0x7b ? 'object' : 'array';
      let path: string | null = null;
      if (kind === 'object') {
        if (parent === undefined) path = '';
        else if (parent.kind === 'array' && stack.length === 1 && !found.has('')) path = '';
        else if (parent.kind === 'array' && stack.length === 2 && !found.has(parent.key)) path = parent.key;
      }
      stack.push({ kind, key: parent?.kind === 'object' ? lastKey : (parent?.key ?? ''), path });
    } else if (code === 0x7d || code === 0x5d) {
      stack.pop();
      if (stack.length === 0) break;
    }
  }
  return found;
}

/**
 * Stories from a document's items, one each, with a note for each item that holds none, and an error when the
 * document holds no item at all (`none` says what is missing).
 */
export function itemStories<T>(
  items: readonly T[],
  read: (item: T) => ParsedStory | null,
  line: number,
  none: { readonly code: string; readonly message: string },
): ParseResult {
  const stories: ParsedStory[] = [];
  const diagnostics: FormatDiagnostic[] = [];
  for (const item of items) {
    const story = read(item);
    if (story) stories.push({ ...story, line });
    else diagnostics.push({ severity: 'info', code: 'not-a-story', message: 'skipped an item without text', line });
  }
  if (items.length === 0) diagnostics.push({ severity: 'error', ...none, line });
  return { stories, diagnostics };
}
