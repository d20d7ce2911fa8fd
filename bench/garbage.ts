/**
 * What a garbage record is: one whose headline or body is not story text but the markup, JSON or header lines of a
 * file read with the wrong reader (`<?xml version=...` as a headline, `{"uri": ...` as a body, `Delivered-To:` as
 * the first line). The superdesk bench counts them and the fixture test fails on them, by this one definition.
 */

// Markup: an XML declaration, a doctype, CDATA, a closing tag, or an opening tag with an attribute. A bare `<LKS>`
// (Reuters' ticker in a headline) is none of these.
const MARKUP = [
  /<\?xml\b/i,
  /<!DOCTYPE\b/i,
  /<!\[CDATA\[/,
  /<\/[A-Za-z][\w:.-]*\s*>/,
  /<[A-Za-z][\w:.-]*\s+[\w:.-]+\s*=\s*["']/,
];
// JSON: text that opens an object or an array of strings/objects, or that holds several `"key": value` pairs.
const JSON_OPEN = /^\s*(?:\{\s*"|\[\s*[{"[])/;
const JSON_PAIR = /"[\w@$.:-]+"\s*:\s*(?:"|\{|\[|-?\d|true\b|false\b|null\b)/g;
// Mail and transport header lines that a story never opens with: one of these is enough.
const MAIL_ONLY =
  /^(?:Delivered-To|Received|Return-Path|Message-ID|MIME-Version|Content-Type|Content-Transfer-Encoding|DKIM-Signature|ARC-[\w-]+|X-[\w-]+):[ \t]/im;
// Header lines a story could in principle quote: two of them together are a header block.
const MAIL_LINE = /^(?:From|To|Cc|Subject|Date|Reply-To|Sender):[ \t]\S/gim;
// Wire framing and header lines: ZCZC/NNNN, an ANPA keyword line (`BC-LT--Argentina-Cancer Beauty,466`), an IPTC 7901
// header line (`eca062 4 i 211 ccccb`).
const WIRE_HEADER = [
  /^\s*(?:ZCZC|NNNN)\b/m,
  /^(?:AM|PM|BC)-[\w-]+(?:[ \t,][^\n]*)?,\d{2,5}<?$/m,
  /^[A-Za-z]{0,10}\d{1,6} [0-9] [A-Za-z]{1,3} \d{1,5}\b/m,
];

/** Why this text is not story text, or null. */
export function garbageIn(text: string): string | null {
  if (text === '') return null;
  for (const pattern of MARKUP) if (pattern.test(text)) return `markup (${clip(pattern.exec(text)?.[0] ?? '')})`;
  if (JSON_OPEN.test(text)) return `JSON (${clip(text.trim())})`;
  if ((text.match(JSON_PAIR) ?? []).length >= 3) return `JSON pairs (${clip(text.match(JSON_PAIR)?.[0] ?? '')})`;
  const mail = MAIL_ONLY.exec(text);
  if (mail) return `mail header (${clip(mail[0])})`;
  if ((text.match(MAIL_LINE) ?? []).length >= 2) return 'mail header lines';
  for (const pattern of WIRE_HEADER) {
    const found = pattern.exec(text);
    if (found) return `wire header line (${clip(found[0])})`;
  }
  return null;
}

/** Why a record is garbage (which field, what was found), or null for a record of story text. */
export function garbageReason(record: { readonly headline: string; readonly body: string }): string | null {
  const headline = garbageIn(record.headline);
  if (headline !== null) return `headline is ${headline}`;
  // Only the body's first lines: a story may quote a tag or a header line further down, its opening never.
  const body = garbageIn(record.body.split('\n\n').slice(0, 3).join('\n\n'));
  return body === null ? null : `body is ${body}`;
}

function clip(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 40 ? `${line.slice(0, 37)}...` : line;
}
