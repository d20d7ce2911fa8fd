import type { Dateline } from '../types.js';
import type { Byline } from './byline.js';
import { agencyOf, bareAgencyNames, canonicalAgency, creditedAgency, isKnownAgency } from './agencies.js';
import { isoDate, monthNumber } from './months.js';
import { isWellKnownPlace } from './places.js';
import { parseScriptDateline } from './dateline-scripts.js';

/** A dateline found at the start of a paragraph, and the paragraph without it. */
export interface DatelineMatch {
  readonly dateline: Dateline;
  readonly rest: string;
  /** The reporter a dateline names before its separator (Korean agencies: `(서울=연합뉴스) 김민수 기자 = `), or null. */
  readonly reporter: Byline | null;
}

// --- the grammar, piece by piece -----------------------------------------------------------------------------------

// Letters of the scripts datelines are printed in (Latin with its accents, Vietnamese's included, Greek, Cyrillic),
// as explicit ranges:
// Unicode property classes (\p{L}) cost 100 times more to compile, and these patterns repeat them many times.
const UPPER = 'A-Z\\u00C0-\\u00D6\\u00D8-\\u00DE\\u0100-\\u024F\\u0386-\\u038F\\u0391-\\u03A9\\u0400-\\u042F';
const LETTER = `a-z\\u00DF-\\u00F6\\u00F8-\\u00FF\\u0300-\\u036F\\u0390\\u03AC-\\u03FF\\u0430-\\u04FF\\u1E00-\\u1EFF${UPPER}`;

// Any word that could be a month; `build` checks it against the month table (a regex of every month name in every
// case costs more than the whole rest of the match).
const MONTH = `(?<![${LETTER}])[${LETTER}]{3,12}(?![${LETTER}])\\.?`;
// A word of a place name: `SEOUL`, `N.Y.`, `WINSTON-SALEM`, `DALLAS/FORT`, `São`, `O'HARE`. A month followed by its
// day is left to the date by backtracking, since a separator or agency must follow the date.
const WORD = `[${UPPER}][${LETTER}'’.]*(?:[-/][${LETTER}'’.]+)*(?![${LETTER}])`;
// Lower-case words inside place names: `RIO de JANEIRO`, `Côte d'Ivoire`, `Stratford upon Avon`.
const JOINER = `(?:de|del|da|do|dos|das|di|du|des|la|le|les|el|al|am|an|im|upon|on|of|sur|en|y|e|d'|l')`;
// ANI adds the country in brackets, after the state in parentheses: `New Delhi [India]`, `Shimla (Himachal Pradesh)
// [India]`; EFE and Europa Press the province in parentheses before the comma: `Algeciras (Cádiz), 4 mar (EFE).-`
// (only before a comma or the agency's own parenthesis, AFP's `Cajamarca (Peru) (AFP) – `, so that `WASHINGTON (Foo
// News) -` keeps its parenthesis as the agency).
const PART = `${WORD}(?:(?: ${JOINER})* ${WORD}){0,4}(?:(?: \\(${WORD}(?: ${WORD}){0,2}\\))? \\[${WORD}(?: ${WORD}){0,2}\\]| \\(${WORD}(?: ${WORD}){0,2}\\)(?=,| \\())?`;
// Parts are comma-separated; 1987 copy sometimes has a space before the comma (`ATLANTA , March 3 -`).
const LOCATION = `${PART}(?: ?, ?${PART}){0,2}`;
// An agency the table knows, printed bare after the date: `MELBOURNE, Oct 14 AAP - `, `WELLINGTON, Feb 9 NZPA - `,
// `TOKYO, Oct 14 Reuters - `, `ATHENS, April 4 ANA -`.
const BARE = bareAgencyNames().join('|');
// `Nov. 27`, `27 Nov`, `March 22, 2018`, `31 dez 2008`, `Jan. 1` (a typo'd day like `119` is caught and dropped),
// `2. Januar` (German, Nordic, Finnish `2. tammikuuta`, Czech `14. října`), `1er janvier` (French), `14th October,
// 2023` (WAM), `27 de noviembre de 2026` (Spanish, Portuguese); Hungarian month first, `november 27. (MTI)`, and
// year first, `2023. október 14., szombat` (MTI); day and month in figures, `14/10` (Belga), and day first with full stops as Central and Northern Europe write it, `14.10.2023` / `14.10.` / `14. 10.`.
// A bare agency after the day is not a day-first month (`MELBOURNE, Oct 14 AAP - `).
const DATE = `(?:${MONTH} ?\\d{1,3}(?:\\.(?= \\())?|\\d{1,2}(?:\\.|er|º|st|nd|rd|th)? (?:de )?(?!(?:${BARE})\\b)${MONTH}|\\d{4}\\. ?${MONTH} \\d{1,2}\\.(?:,? [${LETTER}]{3,12}(?![${LETTER}]))?|\\d{1,2}/\\d{1,2}(?:/\\d{4})?(?![\\d/])|\\d{1,2}\\. ?\\d{1,2}\\.(?: ?\\d{4}(?!\\d))?)(?:,? (?:de )?\\d{4}(?:\\.(?= \\())?| \\d{2}(?= \\()|\\/\\d{4})?`;
// `--`, `—`, `–`, `.-` may touch their neighbours; a lone `-` or `_` needs a space on one side (`WINSTON-SALEM`).
const SEP = `(?:[ \\t]*(?:-{2,3}|[—–]|\\.-)[ \\t]*|[ \\t]+[-_][ \\t]*|[-_][ \\t]+|-$)`;
const PAREN_AGENCY = `\\((?<agency>[^()\\n]{1,40})\\)`;

/**
 * `SEOUL, Nov. 24 (Yonhap) -- `, `NEW YORK, Feb 26 - `, `WASHINGTON _ `, `(Bloomberg) -- `, `HOUSTON--(BUSINESS WIRE)--`;
 * after a bracketed agency also a colon or `=` (`New Delhi [India], October 14 (ANI): `, `Oslo (NTB): `,
 * `BRUXELLES 14/10 (BELGA) = `); a day without its month before the agency (Europa Press: `MADRID, 14 (EUROPA PRESS) - `).
 */
const WITH_SEPARATOR = new RegExp(
  `^(?<loc>${LOCATION})?(?: ?,? ?(?<date>${DATE}),?(?:,? (?<bare>${BARE})\\b)?|, \\d{1,2}(?= ?\\())?(?:(?:[ \\t]*(?:-{2,}|[–—])[ \\t]*|,? ?)${PAREN_AGENCY}(?:[ \\t]*[:=][ \\t]+)?)?(?:${SEP}|(?<=[:=][ \\t]+))`,
  'u',
);
/**
 * `New Delhi, Jul 14 (PTI) The ...`, `New Delhi, July 15(PTI) India`, `(CNN)The ...`, epd's full stop after the bracket
 * `Nürnberg (epd). Die ...`: known agencies only.
 */
const WITHOUT_SEPARATOR = new RegExp(
  `^(?<loc>${LOCATION})?(?:,? ?(?<date>${DATE}))? ?${PAREN_AGENCY}\\.?[ \\t]*(?=[${UPPER}\\d"“‘'])`,
  'u',
);
/**
 * A place in capitals and a colon, as papers reprint agency copy without its date: `KUALA LUMPUR: The ...`, and APP's
 * with no space after it, `ISLAMABAD:Prime Minister ...`.
 */
const PLACE_COLON = new RegExp(`^(?<loc>${LOCATION})(?:,? ?(?<date>${DATE}))?:(?:[ \\t]+|(?=[${UPPER}]))`, 'u');
// A place in capitals in square brackets, as the Straits Times prints Reuters' copy: `[TOKYO] An earthquake ...`.
const SQUARE_PLACE = /^\[(?<loc>[A-Z][A-Z .'’-]{2,30})\][ \t]+(?=["“A-Z])/;
// The date after the agency, as TerraDaily prints it: `Herat, Afghanistan (AFP) Jan 17, 2022 At least ...`.
const PAREN_AGENCY_THEN_DATE = new RegExp(
  `^(?<loc>${LOCATION}) ${PAREN_AGENCY} (?<date>${DATE})[ \\t]+(?=[${UPPER}\\d"“])`,
  'u',
);
// What PAREN_AGENCY_THEN_DATE needs: a bracket closed before a word and a figure.
const DATE_AFTER_BRACKET = /\) \p{L}{3,9}\.? \d/u;
/**
 * Aggregators' wrappers around an agency's dateline: allAfrica's agency in square brackets before the place (`[AIM]
 * Maputo -- `), a place and the agency between bars (`Accra, Ghana | Xinhua | `), UrduPoint's bracket of its own
 * name, the agency and the date (`ABU DHABI, (UrduPoint / Pakistan Point News / WAM - 03rd Nov, 2023) - `, `PESHAWAR,
 * (APP - UrduPoint / Pakistan Point News - 15th Dec, 2019) -`): known agencies only.
 */
const SQUARE_AGENCY_FIRST = new RegExp(
  `^\\[(?<agency>[A-Za-z]{2,10})\\][ \\t]+(?<loc>${LOCATION})(?:,? ?(?<date>${DATE}))?(?:${SEP})`,
  'u',
);
// The place in capitals, a full stop and the agency's name in capitals, with no dash: Kazinform's `NUR-SULTAN. KAZINFORM
// Mayor of ...`.
const PLACE_STOP_NAME = new RegExp(
  `^(?<loc>[${UPPER}][${UPPER} '’-]{1,30})\\. (?<bare>${BARE})[ \\t]+(?=[${UPPER}"“])`,
  'u',
);
const PLACE_STOP = /^[A-Z][A-Z '-]{1,30}\. [A-Z]{3}/;
// The agency's name bare after the place and the date, a comma before it, as GNA prints it: `Accra, Oct. 13, GNA – `.
const DATE_THEN_NAME = new RegExp(
  `^(?<loc>${LOCATION}), (?<date>${DATE}), (?<bare>[A-Z][A-Za-z-]{1,11})(?:${SEP})`,
  'u',
);
const BETWEEN_BARS =
  /^(?<loc>\p{Lu}[^|\n,]{1,40}(?:, \p{Lu}[^|\n,]{1,30})?) \| (?<agency>[A-Za-z][\w .-]{1,29}?) \|[ \t]*/u;
const URDUPOINT = new RegExp(
  `^(?<loc>${LOCATION}),? \\((?:UrduPoint \\/ Pakistan Point News \\/ )?(?<agency>[A-Z]{2,10})(?: - UrduPoint \\/ Pakistan Point News)? - (?<date>${DATE})\\)(?:${SEP}|[ \\t]+(?=[${UPPER}"“]))`,
  'u',
);
/** Kyodo: `TOKYO, Oct. 6 Kyodo - ` or with no separator at all. */
const KYODO = new RegExp(
  `^(?<loc>${LOCATION}),? ?(?<date>${DATE}) (?<bare>Kyodo)(?:${SEP}|[ \\t]+(?=[${UPPER}\\d"“]))`,
  'u',
);
/** ANSA puts the agency first: `(ANSA) - ROME, JUL 11 - `. */
const AGENCY_FIRST = new RegExp(
  `^\\((?<agency>[A-Z]{2,10}(?:[-/][A-Z]{2,10})?)\\)${SEP}(?<loc>${LOCATION})(?:,? ?(?<date>${DATE}))?(?<sep>${SEP})`,
  'u',
);
/**
 * `SINGAPORE, Aug. 27, 2024 /PRNewswire/ -- `, `ST. PETERSBURG, March 3. /TASS/. `, `Aarhus /ritzau/: `, Kabar's spaced
 * slashes `Bishkek, Feb.20, 2018 / Kabar /. `, and a partner's copy with the partner after the slash: `Hamborg
 * /ritzau/AFP: `.
 */
const SLASHED_AGENCY_AFTER = new RegExp(
  `^(?<loc>${LOCATION})?(?:,? ?(?<date>${DATE})\\.?)? ?/ ?(?<agency>[${LETTER}][${LETTER} -]{1,30})/(?:(?<partner>[A-Z][A-Za-z]{1,11})(?=[.:]))?[.:]?(?:${SEP}|[ \\t]*)`,
  'u',
);
/** Interfax in Russian: place and date each closed by a full stop, then its name: `Москва. 27 ноября. INTERFAX.RU - `. */
const STOPPED = new RegExp(
  `^(?<loc>${LOCATION})\\. (?<date>${DATE})\\. (?<agency>[${UPPER}][${LETTER}]{2,15}(?:\\.[${LETTER}]{2,3})?)${SEP}`,
  'u',
);
/**
 * The agency's bare name after the date and a comma, closed by a full stop (Armenpress `YEREVAN, FEBRUARY 1,
 * ARMENPRESS. `, AzerTAc `Baku, December 19, AZERTAC. `): known agencies only.
 */
const AGENCY_STOPPED = new RegExp(
  `^(?<loc>${LOCATION}),? ?(?<date>${DATE}), (?<bare>${BARE})\\.[ \\t]+(?=[${UPPER}\\d"“‘'])`,
  'u',
);
// What a paragraph holds that may open with such a dateline: a capitalised word closed by a full stop after a comma.
const AGENCY_STOPPED_HINT = /^[^.]{4,60}, \p{Lu}[\p{L}]{2,11}\. /u;

/** {@link AGENCY_STOPPED_HINT}, its regex asked only when the first full stop has a comma a word before it. */
function mayHaveAgencyStopped(head: string): boolean {
  const stop = head.indexOf('. ');
  if (stop < 7 || stop > 75) return false;
  const comma = head.lastIndexOf(', ', stop);
  return comma !== -1 && stop - comma >= 5 && stop - comma <= 14 && AGENCY_STOPPED_HINT.test(head);
}
/** Business Wire's date after its name, as the full release prints it: `MARLBOROUGH, Mass.--(BUSINESS WIRE)--Dec. 5, 2024--`. */
const AGENCY_THEN_DATE = new RegExp(
  `^(?<loc>${LOCATION})[ \\t]*-{2,}[ \\t]*${PAREN_AGENCY}[ \\t]*-{2,}[ \\t]*(?<date>${DATE})(?:${SEP})`,
  'u',
);
/** Bernama's regional copy, the agency in the sign-off: `IPOH (Aug 2): ` */
const PAREN_DATE = new RegExp(`^(?<loc>${LOCATION}) \\((?<date>${DATE})\\)(?<sep>:[ \\t]*|${SEP})`, 'u');
/** `NEW York, NY/ACCESSWIRE/May 7, 2024/` */
const SLASHED_AGENCY_BEFORE = new RegExp(
  `^(?<loc>${LOCATION}) ?/(?<agency>[${LETTER}][${LETTER} -]{1,30})/ ?(?<date>${DATE}) ?/(?:${SEP}|[ \\t]*)`,
  'u',
);

// Hangul syllables and the middle dot Korean names are joined with; Latin letters for places abroad (`(LA=연합뉴스)`).
const HANGUL = `\\uAC00-\\uD7A3`;
const KO_WORD = `[${HANGUL}A-Za-z·]{1,15}`;
/**
 * Korean agencies put place and agency in one bracket, joined by `=`, then the reporter and their title, then `=`:
 * `(서울=연합뉴스) 김민수 기자 = `, `(워싱턴=연합뉴스) 이정훈 특파원 = `, two reporters `김민수 박지훈 기자 = `, Newsis'
 * square brackets without spaces `[서울=뉴시스]김민수 기자 = ` (on its pages in lenticular ones, `【서울=뉴시스】`). The
 * reporter is the story's byline.
 */
const PLACE_EQUALS_AGENCY = new RegExp(
  `^[(\\[【](?<loc>${KO_WORD}(?: ${KO_WORD})?)=(?<agency>[${HANGUL}A-Za-z\\d]{1,12}(?: [${HANGUL}A-Za-z]{1,12})?)[)\\]】] ?(?:(?<reporter>[${HANGUL}]{2,5}(?:(?:, ?| ?· ?| )[${HANGUL}]{2,5}){0,4}) (?<title>기자|특파원|통신원|객원기자|인턴기자|선임기자|기상전문기자|전문기자)[ \\t]*)?=[ \\t]*`,
);

// Capitalised openings that are wire markers or organisations, not places (`BREAKING -- ...`, `NATO -- The ...`, AP's
// photo captions `FILE - In this ...`), and the slugs and section headings a story may print alone on a line.
const NOT_PLACES = new Set(
  `FILE BREAKING URGENT FLASH BULLETIN UPDATE UPDATED EXCLUSIVE CORRECTION CORRECTED ADVISORY EDITOR EDITORS NOTE
  WARNING NEWSALERT ALERT WATCH LIVE VIDEO PHOTO PHOTOS PICTURES GRAPHIC OPINION ANALYSIS EDITORIAL COMMENTARY FACTBOX
  NATO NASA OPEC FBI CIA IMF WHO UN EU USA BACKGROUND SUMMARY HIGHLIGHTS FEATURE INTERVIEW REVIEW PREVIEW PROFILE
  OBITUARY TIMELINE SIDEBAR NEWS SPORT SPORTS BUSINESS WORLD POLITICS ECONOMY MARKETS MARKET WEATHER HEALTH SCIENCE
  TECHNOLOGY CULTURE ENTERTAINMENT LIFESTYLE TRAVEL QUOTES FACTS CONTEXT INTRODUCTION TOP STORY STORIES EMBARGO
  EMBARGOED ENDS END MORE ADVANCE ADVANCES LEAD TRANSCRIPT READ SPOILER DISCLAIMER NOTICE ATTENTION ATTN IMPORTANT
  SOURCE SOURCES CAPTION CREDIT CREDITS CONTACT MEDIA UPDATES RESULTS SCORES VERDICT QUOTE TIP TIPS POLL REPORT AMP
  URGENTE AVANCE`.split(/\s+/),
);

const MAYBE_DATELINE = /[-—–_(/[【|]|Kyodo/;
// A place in capitals before a colon (PLACE_COLON).
// A place in capitals before a colon, or before a date and a colon (Bernama's Malay `BATU PAHAT, 12 MAC: `); a place
// as a name is written before a date and a colon (RSS's `Kathmandu, May 27: `).
const CAPITALS_COLON =
  /^\p{Lu}(?:[\p{Lu} .'’-]{2,30}(?:, ?[\p{L}\d .]{3,20})?|[\p{L} .'’-]{2,30}, ?[\p{L}\d .]{3,20}):/u;

// A place as a name is written before a colon (`Berlin: `): only a well-known one (places.ts).
const NAME_COLON = /^(\p{Lu}\p{Ll}[\p{L} .'’-]{1,28}):/u;

/** A cheap test for PLACE_COLON: a place in capitals, a place and a date, or a well-known place, then a colon. */
function placeThenColon(head: string): boolean {
  if (CAPITALS_COLON.test(head)) return true;
  const name = head.includes(':') ? NAME_COLON.exec(head)?.[1] : undefined;
  return name !== undefined && isWellKnownPlace(name);
}

/**
 * Finds the dateline that opens a first paragraph, in the agencies' shapes (see FORMATS.md), and returns it with the
 * rest of the paragraph. Returns null for ordinary first sentences (`WASHINGTON state officials said ...`).
 * `reference` (ISO date) lets a month and day without a year become a full date.
 */
export function parseDateline(paragraph: string, reference: string | null): DatelineMatch | null {
  // Chinese, Japanese and Arabic agencies' own shapes (`新华社北京11月27日电`, `【北京共同】`, `الكويت - 27 - 11 (كونا) --`).
  const first = paragraph.charCodeAt(0);
  if (
    first >= 0x0600 ||
    // CNA's and other agencies' Chinese services: `(中央社台北8日電)`, `（法新社北京19日电）`.
    ((first === 40 || first === 0xff08) && paragraph.charCodeAt(1) >= 0x3400) ||
    (first === 91 /* [ */ && paragraph.charCodeAt(1) >= 0x3000)
  ) {
    const script = parseScriptDateline(paragraph, reference);
    if (script !== null) return script;
  }
  const head = paragraph.slice(0, 240);
  // Every shape has a dash, underscore, bracket or slash, or is Kyodo's or Armenpress': most lines are ruled out
  // here, cheaply.
  if (!MAYBE_DATELINE.test(head) && !mayHaveAgencyStopped(head) && !placeThenColon(head) && !PLACE_STOP.test(head))
    return null;
  for (const shape of SHAPES) {
    if (!shape.when(head)) continue;
    const match = shape.pattern.exec(head);
    if (!match?.groups || match[0].trim() === '') continue;
    const found = build(match.groups, match[0], paragraph.slice(match[0].length), reference);
    if (found && shape.accept(found, match.groups))
      return shape.wraps === true ? withOwnDateline(found, reference) : found;
  }
  return null;
}

/**
 * An aggregator's dateline may run on into the agency's own (allAfrica's `[AIM] Maputo -- Nampula (Mozambique), 23 Sep
 * (AIM) - `): the two are one dateline, with the agency's place and date.
 */
function withOwnDateline(outer: DatelineMatch, reference: string | null): DatelineMatch {
  const inner = parseDateline(outer.rest, reference);
  if (inner === null || (inner.dateline.agency === null && inner.dateline.date === null)) return outer;
  const { dateline } = inner;
  return {
    dateline: {
      text: `${outer.dateline.text} ${dateline.text}`,
      location: dateline.location ?? outer.dateline.location,
      date: dateline.date ?? outer.dateline.date,
      agency: dateline.agency ?? outer.dateline.agency,
    },
    rest: inner.rest,
    reporter: inner.reporter ?? outer.reporter,
  };
}

/**
 * A dateline printed as a paragraph of its own, the story starting in the next one (KUNA `KUWAIT, Sept 5 (KUNA)`,
 * Europa Press `SANTANDER, 1 (EUROPA PRESS)`, Trend `Baku, Azerbaijan, July 17`): read as if its dash followed, when
 * nothing is left after it and it names an agency or a date (a place alone is parsePlaceLine's). The caller says
 * whether a first paragraph follows it.
 */
export function parseDatelineAlone(paragraph: string, reference: string | null): DatelineMatch | null {
  // A full stop after the day closes Andina's (`Lima, may. 28.`).
  const printed = DAY_STOP.test(paragraph) ? paragraph.slice(0, -1) : paragraph;
  if (printed.length > DATELINE_ALONE_MAX || /[-—–_.!?:;,]$/.test(printed)) return null;
  const found = parseDateline(`${printed} -`, reference);
  if (found === null || found.rest !== '') return null;
  if (found.dateline.agency === null && found.dateline.date === null) return null;
  return { dateline: { ...found.dateline, text: paragraph }, rest: '', reporter: found.reporter };
}
const DATELINE_ALONE_MAX = 80;
const DAY_STOP = /[^\d]\d{1,2}\.$/;

// A place printed alone above the first paragraph, as Anadolu does (`ANKARA`): capitals, one to three words, and a
// state as AP abbreviates it (`WEST CHESTER, Pa.`).
const PLACE_LINE = new RegExp(
  `^[${UPPER}][${UPPER}'’.-]{2,}(?: [${UPPER}][${UPPER}'’.-]*){0,2}(?:, [${UPPER}][${UPPER}'’.-]+(?: [${UPPER}][${UPPER}'’.-]*){0,2}|, [A-Z][a-z]{1,4}\\.)?$`,
  'u',
);
const PLACE_LINE_MAX = 40;

/**
 * A paragraph that is a place alone in capitals (`ANKARA`, `NEW YORK`), the dateline of the paragraph under it, or
 * null. The caller says whether a first paragraph follows it.
 */
export function parsePlaceLine(paragraph: string): DatelineMatch | null {
  if (paragraph.length > PLACE_LINE_MAX || !PLACE_LINE.test(paragraph) || !isPlaceOnlyDateline(paragraph)) return null;
  return { dateline: { text: paragraph, location: paragraph, date: null, agency: null }, rest: '', reporter: null };
}

interface Shape {
  /** A cheap test that the shape can apply, so that a paragraph is not run through regexes that cannot match. */
  readonly when: (head: string) => boolean;
  readonly pattern: RegExp;
  readonly accept: (found: DatelineMatch, groups: Record<string, string | undefined>) => boolean;
  /** An aggregator's wrapper, which the agency's own dateline may follow (withOwnDateline). */
  readonly wraps?: boolean;
}

const always = (): boolean => true;

const startsWithParen = (head: string): boolean => head.startsWith('(');
const hasSlash = (head: string): boolean => head.includes('/');
const hasParen = (head: string): boolean => head.includes('(');
const knownAgency = (found: DatelineMatch): boolean => isKnownAgency(found.dateline.agency ?? '');

const SHAPES: readonly Shape[] = [
  { when: startsWithParen, pattern: AGENCY_FIRST, accept: always },
  { when: (head) => head.includes('=') && /^[([【]/.test(head), pattern: PLACE_EQUALS_AGENCY, accept: knownAgency },
  { when: hasSlash, pattern: SLASHED_AGENCY_BEFORE, accept: knownAgency },
  { when: hasSlash, pattern: SLASHED_AGENCY_AFTER, accept: (found) => knownAgency(found) || placedAcronym(found) },
  { when: (head) => /\([^()]{3,16}\d\)/.test(head), pattern: PAREN_DATE, accept: always },
  { when: (head) => head.includes('Kyodo'), pattern: KYODO, accept: always },
  { when: (head) => head.includes(')--'), pattern: AGENCY_THEN_DATE, accept: always },
  { when: always, pattern: WITH_SEPARATOR, accept: acceptWithSeparator },
  // Aggregators' wrappers, which the shapes above never match: asked only after them.
  { when: (head) => head.startsWith('['), pattern: SQUARE_AGENCY_FIRST, accept: knownAgency, wraps: true },
  {
    when: (head) => head.startsWith('['),
    pattern: SQUARE_PLACE,
    accept: (found) => found.dateline.location !== null && isPlaceOnlyDateline(found.dateline.location),
  },
  { when: (head) => head.includes(' | '), pattern: BETWEEN_BARS, accept: knownAgency },
  { when: (head) => /\d, [A-Z]/.test(head), pattern: DATE_THEN_NAME, accept: knownAgency },
  { when: (head) => PLACE_STOP.test(head), pattern: PLACE_STOP_NAME, accept: knownAgency },
  { when: (head) => head.includes('UrduPoint'), pattern: URDUPOINT, accept: knownAgency },
  { when: (head) => /^[^.]{2,40}\. \d/.test(head), pattern: STOPPED, accept: knownAgency },
  { when: (head) => DATE_AFTER_BRACKET.test(head), pattern: PAREN_AGENCY_THEN_DATE, accept: knownAgency },
  { when: hasParen, pattern: WITHOUT_SEPARATOR, accept: (found) => knownAgency(found) || placedAcronym(found) },
  { when: mayHaveAgencyStopped, pattern: AGENCY_STOPPED, accept: knownAgency },
  { when: placeThenColon, pattern: PLACE_COLON, accept: placeBeforeColon },
];

const COLON_SENTENCE_MIN = 40;

/**
 * A place alone before a colon must be printed in capitals (`KUALA LUMPUR: `), not a label (`UPDATE: `), unless a date
 * follows it (`Kathmandu, May 27: `) or it is a well-known place (`Berlin: `); and a sentence must start after it.
 */
function placeBeforeColon(found: DatelineMatch): boolean {
  const { location, date } = found.dateline;
  // A sentence in lower case, not a figure, a short label's value (`WELCOME OFFER: 80,000 Points`) or a list in
  // capitals (`PARANA STATE: UMUARAMA NIL, PARANAVAI 1.5 MILLIMETRES`).
  return (
    location !== null &&
    (isPlaceOnlyDateline(location) || (date !== null && !location.includes(',')) || isWellKnownPlace(location)) &&
    /^["“‘'\p{Lu}]/u.test(found.rest) &&
    found.rest.length >= COLON_SENTENCE_MIN &&
    /\p{Ll}{3}/u.test(found.rest.slice(0, COLON_SENTENCE_MIN))
  );
}

/**
 * An agency the table does not know, printed without a separator after it: only an acronym in capitals after both a
 * place and a date (MONTSAME's `Ulaanbaatar, April 25 (MONTSAME) The Minister ...`).
 */
function placedAcronym(found: DatelineMatch): boolean {
  const { location, date, agency } = found.dateline;
  return location !== null && date !== null && /^[A-Z][A-Z-]{1,11}$/.test(agency ?? '');
}

function acceptWithSeparator(found: DatelineMatch, groups: Record<string, string | undefined>): boolean {
  const { location, agency } = found.dateline;
  const hasDate = groups['date'] !== undefined;
  if (agency !== null) {
    // An unknown parenthesis needs a place or date before it and must look like a name: `WASHINGTON (Foo News) -`.
    // `Paris Saint-Germain (PSG) - the French champions - ...` is a sentence, not a dateline, and a colon after an
    // unknown parenthesis opens a speaker's words (`Jane Doe (Labour): I disagree`).
    if (isKnownAgency(agency)) return true;
    // With both a place and a date before it, the parenthesis is the agency's whatever follows it (BNA's `Manama, Aug
    // 7 (BNA): `) and a name of one word may be printed in lower case.
    const placed = location !== null && hasDate;
    return (
      (location !== null || hasDate) &&
      (/^\p{Lu}[\p{L}\d .&'-]{0,30}$/u.test(agency) || (placed && /^\p{Ll}{3,15}$/u.test(agency))) &&
      !startsLowerCase(found.rest) &&
      (placed || !/[:=]$/.test(found.dateline.text))
    );
  }
  if (startsLowerCase(found.rest) && !hasDate) return false;
  if (hasDate) return location !== null || !startsLowerCase(found.rest);
  return location !== null && (isPlaceOnlyDateline(location) || isPlaceBeforeSpacedDash(found));
}

// A place of one part (no comma, no bracket), then a dash with a space on each side, or a long dash touching the place
// (SPA's `Doha– `).
const PLACE_SPACED_DASH = /^[^,()[\]]+(?: [-–—]|[–—])$/;
// At most three words of a place name, joiners aside (`Hannover`, `Den Haag`, `Frankfurt am Main`).
const NAME_WORD = /^\p{Lu}/u;
const NAME_WORDS = 3;
const DASH_SENTENCE_MIN = 60;

/**
 * A place in ordinary case, alone before a spaced dash, as Central European agencies' copy prints it on partners'
 * pages without the agency (ČTK's `Praha - `, dpa's `Hannover - `, APA's `Wien - `), or before a long dash touching it
 * (SPA's `Doha– `): only in front of a sentence long enough to be a story's first (a result's `Bayern - Dortmund 3:1`
 * is not), and not a label (`Update - `).
 */
function isPlaceBeforeSpacedDash(found: DatelineMatch): boolean {
  const { text, location } = found.dateline;
  const { rest } = found;
  return (
    location !== null &&
    PLACE_SPACED_DASH.test(text) &&
    location.split(' ').filter((word) => NAME_WORD.test(word)).length <= NAME_WORDS &&
    rest.length >= DASH_SENTENCE_MIN &&
    /^["“„‘'\p{Lu}]/u.test(rest) &&
    /\p{Ll}{3,} \p{Ll}{2,}/u.test(rest.slice(0, COLON_SENTENCE_MIN)) &&
    !location.split(' ').some((word) => NOT_PLACES.has(word.toUpperCase()))
  );
}

/** A dateline of a place alone (`WASHINGTON _`, `SEOUL--`) must be printed in capitals, as AP and Yonhap do. */
export function isPlaceOnlyDateline(location: string): boolean {
  const first = location.split(',')[0] ?? '';
  return (
    !/\p{Ll}/u.test(first) &&
    /\p{Lu}{3}/u.test(first) &&
    // `EDITOR'S NOTE _ ...` and `BREAKING NEWS -- ...` are not places either.
    !first
      .trim()
      .split(' ')
      .some((word) => NOT_PLACES.has(word.replace(/['’]S?$/, '')))
  );
}

function startsLowerCase(text: string): boolean {
  return /^\s*\p{Ll}/u.test(text);
}

const MONTH_COMMA_DAY = /, (\p{L}{3,9})\.?, (\d{1,2})(?= ?\()/u;

function build(
  groups: Record<string, string | undefined>,
  matched: string,
  rest: string,
  reference: string | null,
): DatelineMatch | null {
  let printed = (groups['agency'] ?? groups['bare'])?.trim();
  let location = placeOf(groups['loc']);
  let printedDate = groups['date'];
  // A comma after the month, as SUNA prints it (`Khartoum, Aug, 23 (SUNA) -`): the month is no part of the place.
  const month = printedDate === undefined && location?.includes(', ') ? MONTH_COMMA_DAY.exec(matched) : null;
  if (month?.[1] !== undefined && monthNumber(month[1]) !== undefined && location?.endsWith(`, ${month[1]}`)) {
    location = location.slice(0, -month[1].length - 2);
    printedDate = `${month[1]} ${month[2]}`;
  }
  // IRNA prints its name as the place's last part, with no date: `Tehran, IRNA -- `; ANA-MPA's English service its
  // name alone, as the table spells it: `ANA-MPA - `, and a paper's credit line over agency copy the name and the date:
  // `Reuters Dec 15`.
  if (printed === undefined && location !== null) {
    const named = groups['date'] === undefined ? agencyAfterPlace(location) : null;
    if (named !== null) [location, printed] = named;
    else if (agencyOf(location)?.name === location) [location, printed] = [null, location];
  }
  // Aggregators print the publisher's line over agency copy, the agency first and its city in brackets: `Sudan News
  // Agency (Khartoum)`.
  if (
    printed !== undefined &&
    location !== null &&
    groups['date'] === undefined &&
    !isKnownAgency(printed) &&
    agencyOf(location) !== undefined
  )
    [location, printed] = [printed, location];
  // RIA Novosti prints its name after the dash, as a sentence: `МОСКВА, 27 ноя — РИА Новости. `.
  if (printed === undefined && location !== null) {
    const after = AGENCY_AFTER_DASH.exec(rest);
    if (after?.[1] !== undefined && isKnownAgency(after[1])) {
      printed = after[1];
      matched += after[0];
      rest = rest.slice(after[0].length);
    }
  }
  // Or its name alone after the dash, the story starting in the next paragraph: `ANKARA - Anadolu Agency`.
  if (printed === undefined && location !== null && rest.length <= AGENCY_ALONE_MAX) {
    const name = rest.trim().replace(/\.$/, '');
    if (agencyOf(name) !== undefined) {
      printed = name;
      matched += rest;
      rest = '';
    }
  }
  // A weekday before the date is not a place: a release's `Tue 13 October 2015`.
  if (location !== null && WEEKDAY.test(location)) location = null;
  const agency = (printed && groups['partner'] ? `${printed}/${groups['partner']}` : printed) || null;
  if (location === null && agency === null && printedDate === undefined) return null;
  const date = parseDate(printedDate, reference, agency === null ? undefined : creditedAgency(agency)?.language);
  if (date === undefined) return null;
  const reporter = groups['reporter'] ? { name: groups['reporter'], title: groups['title'] ?? null } : null;
  return {
    dateline: { text: matched.trim(), location, date, agency },
    // trimStart removes exactly what `\s` matches.
    rest: rest.trimStart(),
    reporter,
  };
}

// The bare names a dateline may print after its place (`Tehran, IRNA -- `, Kazinform's `ASTANA. KAZINFORM - `): three
// letters or more, so that a state's abbreviation (`PITTSBURGH, PA -- `) stays the place's.
const BARE_AFTER_PLACE = new RegExp(
  `^(.+?)(?:, ?|\\. )(${bareAgencyNames()
    .filter((name) => name.length >= 3)
    .join('|')})$`,
);

const AGENCY_ALONE_MAX = 40;
// A name of one to three capitalised words closed by a full stop, right after a dateline's dash.
// ... or between dashes, as LANA prints it: `Tripoli, 10.11.2016 - Lana - Today ...`.
const AGENCY_AFTER_DASH = /^[ \t]*(\p{Lu}\p{L}+(?: \p{Lu}\p{L}+){0,2})(?:\.|[ \t]+[-–—]{1,2})[ \t]+/u;

/** A place whose last part is an agency's bare name, split into the place and the name; null otherwise. */
function agencyAfterPlace(location: string): [string, string] | null {
  const match = location.includes(',') || location.includes('. ') ? BARE_AFTER_PLACE.exec(location) : null;
  return match?.[1] && match[2] ? [match[1], match[2]] : null;
}

/** The place as printed, without the comma before the date or an Interfax full stop; null when there is none. */
function placeOf(printed: string | undefined): string | null {
  let place = printed?.trim() ?? '';
  // Each pattern is anchored at the end: most places end in neither, and skip both.
  if (place.endsWith(',')) place = place.replace(/\s*,$/, '');
  if (place.endsWith('.')) place = place.replace(CAPS_PERIOD, '$1');
  return place || null;
}

const WEEKDAY = /^(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|sday|nesday|rsday|urday)?\.?,?$/i;

// Interfax prints a full stop after a place of one part (`MOSCOW. Oct 14 (Interfax) - `); a state's abbreviation keeps
// its own (`N.Y.`, `Fla.`, 1987's `DENVER, COLO.`).
const CAPS_PERIOD = /^((?:\p{Lu}+ )*\p{Lu}{3,})\.$/u;

const DAY_FIRST = /^(\d{1,2})(?:\.|er|º|st|nd|rd|th)? (?:de )?(\p{L}+)/u;
const MONTH_FIRST = /^(\p{L}+)\.? ?(\d{1,3})/u;
const YEAR_FIRST = /^(\d{4})\. ?(\p{L}+)\.? (\d{1,2})/u;
const FIGURES = /^(\d{1,2})(\/|\. ?)(\d{1,2})(?:\/(\d{4})|\. ?(\d{4}))?/;

/**
 * The ISO date of a printed date; null for an impossible day (`March 119`) or a month name whose month depends on a
 * language the dateline does not settle; undefined when it is not a date at all. `language` is the dateline agency's.
 */
function parseDate(
  printed: string | undefined,
  reference: string | null,
  language?: string,
): string | null | undefined {
  if (printed === undefined) return null;
  // Figures, year first and day first all open with a digit; a month first (`Nov. 27`) with a letter.
  const first = printed.charCodeAt(0);
  const digit = first >= 48 && first <= 57;
  const figures = digit ? FIGURES.exec(printed) : null;
  if (figures) {
    const printedYear = figures[4] ?? figures[5];
    return isoDate(Number(figures[3]), Number(figures[1]), printedYear ? Number(printedYear) : null, reference);
  }
  const yearFirst = digit ? YEAR_FIRST.exec(printed) : null;
  if (yearFirst) {
    const month = monthNumber(yearFirst[2] ?? '', language);
    return month === undefined ? undefined : isoDate(month, Number(yearFirst[3]), Number(yearFirst[1]), reference);
  }
  const dayFirst = digit ? DAY_FIRST.exec(printed) : null;
  const monthFirst = dayFirst ? null : MONTH_FIRST.exec(printed);
  const month = monthNumber((dayFirst ? dayFirst[2] : monthFirst?.[1]) ?? '', language);
  const day = Number(dayFirst ? dayFirst[1] : monthFirst?.[2]);
  if (month === undefined) return undefined;
  const last = printed.charCodeAt(printed.length - 1);
  // A year may close with a full stop before the agency's bracket (Beta's `15. septembra 2011. (Beta)`).
  const year = (last >= 48 && last <= 57) || last === 46 ? /\b(\d{4})\.?$/.exec(printed) : null;
  return isoDate(month, day, year ? Number(year[1]) : null, reference);
}

/** The canonical agency named by a dateline, if it names a known one. */
export function datelineAgency(dateline: Dateline | null): string | null {
  return dateline?.agency ? (canonicalAgency(dateline.agency) ?? null) : null;
}
