import type { ParsedStory } from '../types.js';
import { datePart, isoStamp } from './dates.js';
import { wholeInput } from './frame.js';
import type { Format, ParseResult } from './format.js';
import { elementsNamed, missingRoot, paragraphsOf, parseXmlUnit } from './xml-body.js';
import { attr, child, children, decodeXmlUnit, textOf, type XmlElement } from './xml.js';

/** RCV1 (Reuters Corpus Volume 1, 1996–97): one `<newsitem>` per file, latin-1 XML with Dublin Core metadata. */
export const rcv1: Format = {
  name: 'rcv1',
  boundary: wholeInput,
  parse: parseRcv1,
  decode: decodeXmlUnit,
};

function parseRcv1(text: string, line: number): ParseResult {
  const { roots, diagnostics } = parseXmlUnit(text, line);
  const items = elementsNamed(roots, new Set(['newsitem']));
  if (items.length === 0) return { stories: [], diagnostics: [...diagnostics, missingRoot('RCV1', 'newsitem', line)] };
  return { stories: items.map((item) => ({ ...readItem(item), line })), diagnostics };
}

// RCV1 ends many stories with the desk to call: `-- Mexico City Newsroom +525 728 9555`.
const CONTACT = /^--\s*[^\n]{2,60}\b(?:Newsroom|Desk|Bureau)\b[^\n]*$/i;

function readItem(item: XmlElement): ParsedStory {
  const dc = dublinCore(child(item, 'metadata'));
  const published = isoStamp(attr(item, 'date')) ?? isoStamp(dc['date_published'] ?? null);
  const itemid = attr(item, 'itemid');
  const paragraphs = paragraphsOf(child(item, 'text'));
  const contact = CONTACT.test(paragraphs.at(-1) ?? '') ? (paragraphs.pop() ?? null) : null;
  return {
    // `<title>` prefixes the country (`MEXICO: Recovery excitement ...`); `<headline>` is the headline as printed.
    headline: textOf(child(item, 'headline')) ?? textOf(child(item, 'title')),
    byline: textOf(child(item, 'byline')),
    // `MEXICO CITY 1996-08-20`: the place, then the story's date (which `published` carries).
    dateline: textOf(child(item, 'dateline'))?.replace(/\s+\d{4}-\d{2}-\d{2}$/, '') ?? null,
    paragraphs,
    credits: contact,
    published,
    referenceDate: datePart(published),
    language: attr(item, 'xml:lang'),
    copyright: textOf(child(item, 'copyright')),
    agency: dc['source'] ?? dc['publisher'] ?? null,
    altids: itemid === null ? {} : { itemid },
    envelope: envelopeOf(item, dc),
  };
}

/** `<dc element="dc.date.published" value="1996-08-20"/>` → `{ date_published: '1996-08-20' }` (first value wins). */
function dublinCore(metadata: XmlElement | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const element of children(metadata, 'dc')) {
    const name = attr(element, 'element')?.replace(/^dc\./, '').replace(/\./g, '_');
    const value = attr(element, 'value');
    if (name && value !== null && out[name] === undefined) out[name] = value;
  }
  return out;
}

// Code classes by their RCV1 names: `bip:topics:1.0` → topics.
const CODE_CLASSES: ReadonlyArray<readonly [RegExp, string]> = [
  [/topics/, 'topics'],
  [/countries/, 'countries'],
  [/industries/, 'industries'],
];

function envelopeOf(item: XmlElement, dc: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  const title = textOf(child(item, 'title'));
  if (title !== null) out['title'] = title;
  for (const codes of children(child(item, 'metadata'), 'codes')) {
    const cls = attr(codes, 'class') ?? '';
    const key = CODE_CLASSES.find(([pattern]) => pattern.test(cls))?.[1];
    const list = children(codes, 'code')
      .map((c) => attr(c, 'code'))
      .filter((c): c is string => c !== null);
    if (key && list.length > 0) out[key] = list.join(',');
  }
  for (const [key, value] of Object.entries(dc)) out[`dc_${key}`] ??= value;
  return out;
}
