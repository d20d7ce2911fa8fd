import { stripControls } from '../normalize/text.js';
import type { Envelope, ParsedStory } from '../types.js';
import { datePart, sgmlStamp } from './dates.js';
import { decodeUnitAs } from './decode.js';
import type { Boundary } from './frame.js';
import { atLine, type Format, type FormatDiagnostic, type ParseResult } from './format.js';
import { buildParagraphs, parsePlain } from './plain.js';
import { splitFrame, routingOf } from './wire-frame.js';
import { parseHeader, sluglineOf, urgencyOf } from './wire-header.js';

/**
 * Reuters-21578 SGML (`reut2-NNN.sgm`): one `<REUTERS>` element per story, 1,000 to a file. It is SGML, not XML:
 * entities such as `&#3;` are control characters, attributes are upper case, and the files are latin-1. The DTD is
 * the collection's own, Reuters' English-language newswire of 1987, so its stories are Reuters' and in English, as a
 * NITF file's `xml:lang` would say: left to the detector, its earnings tables (`Shr 28 cts vs 35 cts`) were read as
 * Spanish or French.
 */
export const sgml: Format = {
  name: 'sgml',
  boundary: reutersBoundary,
  parse: parseReuters,
  decode: (bytes) => decodeUnitAs(bytes, 'windows-1252'),
};

const END = '</REUTERS>';
const END_BYTES = Buffer.from(END, 'latin1');

/** Cuts after each `</REUTERS>`, so a file streams one story at a time. */
export function reutersBoundary(bytes: Buffer, from: number, complete: number): Boundary | null {
  const at = bytes.indexOf(END_BYTES, from);
  if (at === -1 || at + END.length > complete) return null;
  return { unitEnd: at + END.length, next: at + END.length };
}

function parseReuters(unit: string, line: number): ParseResult {
  const diagnostics: FormatDiagnostic[] = [];
  const start = unit.indexOf('<REUTERS');
  const before = (start === -1 ? unit : unit.slice(0, start)).replace(/<!DOCTYPE[^>]*>/i, '').trim();
  if (before !== '') {
    diagnostics.push({ severity: 'warning', code: 'sgml-noise', message: `skipped text outside <REUTERS>`, line });
  }
  if (start === -1) return { stories: [], diagnostics };
  const openEnd = unit.indexOf('>', start);
  const close = unit.indexOf(END, start);
  if (close === -1) {
    diagnostics.push({ severity: 'warning', code: 'sgml-truncated', message: 'a <REUTERS> story is cut off', line });
  }
  const attrs = attributes(unit.slice(start, openEnd === -1 ? unit.length : openEnd));
  const inner = unit.slice(openEnd === -1 ? unit.length : openEnd + 1, close === -1 ? unit.length : close);
  const story = readStory(inner, attrs);
  return { stories: story ? [atLine(story, line)] : [], diagnostics };
}

function readStory(inner: string, attrs: Readonly<Record<string, string>>): ParsedStory | null {
  // The DTD puts DATE, MKNOTE, the category lists and UNKNOWN before TEXT: look for them there only.
  const textAt = inner.indexOf('<TEXT');
  const head = textAt === -1 ? inner : inner.slice(0, textAt);
  const rawDate = tag(head, 'DATE') ?? '';
  const published = sgmlStamp(rawDate);
  // Some DATE tags carry the story's ENQ routing after the time: `27-MAR-1987 00:03:35.68&#5;&#5;&#5;F`.
  const amp = rawDate.indexOf('&');
  const unknown = decode((amp === -1 ? '' : rawDate.slice(amp)) + tags(head, 'UNKNOWN').join('\n'));
  const text = readText(textAt === -1 ? '' : inner.slice(textAt));
  if (text.headline === null && text.paragraphs.length === 0) return null;
  const ids: Record<string, string> = {};
  if (attrs['NEWID']) ids['newid'] = attrs['NEWID'];
  if (attrs['OLDID']) ids['oldid'] = attrs['OLDID'];
  const envelope = envelopeOf(unknown, head);
  const mknote = tag(head, 'MKNOTE');
  // Added to readText's own object: `{ ...text, published, ... }` built a new hidden class for every story (atLine).
  return Object.assign(text, {
    published,
    referenceDate: datePart(published),
    agency: 'Reuters',
    language: 'en',
    ednote: mknote === null ? null : tidyText(decode(mknote)),
    slugline: sluglineOf(envelope),
    urgency: urgencyOf(envelope),
    envelope,
    altids: ids,
  });
}

type TextFields = Pick<ParsedStory, 'headline' | 'byline' | 'dateline' | 'paragraphs'>;

/** The `<TEXT>` element: TITLE, AUTHOR, DATELINE and BODY; BRIEF items are a title only; UNPROC is plain text. */
function readText(inner: string): TextFields {
  const open = /<TEXT(\s[^>]*)?>/.exec(inner);
  if (!open) return { headline: null, paragraphs: [] };
  const end = inner.indexOf('</TEXT>', open.index);
  const content = inner.slice(open.index + open[0].length, end === -1 ? inner.length : end);
  const type = /TYPE="(\w+)"/.exec(open[1] ?? '')?.[1] ?? 'NORM';
  const title = tag(content, 'TITLE');
  const headline = title === null ? null : tidyText(decode(title));
  const author = tag(content, 'AUTHOR');
  const dateline = tag(content, 'DATELINE');
  const body = tag(content, 'BODY');
  // BRIEF items are a headline only; the corpus pads them with a filler line (`Blah blah blah.`).
  if (type === 'BRIEF') return { headline, paragraphs: [] };
  if (body !== null || title !== null) {
    return {
      headline,
      byline: author === null ? null : tidyText(decode(author)),
      dateline: dateline === null ? null : decode(dateline),
      paragraphs: buildParagraphs(lines(body ?? ''), 0),
    };
  }
  // UNPROC: the story as the wire sent it, headline line first.
  const plain = parsePlain(stripControls(decode(content)));
  return { headline: plain?.headline ?? null, byline: plain?.byline ?? null, paragraphs: plain?.paragraphs ?? [] };
}

function envelopeOf(unknown: string, head: string): Envelope {
  const frame = splitFrame(unknown);
  const fields = parseHeader(frame.header ?? frame.preamble).fields;
  const routing = routingOf(unknown);
  if (routing !== null) fields['routing'] = routing;
  for (const name of ['TOPICS', 'PLACES', 'PEOPLE', 'ORGS', 'EXCHANGES', 'COMPANIES']) {
    const list = tags(tag(head, name) ?? '', 'D').map((d) => decode(d).trim());
    if (list.length > 0) fields[name.toLowerCase()] = list.join(',');
  }
  return fields;
}

function lines(body: string): string[] {
  return stripControls(decode(body)).split('\n');
}

function attributes(openTag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const match of openTag.matchAll(/([A-Z]+)="([^"]*)"/g)) out[match[1] ?? ''] = match[2] ?? '';
  return out;
}

/** The content of the first `<NAME>…</NAME>`, or null. */
function tag(text: string, name: string): string | null {
  const open = `<${name}>`;
  const start = text.indexOf(open);
  if (start === -1) return null;
  const end = text.indexOf(`</${name}>`, start);
  return text.slice(start + open.length, end === -1 ? text.length : end);
}

/** The contents of every `<NAME>…</NAME>`, in order. */
function tags(text: string, name: string): string[] {
  const out: string[] = [];
  const open = `<${name}>`;
  const close = `</${name}>`;
  for (let start = text.indexOf(open); start !== -1; start = text.indexOf(open, start + 1)) {
    const end = text.indexOf(close, start);
    out.push(text.slice(start + open.length, end === -1 ? text.length : end));
    if (end === -1) break;
  }
  return out;
}

const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes SGML entities: `&lt;`, `&amp;`, `&#3;`, `&#x3;`. Unknown ones stay as written. */
export function decode(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(
    /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]{2,6}));/gi,
    (whole, dec?: string, hex?: string, name?: string) => {
      if (name !== undefined) return NAMED[name.toLowerCase()] ?? whole;
      const code = dec !== undefined ? Number(dec) : parseInt(hex ?? '', 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    },
  );
}

function tidyText(text: string): string {
  return stripControls(text).replace(/\s+/g, ' ').trim();
}
