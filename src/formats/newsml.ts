import { agencyOf } from '../normalize/agencies.js';
import type { ParsedStory } from '../types.js';
import { datePart, isoStamp } from './dates.js';
import { readEdNotes } from './ed-notes.js';
import { wholeInput } from './frame.js';
import type { Format, FormatDiagnostic, ParseResult } from './format.js';
import { buildParagraphs } from './plain.js';
import { readNitf } from './nitf.js';
import { elementsNamed, missingRoot, paragraphsOf, parseXmlUnit, withoutHeadline } from './xml-body.js';
import { attr, child, children, decodeXmlUnit, find, rawText, textOf, type XmlElement } from './xml.js';

/** NewsML-G2: a single `<newsItem>`, or a `<newsMessage>` whose `itemSet` holds several; one record per newsItem. */
export const newsml: Format = {
  name: 'newsml',
  boundary: wholeInput,
  parse: parseNewsml,
  decode: decodeXmlUnit,
};

// Items that are not stories: packages of other items, concepts (taxonomy entries), planning items.
const NOT_STORIES = new Set(['packageItem', 'conceptItem', 'knowledgeItem', 'planningItem']);

function parseNewsml(text: string, line: number): ParseResult {
  const { roots, diagnostics } = parseXmlUnit(text, line);
  const items = elementsNamed(roots, new Set(['newsItem', ...NOT_STORIES]));
  // A newsMessage's header priority holds for the items it carries (`<header><priority>4</priority>`).
  const priority = textOf(
    child(
      child(
        roots.find((r) => r.name === 'newsMessage'),
        'header',
      ),
      'priority',
    ),
  );
  const stories: ParsedStory[] = [];
  const notes: FormatDiagnostic[] = [];
  for (const item of items) {
    if (NOT_STORIES.has(item.name)) {
      notes.push({ severity: 'info', code: 'not-a-story', message: `skipped a <${item.name}>`, line });
      continue;
    }
    const story = readItem(item);
    if (story === null) {
      notes.push({ severity: 'info', code: 'not-a-story', message: 'skipped a newsItem without text', line });
    } else {
      const envelope = priority === null ? story.envelope : { priority, ...story.envelope };
      stories.push({ ...story, envelope: envelope ?? null, line });
    }
  }
  if (items.length === 0) notes.push(missingRoot('NewsML-G2', 'newsItem', line));
  const packages = items.filter((item) => item.name === 'packageItem');
  if (stories.length === 0 && packages.length > 0) notes.push(referencesOnly(packages, line));
  return { stories, diagnostics: [...diagnostics, ...notes] };
}

/**
 * A package that arrives without the items it groups: name what it refers to, since those are what to fetch (a
 * package is a list of references, not a story).
 */
function referencesOnly(packages: readonly XmlElement[], line: number): FormatDiagnostic {
  const refs = packages.flatMap((p) => elementsNamed([p], new Set(['itemRef'])));
  const names = refs.map((ref) => {
    const id = attr(ref, 'residref') ?? attr(ref, 'href') ?? '?';
    const headline = textOf(child(ref, 'headline'));
    return headline === null ? id : `${id} (${headline})`;
  });
  const listed = names.slice(0, 5).join(', ') + (names.length > 5 ? ` and ${names.length - 5} more` : '');
  const message =
    refs.length === 0
      ? 'a NewsML-G2 package with no items and no references in it'
      : `a NewsML-G2 package of references only, without the items it groups: ${listed}; ingest those items`;
  return { severity: 'error', code: 'package-references-only', message, line };
}

/**
 * A newsItem's story; when its inlineXML carries a whole NITF document (BusinessDesk, Scoop), the NITF fills what
 * the item's own metadata leaves out: headline, byline, dateline, body.
 */
function readItem(item: XmlElement): ParsedStory | null {
  const story = readItemMeta(item);
  const nitf = find(child(item, 'contentSet'), 'nitf');
  if (nitf === undefined) return story;
  const inner = readNitf(nitf);
  const merged: ParsedStory = {
    ...inner,
    ...Object.fromEntries(Object.entries(story ?? {}).filter(([, v]) => v !== null && v !== undefined)),
    headline: story?.headline ?? inner.headline,
    paragraphs: withoutHeadline(inner.paragraphs, story?.headline ?? inner.headline),
    envelope: { ...inner.envelope, ...story?.envelope },
  };
  return merged.headline === null && merged.paragraphs.length === 0 ? null : merged;
}

function readItemMeta(item: XmlElement): ParsedStory | null {
  const meta = child(item, 'itemMeta');
  const content = child(item, 'contentMeta');
  const headline = mainHeadline(children(content, 'headline'));
  // dpa's teaser is its summary, and its body opens with it again (`<p class="teaser">`), above the dateline.
  const summary = children(content, 'description').find((d) => /summary|teaser|^$/.test(attr(d, 'role') ?? ''));
  // APA's and Kathpress' subtitle, given apart and again as the body's `<h2>` under its `<h1>`.
  const subtitle = textOf(children(content, 'headline').find((h) => /sub/i.test(attr(h, 'role') ?? '')));
  const body = withoutHeadline(bodyOf(child(item, 'contentSet')), headline, textOf(summary));
  const paragraphs = withoutHeadline(body, null, subtitle);
  if (headline === null && paragraphs.length === 0) return null;
  const versionCreated = isoStamp(textOf(child(meta, 'versionCreated')));
  const firstCreated = isoStamp(textOf(child(meta, 'firstCreated')));
  const published = versionCreated ?? firstCreated ?? isoStamp(textOf(child(content, 'contentCreated')));
  const urgency = Number(textOf(child(content, 'urgency')));
  const guid = attr(item, 'guid');
  const creditline = textOf(child(content, 'creditline'));
  const notes = readEdNotes(
    children(meta, 'edNote').map((note) => ({
      role: attr(note, 'role') ?? '',
      text: textOf(note),
      hidden: /nonpublic/i.test(attr(note, 'pubconstraint') ?? ''),
    })),
  );
  return {
    headline,
    byline: textOf(child(content, 'by')) ?? creatorName(child(content, 'creator')),
    // Some senders put a time stamp in <dateline> (`2018-01-03 20:13:08 GMT+00:00`): that is no dateline.
    dateline: notAStamp(textOf(child(content, 'dateline'))),
    paragraphs,
    description: textOf(summary),
    subheadline: subtitle,
    published,
    referenceDate: datePart(published),
    language: attr(child(content, 'language'), 'tag') ?? attr(item, 'xml:lang'),
    urgency: Number.isInteger(urgency) && urgency >= 1 && urgency <= 9 ? urgency : null,
    slugline: textOf(child(content, 'slugline')),
    ednote: notes.ednote,
    ...(notes.updateNotes.length > 0 ? { updateNotes: notes.updateNotes } : {}),
    ...(notes.stripped.length > 0 ? { stripped: notes.stripped } : {}),
    ...(notes.closing === null ? {} : { source: notes.closing }),
    // The standard signal of a correction (`<signal qcode="sig:correction"/>`), as NewsML 1.x's `Version` property.
    ...(children(meta, 'signal').some((s) => /(?:^|:)correction$/.test(attr(s, 'qcode') ?? ''))
      ? { markers: ['CORRECTION'] }
      : {}),
    credits: creditline,
    agency: agencyAmong([creditline, nameOf(child(content, 'infoSource')), nameOf(child(meta, 'provider'))]),
    copyright: textOf(find(child(item, 'rightsInfo'), 'copyrightNotice')),
    altids: guid === null ? {} : { guid },
    envelope: envelopeOf(item, meta, content),
  };
}

function notAStamp(text: string | null): string | null {
  return text !== null && /^\d{4}-\d{2}-\d{2}\b/.test(text) ? null : text;
}

/**
 * The agency among the credit line, info source and provider: the first that the agency table knows, trailing
 * punctuation aside (STT's creditline is `STT–`), else the first given.
 */
function agencyAmong(names: ReadonlyArray<string | null>): string | null {
  const given = names.filter((n): n is string => n !== null).map((n) => n.replace(/[\s\p{Pd}:;,.]+$/u, ''));
  // A provider known by its qcode alone names the agency after its scheme: `nprov:REUTERS`.
  const known = given.map((n) => (agencyOf(n) === undefined ? n.replace(/^[a-z]+:(?=\S)/, '') : n));
  return known.find((n) => agencyOf(n) !== undefined) ?? given[0] ?? null;
}

/** The main headline: one without a role or with a `main` role, else the first (`hlrole:sub` is a subheadline). */
function mainHeadline(headlines: readonly XmlElement[]): string | null {
  const main = headlines.find((h) => /(^|:)main$|^$/.test(attr(h, 'role') ?? '')) ?? headlines[0];
  return textOf(main);
}

/** The story text: the XHTML of an `inlineXML`, or the text of an `inlineData`, preferring the first text one. */
function bodyOf(contentSet: XmlElement | undefined): string[] {
  for (const node of contentSet?.children ?? []) {
    if (typeof node === 'string') continue;
    const type = attr(node, 'contenttype') ?? '';
    if (node.name === 'inlineXML' && !/^(?:image|audio|video)\//.test(type)) {
      return paragraphsOf(find(node, 'body') ?? node);
    }
    if (node.name === 'inlineData' && (type === '' || type.startsWith('text/'))) {
      return buildParagraphs(withoutLoneTags(rawText(node).split(/\r?\n/)), 0);
    }
  }
  return [];
}

// A tag alone on a line: ANSA wraps its `text/plain` copy in `<p>` ... `</p>`, markup that is not text.
const LONE_TAG = /^\s*<\/?[a-zA-Z][a-zA-Z0-9]*\s*\/?>\s*$/;

/** The lines of a plain-text body without lone tags at its start and end. */
function withoutLoneTags(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && (LONE_TAG.test(lines[start] ?? '') || (lines[start] ?? '').trim() === '')) start++;
  while (end > start && (LONE_TAG.test(lines[end - 1] ?? '') || (lines[end - 1] ?? '').trim() === '')) end--;
  return lines.slice(start, end);
}

/**
 * The creator as a byline: its name, unless the name only repeats the code of its qcode (`dpa-ad:jane.doe` named
 * `jane.doe`, an account in the agency's system rather than a printed name), is shaped like such an account
 * (`doe.jane`, `jdoe_2`, with no qcode beside it), or is an agency's or several (`NTB-Reuters`; Reuters' `<creator
 * literal="Reuters"/>`: the
 * byline printed in the text, `By Jane Doe`, is the story's); a qcode alone is never one.
 */
function creatorName(element: XmlElement | undefined): string | null {
  const name = textOf(child(element, 'name')) ?? attr(element, 'literal');
  const code = attr(element, 'qcode')?.replace(/^[^:]*:/, '');
  if (name === null || name === code || ACCOUNT.test(name)) return null;
  return agencyOf(name) !== undefined || onlyAgencies(name) ? null : name;
}

/** A credit made of agencies' names alone (NTB's `NTB-Reuters`), not a person's. */
function onlyAgencies(name: string): boolean {
  const parts = name.split(/\s*[-/,+]\s*/);
  return parts.length > 1 && parts.every((part) => agencyOf(part) !== undefined);
}

// A login rather than a name: lower case, no space, parts joined by dots or underscores; or an editor's initials
// (APA's `<creator><name>cig</name>`).
const ACCOUNT = /^(?:[a-z\d]+(?:[._][a-z\d]+)+|[a-z]{2,4})$/;

/** A concept's name (`<provider><name>Example News</name></provider>`), or its literal/qcode. */
function nameOf(element: XmlElement | undefined): string | null {
  if (!element) return null;
  return textOf(child(element, 'name')) ?? attr(element, 'literal') ?? attr(element, 'qcode');
}

function envelopeOf(
  item: XmlElement,
  meta: XmlElement | undefined,
  content: XmlElement | undefined,
): Record<string, string | number> {
  const fields: Record<string, string | null> = {
    version: attr(item, 'version'),
    standardversion: attr(item, 'standardversion'),
    itemclass: attr(child(meta, 'itemClass'), 'qcode'),
    provider: nameOf(child(meta, 'provider')),
    firstcreated: isoStamp(textOf(child(meta, 'firstCreated'))),
    versioncreated: isoStamp(textOf(child(meta, 'versionCreated'))),
    embargoed: isoStamp(textOf(child(meta, 'embargoed'))),
    // `stat:usable` → `usable`, as ninjs pubstatus has it.
    pubstatus: attr(child(meta, 'pubStatus'), 'qcode')?.replace(/^[\w-]+:/, '') ?? null,
    signal: children(meta, 'signal')
      .map((s) => attr(s, 'qcode'))
      .filter(Boolean)
      .join(','),
    located: nameOf(child(content, 'located')),
    subjects: children(content, 'subject')
      .map((s) => attr(s, 'qcode') ?? textOf(child(s, 'name')))
      .filter(Boolean)
      .join(','),
    genre: nameOf(child(content, 'genre')),
  };
  const words = Number(attr(find(child(item, 'contentSet'), 'inlineXML'), 'wordcount') ?? NaN);
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(fields)) if (value) out[key] = value;
  if (Number.isInteger(words)) out['words'] = words;
  return out;
}
