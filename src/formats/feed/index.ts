import { load } from 'cheerio/slim';
import type { Document } from 'domhandler';
import type { ParsedStory } from '../../types.js';
import type { ParseResult, UnitContext } from '../format.js';
import { capDepth } from '../html/depth.js';
import { paragraphsOf } from '../html/paragraphs.js';
import { parseJsonFeed } from './json.js';
import { parseXmlFeed, type Feed, type FeedItem } from './xml.js';

export type { Feed, FeedItem } from './xml.js';
export { mergeFeedItem } from './merge.js';

/**
 * Parses a feed into one story per item, in feed order. Each story carries the item's link as `url` (absolute),
 * its title, author and date, and the text of its content or summary; the pipeline fetches the link and lets the
 * page's own text and metadata win (see `mergeFeedItem`).
 */
export function parseFeedUnit(text: string, line: number, context?: UnitContext): ParseResult {
  const feed = /^\s*\{/.test(text) ? parseJsonFeed(text) : parseXmlFeed(text);
  if (feed === null) {
    return {
      stories: [],
      diagnostics: [{ severity: 'error', code: 'bad-feed', message: 'not a readable RSS, Atom or JSON feed', line }],
    };
  }
  const base = context?.type === 'url' ? context.location : null;
  return { stories: feed.items.map((item) => itemStory(feed, item, base, line)), diagnostics: [] };
}

function itemStory(feed: Feed, item: FeedItem, base: string | null, line: number): ParsedStory {
  return {
    headline: item.title,
    byline: item.author ?? feed.author,
    paragraphs: item.html === null ? [] : htmlParagraphs(item.html),
    published: item.published,
    language: feed.language,
    url: absolute(item.link, base),
    siteName: feed.title,
    agency: feed.title,
    referenceDate: item.published,
    ...(item.id ? { altids: { id: item.id } } : {}),
    ...(item.summary ? { description: htmlParagraphs(item.summary).join(' ') || null } : {}),
    line,
  };
}

function htmlParagraphs(html: string): string[] {
  const document = load(html).root()[0] as unknown as Document;
  capDepth(document);
  return paragraphsOf(document.children);
}

function absolute(link: string | null, base: string | null): string | null {
  if (link === null) return null;
  try {
    return new URL(link, base ?? undefined).href;
  } catch {
    return null;
  }
}
