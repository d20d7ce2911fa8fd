import type { FormatName } from '../types.js';
import { hasArticleElements } from './article-xml-sniff.js';
import { jsonShape, topKeys } from './json-value.js';
import { sniffWeb } from './web-sniff.js';
import { bareHeader } from './wire-frame.js';
import { isIptcHeader } from './wire-header.js';

/**
 * What sniffing the start of an input found: a format, bytes that are not text, or text of a known kind that no
 * reader applies to (`unknown XML root <results>`), which is refused rather than read as plain text.
 */
export type Sniffed = { readonly format: FormatName } | { readonly binary: string } | { readonly unknown: string };

// File signatures of things people drop into wire folders by mistake.
const SIGNATURES: ReadonlyArray<readonly [readonly number[], string]> = [
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive'],
  [[0x1f, 0x8b], 'gzip-compressed data (decompress it first)'],
  [[0x42, 0x5a, 0x68], 'bzip2-compressed data (decompress it first)'],
  [[0xfd, 0x37, 0x7a, 0x58, 0x5a], 'xz-compressed data (decompress it first)'],
  [[0x7f, 0x45, 0x4c, 0x46], 'an executable'],
];

/**
 * Sniffs the first bytes of an input (after any BOM) for its format. Content decides, not the file name.
 * Bytes with a known binary signature, NUL bytes or mostly control characters are reported as binary. The
 * Content-Type of a fetched input helps only where the bytes do not decide.
 */
export function sniff(head: Uint8Array, contentType: string | null = null): Sniffed {
  for (const [signature, what] of SIGNATURES) {
    if (signature.every((byte, i) => head[i] === byte)) return { binary: what };
  }
  const sample = head.subarray(0, 8192);
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) return { binary: 'binary data (it contains NUL bytes)' };
    // Tab, LF, VT, FF, CR and the wire framing characters (SOH, STX, ETX, EOT, ENQ, SYN, US, RS) are text here.
    if (byte < 0x20 && !WIRE_CONTROLS.has(byte)) controls++;
  }
  if (sample.length > 0 && controls / sample.length > 0.1) return { binary: 'binary data (mostly control characters)' };
  const text = Buffer.from(sample.buffer, sample.byteOffset, sample.byteLength).toString('latin1');
  const found = sniffFramed(text) ?? sniffMarkup(text, head) ?? sniffJson(head) ?? sniffMail(text);
  if (found !== null) return typeof found === 'string' ? { format: found } : found;
  // After sniffMarkup, so that the root element decides: a page that merely mentions `<nitf>` stays a page.
  return { format: sniffWeb(head, contentType) ?? 'plain' };
}

// JSON opens with an object or an array of values; `[UPDATE 1] Headline` does not.
const JSON_START = /^\s*(?:\{\s*(?:"|\})|\[\s*(?:[{["\]\d-]|true|false|null))/;

/** A JSON document by the keys it starts with (json-value.ts); JSON of another shape is refused. */
function sniffJson(head: Uint8Array): FormatName | { unknown: string } | null {
  const text = Buffer.from(head.buffer, head.byteOffset, Math.min(head.byteLength, 65536)).toString('utf8');
  if (!JSON_START.test(text)) return null;
  const shape = jsonShape(text);
  if (shape !== null) return shape;
  const keys = topKeys(text).slice(0, 6);
  return { unknown: `JSON of an unknown shape (${keys.length > 0 ? `keys: ${keys.join(', ')}` : 'not an object'})` };
}

// RFC 5322 header fields a message opens with; two of them among its first lines make it a mail message.
const MAIL_FIELD =
  /^(?:From|To|Subject|Date|Message-ID|MIME-Version|Received|Delivered-To|Return-Path|Content-Type|Reply-To|X-[\w-]+):[ \t]/i;

/** An e-mail message (RFC 5322, or one mbox message after its `From ` line): a block of header fields first. */
function sniffMail(text: string): FormatName | null {
  const lines = text.replace(/^From [^\n]*\n/, '').split(/\r?\n/);
  let known = 0;
  for (const line of lines.slice(0, 40)) {
    if (line === '') break;
    if (/^[ \t]/.test(line)) continue;
    if (!/^[\x21-\x39\x3b-\x7e]+:/.test(line)) return null;
    if (MAIL_FIELD.test(line)) known++;
  }
  return known >= 2 ? 'email' : null;
}

// How far into an input a frame may start (noise before the first frame), and how long a header may be.
const FRAME_WITHIN = 4096;
const HEADER_MAX = 512;

/**
 * ANPA-1312 or IPTC 7901 when a SOH opens a header that a STX closes (or SYN SYN precedes it), near the start. STX
 * and ETX alone (plain stories wrapped in them, or a stray ETX used as a separator) are not framing: the plain format
 * reads those. The header's shape decides between the two: IPTC 7901 has a priority digit and a word count. A text
 * with no framing characters that opens with such header lines is a frame that lost them (wire-frame.ts).
 */
function sniffFramed(text: string): FormatName | null {
  // ZCZC opens a message of IPTC 7901 sent over telex-style links (AAP); NNNN closes it.
  if (/^[\s\u0000-\u001f]*(?:ZCZC|zczc)/.test(text)) return 'iptc7901';
  const soh = text.indexOf('\u0001');
  if (soh !== -1 && soh < FRAME_WITHIN) {
    const region = text.slice(soh + 1, soh + 1 + HEADER_MAX);
    const stx = region.indexOf('\u0002');
    if (stx !== -1 || text.charCodeAt(soh - 1) === 0x16) {
      return isIptcHeader(stx === -1 ? region : region.slice(0, stx)) ? 'iptc7901' : 'anpa';
    }
  }
  // A frame that lost its control characters still opens with its header lines.
  return soh === -1 && text.indexOf('\u0002') === -1 ? (bareHeader(text)?.format ?? null) : null;
}

// What may come before the root element: whitespace, the XML declaration, processing instructions, comments and
// a DOCTYPE (with an internal subset). Sticky, so it walks the prolog piece by piece.
const PROLOG = /\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE(?:[^>[]|\[[\s\S]*?\])*>/iy;
const ROOT = /<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/y;
// Root element → format. RCV1's `<newsitem>` and NewsML-G2's `<newsItem>` differ only in case.
const ROOTS: ReadonlyMap<string, FormatName> = new Map([
  ['nitf', 'nitf'],
  ['newsItem', 'newsml'],
  ['newsMessage', 'newsml'],
  ['packageItem', 'newsml'],
  ['NewsML', 'newsml1'],
  ['newsitem', 'rcv1'],
  ['REUTERS', 'sgml'],
  ['RBNews', 'ritzau'],
  ['XMLNewsQueuedResponse', 'ritzau'],
  ['release', 'ntbinfo'],
]);

// HTML elements a page fragment may open with (a page without <html>): the web formats read those.
const HTML_ELEMENTS =
  /^(?:a|abbr|address|article|aside|b|blockquote|br|center|code|div|dd|del|details|dfn|dialog|dl|dt|em|figure|font|footer|form|h[1-6]|header|hr|i|iframe|img|ins|label|li|link|main|meta|mark|nav|noscript|ol|p|pre|q|s|script|section|small|span|strong|style|sub|summary|sup|table|tbody|td|template|th|thead|time|title|tr|tt|u|ul)$/i;
// Roots the web formats read (feeds, pages); any other root of a document that declares itself XML is refused.
const WEB_ROOTS = /^(?:rss|RDF|feed|html|head|body)$/i;
// Roots of documents that are never articles, whatever names their elements have: an SVG has `<title>` and `<text>`
// side by side; XML Schema, SOAP, plist, Maven and sitemap files name fields that the article table knows.
const NOT_ARTICLES = /^(?:svg|schema|Envelope|plist|project|urlset|sitemapindex)$/;

/**
 * The XML/SGML format named by the document's root element (not by any tag that appears later in the text); WXR is
 * an RSS document with WordPress's export namespace. An XML document (declared, or with a namespace on its root)
 * whose root no reader knows is a CMS export of articles when its head shows one (article-xml-sniff.ts), and is
 * refused otherwise.
 */
function sniffMarkup(text: string, head: Uint8Array): FormatName | { unknown: string } | null {
  let at = 0;
  PROLOG.lastIndex = 0;
  while (PROLOG.test(text)) at = PROLOG.lastIndex;
  ROOT.lastIndex = at;
  const match = ROOT.exec(text);
  const root = match?.[1];
  if (root === undefined || match === null) return null;
  const known = ROOTS.get(root);
  if (known !== undefined) return known;
  if (root === 'rss' && /xmlns:wp\s*=\s*["']http:\/\/wordpress\.org\/export\//.test(text)) return 'wxr';
  if (WEB_ROOTS.test(root)) return null;
  // XML, not text that opens with a bracket (`<AMR> CORP SAYS ...`): declared, namespaced, or closing its tags.
  const declared = /^\s*<\?xml\b/.test(text) || /^[^>]*\bxmlns(?::\w+)?\s*=/.test(text.slice(match.index));
  const closes = text.includes(`</${match[0].slice(1)}>`) || (text.match(/<\/[A-Za-z][\w:.-]*>/g) ?? []).length >= 3;
  if (!declared && (!closes || HTML_ELEMENTS.test(root))) return null;
  if (!NOT_ARTICLES.test(root) && hasArticleElements(latin1Head(head))) return 'article-xml';
  return { unknown: `unknown XML root <${match[0].slice(1)}>` };
}

/** Up to 64 KB of the head as latin-1: element names are ASCII, and an export's body may start after 8 KB of fields. */
function latin1Head(head: Uint8Array): string {
  return Buffer.from(head.buffer, head.byteOffset, Math.min(head.byteLength, 65536)).toString('latin1');
}

const WIRE_CONTROLS = new Set([0x01, 0x02, 0x03, 0x04, 0x05, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x16, 0x1b, 0x1e, 0x1f]);
