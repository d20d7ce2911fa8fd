/**
 * The blocks a story may carry before its dateline (FORMATS.md): editor's notes (`EDITOR'S NOTE _ ...`, `Eds: ...`),
 * update notes (`(Adds quotes in paragraphs 5-7)`, `(Updates with ...)`), bullet summaries, bylines, and a press
 * release's subheadline. None of them is the dateline or body; the dateline is the first paragraph after them.
 */
import { parseAgencyLine } from './agency-line.js';
import { agencyOf, creditedAgency } from './agencies.js';
import { isWellKnownPlace } from './places.js';
import {
  isPlaceOnlyDateline,
  parseDateline,
  parseDatelineAlone,
  parsePlaceLine,
  type DatelineMatch,
} from './dateline.js';
import { isPeople, looksLikeByline } from './byline.js';
import { SOURCE_WORDS } from './endmatter.js';
import { INITIALS_BEFORE } from './signoff.js';

/** What a paragraph before the dateline is. */
export type LeadField = 'ednote' | 'update_notes' | 'summary' | 'byline' | 'subheadline' | 'stripped';

/** The blocks before the dateline, and the dateline itself. */
export interface Lead {
  /** Each lead paragraph's field, by index; the paragraphs from `start` on are the story's. */
  readonly fields: readonly LeadField[];
  /** The index of the first paragraph after the lead blocks (the dateline's, when there is one). */
  readonly start: number;
  readonly dateline: DatelineMatch | null;
}

// `EDITOR'S NOTE _ This is part of ...`, `Editors' Note: ...`, `Eds: UPDATES with ...`, `NOTE TO EDITORS: ...`, and
// ANPA's `The following information is not for publication`; in the agencies' other languages dpa's
// `Redaktionshinweis:` / `Hinweis für die Redaktion:`, AFP's `Note aux rédactions:`, EFE's `NOTA A LOS EDITORES:`,
// ANSA's `Nota alla redazione:`.
const EDNOTE =
  /^(?:EDITOR['’]?S['’]? NOTES?|Editor['’]?s['’]? [Nn]otes?|NOTE TO EDITORS|Note to editors|Eds?\.?|EDS?\.?|Redaktionshinweis|REDAKTIONSHINWEIS|Hinweis (?:für|an) die Redaktion(?:en)?|Note (?:aux rédactions|à la rédaction)|NOTE AUX RÉDACTIONS|NOTA A LOS EDITORES|Nota a los editores|Nota a la redacción|Nota para (?:os )?editores|Nota alla redazione|NOTA ALLA REDAZIONE)\s*(?:[-_—–:]+|(?=\())|^The following information is not for publication/;
// An embargo is an editor's note that keeps its label: `Sperrfrist: 12.00 Uhr` says nothing without it.
// dpa asks in a sentence: `Bitte beachten Sie die Sperrfrist der Meldung bis heute Abend (23.01.), 19.00 Uhr.`
const EMBARGO =
  /^(?:Sperrfrist|SPERRFRIST|Embargo|EMBARGO)\s*[-_—–:]+|^(?:EMBARGOED|Embargoed) (?:UNTIL|until|FOR|for)\b|^Bitte beachten Sie die Sperrfrist\b/;
// Reuters and others' update notes: `(Adds comments, detail)`, `(Updates with ministry statement)`,
// `(Corrects spelling of name in paragraph 3)`, `(This Jan. 30 story corrects ...)`.
// Also dpa's `(Neu: Zitate im 3. Absatz)`, `(Ergänzt um ...)`, AFP's `(Actualisé avec ...)`, EFE's `(Añade ...)`.
const UPDATE_VERBS =
  'Adds|Updates|Corrects|Recasts|Refiles|Repeats|Changes|Removes|Fixes|Rewrites|Moves|Deletes|Inserts|Clarifies|Reissues|Re-issues|Writes through|Overwrites|Tops|Restores|Replaces|Combines|Amends|Edits|Expands|Revises|Withdraws|Kills|Advances';
const UPDATE_NOTE = new RegExp(
  `^\\((?:Neu:|Aktualisiert|Aktualisierung|Ergänzt|ergänzt|Korrigiert|Berichtigt|Berichtigung:|Korrektur:|Actualisé|Ajoute|Corrige|Mise à jour|Actualiza|Añade|Amplía|Aggiorna|Aggiunge|Corregge|Atualiza|Acrescenta|${UPDATE_VERBS}|This )[^()]*(?:\\([^()]*\\)[^()]*)*\\)$`,
);
// MENAFN's name and the source it carries, run in before the agency's dateline: `(MENAFN- Kuwait News Agency (KUNA))`.
const AGGREGATOR_PREFIX = /^\(MENAFN- ?[^()]{2,80}(?:\([^()]{2,20}\))?\)$/;
// Yonhap's notes to editors, in capitals: `(ATTN: UPDATES with details in paras 4-5; CHANGES headline)` says what
// changed, an update note; any other `(ATTN: ...)` is an editor's note.
const ATTN = /^\(ATTN:\s*([^()]*(?:\([^()]*\)[^()]*)*)\)$/;
// ANP's note that a story replaces an earlier one, letter-spaced: `N i e u w bericht, vervangt: <old headline>`.
const REPLACES = /^(?:N ?i ?e ?u ?w(?: b ?e ?r ?i ?c ?h ?t| bericht)|NIEUW BERICHT), vervangt\s*:/;
// Reporters' names in capitals, two or more, alone over the story (STT: `ANTTI AUTIO, HETA HASSINEN`).
const CAPS_NAME = `\\p{Lu}{2,15}(?:[- ]\\p{Lu}{2,15}){1,2}`;
const CAPS_PEOPLE = new RegExp(`^${CAPS_NAME}(?:(?:, | JA | OCH | OG | AND | UND | ET | Y )${CAPS_NAME}){1,3}$`, 'u');
// Trend's note over an updated story: `Details added (first version posted on 14:27)`.
const FIRST_VERSION = /^[^()]{0,60}\(first version posted (?:on|at) \d{1,2}:\d{2}\)$/;
// A summary's bullets: `* Spot gold may edge up`, `- Dollar index down`, `• Talks resume`.
const BULLET = /^[*•·▪■–-]\s+\S/;
// A lead block is short; anything longer before a dateline is body, and the story has no dateline.
const LEAD_MAX = 320;
const LEAD_MAX_BLOCKS = 8;
const SUBHEADLINE_MAX = 240;
const TEASER_MAX = 400;
const MAX_SUBHEADLINES = 2;
// A release's highlights under its headline (GlobeNewswire prints three or four): only before a release wire's dateline.
const MAX_RELEASE_SUBHEADLINES = 5;
// A release that corrects an earlier one says so first, however long: `The following press release corrects and
// replaces ...`, `Le communiqué suivant corrige et remplace ...`.
const RELEASE_REPLACES =
  /^(?:The following (?:press )?release (?:corrects|replaces|updates)|This (?:press )?release (?:corrects|replaces)|Le communiqué suivant (?:corrige|remplace|met à jour)|Ce communiqué (?:corrige|remplace))\b/;
const SENTENCE_END = /[.!?]["”’)]?$/;
const RULED_NOTE =
  /^[-=_*]{5,}\s+(?:KORREKTUR-HINWEIS|KORREKTURHINWEIS|BERICHTIGUNG|KORREKTUR|CORRECTION|RECTIFICATIF|CORRECCIÓN|CORREZIONE)\b/;
// A picture's caption that a web page prints above the story, ending as Korean agencies' captions end: the day the
// picture was taken and the photographer's address (`... 2024.5.3 jdoe@yna.co.kr`, `... 2024.05.03. photo@newsis.com`).
const PHOTO_CREDIT = /\s\d{4}\.\d{1,2}\.\d{1,2}\.?\s+[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/;

const OPENS_WITH_UPDATE = new RegExp(`^\\(?\\s*(?:${UPDATE_VERBS})\\b`, 'i');

/** True for a note that says what a version changed: `CORRECTS para 4 to say ...`, `Updates with ...`. */
export function opensWithUpdateVerb(text: string): boolean {
  return OPENS_WITH_UPDATE.test(text);
}

/** The field a paragraph before the dateline has by its shape alone, or null. */
export function leadShape(paragraph: string): LeadField | null {
  if (RELEASE_REPLACES.test(paragraph)) return 'update_notes';
  // APA's correction notice framed by rules: `-----` / `KORREKTUR-HINWEIS` / `In APA0520 vom ... muss ...` / `-----`.
  const opening = paragraph.charCodeAt(0);
  if ((opening === 45 || opening === 61 || opening === 95 || opening === 42) && RULED_NOTE.test(paragraph))
    return 'update_notes';
  if (paragraph.length > LEAD_MAX) return EDNOTE.test(paragraph) ? 'ednote' : null;
  if (EDNOTE.test(paragraph) || EMBARGO.test(paragraph)) return 'ednote';
  const first = paragraph.charCodeAt(0);
  if (first === 40 /* ( */ && UPDATE_NOTE.test(paragraph)) return 'update_notes';
  if (first === 78 /* N */ && REPLACES.test(paragraph)) return 'update_notes';
  if (first === 40 /* ( */ && AGGREGATOR_PREFIX.test(paragraph)) return 'stripped';
  if (paragraph.endsWith(')') && FIRST_VERSION.test(paragraph)) return 'update_notes';
  const attn = first === 40 /* ( */ ? ATTN.exec(paragraph)?.[1] : undefined;
  if (attn !== undefined) return opensWithUpdateVerb(attn) ? 'update_notes' : 'ednote';
  if (BULLET.test(paragraph)) return 'summary';
  if (looksLikeByline(paragraph)) return 'byline';
  return null;
}

/**
 * The agency's name on a line of its own under a byline is the byline's title (CP: `By Jane Doe` / `The Canadian
 * Press`); a name the table does not know stays what it is.
 */
function agencyUnderByline(paragraph: string, above: LeadField | undefined): LeadField | null {
  return above === 'byline' && paragraph.length <= 40 && agencyOf(paragraph) !== undefined ? 'byline' : null;
}

/**
 * People's names without `By` over a line that is an agency's name: a byline and its title, printed apart (CP: `Jane
 * Roe and John Doe` / `The Canadian Press`).
 */
function namesOverAgency(paragraph: string, next: string | undefined): LeadField | null {
  return next !== undefined && next.length <= 40 && agencyOf(next) !== undefined && isPeople(paragraph)
    ? 'byline'
    : null;
}

// The first paragraph under a place printed alone: a sentence, not a heading or another dateline.
const FIRST_PARAGRAPH_MIN = 60;

/**
 * A place printed alone in capitals above the story's first paragraph (Anadolu: `ANKARA`), a vignette and the
 * agency's name (TT: `Finland TT`), or a whole dateline with no dash (KUNA: `KUWAIT, Sept 5 (KUNA)`), as its dateline.
 */
function placeAbove(paragraph: string, next: string | undefined, reference: string | null): DatelineMatch | null {
  const place =
    agencyAlone(paragraph) ??
    parsePlaceLine(paragraph) ??
    parseAgencyLine(paragraph) ??
    parseDatelineAlone(paragraph, reference);
  if (place === null || !opensStory(next)) return null;
  // The first paragraph may open with a dateline of its own: the place above printed again (see placeAgain).
  return parseDateline(next!, reference) === null || placeAgain(place, next!) !== null ? place : null;
}

/**
 * A dateline alone on its line that gives a place, a comma and a date (`Lima, may. 28.`), or null; a table's line is
 * not one (`Pay May 29`).
 */
function datedAlone(paragraph: string, reference: string | null): DatelineMatch | null {
  const found = paragraph.includes(', ') ? parseDatelineAlone(paragraph, reference) : null;
  const { location, date } = found?.dateline ?? { location: null, date: null };
  return location !== null && date !== null && paragraph.startsWith(`${location}, `) ? found : null;
}

/**
 * The dateline of a first paragraph that opens with the place printed above it again, then a comma, dash or colon
 * and a sentence (aggregators' publisher line `Sudan News Agency (Khartoum)` over `Khartoum, Prime Minister ...`);
 * null otherwise.
 */
function placeAgain(above: DatelineMatch, next: string): DatelineMatch | null {
  const place = above.dateline.location;
  if (place === null || !next.startsWith(place)) return null;
  const separator = PLACE_AGAIN.exec(next.slice(place.length));
  if (separator === null) return null;
  const text = next.slice(0, place.length + separator[0].length).trimEnd();
  return { dateline: { ...above.dateline, text }, rest: next.slice(text.length).trimStart(), reporter: above.reporter };
}
const PLACE_AGAIN = /^(?:,|[ \t]?[-–—:])[ \t]+(?=["“\p{Lu}])/u;

/**
 * Whether a paragraph can be the story's first under a place or agency printed alone: a sentence of some length
 * (fewer characters in Chinese, Japanese and Korean, whose letters carry more), not a heading or a lead block.
 */
function opensStory(next: string | undefined): boolean {
  if (next === undefined) return false;
  const dense = CJK.test(next.slice(0, 8));
  if (next.length < (dense ? FIRST_PARAGRAPH_MIN_CJK : FIRST_PARAGRAPH_MIN)) return false;
  // A first paragraph may end with a colon, introducing a quote (`..., he told RTS and added:`).
  if (!/^["“‘'\d\p{Lu}\p{Lo}]/u.test(next) || !(SENTENCE_END.test(next) || next.endsWith(':'))) return false;
  return leadShape(next) === null;
}
const CJK = /[\u3040-\u30FF\u3400-\u9FFF\uAC00-\uD7A3]/;
const FIRST_PARAGRAPH_MIN_CJK = 16;

/**
 * The agency's name on a line over a place on a line of its own, over the story (`UNB` / `Dhaka`, `Reuters` /
 * `Dhaka`): the dateline, with both.
 */
function agencyOverPlace(
  paragraph: string,
  place: string | undefined,
  next: string | undefined,
  reference: string | null,
): DatelineMatch | null {
  if (place === undefined || place.length > PLACE_MAX || !PRINTED_PLACE.test(place) || !opensStory(next)) return null;
  const agency = agencyAlone(paragraph);
  if (agency === null || agency.dateline.location !== null || parseDateline(next!, reference) !== null) return null;
  const text = `${paragraph}\n\n${place}`;
  return { dateline: { text, location: place, date: null, agency: agency.dateline.agency }, rest: '', reporter: null };
}
const PLACE_MAX = 30;

/** Whether a paragraph opens with a dateline that names an agency the table knows. */
function teaserOver(next: string | undefined, reference: string | null): boolean {
  const agency = next === undefined ? null : parseDateline(next, reference)?.dateline.agency;
  return agency != null && creditedAgency(agency) !== undefined;
}

/** A dateline of a place alone, no date or agency, in capitals or well known (`PUTRAJAYA -`, `London: `). */
function placeOnly(found: DatelineMatch): boolean {
  const { location, date, agency } = found.dateline;
  return (
    location !== null &&
    date === null &&
    agency === null &&
    (isPlaceOnlyDateline(location) || isWellKnownPlace(location))
  );
}

const STAFF_LINE = /^([^\s/]{2,16})(?:\/[^\s/]{2,16})? [Ss]taff$/;

/**
 * The agency's name alone on a line over the first paragraph (`BELGA`, `NTB`, `Associated Press`, as pages print the
 * source above the story): a dateline that names the agency and no place.
 */
function agencyAlone(paragraph: string): DatelineMatch | null {
  if (paragraph.length > 48 && !(paragraph.length <= 120 && SOURCE_LABEL.test(paragraph))) return null;
  const unlabelled = paragraph.replace(SOURCE_LABEL, '');
  const name = unlabelled.length < paragraph.length ? unlabelled.replace(PICTURE_AFTER, '') : unlabelled;
  if (name.length > 48) return null;
  if (agencyOf(name) !== undefined)
    return { dateline: { text: paragraph, location: null, date: null, agency: name }, rest: '', reporter: null };
  // Its staff, a partner's name after a slash: `Reuters Staff`, `BNS/TBT Staff`.
  const staff = name.endsWith('taff') ? STAFF_LINE.exec(name)?.[1] : undefined;
  if (staff !== undefined && agencyOf(staff) !== undefined)
    return { dateline: { text: paragraph, location: null, date: null, agency: staff }, rest: '', reporter: null };
  // The desk's initials before it, as Keystone-SDA prints them over a story: `ed, sda`.
  const initialled = INITIALS_BEFORE.exec(name)?.[2];
  if (initialled !== undefined && agencyOf(initialled) !== undefined)
    return { dateline: { text: paragraph, location: null, date: null, agency: initialled }, rest: '', reporter: null };
  // The place and the agency by a bullet, as UNN prints them over its story: `Kyiv • UNN`.
  const bullet = name.indexOf(' • ');
  if (bullet !== -1 && agencyOf(name.slice(bullet + 3)) !== undefined && PRINTED_PLACE.test(name.slice(0, bullet))) {
    const [place, agency] = [name.slice(0, bullet), name.slice(bullet + 3)];
    return { dateline: { text: paragraph, location: place, date: null, agency }, rest: '', reporter: null };
  }
  // The agency and the place on one line, as papers print them over agency copy: `AP, TOKYO`, `AFP, Paris`.
  const comma = name.indexOf(', ');
  if (comma === -1 || agencyOf(name.slice(0, comma)) === undefined) return null;
  const place = name.slice(comma + 2);
  if (!PRINTED_PLACE.test(place)) return null;
  return {
    dateline: { text: paragraph, location: place, date: null, agency: name.slice(0, comma) },
    rest: '',
    reporter: null,
  };
}
// A place as printed on a line of its own under the agency's name: one to three words, in capitals or capitalised.
const PRINTED_PLACE = /^\p{Lu}[\p{L}'’.-]+(?: \p{Lu}[\p{L}'’.-]*){0,2}$/u;
// `Bron: Belga`, `Source: AFP`: the same with its label.
const SOURCE_LABEL = new RegExp(`^(?:${SOURCE_WORDS})\\s*:\\s*`);
// The picture's credit after the labelled source on the same line: `Forrás: mti - illusztráció: MTI/...`.
const PICTURE_AFTER = / [-–|] (?:illusztráció|illustration|fotó|foto|photo|kép|bild|image)\s*:.*$/i;

/** The paragraphs with run-in notes split off, and where each one starts in the story's own paragraphs. */
export interface RunInSplit {
  readonly paragraphs: readonly string[];
  readonly origins: readonly { readonly index: number; readonly offset: number }[];
}

/**
 * Splits the lead blocks that copy flattened into one paragraph runs into the dateline's paragraph, so that the lead
 * reads each as it reads any other paragraph: an editor's or update note that opens it (`(ATTN: UPDATES with quotes
 * in last 2 paras) ...`, `(Adds comments, detail) ...`), and a byline before the dateline (`By Jane Roe SEOUL, May 3
 * (Yonhap) -- ...`, `By JOHN DOE AP Business Writer NEW YORK (AP) _ ...`, `By dpa correspondents Geneva (dpa) - ...`).
 * Only the story's first paragraphs that open with a bracket or `By` are read; null when none is split.
 */
export function splitRunInLead(paragraphs: readonly string[], reference: string | null): RunInSplit | null {
  const cuts: number[][] = [];
  let found = false;
  for (let i = 0; i < paragraphs.length && i < RUN_IN_PARAGRAPHS; i++) {
    const at = runInCuts(paragraphs[i]!, reference);
    cuts.push(at);
    found ||= at.length > 0;
  }
  if (!found) return null;
  const split: string[] = [];
  const origins: { index: number; offset: number }[] = [];
  paragraphs.forEach((paragraph, index) => {
    let offset = 0;
    for (const cut of cuts[index] ?? []) {
      split.push(paragraph.slice(offset, cut).trimEnd());
      origins.push({ index, offset });
      offset = cut;
    }
    split.push(offset === 0 ? paragraph : paragraph.slice(offset));
    origins.push({ index, offset });
  });
  return { paragraphs: split, origins };
}

// How many of a story's first paragraphs may hold lead blocks run into the text.
const RUN_IN_PARAGRAPHS = 3;

/** Where a paragraph is cut into the lead blocks run into it and the text after them (none: an empty list). */
function runInCuts(paragraph: string, reference: string | null): number[] {
  const first = paragraph.charCodeAt(0);
  const labelled = first !== 40 /* ( */ && first !== 66 /* B */ && EDNOTE.test(paragraph);
  if (first !== 40 && first !== 66 && !labelled) return [];
  const cuts: number[] = [];
  let offset = labelled ? labelledNoteEnd(paragraph, reference) : 0;
  if (offset > 0) cuts.push(offset);
  for (let end = runInNoteEnd(paragraph.slice(offset)); end !== -1; end = runInNoteEnd(paragraph.slice(offset))) {
    offset += end + 2;
    cuts.push(offset);
  }
  const byline = bylineRunIn(paragraph.slice(offset), reference);
  if (byline !== -1) cuts.push(offset + byline);
  return cuts;
}

/**
 * Where the text run in after a labelled editor's note starts (`EDITOR'S NOTE _ This is part of a series. By JOHN
 * DOE Associated Press ...`): after the first of its sentences that a byline or a dateline follows; 0 when none does.
 */
function labelledNoteEnd(paragraph: string, reference: string | null): number {
  for (let at = paragraph.indexOf('. '); at !== -1 && at < LEAD_MAX; at = paragraph.indexOf('. ', at + 2)) {
    const rest = paragraph.slice(at + 2);
    if (bylineRunIn(rest, reference) !== -1 || (BY.test(rest) && looksLikeByline(rest))) return at + 2;
    if (/^[\p{Lu}\d(]/u.test(rest) && parseDateline(rest, reference) !== null) return at + 2;
  }
  return 0;
}

// `By` opening a paragraph, in capitals or not.
const BY = /^B[Yy] /;
// How far into a paragraph a dateline run in after a byline may start.
const BYLINE_RUN_IN_MAX = 160;

/**
 * Where the dateline starts in a paragraph that opens with a byline run into it, or -1. The dateline's place is a run
 * of words printed alike (capitals: `NEW YORK`; capitalised: `Geneva`) after a word printed otherwise (`Writer NEW
 * YORK`, `correspondents Geneva`), so that where the names end and the place begins is not a guess; a dateline that
 * opens with its date (`Jan 30 (Reuters) -`) needs no place, but a comma before the date says a place is there.
 * What comes before it must read as a byline.
 */
function bylineRunIn(paragraph: string, reference: string | null): number {
  if (!BY.test(paragraph)) return -1;
  const head = paragraph.slice(0, BYLINE_RUN_IN_MAX);
  let before: string | null = null;
  for (const word of head.matchAll(/\S+/g)) {
    const previous = before;
    before = word[0];
    const at = word.index;
    if (at < 3 || previous === null || !/^[\p{Lu}\d]/u.test(word[0])) continue;
    const found = parseDateline(paragraph.slice(at), reference);
    if (found === null) continue;
    const { location, date, agency } = found.dateline;
    const place = location?.split(',')[0]?.split(' ') ?? [];
    const style = printedAs(word[0]);
    const placeFirst =
      location === null
        ? date !== null && agency !== null && !previous.endsWith(',')
        : style !== null && style !== printedAs(previous) && place.every((part) => printedAs(part) === style);
    if (placeFirst && looksLikeByline(paragraph.slice(0, at).trimEnd())) return at;
  }
  return -1;
}

/** How a word of a place is printed: in capitals (`NEW`, `ST.`), capitalised (`Geneva`), or neither (null). */
function printedAs(word: string): 'capitals' | 'capitalised' | null {
  if (/^\p{Lu}[\p{Lu}'’.&-]+,?$/u.test(word)) return 'capitals';
  if (/^\p{Lu}[\p{Ll}'’.-][\p{L}'’.-]*,?$/u.test(word)) return 'capitalised';
  return null;
}

/** Where an editor's or update note that opens a paragraph ends when more text runs on after it, or -1. */
function runInNoteEnd(paragraph: string): number {
  if (paragraph.charCodeAt(0) !== 40 /* ( */) return -1;
  const end = closingBracket(paragraph);
  // A note on its own is a paragraph the lead reads already.
  if (end === -1 || end === paragraph.length - 1 || paragraph.charCodeAt(end + 1) !== 32) return -1;
  const note = paragraph.slice(0, end + 1);
  return ATTN.test(note) || UPDATE_NOTE.test(note) || AGGREGATOR_PREFIX.test(note) ? end : -1;
}

/** Where the bracket that opens a text closes (one bracket may nest inside it), or -1. */
function closingBracket(text: string): number {
  let depth = 0;
  for (let at = 0; at < text.length && at < LEAD_MAX; at++) {
    const code = text.charCodeAt(at);
    if (code === 40) depth++;
    else if (code === 41 && --depth === 0) return at;
  }
  return -1;
}

/** An editor's note without its label: `EDITOR'S NOTE _ This is part of ...` → `This is part of ...`. */
export function ednoteText(paragraph: string): string {
  if (EMBARGO.test(paragraph)) return paragraph;
  const attn = ATTN.exec(paragraph)?.[1];
  if (attn !== undefined) return attn.trim() || paragraph;
  return paragraph.replace(EDNOTE, '').trim() || paragraph;
}

/** A bullet without its mark. */
export function bulletText(paragraph: string): string {
  return paragraph.replace(/^[*•·▪■–-]\s+/, '');
}

/**
 * Finds the lead blocks and the dateline after them. Bullets and subheadlines only count when a dateline follows
 * them, and a subheadline (a short block of no known shape, as press releases print under their headline) only
 * when that dateline names an agency the table knows: at most two, and ending like a sentence only in a release.
 * Editor's notes, update notes and bylines at the top are taken either way. Only the first paragraph is read when
 * it opens with a dateline, which is most stories: the lead costs nothing then. `bylineAbove` says the reader took a
 * byline off above the first paragraph.
 */
export function takeLead(paragraphs: readonly string[], reference: string | null, bylineAbove = false): Lead {
  const fields: LeadField[] = [];
  let certain = 0;
  let subheadlines = 0;
  let sentences = false;
  for (let i = 0; i < paragraphs.length && i < LEAD_MAX_BLOCKS; i++) {
    const text = paragraphs[i] ?? '';
    const shape =
      leadShape(text) ??
      (i === 0 && CAPS_PEOPLE.test(text) ? 'byline' : null) ??
      agencyUnderByline(text, i === 0 && bylineAbove ? 'byline' : fields.at(-1)) ??
      namesOverAgency(text, paragraphs[i + 1]);
    if (shape === null) {
      const dateline = parseDateline(text, reference);
      if (dateline !== null) {
        if (subheadlines === 0) return { fields, start: i, dateline };
        const wire = dateline.dateline.agency ? creditedAgency(dateline.dateline.agency) : undefined;
        const release = wire?.pressRelease === true;
        // One block of sentences over a known agency's dateline is the story's teaser, as dpa prints its `Vorspann`
        // and TASS's pages a standfirst (`Пресс-секретарь ... сообщил, что ...` over `ВАШИНГТОН, 22 января. /ТАСС/.`).
        if (wire !== undefined && (release || (!sentences && subheadlines <= MAX_SUBHEADLINES) || subheadlines === 1))
          return { fields, start: i, dateline };
        // A paper's deck over agency copy whose dateline kept only its place (`PUTRAJAYA - Police are ...` under a
        // quote from the story): one block over a place in capitals.
        // A block that ends with a colon introduces a list of items under places (a digest), not one story.
        if (subheadlines === 1 && placeOnly(dateline) && !(paragraphs[i - 1] ?? '').trimEnd().endsWith(':'))
          return { fields, start: i, dateline };
        break;
      }
      const place = subheadlines === 0 && placeAbove(text, paragraphs[i + 1], reference);
      if (place) {
        // The first paragraph may open with the place again (`Sudan News Agency (Khartoum)` / `Khartoum, Prime ...`):
        // that is the dateline as the story prints it, and the line above the publisher's, cut.
        const again = placeAgain(place, paragraphs[i + 1]!);
        if (again !== null) return { fields: [...fields, 'stripped'], start: i + 1, dateline: again };
        return { fields, start: i, dateline: place };
      }
      // Keystone-SDA's lead over its name on a line of its own (`ATS`), the story under it.
      const signed = subheadlines === 1 && !(paragraphs[i - 1] ?? '').endsWith(':') ? agencyAlone(text) : null;
      if (
        signed !== null &&
        creditedAgency(signed.dateline.agency ?? '') !== undefined &&
        opensStory(paragraphs[i + 1])
      ) {
        // The story under it may open with a dateline of its own (`PTI` / `MUMBAI: Equity indices ...`): the name
        // is its credit line then.
        const own = parseDateline(paragraphs[i + 1]!, reference);
        if (own === null) return { fields, start: i, dateline: signed };
        const agency = own.dateline.agency ?? signed.dateline.agency;
        return {
          fields: [...fields, 'byline'],
          start: i + 1,
          dateline: { ...own, dateline: { ...own.dateline, agency } },
        };
      }
      // A dateline of place and date on a line of its own under a subtitle (Andina's `Lima, may. 28.`).
      const dated = subheadlines === 1 && !(paragraphs[i - 1] ?? '').endsWith(':') ? datedAlone(text, reference) : null;
      if (dated !== null && opensStory(paragraphs[i + 1])) return { fields, start: i, dateline: dated };
      const over = subheadlines === 0 ? agencyOverPlace(text, paragraphs[i + 1], paragraphs[i + 2], reference) : null;
      if (over !== null) return { fields: [...fields, 'byline'], start: i + 1, dateline: over };
      // The agency's name over a place printed alone (`Associated Press` / `WEST CHESTER, Pa.`): its credit line.
      if (subheadlines === 0 && agencyAlone(text) !== null) {
        fields.push('byline');
        continue;
      }
      // A caption counts, as a subheadline does, only when a dateline follows it (it is cut from the story then).
      if (subheadlines === 0 && PHOTO_CREDIT.test(text)) {
        fields.push('stripped');
        continue;
      }
      // A teaser may run longer than a subheadline when a known agency's dateline follows it at once (Anadolu's
      // summary of two sentences over `ŞANLIURFA (AA) -`).
      const long =
        text.length > SUBHEADLINE_MAX && !(text.length <= TEASER_MAX && teaserOver(paragraphs[i + 1], reference));
      if (long || ++subheadlines > MAX_RELEASE_SUBHEADLINES) break;
      sentences ||= SENTENCE_END.test(text);
      fields.push('subheadline');
    } else {
      fields.push(shape);
      if (shape !== 'summary' && certain === i) certain = i + 1;
    }
  }
  // No dateline: only the editor's notes, update notes and bylines that open the story are lead blocks.
  return { fields: fields.slice(0, certain), start: certain, dateline: null };
}
