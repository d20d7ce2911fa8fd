import type { Envelope, ParsedStory } from '../types.js';
import { datePart, isoStamp } from './dates.js';
import { itemStories, type Format, type ParseResult } from './format.js';
import { asObject, asText, jsonBoundary, readJson } from './json-value.js';
import { buildParagraphs } from './plain.js';
import { htmlParagraphs } from './xml-body.js';

/**
 * AP Media API JSON: a feed (`data.items[].item`) or one item (`data.item`), one record per item. The text is the
 * item's own when the document carries it (a `text`/`body` rendition inline, or the NITF rendition's `body_html`
 * kept beside a single item); otherwise the record holds what the
 * item says of itself (headline, summary or caption) and the rendition's address in `envelope.rendition`, since a
 * reader never fetches.
 */
export const apmedia: Format = { name: 'apmedia', boundary: jsonBoundary, parse: parseApMedia };

function parseApMedia(text: string, line: number): ParseResult {
  const read = readJson(text, line);
  if (read.diagnostic) return { stories: [], diagnostics: [read.diagnostic] };
  const root = asObject(read.value);
  const data = asObject(root?.['data']);
  const items = data === null ? [] : itemsOf(data);
  // A desk that fetched one item's NITF rendition may keep it beside the item: `{"data": {"item": ...}, "nitf":
  // {"body_html": "<p>..."}}` (the Canadian Press's ingest does).
  const stored = items.length === 1 ? asText(asObject(root?.['nitf'])?.['body_html']) : null;
  const none = {
    code: 'not-ap-media',
    message: 'an AP Media API document without items (no data.item, no data.items)',
  };
  return itemStories(items, (item) => readItem(item, stored), line, none);
}

function itemsOf(data: Record<string, unknown>): Record<string, unknown>[] {
  const one = asObject(data['item']);
  if (one !== null) return [one];
  const list = Array.isArray(data['items']) ? data['items'] : [];
  return list.map((entry) => asObject(asObject(entry)?.['item']) ?? asObject(entry)).filter((i) => i !== null);
}

function readItem(item: Record<string, unknown>, stored: string | null): ParsedStory | null {
  const headline = asText(item['headline']) ?? asText(item['title']);
  const summary = asText(item['description_summary']) ?? asText(item['description_caption']);
  const paragraphs =
    inlineText(item) ?? (stored === null ? null : htmlParagraphs(stored)) ?? (summary === null ? [] : [summary]);
  if (headline === null && paragraphs.length === 0) return null;
  const published = isoStamp(asText(item['versioncreated'])) ?? isoStamp(asText(item['firstcreated']));
  const urgency = typeof item['urgency'] === 'number' ? item['urgency'] : null;
  const altids = asObject(item['altids']) ?? {};
  const place = asObject(item['datelinelocation']);
  return {
    headline,
    byline: bylinesOf(item['bylines']),
    paragraphs,
    description: asText(item['headline_extended']),
    published,
    referenceDate: datePart(published),
    language: asText(item['language']),
    urgency: urgency !== null && Number.isInteger(urgency) && urgency >= 1 && urgency <= 9 ? urgency : null,
    // The slug without its cycle prefix (`BC-BBN--Top Ten` → `BBN--Top Ten`), as for ANPA headers.
    slugline: asText(item['slugline'])?.replace(/^(?:AM|PM|BC)-(?=\S)/, '') ?? null,
    ednote: asText(item['ednote']),
    copyright: asText(item['copyrightnotice']),
    credits: asText(item['description_creditline']),
    agency: asText(item['provider']),
    altids: Object.fromEntries(
      [['uri', item['uri']], ...Object.entries(altids)]
        .map(([role, value]) => [role, typeof value === 'number' ? String(value) : asText(value)])
        .filter((entry): entry is [string, string] => entry[1] !== null),
    ),
    envelope: envelopeOf(item, place),
  };
}

/** Text the document itself carries: a rendition with its text inline, or `body_html`/`text`. */
function inlineText(item: Record<string, unknown>): string[] | null {
  const html = asText(item['body_html']);
  if (html !== null) return htmlParagraphs(html);
  const text = asText(item['text']) ?? asText(item['body']);
  if (text !== null) return buildParagraphs(text.split(/\r?\n/), 0);
  for (const rendition of Object.values(asObject(item['renditions']) ?? {})) {
    const value = asText(asObject(rendition)?.['value']) ?? asText(asObject(rendition)?.['text']);
    if (value !== null) return /^\s*</.test(value) ? htmlParagraphs(value) : buildParagraphs(value.split(/\r?\n/), 0);
  }
  return null;
}

/**
 * The bylines' names, joined; a lone byline with its title as NITF prints them (`MARK KENNEDY, AP Entertainment
 * Writer`), which the normalizer splits into `byline` and `byline_title`.
 */
function bylinesOf(list: unknown): string | null {
  const entries: unknown[] = Array.isArray(list) ? list : [];
  const names = entries.map((b) => asText(asObject(b)?.['by']) ?? asText(b)).filter((b) => b !== null);
  if (names.length === 0) return null;
  const title = names.length === 1 ? asText(asObject(entries[0])?.['title']) : null;
  return title === null ? names.join(', ') : `${names[0]}, ${title}`;
}

function envelopeOf(item: Record<string, unknown>, place: Record<string, unknown> | null): Envelope {
  const renditions = asObject(item['renditions']) ?? {};
  const text = asObject(renditions['nitf']) ?? asObject(renditions['anpa']);
  const fields: Record<string, string | number | null> = {
    type: asText(item['type']),
    version: typeof item['version'] === 'number' ? String(item['version']) : asText(item['version']),
    pubstatus: asText(item['pubstatus']),
    firstcreated: isoStamp(asText(item['firstcreated'])),
    versioncreated: isoStamp(asText(item['versioncreated'])),
    priority: asText(item['editorialpriority']),
    slug: asText(item['slugline']),
    located: asText(place?.['city']),
    words: typeof text?.['words'] === 'number' ? text['words'] : null,
    rendition: asText(text?.['href']),
  };
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(fields)) if (value !== null) out[key] = value;
  return out;
}
