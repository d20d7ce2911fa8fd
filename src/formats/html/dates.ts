import { monthNumber } from '../../normalize/months.js';

// `2026-11-27`, `2026-11-27T08:15`, `2026-11-27 08:15:00.000`, `2026-11-27T08:15:00+09:00`, `...Z`.
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/;
// RFC 2822 and its cousins: `Mon, 24 Feb 2020 21:25:54 -0500`, `24 Feb 2020 21:25 GMT`, RFC 822's North American
// zones (`Tue, 1 Dec 2026 9:00:00 EST`), and day and month names in other languages (`mar., 01 déc. 2026 ...`).
const RFC2822 =
  /^(?:\p{L}+\.?,?\s+)?(\d{1,2})\s+(\p{L}+)\.?\s+(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(GMT|UTC|UT|Z|[+-]\d{4}|[ECMP][SD]T)?)?$/u;
// RFC 822's named zones: `EST` is five hours behind, `EDT` four.
const NAMED_ZONES: Readonly<Record<string, string>> = {
  EST: '-05:00',
  EDT: '-04:00',
  CST: '-06:00',
  CDT: '-05:00',
  MST: '-07:00',
  MDT: '-06:00',
  PST: '-08:00',
  PDT: '-07:00',
};
// Printed dates: `Jan 18, 2019`, `January 18, 2019 6:01 am`, `18 January 2019`, `2020/02/24`.
const MONTH_DAY_YEAR = /\b(\p{L}{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\b/u;
const DAY_MONTH_YEAR = /\b(\d{1,2})\.?\s+(\p{L}{3,9})\.?,?\s+(\d{4})\b/u;
const SLASHED = /\b(\d{4})([/.-])(\d{1,2})\2(\d{1,2})\b/;
// `2020年02月19日` (Chinese, Japanese), `2020년 2월 19일` (Korean).
const CJK_DATE = /(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]/;
// `19.02.2020`: day first, as in German, Nordic and Slavic pages (slashes are left alone: `02/10/2020` is either).
const DOTTED = /\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/;

/**
 * An ISO 8601 date or date-time for the record's `published`, from what pages put in meta tags, JSON-LD and
 * `<time datetime>`. The page's own clock is kept (`2020-02-24T21:25:54-05:00` stays on the 24th); nothing is read
 * in the machine's time zone, so the same page gives the same date everywhere. Null when unreadable.
 */
export function isoDate(value: string | null): string | null {
  if (value === null) return null;
  const text = value.trim();
  const iso = ISO.exec(text);
  if (iso) return assemble(iso[1]!, iso[2]!, iso[3]!, iso[4], iso[5], iso[6], iso[7]);
  if (/^\d{8}$/.test(text)) return valid(`${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6)}`);
  const rfc = RFC2822.exec(text);
  const month = rfc ? monthNumber(rfc[2]!.toLowerCase()) : undefined;
  if (rfc && month !== undefined)
    return assemble(rfc[3]!, pad(month), pad(Number(rfc[1])), rfc[4], rfc[5], rfc[6], rfc[7]);
  return printedDate(text);
}

/**
 * The date in a short printed text (`Jan 18, 2019`, `Updated 18 January 2019`, `2020/02/24 10:05`, `2020-02-19
 * 20:29:58`, `2020年02月19日`, `19.02.2020`), or null.
 */
export function printedDate(text: string): string | null {
  const slashed = SLASHED.exec(text);
  if (slashed) return valid(`${slashed[1]}-${pad(Number(slashed[3]))}-${pad(Number(slashed[4]))}`);
  const cjk = CJK_DATE.exec(text);
  if (cjk) return valid(`${cjk[1]}-${pad(Number(cjk[2]))}-${pad(Number(cjk[3]))}`);
  const dotted = DOTTED.exec(text);
  if (dotted) return valid(`${dotted[3]}-${pad(Number(dotted[2]))}-${pad(Number(dotted[1]))}`);
  const mdy = MONTH_DAY_YEAR.exec(text);
  const dmy = DAY_MONTH_YEAR.exec(text);
  const candidates: Array<[string | undefined, string | undefined, string | undefined]> = [
    [mdy?.[1], mdy?.[2], mdy?.[3]],
    [dmy?.[2], dmy?.[1], dmy?.[3]],
  ];
  for (const [name, day, year] of candidates) {
    const month = name === undefined ? undefined : monthNumber(name.toLowerCase());
    if (month !== undefined && day !== undefined && year !== undefined)
      return valid(`${year}-${pad(month)}-${pad(Number(day))}`);
  }
  return null;
}

function assemble(
  year: string,
  month: string,
  day: string,
  hour: string | undefined,
  minute: string | undefined,
  second: string | undefined,
  zone: string | undefined,
): string | null {
  const date = valid(`${year}-${month}-${day}`);
  if (date === null || hour === undefined || minute === undefined) return date;
  const time = `${date}T${pad(Number(hour))}:${minute}:${second ?? '00'}`;
  if (zone === undefined) return time;
  if (/^(?:GMT|UTC|UT|Z)$/.test(zone)) return `${time}Z`;
  const named = NAMED_ZONES[zone];
  if (named !== undefined) return `${time}${named}`;
  return `${time}${zone.slice(0, 3)}:${zone.slice(-2)}`;
}

function valid(date: string): string | null {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return m >= 1 && m <= 12 && d >= 1 && d <= 31 && y >= 1900 && y <= 2200 ? date : null;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
