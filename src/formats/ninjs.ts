import { agencyOf } from '../normalize/agencies.js';
import type { Envelope, ParsedStory, Story } from '../types.js';
import { datePart, isoStamp } from './dates.js';
import { readEdNotes } from './ed-notes.js';
import { itemStories, type Format, type ParseResult } from './format.js';
import { asObject, asText, jsonBoundary, readJson } from './json-value.js';
import { buildParagraphs } from './plain.js';
import { wireRecordOf } from './wire-record.js';
import { htmlParagraphs, withoutHeadline } from './xml-body.js';

/**
 * ninjs (IPTC's News in JSON) as input: 1.x (`headline`, `body_text`/`body_html`/`body_xhtml`, `byline`), 2.x
 * (`headlines[]`, `bodies[]`, `by`) and 3.x (the same in camelCase: `versionCreated`, `contentType`, `altIds`), one
 * document, an array of them, JSON lines, or a list under `items` as search APIs hand them out; and dpa's
 * digitalwires, ninjs-like (`article_html`, `dateline`, `teaser`, `version_created`). A ninjs line wire wrote itself
 * (`--output-format ninjs`) comes back as the record it was.
 */
export const ninjs: Format = { name: 'ninjs', boundary: jsonBoundary, parse: parseNinjs };

// Where APIs put a list of items: `{"total": 1, "item": [...]}`, Superdesk's content API `{"_items": [...]}`.
const LIST_KEYS = ['item', 'items', '_items', 'results', 'data', 'hits'];

function parseNinjs(text: string, line: number): ParseResult {
  const read = readJson(text, line);
  if (read.diagnostic) return { stories: [], diagnostics: [read.diagnostic] };
  return itemStories(itemsOf(read.value), readItem, line, { code: 'not-ninjs', message: 'no ninjs item in this JSON' });
}

function itemsOf(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.map(asObject).filter((o) => o !== null);
  const object = asObject(value);
  if (object === null) return [];
  const list = LIST_KEYS.map((k) => object[k]).find(Array.isArray);
  if (list !== undefined && asText(object['headline']) === null && object['headlines'] === undefined) {
    return list.map(asObject).filter((o) => o !== null);
  }
  return [object];
}

function readItem(given: Record<string, unknown>): ParsedStory | null {
  const own = ownRecord(given);
  if (own) return { headline: own.headline, paragraphs: own.body.split('\n\n'), record: own };
  const item = lowerKeys(given);
  const headline = asText(item['headline']) ?? textWithRole(item['headlines'], 'main');
  // An HTML body may open with the headline again (TT's `body_html5` is a whole document with its `<h1>`).
  const paragraphs = withoutHeadline(bodyOf(item), headline);
  if (headline === null && paragraphs.length === 0) return null;
  const published =
    stamp(item['versioncreated']) ??
    stamp(item['version_created']) ??
    stamp(item['firstpublished']) ??
    stamp(item['firstcreated']) ??
    stamp(item['contentcreated']) ??
    null;
  // NTB puts its own name where a byline goes (`"by": "NTB"`): that names the agency, not a writer.
  const by = asText(item['byline']) ?? asText(item['by']);
  const byAgency = by !== null && agencyOf(by) !== undefined;
  const notes = readEdNotes(
    (Array.isArray(item['ednotes']) ? item['ednotes'] : []).map((entry) => {
      const note = asObject(entry);
      return {
        role: asText(note?.['role']) ?? '',
        text: asText(note?.['ednote']),
        hidden: note?.['is_publishable'] === false,
      };
    }),
  );
  const givenUrgency = item['urgency'];
  const urgency =
    typeof givenUrgency === 'number' ? givenUrgency : typeof givenUrgency === 'string' ? Number(givenUrgency) : NaN;
  return {
    headline,
    byline: byAgency ? null : by,
    paragraphs,
    description:
      asText(item['description_text']) ??
      textWithRole(item['descriptions'], 'summary') ??
      joined(asText(item['description_html'])) ??
      asText(item['teaser']),
    // digitalwires gives the dateline apart: `Berlin (dpa) - `.
    dateline: asText(item['dateline'])?.trim() || null,
    published,
    referenceDate: datePart(published),
    language: asText(item['language']),
    urgency: Number.isInteger(urgency) && urgency >= 1 && urgency <= 9 ? urgency : null,
    slugline: asText(item['slugline']),
    // digitalwires sends its notes as a list with dpa's roles, its sign-off among them (`closingline`).
    ednote: asText(item['ednote']) ?? notes.ednote,
    ...(notes.updateNotes.length > 0 ? { updateNotes: notes.updateNotes } : {}),
    ...(notes.stripped.length > 0 ? { stripped: notes.stripped } : {}),
    source: notes.closing,
    copyright: asText(item['copyrightnotice']),
    agency:
      asText(item['source']) ??
      (byAgency ? by : null) ??
      nameOf(item['infosources']) ??
      asText(item['creditline']) ??
      asText(item['copyrightholder']),
    altids: altidsOf(item),
    envelope: envelopeOf(item),
  };
}

/**
 * The body: `bodies[]` (the main role, else one in HTML, whose paragraphs are marked, else the first), `body_html`
 * (or TT's `body_html5`, 1.x's `body_xhtml`, digitalwires' `article_html`), else `body_text`.
 */
function bodyOf(item: Record<string, unknown>): string[] {
  const bodies = Array.isArray(item['bodies']) ? item['bodies'].map(asObject).filter((b) => b !== null) : [];
  // Marked paragraphs first: HTML, then NITF (`text/vnd.IPTC.NITF`, read from its body.content), then plain text.
  const main =
    bodies.find((b) => /main/.test(asText(b['role']) ?? '')) ??
    bodies.find((b) => /html/.test(asText(b['contenttype']) ?? '')) ??
    bodies.find((b) => /nitf/i.test(asText(b['contenttype']) ?? '')) ??
    bodies.find((b) => /^text\/plain/.test(asText(b['contenttype']) ?? '') || asText(b['role']) === 'text') ??
    bodies[0];
  if (main) {
    const value = asText(main['value']) ?? '';
    const type = asText(main['contenttype']) ?? '';
    if (/nitf/i.test(type)) return htmlParagraphs(nitfContent(value));
    return /html/.test(type) ? htmlParagraphs(value) : textParagraphs(value);
  }
  // TT sends an HTML5 document as `body_html5`.
  const html =
    asText(item['body_html']) ??
    asText(item['body_html5']) ??
    asText(item['body_xhtml']) ??
    asText(item['article_html']);
  if (html !== null) return htmlParagraphs(html);
  return textParagraphs(asText(item['body_text']) ?? '');
}

/**
 * The item with its keys in lower case, and those of the objects in its lists (`bodies`, `altIds`, `infoSources`):
 * ninjs 3.x writes in camelCase what 1.x and 2.x write in lower case (`versionCreated`, `contentType`).
 */
function lowerKeys(item: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item)) {
    const lower = key.toLowerCase();
    if (lower in out && lower !== key) continue;
    out[lower] = Array.isArray(value) ? value.map((entry) => lowerEntry(entry)) : value;
  }
  return out;
}

function lowerEntry(entry: unknown): unknown {
  const object = asObject(entry);
  if (object === null) return entry;
  return Object.fromEntries(Object.entries(object).map(([key, value]) => [key.toLowerCase(), value]));
}

/** The `<body.content>` of a NITF document given as text (its head and metadata left out), or the text itself. */
function nitfContent(nitf: string): string {
  const start = nitf.indexOf('<body.content');
  const end = nitf.lastIndexOf('</body.content>');
  return start === -1 || end === -1 ? nitf.replace(/<\?xml[^>]*>/, '') : nitf.slice(nitf.indexOf('>', start) + 1, end);
}

/** Plain text's paragraphs; text that is markup after all (PA sends tables as HTML in `body_text`) is read as HTML. */
function textParagraphs(text: string): string[] {
  if (text === '') return [];
  if (MARKUP.test(text)) return htmlParagraphs(text);
  return buildParagraphs(text.split(/\r?\n/), 0);
}
// Text that opens with a block element and closes it.
const MARKUP = /^\s*<(p|div|table|h[1-6]|ul|ol|section|article)\b[^>]*>[^]*<\/\1>/i;

function joined(html: string | null): string | null {
  return html === null ? null : htmlParagraphs(html).join(' ') || null;
}

/** The value of the entry with a role (`main`, `summary`), else of the first: ninjs 2.x `headlines`, `descriptions`. */
function textWithRole(list: unknown, role: string): string | null {
  const entries = Array.isArray(list) ? list.map(asObject).filter((e) => e !== null) : [];
  const chosen = entries.find((e) => (asText(e['role']) ?? '').endsWith(role)) ?? entries[0];
  const value = asText(chosen?.['value']);
  return value !== null && /html/.test(asText(chosen?.['contenttype']) ?? '') ? joined(value) : value;
}

function nameOf(list: unknown): string | null {
  return Array.isArray(list) ? asText(asObject(list[0])?.['name']) : null;
}

function stamp(value: unknown): string | null {
  return isoStamp(asText(value));
}

/** `uri`, `guid` (digitalwires: `urn`) and the `altids` (a 1.x object, a 2.x list of `{role, value}`). */
function altidsOf(item: Record<string, unknown>): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const key of ['uri', 'guid', 'urn']) {
    const value = asText(item[key]) ?? (typeof item[key] === 'number' ? String(item[key]) : null);
    if (value !== null) ids[key] = value;
  }
  const altids = item['altids'];
  if (Array.isArray(altids)) {
    for (const entry of altids.map(asObject)) {
      const role = asText(entry?.['role']);
      const value = asText(entry?.['value']);
      if (role !== null && value !== null) ids[role] = value;
    }
  } else {
    for (const [role, value] of Object.entries(asObject(altids) ?? {})) if (asText(value)) ids[role] = String(value);
  }
  return ids;
}

function envelopeOf(item: Record<string, unknown>): Envelope {
  // Superdesk's ninjs names its ANPA category `service` (`[{"code": "m", "name": "Advisory"}]`).
  const services = Array.isArray(item['service']) ? item['service'].map(asObject) : [];
  const fields: Record<string, string | number | null> = {
    type: asText(item['type']),
    version: asText(item['version']) ?? (typeof item['version'] === 'number' ? String(item['version']) : null),
    pubstatus: asText(item['pubstatus']),
    firstcreated: stamp(item['firstcreated']),
    versioncreated: stamp(item['versioncreated']) ?? stamp(item['version_created']),
    embargoed: stamp(item['embargoed']) ?? stamp(item['embargoeduntil']),
    priority: typeof item['priority'] === 'number' ? item['priority'] : null,
    category: services.length === 1 ? asText(services[0]?.['code']) : null,
    profile: asText(item['profile']),
  };
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(fields)) if (value !== null) out[key] = value;
  return out;
}

/**
 * A ninjs line wire wrote (`urn:wire:` uri, the `wire` extension) as the record it was: the extension holds every
 * field ninjs has no property for, the ninjs properties the rest.
 */
function ownRecord(item: Record<string, unknown>): Story | null {
  const extension = asObject(item['wire']);
  if (extension === null || !(asText(item['uri']) ?? '').startsWith('urn:wire:')) return null;
  const body = asObject(Array.isArray(item['bodies']) ? item['bodies'][0] : null);
  const description = asObject(Array.isArray(item['descriptions']) ? item['descriptions'][0] : null);
  const altids = Array.isArray(item['altids']) ? item['altids'].map(asObject) : [];
  const optional = (key: string, value: unknown): Record<string, unknown> =>
    value === undefined ? {} : { [key]: value };
  return wireRecordOf({
    ...extension,
    headline: asText(asObject(Array.isArray(item['headlines']) ? item['headlines'][0] : null)?.['value']) ?? '',
    byline: item['by'] ?? null,
    body: typeof body?.['value'] === 'string' ? body['value'] : '',
    copyright: item['copyrightnotice'] ?? null,
    language: item['language'] ?? null,
    words: typeof body?.['wordcount'] === 'number' ? body['wordcount'] : 0,
    ...optional('ednote', item['ednote']),
    ...optional('description', description?.['value']),
    ...optional('slugline', item['slugline']),
    ...optional('urgency', item['urgency']),
    ...(altids.length > 0
      ? { altids: Object.fromEntries(altids.map((a) => [asText(a?.['role']) ?? '', asText(a?.['value']) ?? ''])) }
      : {}),
  });
}
