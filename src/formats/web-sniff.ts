import type { FormatName } from '../types.js';

// What may come before the root element: whitespace, an XML declaration, comments, a doctype.
const PROLOG = /^(?:\s+|<\?xml[^>]*\?>|<!--[^]*?-->|<!doctype[^>]*>)*/i;
const FEED_ROOT = /^<(?:rss|rdf:RDF|feed)[\s>]/;
const ATOM_NS = /^<feed[^>]*\bxmlns\s*=\s*["']http:\/\/www\.w3\.org\/2005\/Atom["']/;
// A fragment of a page counts too: a headline or paragraph element first (`<h1>...</h1><p>...`).
const HTML_ROOT = /^<(?:html|head|body|meta|title|link|script|style|article|div|main|header|section|h[1-6]|p)[\s>/]/i;
// JSON Feed 1 and 1.1: `{"version": "https://jsonfeed.org/version/1.1", ...}`.
const JSON_FEED = /^\s*\{[^]{0,2000}?"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//;

/**
 * Recognizes web pages and feeds by their first bytes, then by the Content-Type when the bytes do not say.
 * Returns null for anything else, so that the other formats' detection goes on.
 */
export function sniffWeb(head: Uint8Array, contentType: string | null): FormatName | null {
  const text = Buffer.from(head.buffer, head.byteOffset, Math.min(head.byteLength, 4096)).toString('latin1');
  const start = text.slice(PROLOG.exec(text)?.[0].length ?? 0);
  if (FEED_ROOT.test(start) && (!start.startsWith('<feed') || ATOM_NS.test(start))) return 'feed';
  if (JSON_FEED.test(text)) return 'feed';
  if (/^<!doctype html/i.test(text.trimStart()) || HTML_ROOT.test(start)) return 'html';
  const type = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (/^application\/(?:rss|atom|feed)\+(?:xml|json)$/.test(type)) return 'feed';
  return null;
}
