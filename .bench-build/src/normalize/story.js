import { createHash } from 'node:crypto';
import { canonicalAgency } from './agencies.js';
import { parseDateline } from './dateline.js';
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
export function normalizeStory(parsed, context) {
    const { headline, markers } = cleanHeadline(parsed.headline ?? '');
    const allMarkers = [...(parsed.markers ?? []), ...markers];
    const reference = parsed.referenceDate ?? context.referenceDate;
    const paragraphs = parsed.paragraphs.map(tidy).filter((p) => p.length > 0);
    const found = findDateline(paragraphs, parsed.dateline ?? null, reference);
    const tail = takeTail(found.paragraphs);
    const body = tail.body.join('\n\n');
    const dateline = found.dateline;
    const agency = canonicalAgencyOf(dateline?.agency) ??
        canonicalAgencyOf(tail.source?.name) ??
        canonicalAgencyOf(parsed.agency) ??
        tail.implied;
    const correction = allMarkers.some(isCorrectionMarker) || tail.body.slice(0, 2).some((p) => CORRECTION_NOTE.test(p));
    return {
        id: storyId(headline, body),
        headline,
        markers: allMarkers,
        byline: parsed.byline ? tidy(parsed.byline) : null,
        dateline,
        body,
        source: tail.source ?? (parsed.source ? { text: parsed.source, name: canonicalAgencyOf(parsed.source) } : null),
        agency,
        credits: tail.credits ?? parsed.credits ?? null,
        copyright: tail.copyright ?? parsed.copyright ?? null,
        stripped: tail.stripped,
        language: parsed.language ?? null,
        published: parsed.published ?? fullDate(dateline?.date),
        url: parsed.url ?? null,
        origin: context.origin,
        words: countWords(body),
        ingested_at: context.now,
        correction,
        ...optional(parsed),
    };
}
/** The record's fields that only some formats give; absent rather than null when a format knows nothing of them. */
function optional(parsed) {
    const extra = {};
    if (parsed.canonicalUrl != null)
        extra.canonical_url = parsed.canonicalUrl;
    if (parsed.ednote != null)
        extra.ednote = parsed.ednote;
    if (parsed.slugline != null)
        extra.slugline = parsed.slugline;
    if (parsed.urgency != null)
        extra.urgency = parsed.urgency;
    if (parsed.envelope != null)
        extra.envelope = parsed.envelope;
    if (parsed.altids !== undefined)
        extra.altids = parsed.altids;
    return extra;
}
function findDateline(paragraphs, markup, reference) {
    // The dateline opens the first paragraph, or the second when the first is an editor's note.
    const at = paragraphs.length > 1 && OPENING_NOTE.test(paragraphs[0] ?? '') ? 1 : 0;
    const printed = paragraphs[at] === undefined ? null : parseDateline(paragraphs[at], reference);
    const given = markup === null ? null : datelineFromMarkup(markup, reference);
    if (printed === null)
        return { dateline: given, paragraphs };
    const rest = [...paragraphs];
    if (printed.rest === '')
        rest.splice(at, 1);
    else
        rest[at] = printed.rest;
    return { dateline: given ?? printed.dateline, paragraphs: rest };
}
/** A dateline given by markup (`SEOUL, Nov. 27`) parsed as if it opened a paragraph. */
function datelineFromMarkup(text, reference) {
    const printed = tidy(text);
    if (printed === '')
        return null;
    const match = parseDateline(`${printed.replace(/\s*[-–—_]+$/, '')} - X`, reference);
    return match ? { ...match.dateline, text: printed } : { text: printed, location: printed, date: null, agency: null };
}
function canonicalAgencyOf(name) {
    return name ? (canonicalAgency(name) ?? null) : null;
}
function fullDate(date) {
    return date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null;
}
/** The record id: a hash of the clean headline and body, so the same story text gets the same id anywhere. */
export function storyId(headline, body) {
    return createHash('sha256').update(headline).update('\n').update(body).digest('hex').slice(0, 24);
}
