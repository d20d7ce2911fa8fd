import type { ParsedStory } from '../../types.js';
import type { ParseResult, UnitContext } from '../format.js';
import { extractPage } from './extract.js';
import { readsAsProse } from './prose.js';

export { decodeWeb } from './charset.js';
export { extractPage } from './extract.js';

/**
 * Parses one web page into a story: headline, byline, date, language and canonical URL from its metadata, and the
 * article's paragraphs for the wire normalizer (which then finds a dateline like `WASHINGTON (AP) —` in them).
 */
export function parseHtml(text: string, line: number, context?: UnitContext): ParseResult {
  const base = context?.type === 'url' ? context.location : null;
  const { meta, paragraphs, dropped } = extractPage(text, base);
  if (paragraphs.length === 0) return { stories: [], diagnostics: [] };
  // A directory listing, a section front or a search page would become a story of a few words: refuse it, saying why.
  if (!meta.declaresArticle && !paragraphs.some(readsAsProse)) {
    const message =
      'not an article: the page has no paragraph of running text (a directory listing, an index or a search page?); nothing written';
    return { stories: [], diagnostics: [{ severity: 'error', code: 'not-an-article', message, line }] };
  }
  const story: ParsedStory = {
    headline: meta.headline,
    byline: meta.byline,
    paragraphs,
    published: meta.published,
    language: meta.language,
    url: base,
    canonicalUrl: meta.canonicalUrl,
    siteName: meta.siteName,
    // A site that is an agency (`Reuters`, `Yonhap News Agency`) names the agency; others are ignored there.
    agency: meta.siteName,
    referenceDate: meta.published,
    line,
    // What the extractor took off the article's text goes to `stripped`: nothing disappears silently.
    stripped: dropped,
  };
  return { stories: [story], diagnostics: [] };
}
