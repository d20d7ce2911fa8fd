import type { ParsedStory } from '../types.js';
import type { Boundary } from './frame.js';
import { atLine, type FormatDiagnostic, type ParseResult } from './format.js';
import { buildParagraphs, parsePlain } from './plain.js';
import { parseHeader, urgencyOf } from './wire-header.js';

/**
 * IPTC 7901 sent over telex-style links (AAP and others): `ZCZC` opens a message, `NNNN` closes it (it may be
 * missing), and one-character header codes on their own lines precede the text. Senders use the codes differently,
 * so each code line goes to the envelope by the table below, and the two ambiguous codes are read by what they hold.
 */

// Codes whose meaning the senders agree on.
const CODES: Readonly<Record<string, string>> = {
  '%': 'service',
  '#': 'slug',
  '@': 'take',
  '=': 'take',
  '^': 'headline',
  '&': 'service_level',
  '*': 'format',
  '+': 'subject',
};
// `$` is a category letter (`$A`, Superdesk's AAP feed) or the headline (`$Markets close higher`); `:` is the keyword
// under a `^` headline, the headline under a `#` slug (Pagemasters), else the take.
const AMBIGUOUS = new Set(['$', ':']);
const NNNN = /^\s*NNNN\s*$/;
// A code line of one word (`:(MELBOURNE)`, `*02000000`): one that may follow a blank line inside the codes.
const CODE_WORD = /^[%#@=^&*+$:]\S+\s*$/;
// AAP's placeline, the `:` code in brackets: `:(BRISBANE)`.
const PLACELINE = /^\(([A-Z][A-Z .'-]{1,40})\)$/;

/** True when a unit is a ZCZC message (after blank lines and control characters). */
export function isZczc(unit: string): boolean {
  return /^[\s\u0000-\u001f]*(?:ZCZC|zczc)/.test(unit);
}

/** The next message starts at the next `ZCZC` at the start of a line. */
export function zczcBoundary(bytes: Buffer, from: number, complete: number): Boundary | null {
  for (let at = nextZczc(bytes, from + 1); at !== -1 && at + 4 <= complete; at = nextZczc(bytes, at + 1)) {
    const before = bytes[at - 1]!;
    if (before === 0x0a || before < 0x20) return { unitEnd: at, next: at };
  }
  return null;
}

/** Where the next `ZCZC` (or News Bites' lower-case `zczc`) starts at or after `from`, or -1. */
function nextZczc(bytes: Buffer, from: number): number {
  const upper = bytes.indexOf(ZCZC, from);
  const lower = bytes.indexOf(ZCZC_LOWER, from);
  return upper === -1 ? lower : lower === -1 ? upper : Math.min(upper, lower);
}

const ZCZC = Buffer.from('ZCZC', 'latin1');
const ZCZC_LOWER = Buffer.from('zczc', 'latin1');

/** One ZCZC message as a story. */
export function parseZczc(unit: string, line: number): ParseResult {
  const lines = unit.replace(/^[\s\u0000-\u001f]*(?:ZCZC|zczc)/, '').split(/\r?\n/);
  const tagged = taggedStory(lines);
  if (tagged !== null) return { stories: [atLine(tagged, line)], diagnostics: [] };
  // `ZCZC AAP0042 3 i 0312`: an IPTC 7901 header on the ZCZC line itself.
  const header = parseHeader(lines.shift() ?? '');
  const codes: Array<[string, string]> = [];
  let at = 0;
  for (; at < lines.length; at++) {
    const text = (lines[at] ?? '').trim();
    // Blank lines before the codes, and between them when a code of one word follows (AAP: `$Headline`, a blank
    // line, `:(MELBOURNE)`, `&AAPIS\desk`).
    if (text === '' && (codes.length === 0 || CODE_WORD.test(lines[at + 1] ?? ''))) continue;
    const code = text.charAt(0);
    // A code may stand alone, empty (Medianet's `:` above `:Issuer`).
    if (text === '' || !(code in CODES || AMBIGUOUS.has(code)) || (text.length > 1 && text.charAt(1) === ' ')) break;
    codes.push([code, text.slice(1).trim()]);
  }
  const end = lines.findIndex((l, i) => i >= at && NNNN.test(l));
  const body = lines.slice(at, end === -1 ? lines.length : end);
  const fields = readCodes(codes);
  const diagnostics: FormatDiagnostic[] = [];
  if (end === -1) {
    const message = 'a ZCZC message without its closing NNNN; read to the next ZCZC or the end';
    diagnostics.push({ severity: 'warning', code: 'zczc-unclosed', message, line });
  }
  const story = buildStory(fields, body, header.fields);
  return { stories: story === null ? [] : [atLine(story, line)], diagnostics };
}

function readCodes(codes: ReadonlyArray<[string, string]>): Record<string, string> {
  const given = new Map(codes);
  const dollar = given.get('$');
  const dollarIsHeadline = dollar !== undefined && dollar.length > 3;
  const fields: Record<string, string> = {};
  for (const [code, value] of codes) {
    if (value === '') continue;
    let field = CODES[code];
    if (code === '$') field = dollarIsHeadline ? 'headline' : 'category';
    if (code === ':')
      field = PLACELINE.test(value)
        ? 'place'
        : given.has('^')
          ? 'slug'
          : dollarIsHeadline
            ? 'take'
            : given.has('#')
              ? 'headline'
              : 'take';
    if (field !== undefined) fields[field] ??= value;
  }
  return fields;
}

function buildStory(
  fields: Record<string, string>,
  body: readonly string[],
  header: Record<string, string | number>,
): ParsedStory | null {
  const { headline, ...envelope } = fields;
  const plain = headline === undefined ? parsePlain(body.join('\n')) : null;
  const paragraphs = plain?.paragraphs ?? buildParagraphs(body, 0);
  const title = headline ?? plain?.headline ?? null;
  if (title === null && paragraphs.length === 0) return null;
  const all = { ...header, ...envelope };
  const place = PLACELINE.exec(envelope['place'] ?? '')?.[1];
  return {
    headline: title,
    ...(place === undefined ? {} : { dateline: place }),
    byline: plain?.byline ?? null,
    paragraphs,
    slugline: envelope['slug'] ?? null,
    urgency: urgencyOf(all),
    envelope: all,
  };
}

// News Bites' messages (under a lower-case `zczc`): two-letter tags, `TI#` the title, `AB#` the abstract, `KN#` who
// sent it, `BY#` the byline, and `TX#` before the text, a paragraph a line.
const TAG = /^([A-Z]{2})#(.*)$/;
const TAGS: Readonly<Record<string, string>> = {
  AN: 'id',
  KN: 'source',
  PD: 'date',
  CO: 'company',
  SO: 'exchange',
  SF: 'flag',
  BY: 'byline',
  KY: 'keywords',
};

/** A message of tag lines (`TI#...`, `TX#`) as a story, or null when its first line is no tag. */
function taggedStory(lines: readonly string[]): ParsedStory | null {
  let at = lines.findIndex((l) => l.trim() !== '');
  if (at === -1 || !TAG.test((lines[at] ?? '').trim())) return null;
  const tags = new Map<string, string>();
  for (; at < lines.length; at++) {
    const match = TAG.exec((lines[at] ?? '').trim());
    if (!match) break;
    const [, tag = '', value = ''] = match;
    if (tag === 'TX') {
      at++;
      break;
    }
    if (value.trim() !== '') tags.set(tag, value.trim());
  }
  const end = lines.findIndex((l, i) => i >= at && NNNN.test(l));
  const paragraphs = lines
    .slice(at, end === -1 ? lines.length : end)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const headline = tags.get('TI') ?? null;
  if (headline === null && paragraphs.length === 0) return null;
  const envelope: Record<string, string> = {};
  for (const [tag, value] of tags) {
    const field = TAGS[tag];
    if (field !== undefined) envelope[field] = value;
  }
  return {
    headline,
    byline: tags.get('BY') ?? null,
    paragraphs,
    description: tags.get('AB') ?? null,
    source: tags.get('KN') ?? null,
    envelope,
  };
}
