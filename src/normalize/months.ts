import { MONTH_NAMES } from './months/index.js';

// Every spelling's month, and each language's own: a spelling two languages give different months (`listopada`:
// October in Croatian, November in Polish) is AMBIGUOUS unless the language is known.
const AMBIGUOUS = 0;
const BY_LANGUAGE = new Map<string, Map<string, number>>();
const MONTHS = new Map<string, number>();
for (const [language, names] of Object.entries(MONTH_NAMES)) {
  const own = new Map<string, number>();
  names.forEach((spellings, i) => {
    for (const name of spellings.split(' ')) {
      own.set(name, i + 1);
      const seen = MONTHS.get(name);
      MONTHS.set(name, seen === undefined || seen === i + 1 ? i + 1 : AMBIGUOUS);
    }
  });
  BY_LANGUAGE.set(language, own);
}

/**
 * The month number (1–12) of a printed month name, or undefined; 0 for a spelling whose month depends on its
 * language when `language` (ISO 639-1, the dateline agency's) does not settle it.
 */
export function monthNumber(name: string, language?: string): number | undefined {
  const lower = name.toLowerCase();
  const key = lower.endsWith('.') ? lower.slice(0, -1) : lower;
  return (language === undefined ? undefined : BY_LANGUAGE.get(language)?.get(key)) ?? MONTHS.get(key);
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/**
 * An ISO date for a month and day: `2026-11-27` when the year is given or can be inferred from the reference date
 * (the year that puts the date nearest the reference, never more than a month after it), `--11-27` otherwise.
 * Returns null for impossible days (`March 119`).
 */
export function isoDate(month: number, day: number, year: number | null, reference: string | null): string | null {
  if (month < 1 || month > 12 || day < 1 || day > (DAYS_IN_MONTH[month - 1] ?? 0)) return null;
  const md = `${pad(month)}-${pad(day)}`;
  const resolved = year ?? inferYear(month, day, reference);
  if (resolved === null) return `--${md}`;
  if (month === 2 && day === 29 && !isLeap(resolved)) return null;
  return `${String(resolved).padStart(4, '0')}-${md}`;
}

function inferYear(month: number, day: number, reference: string | null): number | null {
  if (reference === null) return null;
  const ref = /^(\d{4})-(\d{2})-(\d{2})/.exec(reference);
  if (!ref) return null;
  const year = Number(ref[1]);
  const refDays = Number(ref[2]) * 31 + Number(ref[3]);
  const days = month * 31 + day;
  // A dateline is at most about a month ahead of the copy's own date (embargoed copy); anything later is last year.
  return days - refDays > 31 ? year - 1 : year;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
