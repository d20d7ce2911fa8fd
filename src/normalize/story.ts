import { hash } from 'node:crypto';
import type { Dateline, NormalizeContext, ParsedStory, SourceLine, Story } from '../types.js';
import { agencyAtStart, agencyNamed, agencyOf, creditedAgency, isKnownAgency, type Agency } from './agencies.js';
import { bylineAgency, joinBylines, opensByline, splitByline, type Byline } from './byline.js';
import { parseDateline, type DatelineMatch } from './dateline.js';
import { cleanHeadline, isCorrectionMarker, withoutTranslatedMark } from './headline.js';
import { detectLanguage, LANGUAGE_PENDING, withHomeLanguage } from './language.js';
import { languageTag } from './language-tag.js';
import { bulletText, ednoteText, leadShape, splitRunInLead, takeLead } from './lead.js';
import { takeTail, type Tail } from './tail.js';
import { agencyReporting } from './agency-line.js';
import { isoDate } from './months.js';
import { inZone } from './time.js';
import { countSpaces, tidy, tidyParagraphs, type TidyParagraphs } from './text.js';
import { traceOf, type LeadPiece, type ParagraphTrace, type Piece, type TracedPieces } from './trace.js';

// A first paragraph this short may be a teaser over the paragraph that names the agency reporting the story.
const TEASER_SENTENCE = 240;
const CORRECTION_NOTE =
  /^\(?(?:Corrects\b|The following (?:press )?release corrects\b|Le communiqué suivant corrige\b|Korrigiert|Berichtigt|Berichtigung:|Korrektur:|KORREKTUR-HINWEIS\b|Korrekturhinweis\b|Corrige\b|Corregge\b|This [^)]*\b(?:corrected|correction|corrects)\b)/i;

/**
 * Turns what a format parser found into the output record: headline markers, the blocks before the dateline
 * (editor's notes, update notes, summary, byline, subheadline), the dateline, and the sign-off, source line, credits,
 * copyright and trailers each moved into their field; the language declared or detected. Pure: the clock and
 * reference date come in through `context`. The body is tidy paragraphs joined by blank lines, so its only control
 * characters are those line feeds (the serializer relies on it: `jsonLines`' `controlFree`).
 */
export function normalizeStory(parsed: ParsedStory, context: NormalizeContext): Story {
  return build(parsed, context).story;
}

/**
 * {@link normalizeStory}, and where each of the story's paragraphs went: the tidy paragraphs (`parsed.paragraphs`
 * with their whitespace collapsed, empty ones left out) with the character ranges each field took from them.
 */
export function normalizeWithTrace(
  parsed: ParsedStory,
  context: NormalizeContext,
): { readonly story: Story; readonly paragraphs: readonly ParagraphTrace[] } {
  const built = build(parsed, context);
  return { story: built.story, paragraphs: traceOf(built.paragraphs, built.pieces) };
}

interface Built {
  readonly story: Story;
  readonly paragraphs: readonly string[];
  readonly pieces: TracedPieces;
}

function build(parsed: ParsedStory, context: NormalizeContext): Built {
  const { headline, markers } = cleanHeadline(parsed.headline ?? '');
  const allMarkers = [...(parsed.markers ?? []), ...markers];
  const reference = parsed.referenceDate ?? context.referenceDate;
  const tidied = tidyParagraphs(parsed.paragraphs);
  // The lead reads the paragraphs with notes run into their text split off; pieces point into the tidy paragraphs.
  const split = splitRunInLead(tidied.paragraphs, reference);
  const paragraphs = split?.paragraphs ?? tidied.paragraphs;
  // Built field by field: an object spread takes V8's slow path (Node 20), and this runs for every paragraph.
  const pieceAt = (i: number, text: string): Piece => {
    const origin = split?.origins[i];
    return origin ? { index: origin.index, from: origin.offset, text } : { index: i, from: 0, text };
  };
  const lead = takeLead(paragraphs, reference, Boolean(parsed.byline));
  const leadPieces: LeadPiece[] = lead.fields.map((field, index) => {
    const piece = pieceAt(index, paragraphs[index] ?? '');
    return { index: piece.index, from: piece.from, text: piece.text, field };
  });
  const rest: Piece[] = paragraphs.slice(lead.start).map((text, i) => pieceAt(lead.start + i, text));
  const printed = lead.dateline;
  let datelineAt: { index: number; start: number; end: number } | null = null;
  const first = rest[0];
  if (printed !== null && first) {
    datelineAt = { index: first.index, start: first.from, end: first.from + first.text.length - printed.rest.length };
    if (printed.rest === '') rest.shift();
    else rest[0] = { index: first.index, from: datelineAt.end, text: printed.rest };
  }
  // An update note printed right after the dateline: `NEW YORK (Reuters) - (Corrects spelling of name)`.
  // (Only a paragraph that opens with a bracket can be one: most first paragraphs are ruled out without a regex.)
  for (let note = rest[0]; rest.length > 1 && note && isUpdateNote(note.text); note = rest[0]) {
    leadPieces.push({ index: note.index, from: note.from, text: note.text, field: 'update_notes' });
    rest.shift();
  }
  const blocks = leadBlocks(leadPieces);
  const given = parsed.dateline ? datelineFromMarkup(parsed.dateline, reference) : null;
  // The dateline printed in the text is the fuller one when it opens with the markup's (`FORT WASHINGTON, Pa.` given,
  // `FORT WASHINGTON, Pa. (AP) _` printed), when the markup gives only a date and the text a place too (TASS's
  // `December 1` given, `ARKHANGELSK, December 1. /TASS/.` printed), or when only the text names the agency: it keeps
  // the agency and the text as printed.
  const dateline =
    given !== null &&
    printed !== null &&
    (extendsGiven(printed.dateline.text, given.text) ||
      (given.location === null && printed.dateline.location !== null && given.date === printed.dateline.date) ||
      // The agency's own dateline as sent (ANSA `(ANSA) - ROME, JUL 11 -` under `<location>ROME`, Ritzau `København
      // /ritzau/:` under a desk's `<dateline>`): the markup's, without the agency, is a desk's field.
      (given.agency === null && printed.dateline.agency !== null))
      ? printed.dateline
      : (given ?? printed?.dateline ?? null);
  const wire = creditedAgency(dateline?.agency ?? '') ?? creditedAgency(printed?.dateline.agency ?? '');
  // A release wire named by the markup (a NewsML provider) marks a release as its dateline does.
  const release =
    wire?.pressRelease === true ||
    parsed.pressRelease === true ||
    (parsed.agency != null && creditedAgency(parsed.agency)?.pressRelease === true);
  // Without a dateline's agency, the one the lead names as reporting (`..., Kazinform News Agency reports.`) says how
  // the story's end is signed.
  // (or under a teaser of one sentence: Ukrinform's `..., Ukrinform reports.` in the second paragraph).
  const reporting =
    wire === undefined
      ? (agencyReporting(rest[0]?.text) ??
        ((rest[0]?.text.length ?? 0) <= TEASER_SENTENCE ? agencyReporting(rest[1]?.text) : undefined))
      : undefined;
  const tail = takeTail(
    rest.map((piece) => piece.text),
    release,
    wire ?? reporting,
  );
  const body = tail.body.join('\n\n');
  const byline = bylineOf(parsed.byline, leadPieces) ?? blocks.byline ?? printed?.reporter ?? null;
  const copyright = tail.copyright ?? parsed.copyright ?? null;
  const agency =
    wire?.name ??
    nameOf(tail.source?.name) ??
    nameOf(parsed.agency) ??
    tail.implied ??
    (byline ? bylineAgency(byline)?.name : undefined) ??
    // The copyright's holder, asked only when nothing before it names the agency.
    (copyright === null ? undefined : copyrightHolder(copyright)?.name) ??
    reporting?.name ??
    headlineAgency(headline) ??
    // An agency the table does not know, named in the dateline as printed (`SOFIA (Foo News) -`).
    printed?.dateline.agency ??
    null;
  const correction =
    allMarkers.some(isCorrectionMarker) ||
    [...(parsed.updateNotes ?? []), ...blocks.update_notes].some((note) => CORRECTION_NOTE.test(note)) ||
    correctionNote(tail.body[0]) ||
    correctionNote(tail.body[1]) ||
    correctionTrailer(tail.body[tail.body.length - 1]) ||
    tail.stripped.some(correctionTrailer);
  const digest = bodyDigest(headline, body);
  const story: Story = {
    id: storyId(headline, digest),
    headline,
    markers: allMarkers,
    // An agency's name alone is its credit, not a person's byline (`By The Associated Press`, `AFP`): it names the
    // agency above.
    byline: byline === null || (byline.title === null && agencyOf(byline.name) !== undefined) ? null : byline.name,
    dateline,
    body,
    source:
      tail.source ??
      (parsed.source ? { text: parsed.source, name: nameOf(parsed.source) ?? null } : null) ??
      // A story that no line signs but the agency's short copyright line under it (ANSA's `RIPRODUZIONE RISERVATA ©
      // Copyright ANSA`, `(c) Agencia EFE`): that line is its source line too. A rights notice (`... This material
      // may not be published ...`) is only the copyright.
      signedCopyright(tail.copyright),
    agency,
    // Markup's credit line that is an agency's name alone (dpa's `creditline` `dpa`, Europa Press' `CreditLine`), or
    // agencies' names joined (STT's `STT–AFP`, `STT–` with the partner left out), credits no one: it names the agency,
    // above.
    credits: tail.credits ?? (parsed.credits && !namesAgenciesOnly(parsed.credits) ? parsed.credits : null),
    copyright,
    stripped:
      parsed.stripped?.length || blocks.stripped.length > 0
        ? [...(parsed.stripped ?? []), ...blocks.stripped, ...tail.stripped]
        : tail.stripped,
    language:
      // A machine translation (STT's `*** TRANSLATED ***`) keeps the language its original declared.
      (allMarkers.includes('TRANSLATED') ? null : languageTag(parsed.language)) ??
      withHomeLanguage(languageOf(headline, tail.body, context), homeLanguage(agency)),
    published: inZone(parsed.published ?? fullDate(dateline?.date), agency, context.timezone),
    url: parsed.url ?? null,
    origin: context.origin,
    words: body === '' ? 0 : wordsOf(tidied, rest, tail),
    ingested_at: context.now,
    correction,
    fingerprint: { exact: digest.slice(0, 16), near: null },
  };
  addOptional(
    story,
    parsed,
    byline,
    blocks,
    tail.release || wire?.pressRelease === true || parsed.pressRelease === true,
  );
  // A line of its own that became the byline's title (`The Canadian Press` under `By Jane Doe`) is traced there, and
  // so is the end of a byline printed without a comma before its title (`Jane Roe` / `Associated Press Writer`).
  const traced = leadPieces.flatMap((piece) => (piece.field === 'byline' ? titleTraced(piece, byline?.title) : piece));
  return { story, paragraphs: tidied.paragraphs, pieces: { lead: traced, dateline: datelineAt, rest, tail } };
}

/** A byline's piece, with the part that became the byline's title traced to `byline_title`. */
function titleTraced(
  piece: LeadPiece,
  title: string | null | undefined,
): (LeadPiece | (Piece & { readonly field: 'byline_title' }))[] {
  if (!title || !piece.text.endsWith(title)) return [piece];
  const at = piece.text.length - title.length;
  const titled = { index: piece.index, from: piece.from + at, text: title, field: 'byline_title' as const };
  if (at === 0) return [titled];
  return [{ index: piece.index, from: piece.from, text: piece.text.slice(0, at), field: 'byline' }, titled];
}

function isUpdateNote(paragraph: string): boolean {
  return paragraph.charCodeAt(0) === 40 /* ( */ && leadShape(paragraph) === 'update_notes';
}

/** A correction note opening the body: `(Corrects ...)`; it opens with a bracket, which rules most paragraphs out. */
function correctionNote(paragraph: string | undefined): boolean {
  return paragraph?.charCodeAt(0) === 40 && CORRECTION_NOTE.test(paragraph);
}

// A correction printed as the story's last paragraph, which stays in the body: AP's `This story has been corrected to
// show ...`, `(This Nov. 27 story has been corrected ...)`, `CORRECTION: An earlier version of this story ...`, and
// the labels in the agencies' other languages (`Berichtigung:`, `Rectificatif :`, `Corrección:`, `Rettifica:`).
const CORRECTION_TRAILER =
  /^\(?This (?:[^()]{0,40} )?(?:story|article|report) (?:has been|was) (?:corrected|updated to correct)|^(?:An earlier version of this (?:story|article))|^(?:CORRECTION|Correction|Berichtigung|Korrektur|Rectificatif|RECTIFICATIF|Corrección|Correção|Rettifica|Korjaus|Sprostowanie|Rättad version|Rettet versjon|Korrigeret version|Korjattu versio)\s*:/;

function correctionTrailer(paragraph: string | undefined): boolean {
  return paragraph !== undefined && paragraph.length <= 400 && CORRECTION_TRAILER.test(paragraph);
}

/**
 * The body's word count, `countWords(body)`, from the spaces tidy counted in each paragraph: a body paragraph of n
 * spaces has n + 1 words (tidy text has single spaces, none at its ends). The pieces the tail kept are those it marks
 * `body`; a piece the dateline was cut from, and a paragraph a sign-off was cut from, lose the spaces of the part cut.
 */
function wordsOf(tidy: TidyParagraphs, rest: readonly Piece[], tail: Tail): number {
  let words = 0;
  rest.forEach((piece, i) => {
    if (tail.fields[i] !== 'body') return;
    const whole = tidy.spaces[piece.index] ?? 0;
    // A piece is its paragraph from `from` on (the dateline's rest); its spaces are the paragraph's but those before.
    const cut = piece.from === 0 ? 0 : countSpaces(tidy.paragraphs[piece.index] ?? '', 0, piece.from);
    const runIn = tail.cuts.find((cut) => cut.index === i);
    const glued = runIn ? countSpaces(piece.text, runIn.at, piece.text.length) : 0;
    words += whole - cut - glued + 1;
  });
  return words;
}

type Blocks = Record<'ednote' | 'update_notes' | 'summary' | 'subheadline' | 'stripped', string[]> & {
  byline: Byline | null;
};

/** A note without the rules that frame it (APA's `-----` / `KORREKTUR-HINWEIS` / ... / `-----`). */
function withoutRules(text: string): string {
  return text.replace(/^[-=_*]{5,}\s*|\s*[-=_*]{5,}$/g, '');
}

/** The lead blocks' text by field. */
function leadBlocks(pieces: readonly LeadPiece[]): Blocks {
  const blocks: Blocks = { ednote: [], update_notes: [], summary: [], subheadline: [], stripped: [], byline: null };
  const bylines: string[] = [];
  for (const { field, text } of pieces) {
    if (field === 'byline') bylines.push(text);
    else if (field === 'ednote') blocks.ednote.push(ednoteText(text));
    else if (field === 'summary') blocks.summary.push(bulletText(text));
    else if (field === 'update_notes') blocks.update_notes.push(withoutRules(text));
    else blocks[field].push(text);
  }
  if (bylines.length > 0) blocks.byline = splitRawByline(bylines.join(', '));
  return blocks;
}

/** The detected language, or null; tells the context when the detector must be loaded first. */
function languageOf(headline: string, body: readonly string[], context: NormalizeContext): string | null {
  if (context.detectLanguage === false) return null;
  const detected = detectLanguage(headline, body);
  if (detected !== LANGUAGE_PENDING) return detected;
  context.onLanguagePending?.();
  return null;
}

/**
 * The byline the reader took off, with the agency's name printed on a line under it (CP: `By Jane Doe` / `The
 * Canadian Press`) as its title (once, when the reader's has it already), and the names of further bylines in the
 * lead (`By JOHN ROE` under `By JANE DOE` / `Associated Press`) joined to it.
 */
function bylineOf(given: string | null | undefined, lead: readonly LeadPiece[]): Byline | null {
  if (!given) return null;
  const pieces = lead.filter((piece) => piece.field === 'byline');
  const under = pieces.filter((piece) => agencyOf(piece.text) !== undefined);
  const first = splitRawByline(
    [given, ...under.filter((piece) => !given.includes(piece.text.trim())).map((piece) => piece.text)].join(', '),
  );
  const more = pieces.filter((piece) => opensByline(piece.text)).map((piece) => splitRawByline(piece.text));
  return first === null || more.length === 0
    ? first
    : joinBylines(
        first,
        more.filter((b) => b !== null),
      );
}

function splitRawByline(raw: string | null | undefined): Byline | null {
  const text = raw ? tidy(raw) : '';
  return text === '' ? null : splitByline(text);
}

/**
 * Adds the record's fields that only some stories have (absent rather than null when a story has none), after the
 * others, in this order. Added in place: a spread of them into the record's literal took V8's slow path (Node 20), on
 * every story.
 */
function addOptional(story: Story, parsed: ParsedStory, byline: Byline | null, blocks: Blocks, release: boolean): void {
  const extra = story as { -readonly [K in keyof Story]?: Story[K] };
  if (byline?.title) extra.byline_title = byline.title;
  if (parsed.canonicalUrl != null) extra.canonical_url = parsed.canonicalUrl;
  if (parsed.siteName != null) extra.site_name = parsed.siteName;
  const ednote = [parsed.ednote, ...blocks.ednote].filter((note) => note != null && note !== '');
  if (ednote.length > 0) extra.ednote = ednote.join('\n\n');
  const updateNotes = [...(parsed.updateNotes ?? []), ...blocks.update_notes];
  if (updateNotes.length > 0) extra.update_notes = updateNotes;
  if (blocks.summary.length > 0) extra.summary = blocks.summary;
  const subheadlines = parsed.subheadline ? [parsed.subheadline, ...blocks.subheadline] : blocks.subheadline;
  if (subheadlines.length > 0) extra.subheadline = subheadlines.join(' ');
  if (release) extra.press_release = true;
  if (parsed.description != null) extra.description = withoutTranslatedMark(parsed.description);
  if (parsed.slugline != null) extra.slugline = parsed.slugline;
  if (parsed.urgency != null) extra.urgency = parsed.urgency;
  if (parsed.envelope != null) extra.envelope = parsed.envelope;
  if (parsed.altids !== undefined) extra.altids = parsed.altids;
}

/** Whether a printed dateline is the given one with more after it (letters and digits compared, case aside). */
function extendsGiven(printed: string, given: string): boolean {
  const key = (text: string): string =>
    text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  const [long, short] = [key(printed), key(given)];
  return short !== '' && long.length > short.length && long.startsWith(`${short} `);
}

/** A dateline given by markup (`SEOUL, Nov. 27`) parsed as if it opened a paragraph. */
function datelineFromMarkup(text: string, reference: string | null): Dateline | null {
  const printed = tidy(text);
  if (printed === '') return null;
  const match: DatelineMatch | null = parseDateline(`${printed.replace(/\s*[-–—_]+$/, '')} - X`, reference);
  const found = match?.dateline;
  if (found) return { text: printed, location: found.location, date: found.date, agency: found.agency };
  // The place and the agency's name in brackets after it, in a script the grammar does not read: AFP's Arabic
  // `مراكش (المغرب) (أ ف ب)`.
  const bracketed = /^(.*?)\s*\(([^()]{1,30})\)$/.exec(printed);
  if (bracketed?.[2] !== undefined && isKnownAgency(bracketed[2]))
    return { text: printed, location: bracketed[1] || null, date: null, agency: bracketed[2] };
  // A time stamp where the place would be (STT Info: `3.6.2024 10:00:01 EEST`) names no place.
  const stamp = /\d/.test(printed) && !/\p{L}{2}/u.test(printed.replace(/\b[A-Z]{2,5}\b/g, ''));
  // Belga's is the date alone, its figures run together: `20200616`; STT Info's opens with the day, month and year.
  const compact = COMPACT_DATE.exec(printed);
  const dotted = compact ? null : DOTTED_DATE.exec(printed);
  const date = compact
    ? isoDate(Number(compact[2]), Number(compact[3]), Number(compact[1]), null)
    : dotted
      ? isoDate(Number(dotted[2]), Number(dotted[1]), Number(dotted[3]), null)
      : null;
  if (stamp) return { text: printed, location: null, date, agency: null };
  return { text: printed, location: printed, date: null, agency: null };
}

const COMPACT_DATE = /^((?:19|20)\d\d)(\d\d)(\d\d)$/;
const DOTTED_DATE = /^(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)\b/;

const SIGNED_COPYRIGHT_MAX = 80;
/** The copyright line under the story as its source line, when it is short and names the agency (see above). */
function signedCopyright(line: string | null): SourceLine | null {
  if (line === null || line.length > SIGNED_COPYRIGHT_MAX) return null;
  const holder = copyrightHolder(line);
  return holder === undefined ? null : { text: line, name: holder.name };
}

/** True for a credit line of agencies' names alone, joined by dashes or slashes (`dpa`, `STT–AFP`, `STT–`). */
function namesAgenciesOnly(credit: string): boolean {
  if (agencyOf(credit) !== undefined) return true;
  const parts = credit.split(/\s*[–—/-]\s*/).filter((part) => part !== '');
  return parts.length > 0 && parts.length <= 4 && parts.every((part) => agencyOf(part) !== undefined);
}

// What a copyright line prints before its holder: the word, the sign, a year, ANSA's `RIPRODUZIONE RISERVATA`.
const COPYRIGHT_OPENING = /^(?:RIPRODUZIONE RISERVATA|Copyright|\(c\)|©|\s|\d{4}|[-–,])+/i;

/**
 * The agency a copyright line names as its holder (`© AAP 2024`, `Copyright 2024 The Associated Press.`, a slash
 * for a space: `© 2022 Thomson/Reuters.`).
 */
function copyrightHolder(line: string): Agency | undefined {
  return agencyAtStart(line.replace(COPYRIGHT_OPENING, '').replace('/', ' '));
}

// An agency's name in brackets closing the headline, as papers' sites mark agency copy: `Court hears case (AAP)`.
const HEADLINE_AGENCY = /\s\(([^()]{2,40})\)$/;

/** The agency the headline's closing bracket names (`... (AAP)`), when the table knows it. */
function headlineAgency(headline: string): string | undefined {
  const bracketed = headline.endsWith(')') ? HEADLINE_AGENCY.exec(headline)?.[1] : undefined;
  return bracketed === undefined ? undefined : creditedAgency(bracketed)?.name;
}

function homeLanguage(agency: string | null): string | undefined {
  return agency === null ? undefined : creditedAgency(agency)?.language;
}

/**
 * The canonical agency a name gives: as printed (`Reuter`), or canonical already, as a source line's name is when the
 * table knows it (`Source: Trend News Agency` → `Trend`, which no copy prints alone).
 */
function nameOf(name: string | null | undefined): string | undefined {
  return name ? (creditedAgency(name) ?? agencyNamed(name))?.name : undefined;
}

function fullDate(date: string | null | undefined): string | null {
  return date?.length === 10 && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null;
}

/**
 * The SHA-256 of the normalized body, hex: the exact fingerprint, and the basis of the id. A story without a body (a
 * title-only brief) is hashed by its headline instead, so that distinct briefs never collide.
 */
export function bodyDigest(headline: string, body: string): string {
  return hash('sha256', body === '' ? `headline\n${headline}` : body, 'hex');
}

/**
 * The record id: a hash of the clean headline and the body's digest (so the body is hashed once), giving the same id
 * for the same story text on every run and machine.
 */
export function storyId(headline: string, digest: string): string {
  return hash('sha256', `${headline}\n${digest}`, 'hex').slice(0, 24);
}
