import { canonicalAgency } from '../normalize/agencies.js';
import type { ParsedStory } from '../types.js';
import { datePart, isoStamp } from './dates.js';
import { wholeInput } from './frame.js';
import type { Format, ParseResult } from './format.js';
import { elementsNamed, missingRoot, paragraphsOf, parseXmlUnit } from './xml-body.js';
import { attr, child, children, decodeXmlUnit, isElement, path, textOf, type XmlElement } from './xml.js';

/** NITF 3.x documents (`<nitf>`), one story each; a file holding several `<nitf>` elements gives one record each. */
export const nitf: Format = {
  name: 'nitf',
  boundary: wholeInput,
  parse: parseNitf,
  decode: decodeXmlUnit,
};

function parseNitf(text: string, line: number): ParseResult {
  const { roots, diagnostics } = parseXmlUnit(text, line);
  const found = elementsNamed(roots, new Set(['nitf']));
  if (found.length === 0) return { stories: [], diagnostics: [...diagnostics, missingRoot('NITF', 'nitf', line)] };
  return { stories: found.map((element) => ({ ...readNitf(element), line })), diagnostics };
}

/** One `<nitf>` element as a story (also for NITF carried inside another format: NewsML-G2's inlineXML). */
export function readNitf(root: XmlElement): ParsedStory {
  const head = child(root, 'head');
  const docdata = child(head, 'docdata');
  const body = child(root, 'body');
  const bodyHead = child(body, 'body.head');
  const content = child(body, 'body.content');
  const published =
    isoStamp(attr(child(docdata, 'date.issue'), 'norm')) ??
    isoStamp(attr(path(bodyHead, 'dateline', 'story.date'), 'norm')) ??
    isoStamp(attr(child(docdata, 'date.release'), 'norm'));
  const paragraphs = paragraphsOf(content);
  // A tagline naming an agency (`Reuters`) is the source; any other (`Jane Doe contributed to this report.`) is
  // printed at the end of the story, so it goes last in the body, where the normalizer still reads end matter.
  const tagline = textOf(path(body, 'body.end', 'tagline'));
  const taglineIsSource = tagline !== null && canonicalAgency(tagline.replace(/^[-—–\s]+/, '')) !== undefined;
  if (tagline !== null && !taglineIsSource) paragraphs.push(tagline);
  const urgency = Number(attr(child(docdata, 'urgency'), 'ed-urg'));
  const docId = attr(child(docdata, 'doc-id'), 'id-string');
  const abstract = paragraphsOf(child(bodyHead, 'abstract')).join(' ');
  const distributor = textOf(child(bodyHead, 'distributor'));
  return {
    headline: textOf(path(bodyHead, 'hedline', 'hl1')) ?? textOf(child(head, 'title')),
    subheadline: subheadlineOf(textOf(path(bodyHead, 'hedline', 'hl2'))),
    byline: bylineText(child(bodyHead, 'byline')),
    dateline: datelineText(child(bodyHead, 'dateline')),
    paragraphs,
    description: abstract === '' ? null : abstract,
    published,
    referenceDate: datePart(published),
    language: attr(root, 'xml:lang') ?? attr(body, 'xml:lang') ?? attr(content, 'xml:lang') ?? attr(head, 'xml:lang'),
    urgency: Number.isInteger(urgency) && urgency >= 1 && urgency <= 9 ? urgency : null,
    ednote: attr(child(docdata, 'ed-msg'), 'info'),
    slugline:
      attr(child(docdata, 'du-key'), 'key') ??
      attr(child(child(docdata, 'key-list'), 'keyword'), 'key') ??
      (typeof metaOf(head)['keyword'] === 'string' ? String(metaOf(head)['keyword']) : null),
    copyright: copyrightOf(child(docdata, 'doc.copyright')),
    agency: distributor ?? attr(child(docdata, 'doc-id'), 'regsrc'),
    source: taglineIsSource ? tagline : null,
    altids: docId === null ? {} : { 'doc-id': docId },
    envelope: { ...metaOf(head), ...envelopeOf(docdata, bodyHead) },
  };
}

/** The `hl2` as a subheadline; EFE's keywords in capitals there (`HONDURAS GOVERNMENT`) are none. */
function subheadlineOf(hl2: string | null): string | null {
  return hl2 !== null && /\p{Ll}/u.test(hl2) ? hl2 : null;
}

// Desk initials where a byline would be (EFE: `<byline>gr/bp</byline>`): the desk's, not an author.
const INITIALS = /^[a-z]{1,4}(?:\/[a-z]{1,4})+$/;

/** `<byline>By <person>Jane Doe</person><byttl>AP Writer</byttl></byline>` → `By Jane Doe, AP Writer`. */
function bylineText(byline: XmlElement | undefined): string | null {
  if (!byline || INITIALS.test(textOf(byline) ?? '')) return null;
  const title = textOf(child(byline, 'byttl'));
  // Each part on its own, then joined: `By<person>Jane Doe</person>` has no space in the markup.
  const parts = byline.children
    .filter((n) => !isElement(n) || n.name !== 'byttl')
    .map((n) => (isElement(n) ? (textOf(n) ?? '') : n));
  const rest = parts.join(' ').replace(/\s+/g, ' ').trim() || null;
  if (rest === null) return title;
  return title === null ? rest : `${rest.replace(/,$/, '')}, ${title}`;
}

/** The dateline's printed text, without a machine `story.date` stamp (`20170102T222800+0000`, EFE). */
function datelineText(dateline: XmlElement | undefined): string | null {
  if (!dateline) return null;
  const stamp = (n: XmlElement | string): boolean =>
    isElement(n) && n.name === 'story.date' && /^\d{8}T\d{4}/.test(textOf(n) ?? '');
  return textOf({ ...dateline, children: dateline.children.filter((n) => !stamp(n)) });
}

// `<meta name content>` in the NITF head that carry wire header fields (AAP's ANPA fields, EFE's Spanish names).
const META_FIELDS: Readonly<Record<string, string>> = {
  'anpa-sequence': 'story_number',
  'anpa-category': 'category',
  'anpa-service': 'service',
  'anpa-keyword': 'keyword',
  'anpa-takekey': 'take',
  'anpa-wordcount': 'words',
  category: 'category',
  categoria: 'category',
  service: 'service',
  priority: 'priority',
  prioridad: 'priority',
  keyword: 'keyword',
  slug: 'keyword',
};

/** The head's `meta` fields that the table names, as envelope fields (empty values left out). */
function metaOf(head: XmlElement | undefined): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const meta of children(head, 'meta')) {
    const field = META_FIELDS[(attr(meta, 'name') ?? '').toLowerCase()];
    const value = attr(meta, 'content');
    if (field !== undefined && value !== null && !(field in out))
      out[field] = field === 'words' ? Number(value) : value;
  }
  return out;
}

function copyrightOf(element: XmlElement | undefined): string | null {
  const holder = attr(element, 'holder');
  if (holder === null) return null;
  const year = attr(element, 'year');
  return year === null ? `Copyright ${holder}` : `Copyright ${year} ${holder}`;
}

function envelopeOf(docdata: XmlElement | undefined, bodyHead: XmlElement | undefined): Record<string, string> {
  const fields: Record<string, string | null> = {
    regsrc: attr(child(docdata, 'doc-id'), 'regsrc'),
    date_release: isoStamp(attr(child(docdata, 'date.release'), 'norm')),
    date_expire: isoStamp(attr(child(docdata, 'date.expire'), 'norm')),
    event_city: attr(child(docdata, 'evloc'), 'city'),
    event_country: attr(child(docdata, 'evloc'), 'iso-cc') ?? attr(child(docdata, 'evloc'), 'country'),
    distributor: textOf(child(bodyHead, 'distributor')),
    subheadline: textOf(path(bodyHead, 'hedline', 'hl2')),
  };
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(fields)) if (value !== null) out[key] = value;
  return out;
}
