import type { Envelope } from '../types.js';

/** Header fields of an ANPA-1312 or IPTC 7901 frame, as the `envelope` of the record carries them. */
export type HeaderFields = Record<string, string | number>;

// Priority codes: ANPA letters and IPTC 7901 digits, with the name and the record's urgency (1 = most urgent).
const PRIORITIES: ReadonlyMap<string, readonly [string, number | null]> = new Map([
  ['f', ['flash', 1]],
  ['b', ['bulletin', 2]],
  ['u', ['urgent', 3]],
  ['r', ['regular', 4]],
  ['d', ['deferred', 5]],
  ['a', ['advisory', null]],
  ['1', ['flash', 1]],
  ['2', ['bulletin', 2]],
  ['3', ['urgent', 3]],
  ['4', ['regular', 4]],
  ['5', ['deferred', 5]],
]);

// ANPA category codes as AP and Reuters used them (the IPTC 7901 feeds of AAP reuse the letters).
const CATEGORIES: ReadonlyMap<string, string> = new Map([
  ['a', 'domestic'],
  ['e', 'entertainment'],
  ['f', 'financial'],
  ['i', 'international'],
  ['l', 'lifestyle'],
  ['s', 'sports'],
  ['v', 'advisory'],
  ['w', 'washington'],
]);

// ANPA: the story identity line, service letter + 4-digit number, then US and the selector (`f0288 US reute`).
// Kyodo glues its selector to the number: `a0105KYODOkoko-`.
const ANPA_IDENT = /^([A-Za-z])(\d{4})(?:[\s\u001f]+(.*)|([A-Za-z][\w-]*))?$/;
// ANPA: priority, category, slug and take words (`u f BC-AMR-<AMR>-AIRCRAFT-F`), then optionally MM-DD and the
// word count (`  03-03 0109`), read from the end so that the slug may hold spaces (`AM-REAGAN (SCHEDULED)`).
const ANPA_SLUG_LINE = /^([A-Za-z0-9]{1,2})[ \t]+([A-Za-z])[ \t]+(\S.*)$/;
const ANPA_SLUG_END = /[ \t]+(\d{1,2}-\d{1,2})[ \t]+(\d{1,5})[ \t]*$/;
// IPTC 7901: source + message number, priority digit, category, word count, optional info (`AAP0042 3 i 0312`).
const IPTC_LINE = /^([A-Za-z]{0,10})(\d{1,6})[ \t]+([0-9A-Za-z])[ \t]+([A-Za-z]{1,3})[ \t]+(\d{1,5})(?:[ \t]+(.*))?$/;

/** Header lines without control characters; DC1–DC4 (ANPA format identifiers) and SYN/US become spaces. */
function headerLines(header: string): string[] {
  return header
    .split(/\r?\n|\r/)
    .map((line) => line.replace(/[\u0011-\u0014\u0016]/g, ' ').trim())
    .filter((line) => line !== '' && line.length <= HEADER_LINE_MAX);
}

// Header lines are short (`u f BC-DIAMOND-SHAMROCK-(DIA   02-26 0097`); a longer one is damage, and is not read
// (which also keeps the end-anchored slug pattern linear).
const HEADER_LINE_MAX = 200;

/** The IPTC 7901 header's first line when it has that shape (`AAP0042 3 i 0312 ...`), for detection. */
export function isIptcHeader(header: string): boolean {
  const first = headerLines(header)[0];
  return first !== undefined && IPTC_LINE.test(first.replace(/\u001f/g, ' '));
}

/** A header read into envelope fields, with the lines that were not header fields (IPTC 7901 keywords). */
export interface Header {
  readonly fields: HeaderFields;
  /** True when the header has the IPTC 7901 shape (priority digit, word count on the first line). */
  readonly iptc: boolean;
  readonly unread: readonly string[];
}

/**
 * Reads an ANPA-1312 or IPTC 7901 header into envelope fields. Lines may come in either order and either may be
 * missing (Reuters-21578 keeps some slug lines apart from their identity line).
 */
export function parseHeader(header: string): Header {
  const fields: HeaderFields = {};
  const unread: string[] = [];
  let identified = false;
  let slugged = false;
  let iptcShaped = false;
  for (const line of headerLines(header)) {
    const iptc = identified || slugged ? null : IPTC_LINE.exec(line.replace(/\u001f/g, ' '));
    if (iptc) {
      Object.assign(fields, iptcFields(iptc));
      identified = slugged = iptcShaped = true;
      continue;
    }
    const ident = identified ? null : ANPA_IDENT.exec(line);
    if (ident) {
      identified = true;
      fields['service'] = ident[1] ?? '';
      fields['story_number'] = ident[2] ?? '';
      const rest = (ident[3] ?? ident[4] ?? '').replace(/\u001f/g, ' ').trim();
      // A one-line header runs on into the slug line: `a0412 r a BC-Economy 1stLd-Writethru 05-17 0600`.
      const slugLine = rest.includes(' ') && !slugged ? ANPA_SLUG_LINE.exec(rest) : null;
      if (slugLine) {
        Object.assign(fields, slugFields(slugLine));
        slugged = true;
      } else if (rest !== '') fields['selector'] = rest;
      continue;
    }
    const slugLine = slugged ? null : ANPA_SLUG_LINE.exec(line.replace(/\u001f/g, ' '));
    if (slugLine) {
      Object.assign(fields, slugFields(slugLine));
      slugged = true;
    } else unread.push(line);
  }
  return { fields, iptc: iptcShaped, unread };
}

function iptcFields(match: RegExpExecArray): HeaderFields {
  const [, source, number, priority, category, words, optional] = match;
  const fields: HeaderFields = {};
  if (source) fields['service'] = source;
  fields['story_number'] = number ?? '';
  addCodes(fields, priority ?? '', category ?? '');
  fields['words'] = Number(words);
  if (optional?.trim()) fields['optional'] = optional.trim();
  return fields;
}

// The cycle prefix says which news cycle a slug is for: AM, PM or BC (both cycles).
const CYCLES = new Set(['AM', 'PM', 'BC']);

function slugFields(match: RegExpExecArray): HeaderFields {
  const [, priority, category, rest = ''] = match;
  const fields: HeaderFields = {};
  addCodes(fields, priority ?? '', category ?? '');
  const end = ANPA_SLUG_END.exec(rest);
  const [slug, ...take] = (end ? rest.slice(0, end.index) : rest).trim().split(/[ \t]+/);
  if (slug) {
    fields['slug'] = slug;
    const cycle = slug.slice(0, 2).toUpperCase();
    if (slug.length > 3 && slug.charAt(2) === '-' && CYCLES.has(cycle)) fields['cycle'] = cycle;
  }
  if (take.length > 0) fields['take'] = take.join(' ');
  if (end?.[1]) fields['month_day'] = end[1].length === 5 ? end[1] : end[1].replace(/\d+/g, (n) => n.padStart(2, '0'));
  if (end?.[2]) fields['words'] = Number(end[2]);
  return fields;
}

/** Adds the priority and category codes, with their names when the codes are known ones. */
function addCodes(fields: HeaderFields, priority: string, category: string): void {
  fields['priority'] = priority;
  const known = PRIORITIES.get(priority.toLowerCase());
  if (known) fields['priority_name'] = known[0];
  fields['category'] = category;
  const name = CATEGORIES.get(category.toLowerCase());
  if (name) fields['category_name'] = name;
}

/** The record's urgency (1–9) for a priority code, or null when the code has none (advisory, unknown). */
export function urgencyOf(envelope: Envelope): number | null {
  const code = envelope['priority'];
  return typeof code === 'string' ? (PRIORITIES.get(code.toLowerCase())?.[1] ?? null) : null;
}

/** The slug without its cycle prefix (`BC-DIAMOND-SHAMROCK-(DIA` → `DIAMOND-SHAMROCK-(DIA`), as the slugline. */
export function sluglineOf(envelope: Envelope): string | null {
  const slug = envelope['slug'];
  if (typeof slug !== 'string') return null;
  return typeof envelope['cycle'] === 'string' ? slug.slice(3) : slug;
}
