import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { load } from 'cheerio/slim';
import { decodeWeb } from '../src/formats/html/charset.js';
import { parseHtml } from '../src/formats/html/index.js';
import { normalizeStory } from '../src/normalize/story.js';

/** What an extractor gave for one page. */
export interface Extraction {
  readonly text: string;
  readonly title: string | null;
  readonly byline: string | null;
  readonly published: string | null;
}

/** The page's text, as wire writes it: the dateline (which the record keeps in its own field) and the body. */
export function wire(bytes: Buffer, url: string | null): Extraction {
  const { text } = decodeWeb(bytes);
  const context = { type: 'url' as const, location: url ?? 'http://localhost/', contentType: null, bom: null };
  const story = parseHtml(text, 1, context).stories[0];
  if (story === undefined) return { text: '', title: null, byline: null, published: null };
  const origin = {
    type: 'url' as const,
    location: context.location,
    format: 'html' as const,
    index: 0,
    charset: 'utf-8',
  };
  const record = normalizeStory(story, { origin, now: '2026-11-27T00:00:00Z', referenceDate: null });
  return {
    text: [record.dateline?.text ?? '', record.body].join(' '),
    title: record.headline || null,
    byline: record.byline,
    published: record.published,
  };
}

/** Mozilla Readability.js on linkedom's DOM, the baseline, given the same decoded text. */
export function readability(bytes: Buffer, url: string | null): Extraction {
  const { text } = decodeWeb(bytes);
  // linkedom's types name DOM types this project does not load (no "dom" lib): treat its window as unknown.
  const window: unknown = parseHTML(text);
  void url;
  const article = new Readability((window as { document: never }).document).parse();
  return {
    text: article?.textContent ?? '',
    title: article?.title ?? null,
    byline: article?.byline ?? null,
    published: article?.publishedTime ?? null,
  };
}

/** The text of an HTML fragment (the expected output of Readability's test pages). */
export function htmlText(html: string): string {
  const $ = load(html);
  $('br').replaceWith('\n');
  $('p, div, li, h1, h2, h3, h4, h5, h6, td, pre, blockquote').append('\n');
  return $.root().text();
}
