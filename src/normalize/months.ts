/**
 * Month names as datelines print them, one row per language the agencies file in (date-fns locales' shape: twelve
 * entries, January first, each listing the spellings and abbreviations seen, lower-case, without a trailing period):
 * `Nov.`, `Sept.`, `March`, `abr`, `dez`, `août`, `JUL`, `März`, `2. tammikuuta`.
 */
const MONTH_NAMES: Readonly<Record<string, readonly string[]>> = {
  // English, AP and Reuters abbreviations included
  en: [
    'january jan',
    'february feb',
    'march mar',
    'april apr',
    'may',
    'june jun',
    'july jul',
    'august aug',
    'september sept sep',
    'october oct',
    'november nov',
    'december dec',
  ],
  // Spanish (EFE, Xinhua)
  es: 'enero ene|febrero feb febr|marzo mar|abril abr|mayo may|junio jun|julio jul|agosto ago|septiembre setiembre sept sep set|octubre oct|noviembre nov|diciembre dic'.split(
    '|',
  ),
  // Portuguese (Lusa, AFP, Xinhua)
  pt: 'janeiro jan|fevereiro fev|março marco mar|abril abr|maio mai|junho jun|julho jul|agosto ago|setembro set|outubro out|novembro nov|dezembro dez'.split(
    '|',
  ),
  // French (AFP, Xinhua, ATS)
  fr: 'janvier janv|février fevrier févr fevr|mars|avril avr|mai|juin|juillet juil|août aout|septembre sept|octobre oct|novembre nov|décembre decembre déc dec'.split(
    '|',
  ),
  // Italian (ANSA)
  it: 'gennaio genn gen|febbraio febbr feb|marzo mar|aprile apr|maggio magg mag|giugno giu|luglio lug|agosto ago|settembre sett set|ottobre ott|novembre nov|dicembre dic'.split(
    '|',
  ),
  // German (dpa, APA, SDA), Austrian `Jänner` included
  de: 'januar jänner jän jan|februar feb|märz maerz mrz|april apr|mai|juni jun|juli jul|august aug|september sept sep|oktober okt|november nov|dezember dez'.split(
    '|',
  ),
  // Dutch (ANP, Belga)
  nl: 'januari jan|februari feb|maart mrt|april apr|mei|juni jun|juli jul|augustus aug|september sep|oktober okt|november nov|december dec'.split(
    '|',
  ),
  // Swedish (TT)
  sv: 'januari jan|februari feb|mars mar|april apr|maj|juni jun|juli jul|augusti aug|september sep sept|oktober okt|november nov|december dec'.split(
    '|',
  ),
  // Danish (Ritzau)
  da: 'januar jan|februar feb|marts mar|april apr|maj|juni jun|juli jul|august aug|september sep sept|oktober okt|november nov|december dec'.split(
    '|',
  ),
  // Norwegian (NTB)
  no: 'januar jan|februar feb|mars mar|april apr|mai|juni jun|juli jul|august aug|september sep sept|oktober okt|november nov|desember des'.split(
    '|',
  ),
  // Finnish (STT): the nominative, the partitive dates are printed in (`2. tammikuuta`), and abbreviations
  fi: 'tammikuu tammikuuta tammik|helmikuu helmikuuta helmik|maaliskuu maaliskuuta maalisk|huhtikuu huhtikuuta huhtik|toukokuu toukokuuta toukok|kesäkuu kesäkuuta kesäk|heinäkuu heinäkuuta heinäk|elokuu elokuuta elok|syyskuu syyskuuta syysk|lokakuu lokakuuta lokak|marraskuu marraskuuta marrask|joulukuu joulukuuta jouluk'.split(
    '|',
  ),
};

const MONTHS: Readonly<Record<string, number>> = buildMonths(MONTH_NAMES);

function buildMonths(languages: Readonly<Record<string, readonly string[]>>): Record<string, number> {
  const table: Record<string, number> = {};
  for (const names of Object.values(languages)) {
    names.forEach((spellings, i) => {
      for (const name of spellings.split(' ')) table[name] = i + 1;
    });
  }
  return table;
}

/** A regex source matching any month name above, with an optional trailing period. */
export const MONTH_PATTERN = `(?:${Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|')})\\.?`;

/** The month number (1–12) of a printed month name, or undefined. */
export function monthNumber(name: string): number | undefined {
  return MONTHS[name.toLowerCase().replace(/\.$/, '')];
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
