/**
 * Date stamps as wire formats print them, turned into ISO 8601. Every function returns null for a stamp it cannot
 * read or an impossible date, never a guess.
 */

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

// US wire zones printed after the time (`1516EDT`); GMT/UTC/Z are zero. Anything else keeps a local time.
const ZONES: ReadonlyMap<string, string> = new Map([
  ['GMT', 'Z'],
  ['UTC', 'Z'],
  ['UT', 'Z'],
  ['Z', 'Z'],
  ['EST', '-05:00'],
  ['EDT', '-04:00'],
  ['CST', '-06:00'],
  ['CDT', '-05:00'],
  ['MST', '-07:00'],
  ['MDT', '-06:00'],
  ['PST', '-08:00'],
  ['PDT', '-07:00'],
]);

/** ISO date-time from parts, or null when a part is out of range. */
function build(year: number, month: number, day: number, time: string, zone: string): string | null {
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  const date = `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
  return time === '' ? date : `${date}T${time}${zone}`;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function clock(hh: string, mm: string, ss = '00', fraction = ''): string | null {
  if (Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 60) return null;
  return `${hh}:${mm}:${ss}${fraction}`;
}

/**
 * The ANPA trailer stamp `MM-DD-YY HHMMZZZ` (`AP-NY-05-17-96 1516EDT`, `02-26-87 1501GMT`) found anywhere in `text`.
 * Two-digit years from 70 are 19xx, below are 20xx.
 */
export function trailerStamp(text: string): string | null {
  const match = /\b(\d{2})-(\d{2})-(\d{2}) ?(\d{2})(\d{2}) ?([A-Za-z]{1,4})?\b/.exec(text);
  if (!match) return null;
  const [, mm, dd, yy, hh, min, zone] = match;
  const year = Number(yy) >= 70 ? 1900 + Number(yy) : 2000 + Number(yy);
  const time = clock(hh ?? '', min ?? '');
  return time === null ? null : build(year, Number(mm), Number(dd), time, ZONES.get((zone ?? '').toUpperCase()) ?? '');
}

/**
 * The IPTC 7901 time stamp on a line of its own at the end of a dpa or Keystone-SDA text: day, hour and minute, an
 * optional zone, the month's abbreviation in the service's language and a two-digit year (`101137 GMT Dez 18`,
 * `211005 jan 19`, `241205 Sep 24`). Without a zone the time is local, and kept without an offset.
 */
export function iptcStamp(line: string): string | null {
  const match = /^\s*(\d{2})(\d{2})(\d{2})\s+(?:([A-Z]{1,4})\s+)?(\p{L}{3,5})\.?\s+(\d{2})\s*$/u.exec(line);
  if (!match) return null;
  const [, dd, hh, min, zone, name, yy] = match;
  const month = STAMP_MONTHS.get((name ?? '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase());
  const time = clock(hh ?? '', min ?? '');
  if (month === undefined || time === null) return null;
  const offset = zone === undefined ? '' : ZONES.get(zone);
  return offset === undefined ? null : build(2000 + Number(yy), month, Number(dd), time, offset);
}

// Month abbreviations of the 7901 stamps, accents dropped: English, German, French, Spanish, Italian.
const STAMP_MONTHS: ReadonlyMap<string, number> = new Map(
  (
    [
      ['jan', 'ene', 'gen', 'janv'],
      ['feb', 'fev', 'fevr', 'febr'],
      ['mar', 'mars', 'marz', 'mrz'],
      ['apr', 'avr', 'abr', 'avril'],
      ['may', 'mai', 'mag', 'mayo'],
      ['jun', 'juin', 'giu'],
      ['jul', 'juil', 'lug'],
      ['aug', 'aou', 'aout', 'ago'],
      ['sep', 'sept', 'set'],
      ['oct', 'okt', 'ott'],
      ['nov'],
      ['dec', 'dez', 'dic'],
    ] as const
  ).flatMap((names, i) => names.map((name) => [name, i + 1] as const)),
);

/** Reuters-21578 `<DATE>`: ` 3-MAR-1987 09:18:21.26` → `1987-03-03T09:18:21.26` (the corpus gives no zone). */
export function sgmlStamp(text: string): string | null {
  const match = /(\d{1,2})-([A-Za-z]{3})-(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?/.exec(text);
  if (!match) return null;
  const [, dd, mon, yyyy, hh, min, ss, fraction] = match;
  const month = MONTHS.indexOf((mon ?? '').toUpperCase()) + 1;
  const time = hh === undefined ? '' : clock(hh.padStart(2, '0'), min ?? '00', ss, fraction ?? '');
  return time === null ? null : build(Number(yyyy), month, Number(dd), time, '');
}

/**
 * An ISO 8601 stamp in basic or extended form, as NITF (`20260127T083000+0000`, `20260127`) and NewsML-G2
 * (`2026-01-27T08:30:00Z`) print them, in extended form: `2026-01-27T08:30:00+00:00`.
 */
export function isoStamp(text: string | null): string | null {
  if (text === null) return null;
  const match =
    /^(\d{4})-?(\d{2})-?(\d{2})(?:[T ](\d{2}):?(\d{2})(?::?(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i.exec(
      text.trim(),
    );
  if (!match) return null;
  const [, yyyy, mm, dd, hh, min, ss, fraction, zone] = match;
  const time = hh === undefined ? '' : clock(hh, min ?? '00', ss, fraction ?? '');
  return time === null ? null : build(Number(yyyy), Number(mm), Number(dd), time, offset(zone));
}

function offset(zone: string | undefined): string {
  if (zone === undefined) return '';
  if (/^z$/i.test(zone)) return 'Z';
  const digits = zone.replace(':', '');
  return `${digits.slice(0, 3)}:${digits.slice(3, 5).padEnd(2, '0')}`;
}

/** The date part (`YYYY-MM-DD`) of an ISO stamp, for inferring a dateline's year; null when there is none. */
export function datePart(stamp: string | null): string | null {
  return stamp !== null && /^\d{4}-\d{2}-\d{2}/.test(stamp) ? stamp.slice(0, 10) : null;
}
