import { canonicalAgency } from '../normalize/agencies.js';
import type { ParsedStory } from '../types.js';
import {
  BODY_KEYS,
  BYLINE_KEYS,
  CREDIT_KEYS,
  ID_KEYS,
  LANGUAGE_KEYS,
  OUTLET_KEYS,
  PUBLISHED_KEYS,
  sameName,
  SLUG_KEYS,
  UPDATE_NOTE_KEYS,
  EDNOTE_KEYS,
  SUMMARY_KEYS,
  TITLE_KEYS,
  UPDATED_KEYS,
  URL_KEYS,
} from './article-keys.js';
import { textParagraphs, titleText } from './article-text.js';
import { datePart, isoStamp } from './dates.js';
import { wholeInput } from './frame.js';
import { itemStories, type Format, type ParseResult } from './format.js';
import { isoDate } from './html/dates.js';
import { paragraphsOf, parseXmlUnit, withoutHeadline } from './xml-body.js';
import { attr, decodeXmlUnit, isElement, rawText, textOf, type XmlElement } from './xml.js';

/**
 * Articles in the XML of a CMS or an agency's own export, with no standard behind it: Canadian Press's `<Publish>`
 * with a `<ContentItem>` of `<Headline>`, `<Credit>`, `<SlugProper>`, `<CreatedDateTime>` and `<ContentText>` (HTML,
 * escaped). The XML sibling of article-json, reading the same table of names (article-keys.ts). An article is an
 * element with a headline-like child and a body-like child: the root itself, or each such element below it (an
 * export of several items gives several records), and its siblings of the same name that have a headline (a flash).
 */
export const articleXml: Format = {
  name: 'article-xml',
  boundary: wholeInput,
  parse: parseArticles,
  decode: decodeXmlUnit,
};

function parseArticles(text: string, line: number): ParseResult {
  const { roots, diagnostics } = parseXmlUnit(text, line);
  const none = {
    code: 'not-article-xml',
    message:
      'no article in this XML (an element with a headline child such as <Headline> or <Title> and a body child such ' +
      'as <Body>, <Text>, <Content> or <ContentText>, the root or an element below it); force another --format',
  };
  const found = itemStories(articlesOf(roots), readArticle, line, none);
  return { stories: found.stories, diagnostics: [...diagnostics, ...found.diagnostics] };
}

// How far below the root an article may sit (CP's `<ContentItem>` is one down); article-xml-sniff.ts looks as deep.
const ARTICLE_DEPTH = 6;

/** The article elements: the roots that are articles, else those below, not looking inside an article. */
function articlesOf(roots: readonly XmlElement[]): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (nodes: readonly XmlElement[], depth: number): void => {
    const names = new Set(nodes.filter(isArticle).map((node) => node.name));
    for (const node of nodes) {
      if (names.has(node.name) && (isArticle(node) || childAt(node, TITLE_KEYS) !== undefined)) found.push(node);
      else if (depth < ARTICLE_DEPTH) visit(node.children.filter(isElement), depth + 1);
    }
  };
  visit(roots, 0);
  return found;
}

function isArticle(element: XmlElement): boolean {
  return childAt(element, TITLE_KEYS) !== undefined && childAt(element, BODY_KEYS) !== undefined;
}

function readArticle(item: XmlElement): ParsedStory | null {
  const headline = titleText(textOf(childAt(item, TITLE_KEYS)));
  const body = bodyOf(childAt(item, BODY_KEYS));
  const summary = textOf(childAt(item, SUMMARY_KEYS));
  const text = body.paragraphs.length > 0 ? body : textParagraphs(summary ?? '');
  const paragraphs = withoutHeadline(text.paragraphs, headline);
  if (headline === null && paragraphs.length === 0) return null;
  const published = publishedOf(item);
  const credit = textOf(childAt(item, CREDIT_KEYS));
  const outlet = textOf(childAt(item, OUTLET_KEYS));
  const agency = [credit, outlet].find((name) => name !== null && canonicalAgency(name) !== undefined);
  const id = attr(item, 'id') ?? textOf(childAt(item, ID_KEYS));
  return {
    headline,
    byline: bylineOf(item),
    paragraphs,
    description:
      body.paragraphs.length === 0 || summary === null ? null : textParagraphs(summary).paragraphs.join(' ') || null,
    published,
    referenceDate: datePart(published),
    slugline: textOf(childAt(item, SLUG_KEYS)),
    ...optionalNotes(textOf(childAt(item, UPDATE_NOTE_KEYS))),
    ednote: textOf(childAt(item, EDNOTE_KEYS)),
    language: languageOf(item),
    url: urlOf(childAt(item, URL_KEYS)),
    agency: agency ?? outlet,
    credits: credit === null || credit === agency ? null : credit,
    ...(text.cut === null ? {} : { stripped: [text.cut] }),
    ...(id === null ? {} : { altids: { id } }),
  };
}

/** The first child at one of the paths (`fields.body`: a child of a child), names matched as the table says. */
function childAt(element: XmlElement, paths: readonly string[]): XmlElement | undefined {
  for (const path of paths) {
    let at: XmlElement | undefined = element;
    for (const name of path.split('.'))
      at = at?.children.find((n) => isElement(n) && sameName(n.name, name)) as typeof at;
    if (at !== undefined) return at;
  }
  return undefined;
}

/**
 * The body's paragraphs: XHTML elements inside it as blocks; text, escaped HTML or HTML in CDATA as article-json reads
 * a string. Text indented to the document's layout (`<ContentText>Line one\n            line two`) is dedented first,
 * so that the indent does not read as a new paragraph's.
 */
function bodyOf(element: XmlElement | undefined): { paragraphs: string[]; cut: string | null } {
  if (element === undefined) return { paragraphs: [], cut: null };
  if (element.children.some(isElement)) return { paragraphs: paragraphsOf(element), cut: null };
  return textParagraphs(dedented(rawText(element)));
}

/** The lines after the first without the indent they share; the first (right after its tag) without its own. */
function dedented(text: string): string {
  const [first = '', ...rest] = text.split(/\r?\n/);
  const indents = rest.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)?.[0].length ?? 0);
  const common = indents.length === 0 ? 0 : Math.min(...indents);
  return [first.trimStart(), ...rest.map((l) => l.slice(common))].join('\n');
}

/**
 * The first published or created time with a zone, else the time it was updated with a zone (a stated instant beats
 * a zone guessed for it), else the first without one (the normalizer reads it in the agency's or the run's zone).
 */
function publishedOf(item: XmlElement): string | null {
  const stamps = stampsAt(item, PUBLISHED_KEYS);
  return stamps.find(zoned) ?? stampsAt(item, UPDATED_KEYS).find(zoned) ?? stamps[0] ?? null;
}

function stampsAt(item: XmlElement, keys: readonly string[]): string[] {
  return keys
    .map((key) => {
      const text = textOf(childAt(item, [key]));
      return isoStamp(text) ?? isoDate(text);
    })
    .filter((stamp) => stamp !== null);
}

function zoned(stamp: string): boolean {
  return /(?:Z|[+-]\d{2}:\d{2})$/.test(stamp);
}

/** Every child of the first byline name, joined: `<Author>Ann Lee</Author><Author>Bo Li</Author>`. */
function bylineOf(item: XmlElement): string | null {
  const first = childAt(item, BYLINE_KEYS);
  if (first === undefined) return null;
  const names = item.children
    .filter((n): n is XmlElement => isElement(n) && n.name === first.name)
    .map(textOf)
    .filter((name) => name !== null);
  return names.length > 0 ? names.join(', ') : null;
}

/** A language code (`en`, `fr-CA`, in a child or `xml:lang`); CP's `<Language>1</Language>` is none. */
function languageOf(item: XmlElement): string | null {
  const given = textOf(childAt(item, LANGUAGE_KEYS)) ?? attr(item, 'xml:lang') ?? attr(item, 'lang');
  return given !== null && /^[a-z]{2,3}(?:[-_][a-z\d]{2,8})*$/i.test(given) ? given : null;
}

/** An address as text, or in `href` (`<link href="..."/>`, as Atom writes it). */
function urlOf(element: XmlElement | undefined): string | null {
  return textOf(element) ?? attr(element, 'href');
}

/** An update note, when the item has one, as the story's `updateNotes`. */
function optionalNotes(note: string | null): { updateNotes?: readonly string[] } {
  return note === null ? {} : { updateNotes: [note] };
}
