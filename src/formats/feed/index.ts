import { load } from 'cheerio/slim';
import type { Document } from 'domhandler';
import type { ParsedStory } from '../../types.js';
import type { ParseResult, UnitContext } from '../index.js';
import { paragraphsOf } from '../html/paragraphs.js';
import { parseJsonFeed } from './json.js';
import { parseXmlFeed, type Feed, type FeedItem } from './xml.js';

export type { Feed, FeedItem } from './xml.js';

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
    line,
  };
}

function htmlParagraphs(html: string): string[] {
  const document = load(html).root()[0] as unknown as Document;
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

/**
 * A feed item's story after its page was extracted: the page's text and metadata, with the item's title, author,
 * date and language filling what the page lacks. Without a page (or with an empty one) the item stands alone.
 */
export function mergeFeedItem(item: ParsedStory, page: ParsedStory | null): ParsedStory {
  if (page === null || page.paragraphs.length === 0) return item;
  return {
    ...page,
    headline: page.headline ?? item.headline,
    byline: page.byline ?? item.byline ?? null,
    published: page.published ?? item.published ?? null,
    language: page.language ?? item.language ?? null,
    siteName: page.siteName ?? item.siteName ?? null,
    agency: page.agency ?? item.agency ?? null,
    referenceDate: page.referenceDate ?? item.published ?? null,
  };
}
