import { hash } from 'node:crypto';
import type { Dateline, NormalizeContext, ParsedStory, Story } from '../types.js';
import { canonicalAgency } from './agencies.js';
import { parseDateline, type DatelineMatch } from './dateline.js';
import { cleanHeadline, isCorrectionMarker } from './headline.js';
import { takeTail } from './tail.js';
import { countWords, tidy } from './text.js';

// Editors' notes that open Reuters copy: `(Adds details in paragraph 3)`, `(Corrects spelling of name)`.
const OPENING_NOTE = /^\((?:Adds|Updates|Corrects|Recasts|Refiles|Repeats|Changes|Removes|Fixes|This )[^)]*\)$/;
const CORRECTION_NOTE = /^\((?:Corrects\b|This [^)]*\b(?:corrected|correction)\b)/i;

/**
 * Turns what a format parser found into the output record: headline markers, dateline, sign-off, credits, copyright
 * and trailers each moved into their field. Pure: the clock and reference date come in through `context`.
 */
export function normalizeStory(parsed: ParsedStory, context: NormalizeContext): Story {
  const { headline, markers } = cleanHeadline(parsed.headline ?? '');
  const allMarkers = [...(parsed.markers ?? []), ...markers];
  const reference = parsed.referenceDate ?? context.referenceDate;
  const paragraphs = parsed.paragraphs.map(tidy).filter((p) => p.length > 0);
  const found = findDateline(paragraphs, parsed.dateline ?? null, reference);
  const tail = takeTail(found.paragraphs);
  const body = tail.body.join('\n\n');
  const dateline = found.dateline;
  const agency =
    canonicalAgencyOf(dateline?.agency) ??
    canonicalAgencyOf(found.printedAgency) ??
    canonicalAgencyOf(tail.source?.name) ??
    canonicalAgencyOf(parsed.agency) ??
    tail.implied;
  const correction = allMarkers.some(isCorrectionMarker) || tail.body.slice(0, 2).some((p) => CORRECTION_NOTE.test(p));
  const digest = bodyDigest(headline, body);
  return {
    id: storyId(headline, digest),
    headline,
    markers: allMarkers,
    byline: parsed.byline ? tidy(parsed.byline) : null,
    dateline,
    body,
    source: tail.source ?? (parsed.source ? { text: parsed.source, name: canonicalAgencyOf(parsed.source) } : null),
    agency,
    credits: tail.credits ?? parsed.credits ?? null,
    copyright: tail.copyright ?? parsed.copyright ?? null,
    stripped: parsed.stripped?.length ? [...parsed.stripped, ...tail.stripped] : tail.stripped,
    language: parsed.language ?? null,
    published: parsed.published ?? fullDate(dateline?.date),
    url: parsed.url ?? null,
    origin: context.origin,
    words: countWords(body),
    ingested_at: context.now,
    correction,
    fingerprint: { exact: digest.slice(0, 16), near: null },
    ...optional(parsed),
  };
}

/** The record's fields that only some formats give; absent rather than null when a format knows nothing of them. */
function optional(parsed: ParsedStory): Partial<Story> {
  const extra: { -readonly [K in keyof Story]?: Story[K] } = {};
  if (parsed.canonicalUrl != null) extra.canonical_url = parsed.canonicalUrl;
  if (parsed.siteName != null) extra.site_name = parsed.siteName;
  if (parsed.ednote != null) extra.ednote = parsed.ednote;
  if (parsed.description != null) extra.description = parsed.description;
  if (parsed.slugline != null) extra.slugline = parsed.slugline;
  if (parsed.urgency != null) extra.urgency = parsed.urgency;
  if (parsed.envelope != null) extra.envelope = parsed.envelope;
  if (parsed.altids !== undefined) extra.altids = parsed.altids;
  return extra;
}

interface FoundDateline {
  readonly dateline: Dateline | null;
  readonly paragraphs: readonly string[];
  /** The printed dateline's agency when markup gave the dateline (`<dateline>CHICAGO</dateline>`, `(Reuters)`). */
  readonly printedAgency?: string | null;
}

function findDateline(paragraphs: readonly string[], markup: string | null, reference: string | null): FoundDateline {
  // The dateline opens the first paragraph, or the second when the first is an editor's note.
  const at = paragraphs.length > 1 && OPENING_NOTE.test(paragraphs[0] ?? '') ? 1 : 0;
  const printed = paragraphs[at] === undefined ? null : parseDateline(paragraphs[at], reference);
  const given = markup === null ? null : datelineFromMarkup(markup, reference);
  if (printed === null) return { dateline: given, paragraphs };
  const rest = [...paragraphs];
  if (printed.rest === '') rest.splice(at, 1);
  else rest[at] = printed.rest;
  return { dateline: given ?? printed.dateline, paragraphs: rest, printedAgency: printed.dateline.agency };
}

/** A dateline given by markup (`SEOUL, Nov. 27`) parsed as if it opened a paragraph. */
function datelineFromMarkup(text: string, reference: string | null): Dateline | null {
  const printed = tidy(text);
  if (printed === '') return null;
  const match: DatelineMatch | null = parseDateline(`${printed.replace(/\s*[-–—_]+$/, '')} - X`, reference);
  return match ? { ...match.dateline, text: printed } : { text: printed, location: printed, date: null, agency: null };
}

function canonicalAgencyOf(name: string | null | undefined): string | null {
  return name ? (canonicalAgency(name) ?? null) : null;
}

function fullDate(date: string | null | undefined): string | null {
  return date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null;
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
