import type { ParsedStory } from '../types.js';
import { parseDateline } from '../normalize/dateline.js';
import { datePart, isoStamp } from './dates.js';
import { wholeInput } from './frame.js';
import type { Format, ParseResult } from './format.js';
import { htmlParagraphs, xmlItemStories } from './xml-body.js';
import { child, decodeXmlUnit, isElement, textOf, type XmlElement } from './xml.js';

/**
 * Ritzau's XML news service: one `<RBNews>` item, or a queue response (`<XMLNewsQueuedResponse>`) whose
 * `<ListOfRBNews>` holds several. The text is escaped HTML in `<content>`, the note to editors in `<TilRedaktionen>`;
 * `<PublishDate>` has no offset (Danish time, the agency table's home zone). One record per item with text.
 */
export const ritzau: Format = { name: 'ritzau', boundary: wholeInput, parse: parseRitzau, decode: decodeXmlUnit };

function parseRitzau(text: string, line: number): ParseResult {
  return xmlItemStories(text, line, new Set(['RBNews']), { format: 'Ritzau XML', root: 'RBNews' }, readItem);
}

/** The text of a child, or null when it is absent, empty or `i:nil`. */
function field(item: XmlElement, name: string): string | null {
  const element = child(item, name);
  if (element === undefined || element.attrs['nil'] === 'true') return null;
  const value = textOf(element);
  return value === null || value.trim() === '' ? null : value.trim();
}

/**
 * The HTML of a field: its text, which is escaped HTML; or, when newer items put raw `<br />` elements in it between
 * lines of plain text, those lines (escaped) with their breaks.
 */
function htmlField(item: XmlElement, name: string): string | null {
  const element = child(item, name);
  if (element === undefined || !element.children.some((node) => isElement(node))) return field(item, name);
  const escape = (text: string): string => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
  const html = element.children
    .map((node) => (!isElement(node) ? escape(node) : node.name === 'br' ? '<br>' : escape(textOf(node) ?? '')))
    .join('');
  return html.trim() === '' ? null : html;
}

/** Escaped HTML as paragraphs; a line break inside a paragraph separates too. */
function html(value: string | null): string[] {
  return value === null ? [] : htmlParagraphs(value.replace(/<br\s*\/?>/gi, '</p><p>'));
}

function readItem(item: XmlElement): ParsedStory | null {
  const headline = field(item, 'headline');
  const paragraphs = html(htmlField(item, 'content'));
  if (headline === null && paragraphs.length === 0) return null;
  const published = isoStamp(field(item, 'PublishDate'));
  const priority = Number(field(item, 'Priority'));
  const ednote = html(field(item, 'TilRedaktionen')).join('\n');
  const id = field(item, 'NewsID');
  const envelope: Record<string, string> = {};
  const fields: ReadonlyArray<readonly [string, string]> = [
    ['strapline', 'strapline'],
    ['town', 'town'],
    ['origin', 'origin'],
    ['section', 'section'],
    ['category', 'sectionShort'],
    ['version', 'version'],
    ['kind', 'format'],
    ['priority', 'Priority'],
    ['replaces', 'Replaces'],
    ['status', 'Status'],
  ];
  for (const [key, name] of fields) {
    const value = field(item, name);
    if (value !== null) envelope[key] = value;
  }
  return {
    headline,
    byline: field(item, 'byLine'),
    // The town is the story's place when the text prints no dateline (a release it carries may print its own).
    dateline: parseDateline(paragraphs[0] ?? '', null) === null ? field(item, 'town') : null,
    paragraphs,
    description: field(item, 'subtitle'),
    published,
    referenceDate: datePart(published),
    agency: 'Ritzau',
    ednote: ednote === '' ? null : ednote,
    urgency: Number.isInteger(priority) && priority >= 1 && priority <= 9 ? priority : null,
    altids: id === null ? {} : { guid: id },
    envelope,
  };
}
