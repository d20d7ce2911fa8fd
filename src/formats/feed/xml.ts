import { load, type CheerioAPI } from 'cheerio/slim';
import type { AnyNode, ParentNode } from 'domhandler';
import { capDepth } from '../html/depth.js';
import { isoDate } from '../html/metadata.js';

/** One item of a feed, as the feed describes it. */
export interface FeedItem {
  readonly title: string | null;
  readonly link: string | null;
  readonly author: string | null;
  readonly published: string | null;
  /** The item's content or summary: HTML for RSS `description`/`content:encoded` and Atom `content type="html"`. */
  readonly html: string | null;
  /** The item's id (Atom `id`, RSS `guid`), when it has one. */
  readonly id?: string | null;
  /** A summary given beside the content (Atom `summary`, RSS `description` beside `content:encoded`). */
  readonly summary?: string | null;
}

/** A feed's own fields and its items, in feed order. */
export interface Feed {
  readonly title: string | null;
  readonly language: string | null;
  readonly author: string | null;
  readonly items: readonly FeedItem[];
}

/** Parses RSS 2.0, RSS 1.0 (RDF) and Atom with htmlparser2 in XML mode (forgiving of the usual broken feeds). */
export function parseXmlFeed(xml: string): Feed {
  const $ = load(xml, { xml: { xmlMode: true, decodeEntities: true } });
  // cheerio's text() recurses: a feed nested 10,000 deep would overflow the stack.
  capDepth($.root()[0] as unknown as ParentNode);
  const atom = $('feed').length > 0 && $('channel').length === 0;
  const channel = atom ? $('feed').first() : $('channel').first();
  const title = childText(channel, 'title');
  const language = childText(channel, 'language') ?? ($('feed').attr('xml:lang')?.trim() || null);
  const author = atom
    ? childText(channel.children('author'), 'name')
    : (childText(channel, 'managingEditor') ?? childText(channel, 'dc\\:creator'));
  const items = (atom ? $('entry') : $('item')).toArray().map((node) => (atom ? atomItem($, node) : rssItem($, node)));
  return { title, language, author, items };
}

function rssItem($: CheerioAPI, node: AnyNode): FeedItem {
  const item = $(node);
  const guid = item.children('guid').first();
  const permalink = guid.attr('isPermaLink') !== 'false' ? nonEmpty(guid.text()) : null;
  return {
    title: childText(item, 'title'),
    // FeedBurner's `link` is its redirect; `feedburner:origLink` is the article's own address.
    link:
      childText(item, 'feedburner\\:origLink') ??
      childText(item, 'link') ??
      (item.children('link').attr('href')?.trim() || null) ??
      permalink,
    author: childText(item, 'dc\\:creator') ?? childText(item, 'author'),
    published: isoDate(childText(item, 'pubDate') ?? childText(item, 'dc\\:date')),
    html: childText(item, 'content\\:encoded') ?? childText(item, 'description'),
    id: nonEmpty(guid.text()),
    summary: childText(item, 'content\\:encoded') === null ? null : childText(item, 'description'),
  };
}

function atomItem($: CheerioAPI, node: AnyNode): FeedItem {
  const entry = $(node);
  const links = entry.children('link').toArray();
  const alternate = links.find((link) => ['', 'alternate'].includes($(link).attr('rel') ?? '')) ?? links[0];
  return {
    title: childText(entry, 'title'),
    link: alternate === undefined ? null : $(alternate).attr('href')?.trim() || null,
    author: childText(entry.children('author'), 'name'),
    published: isoDate(childText(entry, 'published') ?? childText(entry, 'updated')),
    html: childText(entry, 'content') ?? childText(entry, 'summary'),
    id: childText(entry, 'id'),
    summary: childText(entry, 'content') === null ? null : childText(entry, 'summary'),
  };
}

function childText(parent: ReturnType<CheerioAPI>, selector: string): string | null {
  return nonEmpty(parent.children(selector).first().text());
}

function nonEmpty(text: string | undefined): string | null {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}
