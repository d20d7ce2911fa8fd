import type { Story } from '../types.js';
import { asObject } from './json-value.js';
import { PARSER_NAMES } from './names.js';

/**
 * A record wire wrote, read back from outside JSON and checked field by field against the record's contract
 * (schema/record.schema.json), so that what is written again is a valid record: the same fields, nothing else.
 */

type Check = (value: unknown) => boolean;

const str: Check = (v) => typeof v === 'string';
const nonEmpty: Check = (v) => typeof v === 'string' && v !== '';
const strOrNull: Check = (v) => v === null || typeof v === 'string';
const matches =
  (pattern: RegExp, orNull = false): Check =>
  (v) =>
    (orNull && v === null) || (typeof v === 'string' && pattern.test(v));
const strings =
  (each: Check): Check =>
  (v) =>
    Array.isArray(v) && v.every(each);
const object =
  (fields: Readonly<Record<string, Check>>, orNull = false): Check =>
  (v) => {
    if (orNull && v === null) return true;
    const o = asObject(v);
    return (
      o !== null &&
      Object.keys(o).every((k) => k in fields) &&
      Object.entries(fields).every(([k, check]) => check(o[k]))
    );
  };
const integer =
  (min: number, max = Infinity, orNull = false): Check =>
  (v) =>
    (orNull && v === null) || (Number.isInteger(v) && (v as number) >= min && (v as number) <= max);

// Formats a record can name in origin.format (every reader but this one: a record read back keeps its origin).
const FORMATS = new Set<string>(PARSER_NAMES.filter((name) => name !== 'wire'));

const REQUIRED: Readonly<Record<string, Check>> = {
  id: matches(/^[0-9a-f]{24}$/),
  headline: str,
  markers: strings(nonEmpty),
  byline: strOrNull,
  dateline: object(
    { text: nonEmpty, location: strOrNull, date: matches(/^(?:\d{4}|-)-\d{2}-\d{2}$/, true), agency: strOrNull },
    true,
  ),
  body: str,
  source: object({ text: nonEmpty, name: strOrNull }, true),
  agency: strOrNull,
  credits: strOrNull,
  copyright: strOrNull,
  stripped: strings(str),
  language: strOrNull,
  published: matches(/^\d{4}-\d{2}-\d{2}/, true),
  url: strOrNull,
  origin: object({
    type: (v) => v === 'file' || v === 'stdin' || v === 'url',
    location: str,
    format: (v) => typeof v === 'string' && FORMATS.has(v),
    index: integer(0),
    charset: strOrNull,
  }),
  words: integer(0),
  ingested_at: matches(/^\d{4}-\d{2}-\d{2}T/),
  correction: (v) => typeof v === 'boolean',
  fingerprint: object({ exact: matches(/^[0-9a-f]{16}$/), near: matches(/^(?:[0-9a-f]{2}){14,}$/, true) }),
};

const OPTIONAL: Readonly<Record<string, Check>> = {
  canonical_url: strOrNull,
  site_name: strOrNull,
  ednote: strOrNull,
  description: strOrNull,
  slugline: strOrNull,
  urgency: integer(1, 9, true),
  envelope: (v) =>
    v === null ||
    Object.values(asObject(v) ?? { x: {} }).every((e) => e === null || ['string', 'number'].includes(typeof e)),
  altids: (v) => asObject(v) !== null && Object.values(asObject(v) ?? {}).every(str),
  byline_title: str,
  update_notes: strings(str),
  summary: strings(str),
  subheadline: str,
  press_release: (v) => v === true,
};

/**
 * The record a JSON object is, when every required field is there with the right type and the optional ones are
 * right where present; else null. Other keys are left out: a duplicates file's verdict (`duplicate_of`,
 * `similarity`) and the dedup fields (`version`, `replaces`), which the run decides again.
 */
export function wireRecordOf(value: Record<string, unknown>): Story | null {
  if (!Object.entries(REQUIRED).every(([key, check]) => check(value[key]))) return null;
  const record: Record<string, unknown> = {};
  for (const key of Object.keys(REQUIRED)) record[key] = value[key];
  for (const [key, check] of Object.entries(OPTIONAL)) {
    if (value[key] === undefined) continue;
    if (!check(value[key])) return null;
    record[key] = value[key];
  }
  return record as unknown as Story;
}
