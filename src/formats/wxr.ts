import type { ParsedStory } from '../types.js';
import { datePart, isoStamp } from './dates.js';
import { wholeInput } from './frame.js';
import type { Format, FormatDiagnostic, ParseResult } from './format.js';
import { elementsNamed, htmlParagraphs, missingRoot, parseXmlUnit } from './xml-body.js';
import { attr, child, children, decodeXmlUnit, rawText, textOf, type XmlElement } from './xml.js';

/**
 * WordPress WXR, the RSS extension WordPress exports whole sites in: each post's story is in the file
 * (`content:encoded`), so nothing is fetched, unlike a feed's items. One record per post or page with text;
 * attachments, menu items and other post types are skipped with a note.
 */
export const wxr: Format = { name: 'wxr', boundary: wholeInput, parse: parseWxr, decode: decodeXmlUnit };

// Post types that hold stories; the others (attachment, nav_menu_item, revision, custom CSS) do not.
const STORY_TYPES = new Set(['post', 'page', '']);

function parseWxr(text: string, line: number): ParseResult {
  const { roots, diagnostics } = parseXmlUnit(text, line);
  const channel = elementsNamed(roots, new Set(['channel']))[0];
  if (channel === undefined) return { stories: [], diagnostics: [...diagnostics, missingRoot('WXR', 'channel', line)] };
  const site = textOf(child(channel, 'title'));
  const language = textOf(child(channel, 'language'));
  const stories: ParsedStory[] = [];
  const notes: FormatDiagnostic[] = [];
  for (const item of children(channel, 'item')) {
    const type = textOf(wp(item, 'post_type')) ?? '';
    const story = STORY_TYPES.has(type) ? readItem(item, site, language) : null;
    if (story) stories.push({ ...story, line });
    else
      notes.push({
        severity: 'info',
        code: 'not-a-story',
        message: `skipped a WXR ${type || 'item'} without text`,
        line,
      });
  }
  return { stories, diagnostics: [...diagnostics, ...notes] };
}

function readItem(item: XmlElement, site: string | null, language: string | null): ParsedStory | null {
  const headline = textOf(child(item, 'title'));
  const paragraphs = contentParagraphs(encoded(item, 'content'));
  if (headline === null && paragraphs.length === 0) return null;
  const published = gmt(textOf(wp(item, 'post_date_gmt'))) ?? rfc822(textOf(child(item, 'pubDate')));
  const excerpt = contentParagraphs(encoded(item, 'excerpt')).join(' ');
  const guid = textOf(child(item, 'guid'));
  const postId = textOf(wp(item, 'post_id'));
  const categories = children(item, 'category')
    .filter((c) => (attr(c, 'domain') ?? 'category') === 'category')
    .map((c) => textOf(c))
    .filter((c) => c !== null);
  const tags = children(item, 'category')
    .filter((c) => attr(c, 'domain') === 'post_tag')
    .map((c) => textOf(c))
    .filter((c) => c !== null);
  const envelope: Record<string, string> = {};
  if (categories.length > 0) envelope['categories'] = categories.join(',');
  if (tags.length > 0) envelope['tags'] = tags.join(',');
  const status = textOf(wp(item, 'status'));
  if (status !== null) envelope['status'] = status;
  return {
    headline,
    byline: textOf(children(item, 'creator').find((c) => c.prefix === 'dc')),
    paragraphs,
    description: excerpt === '' ? null : excerpt,
    published,
    referenceDate: datePart(published),
    language,
    url: textOf(child(item, 'link')),
    siteName: site,
    slugline: textOf(wp(item, 'post_name')),
    altids: Object.fromEntries(
      [
        ['guid', guid],
        ['post_id', postId],
      ].filter((e): e is [string, string] => e[1] !== null),
    ),
    envelope,
  };
}

function wp(item: XmlElement, name: string): XmlElement | undefined {
  return children(item, name).find((c) => c.prefix === 'wp' || c.prefix === undefined);
}

function encoded(item: XmlElement, prefix: string): string {
  const element = children(item, 'encoded').find((c) => c.prefix === prefix);
  return element === undefined ? '' : rawText(element);
}

// Block-level HTML: content that has none is WordPress's raw text, paragraphs separated by blank lines.
const BLOCK_TAG = /<(?:p|div|h[1-6]|ul|ol|table|blockquote|pre|figure|section)\b/i;

/**
 * WordPress stores a post as typed: paragraphs separated by blank lines, a single line break inside one, with HTML
 * only where the author wrote it (`wpautop` adds the `<p>` when the site renders). Shortcodes (`[contact_form]`,
 * `[gallery ids="1,2"]`) are the site's widgets, not text.
 */
function contentParagraphs(content: string): string[] {
  const text = content.replace(/\[\/?[a-z][\w-]*(?:\s[^\]]*)?\]/g, '');
  if (text.trim() === '') return [];
  const html = BLOCK_TAG.test(text)
    ? text
    : text
        .split(/\r?\n\s*\r?\n/)
        .map((p) => `<p>${p.replace(/\r?\n/g, '<br/>')}</p>`)
        .join('');
  return htmlParagraphs(html);
}

function gmt(stamp: string | null): string | null {
  if (stamp === null || stamp.startsWith('0000')) return null;
  const iso = isoStamp(stamp);
  return iso !== null && iso.includes('T') ? `${iso}Z` : iso;
}

function rfc822(text: string | null): string | null {
  if (text === null) return null;
  const time = Date.parse(text);
  return Number.isNaN(time) ? null : new Date(time).toISOString().replace('.000Z', 'Z');
}
