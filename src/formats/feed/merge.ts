import type { ParsedStory } from '../../types.js';

/**
 * A feed item's story after its page was extracted: the page's text and metadata, with the item's title, author,
 * date, language and site filling what the page lacks. Without a page (or with an empty one) the item stands alone.
 * Kept apart from the feed parser so that the pipeline can use it without loading cheerio.
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
    description: page.description ?? item.description ?? null,
    altids: { ...item.altids, ...page.altids },
  };
}
