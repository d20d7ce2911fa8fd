/** Counts by key: `Yonhap` → 512. */
export type Counts = Record<string, number>;

/** What `wire stats` found in some files of wire's JSON lines. */
export interface Stats {
  /** Lines read that were records (stories and duplicates). */
  records: number;
  /** Records written as stories (not in a `--duplicates` file). */
  stories: number;
  /** Records with `duplicate_of`: dropped copies, from `--duplicates` files. */
  duplicates: number;
  /** Stories that are a new version of an earlier one (`version` > 1). */
  versions: number;
  /** Lines that were not JSON objects with an id (left out of every count). */
  notRecords: number;
  /** The first and last day seen (published, else ingested), or null. */
  from: string | null;
  to: string | null;
  agency: Counts;
  language: Counts;
  format: Counts;
  /** By `YYYY-MM-DD`: the published day where known, else the day it was ingested. */
  day: Counts;
  /** By UTC hour `00`–`23`: the published time where known, else the time it was ingested. */
  hour: Counts;
}

/** Key for a missing value in the counts. */
export const NONE = '(none)';

/** An empty tally. */
export function emptyStats(): Stats {
  return {
    records: 0,
    stories: 0,
    duplicates: 0,
    versions: 0,
    notRecords: 0,
    from: null,
    to: null,
    agency: {},
    language: {},
    format: {},
    day: {},
    hour: {},
  };
}

const DAY = /^\d{4}-\d{2}-\d{2}/;
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Counts one line's value: a record (a story, or a duplicate with `duplicate_of`), or something that is not one. */
export function tally(stats: Stats, value: unknown): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || typeof field(value, 'id') !== 'string') {
    stats.notRecords++;
    return;
  }
  stats.records++;
  if (typeof field(value, 'duplicate_of') === 'string') {
    stats.duplicates++;
    return;
  }
  stats.stories++;
  const version = field(value, 'version');
  if (typeof version === 'number' && version > 1) stats.versions++;
  bump(stats.agency, text(field(value, 'agency')));
  bump(stats.language, text(field(value, 'language')));
  bump(stats.format, text(field(field(value, 'origin'), 'format')));
  const published = text(field(value, 'published'));
  const ingested = text(field(value, 'ingested_at'));
  const day = [published, ingested].find((d) => DAY.test(d))?.slice(0, 10);
  if (day !== undefined) {
    bump(stats.day, day);
    if (stats.from === null || day < stats.from) stats.from = day;
    if (stats.to === null || day > stats.to) stats.to = day;
  }
  const moment = [published, ingested].find((t) => TIME.test(t) && !Number.isNaN(Date.parse(t)));
  if (moment !== undefined) bump(stats.hour, String(new Date(moment).getUTCHours()).padStart(2, '0'));
}

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

function text(value: unknown): string {
  return typeof value === 'string' && value.trim() !== '' ? value : NONE;
}

function bump(counts: Counts, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}
