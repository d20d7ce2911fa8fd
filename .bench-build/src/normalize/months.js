/**
 * Month names as datelines print them, in the languages agencies file in: `Nov.`, `Sept.`, `March`, `abr`, `dez`,
 * `août`, `JUL`, `März`. Keys are lower-case without the trailing period.
 */
const MONTHS = buildMonths([
    // English, AP and Reuters abbreviations included
    ['january jan', 1],
    ['february feb', 2],
    ['march mar', 3],
    ['april apr', 4],
    ['may', 5],
    ['june jun', 6],
    ['july jul', 7],
    ['august aug', 8],
    ['september sept sep', 9],
    ['october oct', 10],
    ['november nov', 11],
    ['december dec', 12],
    // Spanish (EFE), Portuguese (AFP, Xinhua, Lusa), French (AFP, Xinhua), Italian (ANSA), German (dpa)
    ['enero ene janeiro janvier janv gennaio genn gen januar jän', 1],
    ['febrero febr fevereiro fev février févr fevr febbraio febbr februar', 2],
    ['marzo março marco mars märz maerz mrz', 3],
    ['abril abr avril avr aprile', 4],
    ['mayo maio mai maggio magg mag', 5],
    ['junio junho juin giugno giu juni', 6],
    ['julio julho juillet juil luglio lug juli', 7],
    ['agosto ago août aout', 8],
    ['septiembre setiembre set setembro septembre settembre sett', 9],
    ['octubre out outubro octobre ottobre ott oktober okt', 10],
    ['noviembre novembro novembre', 11],
    ['diciembre dic dezembro dez décembre déc dicembre dezember', 12],
]);
function buildMonths(rows) {
    const table = {};
    for (const [names, month] of rows) {
        for (const name of names.split(' '))
            table[name] = month;
    }
    return table;
}
/** A regex source matching any month name above, with an optional trailing period. */
export const MONTH_PATTERN = `(?:${Object.keys(MONTHS)
    .sort((a, b) => b.length - a.length)
    .join('|')})\\.?`;
/** The month number (1–12) of a printed month name, or undefined. */
export function monthNumber(name) {
    return MONTHS[name.toLowerCase().replace(/\.$/, '')];
}
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/**
 * An ISO date for a month and day: `2026-11-27` when the year is given or can be inferred from the reference date
 * (the year that puts the date nearest the reference, never more than a month after it), `--11-27` otherwise.
 * Returns null for impossible days (`March 119`).
 */
export function isoDate(month, day, year, reference) {
    if (month < 1 || month > 12 || day < 1 || day > (DAYS_IN_MONTH[month - 1] ?? 0))
        return null;
    const md = `${pad(month)}-${pad(day)}`;
    const resolved = year ?? inferYear(month, day, reference);
    if (resolved === null)
        return `--${md}`;
    if (month === 2 && day === 29 && !isLeap(resolved))
        return null;
    return `${String(resolved).padStart(4, '0')}-${md}`;
}
function inferYear(month, day, reference) {
    if (reference === null)
        return null;
    const ref = /^(\d{4})-(\d{2})-(\d{2})/.exec(reference);
    if (!ref)
        return null;
    const year = Number(ref[1]);
    const refDays = Number(ref[2]) * 31 + Number(ref[3]);
    const days = month * 31 + day;
    // A dateline is at most about a month ahead of the copy's own date (embargoed copy); anything later is last year.
    return days - refDays > 31 ? year - 1 : year;
}
function isLeap(year) {
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
function pad(n) {
    return n < 10 ? `0${n}` : String(n);
}
