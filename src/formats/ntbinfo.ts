import type { ParsedStory } from '../types.js';
import { datePart, isoStamp } from './dates.js';
import { wholeInput } from './frame.js';
import type { Format, ParseResult } from './format.js';
import { htmlParagraphs, xmlItemStories } from './xml-body.js';
import { attr, child, decodeXmlUnit, textOf, type XmlElement } from './xml.js';

/**
 * The press releases NTB Info and STT Info send (Solita's `<release>` XML): the title, the lead (`leadtext`) and the
 * text (`body`, HTML encoded for XML), the publisher, its boilerplate and contacts (plain text, to `stripped`), the
 * publication date (`dd.MM.yyyy HH:mm`, the service's local time), the language and the release's address. Every
 * record is a press release; its agency is the service that sent it, told by the address (`ntbinfo.no` → NTB).
 */
export const ntbinfo: Format = { name: 'ntbinfo', boundary: wholeInput, parse: parseReleases, decode: decodeXmlUnit };

function parseReleases(text: string, line: number): ParseResult {
  const missing = { format: 'NTB/STT Info release XML', root: 'release' };
  return xmlItemStories(text, line, new Set(['release']), missing, readRelease);
}

// The services by their address; a release from another host names no agency.
const SERVICES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bntbinfo\./i, 'NTB'],
  [/\bsttinfo\./i, 'STT'],
];

function readRelease(release: XmlElement): ParsedStory | null {
  const headline = textOf(child(release, 'title'));
  const lead = textOf(child(release, 'leadtext'));
  const body = htmlParagraphs(textOf(child(release, 'body')) ?? '');
  const paragraphs = lead !== null && body[0] !== lead ? [lead, ...body] : body;
  if (headline === null && paragraphs.length === 0) return null;
  const published = isoStamp(localStamp(textOf(child(release, 'publicationDate'))));
  const url = textOf(child(release, 'longurl'));
  const publisher = textOf(child(child(release, 'publisher'), 'name'));
  const embargo = textOf(child(release, 'embargo'));
  const stripped = [textOf(child(release, 'boilerplate')), textOf(child(release, 'contactsAsText'))].filter(
    (text): text is string => text !== null,
  );
  const id = attr(release, 'id');
  const type = textOf(child(child(release, 'type'), 'label'));
  return {
    headline,
    paragraphs,
    published,
    referenceDate: datePart(published),
    language: attr(release, 'lang'),
    url,
    agency: SERVICES.find(([host]) => host.test(url ?? ''))?.[1] ?? null,
    source: publisher,
    ednote: embargo === null ? null : `Embargo: ${embargo}`,
    pressRelease: true,
    ...(stripped.length > 0 ? { stripped } : {}),
    altids: id === null ? {} : { releaseid: id },
    envelope: {
      ...(type === null ? {} : { kind: type }),
      ...(publisher === null ? {} : { publisher }),
    },
  };
}

/** `28.09.2018 11:15` → `2018-09-28T11:15` (no offset: the service's zone is applied with its agency). */
function localStamp(text: string | null): string | null {
  const match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(text?.trim() ?? '');
  if (!match) return null;
  const [, dd, mm, yyyy, hh, min] = match;
  const date = `${yyyy}-${mm?.padStart(2, '0')}-${dd?.padStart(2, '0')}`;
  return hh === undefined ? date : `${date}T${hh.padStart(2, '0')}:${min}`;
}
