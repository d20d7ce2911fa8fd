import type { ParsedStory } from '../types.js';
import { opensWithUpdateVerb } from '../normalize/lead.js';
import { datePart, isoStamp } from './dates.js';
import { wholeInput } from './frame.js';
import type { Format, FormatDiagnostic, ParseResult } from './format.js';
import { buildParagraphs } from './plain.js';
import { elementsNamed, htmlParagraphs, missingRoot, paragraphsOf, parseXmlUnit } from './xml-body.js';
import { attr, child, children, decodeXmlUnit, find, isElement, rawText, textOf, type XmlElement } from './xml.js';

/**
 * NewsML 1.x (1.0–1.2: AFP, ANA and others): `NewsML/NewsItem`, one record per NewsItem. Its NewsComponents nest;
 * the first `NewsLines` gives headline, byline, dateline (`DateLine`, as the copy prints it), slug and credit, the
 * first text `ContentItem` the body (XHTML, NITF, or HTML in CDATA).
 */
export const newsml1: Format = { name: 'newsml1', boundary: wholeInput, parse: parseNewsml1, decode: decodeXmlUnit };

function parseNewsml1(text: string, line: number): ParseResult {
  const { roots, diagnostics } = parseXmlUnit(text, line);
  const items = elementsNamed(roots, new Set(['NewsItem']));
  const stories: ParsedStory[] = [];
  const notes: FormatDiagnostic[] = [];
  const envelope = find(
    roots.find((r) => r.name === 'NewsML'),
    'NewsEnvelope',
  );
  for (const item of items.flatMap(storiesOf)) {
    const story = readItem(item, envelope);
    if (story) stories.push({ ...story, line });
    else notes.push({ severity: 'info', code: 'not-a-story', message: 'skipped a NewsItem without text', line });
  }
  if (items.length === 0) notes.push(missingRoot('NewsML 1.x', 'NewsItem', line));
  return { stories, diagnostics: [...diagnostics, ...notes] };
}

/**
 * A NewsItem that carries several stories (EFE's multimedia package: a `Content list` of components of role `Main`,
 * each with its own lines and text) as one item per story, each with the NewsItem's identification and management;
 * any other NewsItem as it is.
 */
function storiesOf(item: XmlElement): XmlElement[] {
  const main = allComponents(item).filter(
    (component) =>
      /^main$/i.test(attr(child(component, 'Role'), 'FormalName') ?? '') &&
      child(child(component, 'NewsLines'), 'HeadLine') !== undefined &&
      children(component, 'ContentItem').some((c) => /^text$/i.test(attr(child(c, 'MediaType'), 'FormalName') ?? '')),
  );
  if (main.length < 2) return [item];
  const own = item.children.filter((node) => !isElement(node) || node.name !== 'NewsComponent');
  return main.map((component) => ({ ...item, children: [...own, component] }));
}

const KEYWORDS_IN_CAPITALS = /^(?:\([\p{L} ]{2,20}\) )?[\p{Lu}\d][\p{Lu}\d .,'’/-]{2,60}$/u;

/**
 * The first `CreditLine` of the item outside its pictures (AFP's multimedia items credit the photo `ا ف ب` in the
 * photo's own component; TASS puts the story's credit in an outer component's lines).
 */
function creditLineOf(element: XmlElement): XmlElement | undefined {
  for (const node of element.children) {
    if (!isElement(node)) continue;
    if (node.name === 'CreditLine') return node;
    if (node.name === 'NewsComponent' && isMedia(node)) continue;
    const inner = creditLineOf(node);
    if (inner !== undefined) return inner;
  }
  return undefined;
}

/** A component that holds a picture, graphic or video rather than text. */
function isMedia(component: XmlElement): boolean {
  if (/photo|picture|image|graphic|video/i.test(attr(child(component, 'Role'), 'FormalName') ?? '')) return true;
  const items = children(component, 'ContentItem');
  return (
    items.length > 0 &&
    items.every((c) => /^(?:photo|picture|image|graphic|video)$/i.test(attr(child(c, 'MediaType'), 'FormalName') ?? ''))
  );
}

function datelineOf(dateline: string | null, catchword: string | null): string | null {
  return dateline !== null && catchword !== null && dateline.trim() === catchword.trim() ? null : dateline;
}

/** A stamp without an offset given the zone its sender names (`Z`); a stamp with one, or no zone named, as it is. */
function inZoneOf(stamp: string | null, zone: string): string | null {
  return stamp !== null && zone !== '' && /T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/.test(stamp) ? `${stamp}${zone}` : stamp;
}

/** Every NewsComponent under an element, nested ones too, in document order. */
function allComponents(element: XmlElement): XmlElement[] {
  return children(element, 'NewsComponent').flatMap((component) => [component, ...allComponents(component)]);
}

function readItem(item: XmlElement, newsEnvelope: XmlElement | undefined): ParsedStory | null {
  const ident = find(item, 'NewsIdentifier');
  const management = child(item, 'NewsManagement');
  const lines = newsLinesOf(item);
  const parts = textParts(item);
  const content = parts.length > 0 ? undefined : textContent(item);
  const body =
    parts.length > 0
      ? parts.flatMap((part) => bodyOf(child(part, 'DataContent')))
      : content === undefined
        ? []
        : bodyOf(child(content, 'DataContent'));
  // An alert (AFP) has an empty HeadLine: its one line of text, the body's first paragraph, is its headline.
  const alert = attr(child(management, 'NewsItemType'), 'FormalName') === 'Alert';
  const given = textOf(child(lines, 'HeadLine'));
  const headline = given ?? (alert && (body[0]?.length ?? 0) <= ALERT_MAX ? (body[0] ?? null) : null);
  const paragraphs = headline !== null && given === null ? body.slice(1) : body;
  if (headline === null && paragraphs.length === 0) return null;
  // Europa Press gives its times without a zone and says which in the item's label: `<DateLabel>2019-10-02 16:21:30
  // GMT (Europa Press)</DateLabel>`.
  const zone = /\b(?:GMT|UTC)\b/.test(textOf(find(ident, 'DateLabel') ?? find(item, 'DateLabel')) ?? '') ? 'Z' : '';
  const published = inZoneOf(
    isoStamp(textOf(child(management, 'ThisRevisionCreated'))) ?? isoStamp(textOf(child(management, 'FirstCreated'))),
    zone,
  );
  // `<Urgency FormalName="2"/>`, or the value as its text (TASS: `<Urgency>2</Urgency>`).
  const urgencyElement = child(management, 'Urgency');
  // Belga gives none, but a `Priority` property among its components' metadata (`Value="3"`).
  const urgency = Number(attr(urgencyElement, 'FormalName') ?? textOf(urgencyElement) ?? priorityProperty(item));
  const descriptive = find(item, 'DescriptiveMetadata');
  // Belga leaves the provider's name empty and names itself in the credit line.
  const provider = attr(find(find(item, 'Provider'), 'Party'), 'FormalName') || null;
  const publicId = textOf(child(ident, 'PublicIdentifier'));
  const itemId = textOf(child(ident, 'NewsItemId'));
  const notes = newsLineNotes(lines, item);
  // EFE sends its keywords in capitals as the SubHeadLine (`BOLSA FRÁNCFORT CIERRE`, `(Avance) TAIWÁN ELECCIONES`):
  // the slug, not a summary.
  const subheadline = textOf(child(lines, 'SubHeadLine'));
  const keywordLine = subheadline !== null && KEYWORDS_IN_CAPITALS.test(subheadline) ? subheadline : null;
  const markers = versionMarkers(descriptive);
  const words = find(content, 'Characteristics')?.children.find(
    (p) => isElement(p) && /^(?:Words|WordCount)$/i.test(attr(p, 'FormalName') ?? ''),
  );
  return {
    headline,
    byline: textOf(child(lines, 'ByLine')),
    // SDA's sports service fills the DateLine with the competition when it is the catchword too (`Axpo Super League`):
    // no place then.
    dateline: datelineOf(textOf(child(lines, 'DateLine')), notes.catchword),
    paragraphs,
    description: (keywordLine === null ? subheadline : null) ?? subheadlineOf(item),
    published,
    referenceDate: datePart(published),
    // Belga declares it on the components, in capitals: `<NewsComponent Duid="0" xml:lang="NL">`.
    language:
      attr(child(descriptive, 'Language'), 'FormalName') ??
      attr(item, 'xml:lang') ??
      attr(find(item, 'NewsComponent'), 'xml:lang'),
    urgency: Number.isInteger(urgency) && urgency >= 1 && urgency <= 9 ? urgency : null,
    // SDA's catchword is its slug (`Wahlinserat`), as is Lusa's keyword line.
    slugline:
      textOf(child(lines, 'SlugLine')) ??
      notes.catchword ??
      keywordLine ??
      textOf(child(lines, 'KeywordLine')) ??
      textOf(find(item, 'NameLabel')),
    ednote: notes.ednote,
    ...(notes.updateNotes.length > 0 ? { updateNotes: notes.updateNotes } : {}),
    ...(markers.length > 0 ? { markers } : {}),
    // An outer component's lines may hold them (TASS: the copyright, above the story's own lines).
    credits: textOf(child(lines, 'CreditLine') ?? creditLineOf(item)),
    copyright: textOf(child(lines, 'CopyrightLine') ?? find(item, 'CopyrightLine')),
    // Business Wire names itself only in the envelope: `<SentFrom><Party FormalName="Business Wire">`.
    agency:
      provider ??
      textOf(child(lines, 'CreditLine') ?? creditLineOf(item)) ??
      (attr(find(child(newsEnvelope, 'SentFrom'), 'Party'), 'FormalName') || null),
    altids: Object.fromEntries(
      [
        ['guid', publicId],
        ['newsitemid', itemId],
      ].filter((e): e is [string, string] => e[1] !== null),
    ),
    envelope: compact({
      provider,
      priority: attr(child(newsEnvelope, 'Priority'), 'FormalName'),
      pubstatus: pubstatusOf(management),
      embargoed: isoStamp(textOf(find(child(management, 'StatusWillChange'), 'DateAndTime'))),
      firstcreated: isoStamp(textOf(child(management, 'FirstCreated'))),
      versioncreated: isoStamp(textOf(child(management, 'ThisRevisionCreated'))),
      located: locationCity(descriptive),
      name_label: textOf(find(item, 'NameLabel')),
      words: words === undefined || !isElement(words) ? null : Number(attr(words, 'Value')) || null,
    }),
  };
}

/**
 * The `NewsLines` of the story: the first that has a headline (TASS nests its story three components deep, under
 * components whose lines hold only the copyright), else the first.
 */
function newsLinesOf(item: XmlElement): XmlElement | undefined {
  const all = elementsNamed([item], new Set(['NewsLines']));
  return all.find((lines) => child(lines, 'HeadLine') !== undefined) ?? all[0];
}

/**
 * Belga's profile splits the text into components by role, `Title`, `Lead` and `Body`: the lead and body of the
 * first story that has them, in order (the title is the headline; a second language's story is left).
 */
function textParts(item: XmlElement): XmlElement[] {
  const role = (component: XmlElement): string => attr(child(component, 'Role'), 'FormalName') ?? '';
  const isPart = (part: XmlElement): boolean => /^(?:Lead|Body)$/i.test(role(part));
  // Depth first: the first component whose own components are parts.
  const ownerIn = (element: XmlElement): XmlElement | undefined => {
    for (const component of children(element, 'NewsComponent')) {
      if (children(component, 'NewsComponent').some(isPart)) return component;
      const inner = ownerIn(component);
      if (inner !== undefined) return inner;
    }
    return undefined;
  };
  const owner = ownerIn(item);
  if (owner === undefined) return [];
  return children(owner, 'NewsComponent')
    .filter(isPart)
    .map((part) => child(part, 'ContentItem'))
    .filter((part): part is XmlElement => part !== undefined);
}

/** The text of a component whose role is `SubHeadLine` (Business Wire sends its subheadline as one), or null. */
function subheadlineOf(item: XmlElement): string | null {
  const withRole = (element: XmlElement): XmlElement | undefined => {
    for (const component of children(element, 'NewsComponent')) {
      if (attr(child(component, 'Role'), 'FormalName') === 'SubHeadLine') return component;
      const inner = withRole(component);
      if (inner !== undefined) return inner;
    }
    return undefined;
  };
  const content = child(child(withRole(item), 'ContentItem'), 'DataContent');
  return content === undefined ? null : paragraphsOf(content).join(' ') || null;
}

/** The first ContentItem that holds text: a Text (or Lusa's HTML) media type, or any DataContent when none says. */
function textContent(item: XmlElement): XmlElement | undefined {
  const contents = elementsNamed([item], new Set(['ContentItem']));
  const text = contents.find((c) => /^(?:text|html)$/i.test(attr(child(c, 'MediaType'), 'FormalName') ?? ''));
  // TASS says ComplexData with a NITF mime type (`text/vnd.IPTC.NITF`).
  const nitf = contents.find((c) => /^text\//i.test(attr(child(c, 'MimeType'), 'FormalName') ?? ''));
  return (
    text ?? nitf ?? contents.find((c) => child(c, 'DataContent') !== undefined && child(c, 'MediaType') === undefined)
  );
}

/** DataContent as paragraphs: XHTML or NITF elements, or HTML or plain text in CDATA. */
function bodyOf(data: XmlElement | undefined): string[] {
  if (data === undefined) return [];
  if (data.children.some(isElement)) return paragraphsOf(find(data, 'body.content') ?? find(data, 'body') ?? data);
  const text = rawText(data);
  return /<[a-zA-Z][^>]*>/.test(text) ? htmlParagraphs(text) : buildParagraphs(text.split(/\r?\n/), 0);
}

/**
 * The `NewsLine`s for the desk: one whose type names an editor's note is the ednote; AFP's `AdvisoryLine` is an
 * update note when it says what the version changed (`CORRECTS para 4 and 9 to say ...`), else an editor's note.
 */
function newsLineNotes(
  lines: XmlElement | undefined,
  item: XmlElement,
): { ednote: string | null; updateNotes: string[]; catchword: string | null } {
  const ednotes: string[] = [];
  const updateNotes: string[] = [];
  let catchword: string | null = null;
  for (const line of children(lines, 'NewsLine')) {
    const type = attr(child(line, 'NewsLineType'), 'FormalName') ?? '';
    const text = textOf(child(line, 'NewsLineText'));
    if (text === null) continue;
    if (EDITORIAL_NOTE.test(type)) ednotes.push(text);
    else if (/^advisory/i.test(type)) (opensWithUpdateVerb(text) ? updateNotes : ednotes).push(text);
    else if (/^catch ?word$/i.test(type)) catchword ??= text;
  }
  // SDA puts its note to the desk in a comment on the text: `<Comment FormalName="Editorial Note">SPERRFRIST 1500`.
  for (const comment of elementsNamed([item], new Set(['Comment']))) {
    const text = textOf(comment);
    if (text !== null && EDITORIAL_NOTE.test(attr(comment, 'FormalName') ?? '')) ednotes.push(text);
  }
  return { ednote: ednotes.length > 0 ? ednotes.join('\n\n') : null, updateNotes, catchword };
}
const EDITORIAL_NOTE = /ed(?:itorial)?[\s_-]?note/i;

/**
 * The item's status, lower case (`usable`, `embargoed`); `canceled` when its instruction deletes it (SDA: `<Instruction
 * FormalName="Delete">` with the revision's status `Canceled`), so that a kill is never taken for a live story.
 */
function pubstatusOf(management: XmlElement | undefined): string | null {
  const instruction = child(management, 'Instruction');
  const revision = attr(child(child(instruction, 'RevisionStatus'), 'Status'), 'FormalName');
  if (/^(?:delete|kill|withdraw)/i.test(attr(instruction, 'FormalName') ?? '') || /^cancell?ed$/i.test(revision ?? ''))
    return 'canceled';
  return attr(child(management, 'Status'), 'FormalName')?.toLowerCase() ?? null;
}

/** The value of the first `<Property FormalName="Priority">` under an element, or null. */
function priorityProperty(element: XmlElement | undefined): string | null {
  for (const node of element?.children ?? []) {
    if (!isElement(node)) continue;
    if (node.name === 'Property' && attr(node, 'FormalName') === 'Priority') return attr(node, 'Value');
    const inner = priorityProperty(node);
    if (inner !== null) return inner;
  }
  return null;
}

/** AFP's `Version` property: a `Correction` makes the story a correction (its marker). */
function versionMarkers(descriptive: XmlElement | undefined): string[] {
  const version = children(descriptive, 'Property').find((p) => attr(p, 'FormalName') === 'Version');
  return /^correct/i.test(attr(version, 'Value') ?? '') ? ['CORRECTION'] : [];
}

function locationCity(descriptive: XmlElement | undefined): string | null {
  const city = children(child(descriptive, 'Location'), 'Property').find((p) => attr(p, 'FormalName') === 'City');
  return attr(city, 'Value');
}

function compact(fields: Record<string, string | number | null>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(fields)) if (value !== null) out[key] = value;
  return out;
}

// The longest line of text an alert's headline may be.
const ALERT_MAX = 200;
