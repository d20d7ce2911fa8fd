/**
 * Datelines in the scripts whose agencies print them in shapes of their own, without capitals or a Latin dash:
 *
 * - Chinese: Xinhua and China News Service name the agency, place and date run together and end with 电
 *   (`新华社北京11月27日电（记者张明）`, `中新社北京11月27日电 (记者 张明)`); CNA (Taiwan) puts it all in brackets, the
 *   reporter first and the day alone (`（中央社記者王大明台北27日電）`).
 * - Japanese: Kyodo, Jiji and Yonhap's Japanese service put place and agency in lenticular brackets (`【北京共同】`,
 *   `【ワシントン時事】`, `【ソウル聯合ニュース】`); a
 *   paper's own correspondent is named after `＝` (`【ワシントン＝山田太郎】`); AFP the date (`【11月27日 AFP】`);
 *   Reuters place and day in square brackets (`[東京\u3000２７日\u3000ロイター] - `, ideographic spaces), and its
 *   Chinese service runs them together (`路透北京11月27日 - `); Bloomberg and CNN print their name alone
 *   (`（ブルームバーグ）：`, `（ＣＮＮ） `).
 * - Arabic: place, date and agency in brackets or slashes, then a dash (KUNA `الكويت - 27 - 11 (كونا) -- `, QNA
 *   `الدوحة في 27 نوفمبر /قنا/ `, Petra `عمان 27 تشرين الثاني (بترا) - `), SPA's name bare after the date
 *   (`الرياض 28 نوفمبر 2024 م واس `), SANA's after the place (`دمشق-سانا`).
 * - Hindi and Bengali: place, day and month, and the agency in brackets, with no dash (PTI's Hindi service Bhasha
 *   `नयी दिल्ली, 27 नवंबर (भाषा) `, IANS `नई दिल्ली, 27 नवंबर (आईएएनएस)। `, BSS `ঢাকা, ২৭ নভেম্বর, ২০২৪ (বাসস) : `).
 *
 * Only a paragraph that opens with a character of these scripts (or a full-width bracket) is asked.
 */
import type { DatelineMatch } from './dateline.js';
import { isKnownAgency } from './agencies.js';
import { isoDate } from './months.js';

const HAN = '\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF';
const KANA = '\\u3040-\\u309F\\u30A0-\\u30FF\\u31F0-\\u31FF\\uFF66-\\uFF9F';
const DIGIT = '0-9\\uFF10-\\uFF19';
const SPACE = '[ \\t\\u3000]';

// Xinhua, China News Service, chinanews.com, People's Daily Online: agency, place (none for a website), date, 电.
const CHINESE_AGENCIES = '新华社|新華社|中新社|中新网|中新網|人民网|人民網|中国新闻社|中國新聞社';
const CHINESE = new RegExp(
  `^(?<agency>${CHINESE_AGENCIES})(?<loc>[${HAN}]{1,10}?)?(?<date>(?:[${DIGIT}]{4}年)?[${DIGIT}]{1,2}月[${DIGIT}]{1,2}日)[电電]${SPACE}*(?:[（(]${SPACE}*(?<title>记者|記者|特派记者|特派記者|实习记者|见习记者)${SPACE}*(?<reporter>[${HAN}·]{2,4}(?:(?:、|${SPACE}+)[${HAN}·]{2,4}){0,5})${SPACE}*[）)])?${SPACE}*`,
);
// CNA: `（中央社記者王大明台北27日電）`, `（中央社台北27日電）`, `（中央社記者王大明、李小華華盛頓26日專電）`. A name is two
// or three characters (most are three: `王大明台北` is 王大明 in 台北).
// Other agencies' Chinese services print the same shape with their own name (known to the table): AFP's
// `(法新社北京19日电)`, AP's `（美联社华盛顿3日电）`, a month before the day too (`(韩联社首尔12月2日电)`).
const CNA = new RegExp(
  `^[（(](?<agency>中央社|[${HAN}]{2,4}社)(?:(?<title>記者|特派員|记者|特派员)(?<reporter>[${HAN}]{2,3}(?:、[${HAN}]{2,3}){0,4}))?(?<loc>[${HAN}]{2,8}?)(?:[${DIGIT}]{1,2}月)?(?<day>[${DIGIT}]{1,2})日(?:專|专)?[電电][）)]${SPACE}*`,
);
// Kyodo and Jiji: `【北京共同】`, `【ワシントン時事】`; a paper's correspondent: `【ワシントン＝山田太郎】`.
const JAPANESE = new RegExp(
  `^【(?:(?<loc>[${HAN}${KANA}ー・]{1,12}?)(?<agency>共同|時事|聯合ニュース)|(?<place>[${HAN}${KANA}ー・]{1,12})[＝=](?<reporter>[${HAN}${KANA}ー・ ]{2,12}))】${SPACE}*`,
);
// Reuters' Japanese service: `[東京\u3000２７日\u3000ロイター] - `, ideographic spaces; its Chinese one: `路透北京11月27日 - `.
const REUTERS_JAPANESE = new RegExp(
  `^\\[(?<loc>[${HAN}${KANA}ー・]{1,12})${SPACE}*(?<day>[${DIGIT}]{1,2})日${SPACE}*(?<agency>ロイター)\\]${SPACE}*(?:[-－–—]${SPACE}*)?`,
);
const REUTERS_CHINESE = new RegExp(
  `^(?<agency>路透)(?:社)?(?<loc>[${HAN}]{1,10}?)(?<date>(?:[${DIGIT}]{4}年)?[${DIGIT}]{1,2}月[${DIGIT}]{1,2}日)${SPACE}*[-－–—]${SPACE}*`,
);
// AFP's Japanese service, the date and its name: `【11月27日 AFP】`.
const AFP_JAPANESE = new RegExp(
  `^【(?<date>[${DIGIT}]{1,2}月[${DIGIT}]{1,2}日)${SPACE}*(?<agency>AFP|ＡＦＰ)】${SPACE}*`,
);
// An agency's name alone in full-width brackets, then a colon or space: Bloomberg's Japanese `（ブルームバーグ）：`,
// CNN's `（ＣＮＮ） `. Only a name the table knows.
const BRACKETED = new RegExp(`^（(?<agency>[^（）\\n]{2,12})）${SPACE}*[：:]?${SPACE}*`);

// Arabic letters (the Persian and Urdu ones too) and the Arabic-Indic digits.
const ARABIC = '\\u0621-\\u063A\\u0641-\\u064A\\u0671-\\u06D3\\u06FA-\\u06FF';
const AR_DIGIT = '0-9\\u0660-\\u0669\\u06F0-\\u06F9';
const AR_WORD = `[${ARABIC}]{2,}`;
// A place of one to three words; `في` (in) before a date is not one of them.
const AR_PLACE = `${AR_WORD}(?: (?!في )${AR_WORD}){0,2}`;
/** Month names as the Arabic services print them: the Egyptian and Gulf names, the Levant's, the Maghreb's. */
const ARABIC_MONTHS: readonly (readonly string[])[] = [
  ['يناير', 'كانون الثاني', 'جانفي'],
  ['فبراير', 'شباط', 'فيفري'],
  ['مارس', 'آذار', 'اذار'],
  ['أبريل', 'ابريل', 'إبريل', 'نيسان', 'أفريل', 'افريل'],
  ['مايو', 'أيار', 'ايار', 'ماي'],
  ['يونيو', 'يونيه', 'حزيران', 'جوان'],
  ['يوليو', 'يوليه', 'تموز', 'يوليوز', 'جويلية'],
  ['أغسطس', 'اغسطس', 'آب', 'اب', 'غشت', 'أوت', 'اوت'],
  ['سبتمبر', 'أيلول', 'ايلول', 'شتنبر'],
  ['أكتوبر', 'اكتوبر', 'تشرين الأول', 'تشرين الاول'],
  ['نوفمبر', 'تشرين الثاني', 'نونبر'],
  ['ديسمبر', 'كانون الأول', 'كانون الاول', 'دجنبر'],
];
const AR_MONTH_NUMBER = new Map(ARABIC_MONTHS.flatMap((names, i) => names.map((name) => [name, i + 1] as const)));
const AR_MONTH = [...AR_MONTH_NUMBER.keys()].sort((a, b) => b.length - a.length).join('|');
// `27 - 11` (KUNA: day, then month), `27 نوفمبر`, `27 نوفمبر 2024`, with `في` (in) before it or not.
const AR_DATE = `(?:[${AR_DIGIT}]{1,2} ?[-/] ?[${AR_DIGIT}]{1,2}(?: ?[-/] ?[${AR_DIGIT}]{4})?|[${AR_DIGIT}]{1,2} (?:${AR_MONTH})(?: [${AR_DIGIT}]{4})?)`;
const AR_DASH = `${SPACE}*(?:-{1,2}|[–—ـ]|:)?${SPACE}*`;
// `(كونا)`, `/قنا/`, `/ وام /`, `(أ ش أ)`: a name of the table's in brackets or slashes.
const AR_AGENCY = `(?:\\((?<agency>[^()\\n]{2,20})\\)|/ ?(?<slashed>[^/\\n]{2,20}?) ?/)`;
// The place may carry its country in brackets before the agency (AFP: `مراكش (المغرب) (أ ف ب) -`).
const ARABIC_DATELINE = new RegExp(
  `^(?<loc>${AR_PLACE}(?: \\(${AR_PLACE}\\))?)(?:${SPACE}*[-–،,]?${SPACE}*(?:في )?(?<date>${AR_DATE}))?${SPACE}*${AR_AGENCY}${AR_DASH}`,
);
// SPA: the Hijri date and the Gregorian one it matches, then its name bare: `الرياض 26 جمادى الأولى 1446 هـ الموافق 28
// نوفمبر 2024 م واس`.
const ARABIC_BARE = new RegExp(
  `^(?<loc>${AR_PLACE}) (?:[^\\n]{0,60}? الموافق )?(?<date>${AR_DATE})(?: ?م)? (?<bare>واس)${SPACE}+`,
);
// SANA: `دمشق-سانا`, the place and the name joined by a dash.
const ARABIC_PLACE_AGENCY = new RegExp(`^(?<loc>${AR_PLACE}) ?[-–] ?(?<bare>${AR_WORD})${AR_DASH}`);

// Devanagari and Bengali letters with their vowel signs, and their digits.
const INDIC = '\\u0900-\\u0963\\u0971-\\u097F\\u0980-\\u09E3\\u09F0-\\u09FF';
const INDIC_DIGIT = '0-9\\u0966-\\u096F\\u09E6-\\u09EF';
const INDIC_WORD = `[${INDIC}]{2,}`;
/** Month names in Hindi (both spellings of each) and Bengali. */
const INDIC_MONTHS: readonly (readonly string[])[] = [
  ['जनवरी', 'জানুয়ারি', 'জানুয়ারী'],
  ['फरवरी', 'फ़रवरी', 'ফেব্রুয়ারি', 'ফেব্রুয়ারী'],
  ['मार्च', 'মার্চ'],
  ['अप्रैल', 'এপ্রিল'],
  ['मई', 'মে'],
  ['जून', 'জুন'],
  ['जुलाई', 'জুলাই'],
  ['अगस्त', 'আগস্ট'],
  ['सितंबर', 'सितम्बर', 'সেপ্টেম্বর'],
  ['अक्टूबर', 'अक्तूबर', 'অক্টোবর'],
  ['नवंबर', 'नवम्बर', 'নভেম্বর'],
  ['दिसंबर', 'दिसम्बर', 'ডিসেম্বর'],
];
const INDIC_MONTH_NUMBER = new Map(INDIC_MONTHS.flatMap((names, i) => names.map((name) => [name, i + 1] as const)));
const INDIC_MONTH = [...INDIC_MONTH_NUMBER.keys()].sort((a, b) => b.length - a.length).join('|');
const INDIC_DATELINE = new RegExp(
  `^(?<loc>${INDIC_WORD}(?: ${INDIC_WORD}){0,2}),? (?<date>[${INDIC_DIGIT}]{1,2} (?:${INDIC_MONTH})(?:,? [${INDIC_DIGIT}]{4})?) ?\\((?<agency>[^()\\n]{2,20})\\)(?:${SPACE}*(?:।|[-–—:]{1,2}))?${SPACE}*`,
);

const FIRST_SCRIPT = new RegExp(`^[${HAN}（(【[]`);

/** A dateline in Chinese, Japanese, Arabic, Hindi or Bengali that opens `paragraph` (see the module's comment), or null. */
export function parseScriptDateline(paragraph: string, reference: string | null): DatelineMatch | null {
  const head = paragraph.slice(0, 240);
  const first = head.charCodeAt(0);
  if (first >= 0x0600 && first <= 0x06ff) return arabic(head, paragraph, reference);
  if (first >= 0x0900 && first <= 0x09ff) return indic(head, paragraph, reference);
  if (!FIRST_SCRIPT.test(head)) return null;
  const chinese = CHINESE.exec(head);
  if (chinese?.groups) {
    const { agency, loc, date, title, reporter } = chinese.groups;
    return found(chinese[0], paragraph, loc ?? null, hanDate(date, reference), agency ?? null, reporter, title);
  }
  const cna = CNA.exec(head);
  if (cna?.groups && isKnownAgency(cna.groups['agency'] ?? '')) {
    const { agency, loc, title, reporter } = cna.groups;
    return found(cna[0], paragraph, loc ?? null, null, agency ?? null, reporter, title);
  }
  const japanese = JAPANESE.exec(head);
  if (japanese?.groups) {
    const { loc, agency, place, reporter } = japanese.groups;
    return found(japanese[0], paragraph, loc ?? place ?? null, null, agency ?? null, reporter?.trim(), undefined);
  }
  const reuters = REUTERS_JAPANESE.exec(head) ?? REUTERS_CHINESE.exec(head);
  if (reuters?.groups) {
    const { loc, date, agency } = reuters.groups;
    return found(reuters[0], paragraph, loc ?? null, hanDate(date, reference), agency ?? null, undefined, undefined);
  }
  const afp = AFP_JAPANESE.exec(head);
  if (afp?.groups) {
    return found(afp[0], paragraph, null, hanDate(afp.groups['date'], reference), 'AFP', undefined, undefined);
  }
  const bracketed = BRACKETED.exec(head);
  const named = bracketed?.groups?.['agency'];
  if (bracketed && named !== undefined && isKnownAgency(named.normalize('NFKC'))) {
    return found(bracketed[0], paragraph, null, null, named, undefined, undefined);
  }
  return null;
}

function arabic(head: string, paragraph: string, reference: string | null): DatelineMatch | null {
  for (const pattern of [ARABIC_DATELINE, ARABIC_BARE, ARABIC_PLACE_AGENCY]) {
    const match = pattern.exec(head);
    const groups = match?.groups;
    if (!match || !groups) continue;
    const agency = (groups['agency'] ?? groups['slashed'] ?? groups['bare'])?.trim() ?? '';
    if (!isKnownAgency(agency)) continue;
    const date = groups['date'] === undefined ? null : arabicDate(groups['date'], reference);
    return found(match[0], paragraph, groups['loc'] ?? null, date, agency, undefined, undefined);
  }
  return null;
}

function indic(head: string, paragraph: string, reference: string | null): DatelineMatch | null {
  const match = INDIC_DATELINE.exec(head);
  const groups = match?.groups;
  if (!match || !groups || !isKnownAgency(groups['agency'] ?? '')) return null;
  const day = /^(\S+) (\S+?),?(?: (\S+))?$/.exec(asciiDigits(groups['date'] ?? ''));
  const month = INDIC_MONTH_NUMBER.get(day?.[2] ?? '');
  const date =
    day && month !== undefined
      ? isoDate(month, Number(day[1]), day[3] === undefined ? null : Number(day[3]), reference)
      : null;
  return found(match[0], paragraph, groups['loc'] ?? null, date, groups['agency'] ?? null, undefined, undefined);
}

function found(
  matched: string,
  paragraph: string,
  location: string | null,
  date: string | null,
  agency: string | null,
  reporter: string | undefined,
  title: string | undefined,
): DatelineMatch {
  return {
    dateline: { text: matched.trim(), location, date, agency },
    rest: paragraph.slice(matched.length).trimStart(),
    reporter: reporter ? { name: reporter.trim(), title: title ?? null } : null,
  };
}

// The zero of each set of digits the datelines print: full-width, Bengali, Devanagari, Persian, Arabic-Indic.
const ZEROS = [0xff10, 0x09e6, 0x0966, 0x06f0, 0x0660];

/** Full-width, Arabic-Indic, Persian, Devanagari and Bengali digits as ASCII ones. */
function asciiDigits(text: string): string {
  return text.replace(/[\uFF10-\uFF19\u0660-\u0669\u06F0-\u06F9\u0966-\u096F\u09E6-\u09EF]/g, (digit) => {
    const code = digit.charCodeAt(0);
    const zero = ZEROS.find((first) => code >= first) ?? 0x0660;
    return String(code - zero);
  });
}

/** `11月27日`, `2024年11月27日` as an ISO date. */
function hanDate(printed: string | undefined, reference: string | null): string | null {
  const parts = /^(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日$/.exec(asciiDigits(printed ?? ''));
  if (!parts) return null;
  return isoDate(Number(parts[2]), Number(parts[3]), parts[1] ? Number(parts[1]) : null, reference);
}

/** `27 - 11` (day, month), `27 نوفمبر`, `27 نوفمبر 2024` as an ISO date. */
function arabicDate(printed: string, reference: string | null): string | null {
  const text = asciiDigits(printed);
  const figures = /^(\d{1,2}) ?[-/] ?(\d{1,2})(?: ?[-/] ?(\d{4}))?$/.exec(text);
  if (figures) {
    return isoDate(Number(figures[2]), Number(figures[1]), figures[3] ? Number(figures[3]) : null, reference);
  }
  const named = /^(\d{1,2}) (.+?)(?: (\d{4}))?$/.exec(text);
  const month = named?.[2] === undefined ? undefined : AR_MONTH_NUMBER.get(named[2]);
  if (!named || month === undefined) return null;
  return isoDate(month, Number(named[1]), named[3] ? Number(named[3]) : null, reference);
}
