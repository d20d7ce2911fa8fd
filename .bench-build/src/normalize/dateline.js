import { canonicalAgency, isKnownAgency } from './agencies.js';
import { MONTH_PATTERN, isoDate, monthNumber } from './months.js';
// --- the grammar, piece by piece -----------------------------------------------------------------------------------
const MONTH = caseless(MONTH_PATTERN);
// A word of a place name: `SEOUL`, `N.Y.`, `WINSTON-SALEM`, `DALLAS/FORT`, `São`, `O'HARE`; never a month and day.
const WORD = `(?!${MONTH}\\s*\\d)\\p{Lu}[\\p{L}\\p{M}'’.]*(?:[-/][\\p{L}\\p{M}'’.]+)*`;
// Lower-case words inside place names: `RIO de JANEIRO`, `Côte d'Ivoire`, `Stratford upon Avon`.
const JOINER = `(?:de|del|da|do|dos|das|di|du|des|la|le|les|el|al|am|an|im|upon|on|of|sur|en|y|e|d'|l')`;
const PART = `${WORD}(?:(?: ${JOINER})* ${WORD}){0,4}`;
// Parts are comma-separated; 1987 copy sometimes has a space before the comma (`ATLANTA , March 3 -`).
const LOCATION = `${PART}(?: ?, ?${PART}){0,2}`;
// `Nov. 27`, `27 Nov`, `March 22, 2018`, `31 dez 2008`, `Jan. 1` (a typo'd day like `119` is caught and dropped).
const DATE = `(?:${MONTH} ?\\d{1,3}|\\d{1,2} ${MONTH})(?:,? \\d{4})?`;
// `--`, `—`, `–`, `.-` may touch their neighbours; a lone `-` or `_` needs a space on one side (`WINSTON-SALEM`).
const SEP = `(?:[ \\t]*(?:-{2,3}|[—–]|\\.-)[ \\t]*|[ \\t]+[-_][ \\t]*|[-_][ \\t]+|-$)`;
const PAREN_AGENCY = `\\((?<agency>[^()\\n]{1,40})\\)`;
/** `SEOUL, Nov. 24 (Yonhap) -- `, `NEW YORK, Feb 26 - `, `WASHINGTON _ `, `(Bloomberg) -- `, `HOUSTON--(BUSINESS WIRE)--` */
const WITH_SEPARATOR = new RegExp(`^(?<loc>${LOCATION})?(?: ?,? ?(?<date>${DATE}),?)?(?:(?:[ \\t]*-{2,}[ \\t]*| ?)${PAREN_AGENCY}|,? (?<bare>Kyodo|Reuters?)\\b)?(?<sep>${SEP})`, 'u');
/** `New Delhi, Jul 14 (PTI) The ...`, `New Delhi, July 15(PTI) India`, `(CNN)The ...`: known agencies only. */
const WITHOUT_SEPARATOR = new RegExp(`^(?<loc>${LOCATION})?(?:,? ?(?<date>${DATE}))? ?${PAREN_AGENCY}[ \\t]*(?=[\\p{Lu}\\d"“‘'])`, 'u');
/** Kyodo: `TOKYO, Oct. 6 Kyodo - ` or with no separator at all. */
const KYODO = new RegExp(`^(?<loc>${LOCATION}),? ?(?<date>${DATE}) (?<bare>Kyodo)(?:${SEP}|[ \\t]+(?=[\\p{Lu}\\d"“]))`, 'u');
/** ANSA puts the agency first: `(ANSA) - ROME, JUL 11 - `. */
const AGENCY_FIRST = new RegExp(`^\\((?<agency>ANSA|[A-Z]{2,10})\\)${SEP}(?<loc>${LOCATION})(?:,? ?(?<date>${DATE}))?(?<sep>${SEP})`, 'u');
/** `SINGAPORE, Aug. 27, 2024 /PRNewswire/ -- ` */
const SLASHED_AGENCY_AFTER = new RegExp(`^(?<loc>${LOCATION})?(?:,? ?(?<date>${DATE}))? ?/(?<agency>[\\p{L}][\\p{L} -]{1,30})/(?:${SEP}|[ \\t]*)`, 'u');
/** `NEW York, NY/ACCESSWIRE/May 7, 2024/` */
const SLASHED_AGENCY_BEFORE = new RegExp(`^(?<loc>${LOCATION}) ?/(?<agency>[\\p{L}][\\p{L} -]{1,30})/ ?(?<date>${DATE}) ?/(?:${SEP}|[ \\t]*)`, 'u');
// Capitalised openings that are wire markers or organisations, not places (`BREAKING -- ...`, `NATO -- The ...`).
const NOT_PLACES = new Set('BREAKING URGENT FLASH BULLETIN UPDATE UPDATED EXCLUSIVE CORRECTION CORRECTED ADVISORY EDITORS NOTE WARNING NEWSALERT ALERT WATCH LIVE VIDEO PHOTOS OPINION ANALYSIS EDITORIAL COMMENTARY FACTBOX NATO NASA OPEC FBI CIA IMF WHO UN EU USA'.split(' '));
/**
 * Finds the dateline that opens a first paragraph, in the agencies' shapes (see FORMATS.md), and returns it with the
 * rest of the paragraph. Returns null for ordinary first sentences (`WASHINGTON state officials said ...`).
 * `reference` (ISO date) lets a month and day without a year become a full date.
 */
export function parseDateline(paragraph, reference) {
    const head = paragraph.slice(0, 240);
    for (const shape of SHAPES) {
        const match = shape.pattern.exec(head);
        if (!match?.groups || match[0].trim() === '')
            continue;
        const found = build(match.groups, match[0], paragraph.slice(match[0].length), reference);
        if (found && shape.accept(found, match.groups))
            return found;
    }
    return null;
}
const always = () => true;
const SHAPES = [
    { pattern: AGENCY_FIRST, accept: always },
    { pattern: SLASHED_AGENCY_BEFORE, accept: (f) => isKnownAgency(f.dateline.agency ?? '') },
    { pattern: SLASHED_AGENCY_AFTER, accept: (f) => isKnownAgency(f.dateline.agency ?? '') },
    { pattern: KYODO, accept: always },
    { pattern: WITH_SEPARATOR, accept: acceptWithSeparator },
    { pattern: WITHOUT_SEPARATOR, accept: (f) => isKnownAgency(f.dateline.agency ?? '') },
];
function acceptWithSeparator(found, groups) {
    const { location, agency } = found.dateline;
    const hasDate = groups['date'] !== undefined;
    if (agency !== null) {
        // An unknown parenthesis needs a place or date before it and must look like a name: `WASHINGTON (Foo News) -`.
        return isKnownAgency(agency) || ((location !== null || hasDate) && /^\p{Lu}[\p{L}\d .&'-]{0,30}$/u.test(agency));
    }
    if (startsLowerCase(found.rest) && !hasDate)
        return false;
    if (hasDate)
        return location !== null || !startsLowerCase(found.rest);
    return location !== null && isPlaceOnlyDateline(location);
}
/** A dateline of a place alone (`WASHINGTON _`, `SEOUL--`) must be printed in capitals, as AP and Yonhap do. */
function isPlaceOnlyDateline(location) {
    const first = location.split(',')[0] ?? '';
    return !/\p{Ll}/u.test(first) && /\p{Lu}{3}/u.test(first) && !NOT_PLACES.has(first.trim());
}
function startsLowerCase(text) {
    return /^\s*\p{Ll}/u.test(text);
}
function build(groups, matched, rest, reference) {
    const location = groups['loc']?.trim().replace(/,$/, '') || null;
    const agency = (groups['agency'] ?? groups['bare'])?.trim() || null;
    if (location === null && agency === null && groups['date'] === undefined)
        return null;
    return {
        dateline: { text: matched.trim(), location, date: parseDate(groups['date'], reference), agency },
        rest: rest.replace(/^\s+/, ''),
    };
}
const DAY_FIRST = new RegExp(`^(\\d{1,2}) (${MONTH})`, 'u');
const MONTH_FIRST = new RegExp(`^(${MONTH}) ?(\\d{1,3})`, 'u');
function parseDate(printed, reference) {
    if (printed === undefined)
        return null;
    const dayFirst = DAY_FIRST.exec(printed);
    const monthFirst = dayFirst ? null : MONTH_FIRST.exec(printed);
    const monthName = dayFirst ? dayFirst[2] : monthFirst?.[1];
    const day = Number(dayFirst ? dayFirst[1] : monthFirst?.[2]);
    const month = monthName === undefined ? undefined : monthNumber(monthName);
    if (month === undefined || !Number.isFinite(day))
        return null;
    const year = /\b(\d{4})$/.exec(printed);
    return isoDate(month, day, year ? Number(year[1]) : null, reference);
}
/** The canonical agency named by a dateline, if it names a known one. */
export function datelineAgency(dateline) {
    return dateline?.agency ? (canonicalAgency(dateline.agency) ?? null) : null;
}
/** Turns `mar|may` into `[mM][aA][rR]|[mM][aA][yY]` so that months match in any case without the `i` flag. */
function caseless(pattern) {
    return pattern.replace(/\p{L}/gu, (ch) => {
        const lower = ch.toLowerCase();
        const upper = ch.toUpperCase();
        return lower === upper ? ch : `[${lower}${upper}]`;
    });
}
