import { load } from 'cheerio/slim';
import type { Document } from 'domhandler';
import { cleanDocument, type Flags } from './clean.js';
import { readMeta, type PageMeta } from './metadata.js';
import { paragraphsOf } from './paragraphs.js';
import { pruneArticle } from './prune.js';
import { findArticle } from './score.js';

/** A page's metadata and its article text. */
export interface ExtractedPage {
  readonly meta: PageMeta;
  readonly paragraphs: readonly string[];
}

// Strictest first; a page whose article comes out shorter than this is tried again with fewer steps.
const ATTEMPTS: readonly Flags[] = [
  { stripUnlikely: true, weightClasses: true, cleanConditionally: true },
  { stripUnlikely: false, weightClasses: true, cleanConditionally: true },
  { stripUnlikely: false, weightClasses: false, cleanConditionally: true },
  { stripUnlikely: false, weightClasses: false, cleanConditionally: false },
];
const ENOUGH_TEXT = 500;

/**
 * Extracts the article from a page: metadata first (JSON-LD, meta tags, markup), then the main text by scoring.
 * Parses with cheerio on htmlparser2; pure: `baseUrl` (the page's URL) only resolves relative links.
 */
export function extractPage(html: string, baseUrl: string | null): ExtractedPage {
  let best: { meta: PageMeta; paragraphs: string[]; length: number } | null = null;
  for (const flags of ATTEMPTS) {
    const document = load(html, baseUrl === null ? null : { baseURI: baseUrl }).root()[0] as unknown as Document;
    const meta = readMeta(document, baseUrl);
    const { byline } = cleanDocument(document, flags);
    const nodes = findArticle(document, flags);
    pruneArticle(nodes, meta.headline, flags);
    const paragraphs = paragraphsOf(nodes);
    const length = paragraphs.reduce((sum, paragraph) => sum + paragraph.length, 0);
    if (best === null || length > best.length)
      best = { meta: { ...meta, byline: meta.byline ?? byline }, paragraphs, length };
    if (length >= ENOUGH_TEXT) break;
  }
  if (best === null) throw new Error('unreachable: no extraction attempt ran');
  const fromJsonLd = best.meta.jsonLdBody;
  // Some pages render their text with JavaScript and ship it only as JSON-LD `articleBody`.
  if (fromJsonLd !== null && best.length < fromJsonLd.length / 2) {
    return {
      meta: best.meta,
      paragraphs: fromJsonLd
        .split(/\n+/)
        .map((p) => p.trim())
        .filter((p) => p !== ''),
    };
  }
  return { meta: best.meta, paragraphs: withoutFurniture(best.paragraphs, best.meta.headline) };
}

// Lines that sit between a headline and the story: `Source: Xinhua | 2026-11-27 10:05:12 | Editor: Li Yan`,
// `Updated 6:01 am`, `November 27, 2026`, `3 min read`.
const FURNITURE =
  /^(?:[^|]{0,80}(?:\s[|·•]\s[^|]{0,80}){1,6}|(?:updated|published|posted|last updated)\b.{0,60}|\d+ min(?:ute)?s? read|[\p{L}.]+ \d{1,2}, \d{4}(?: \d{1,2}:\d{2}.{0,12})?|\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2}(?::\d{2})?)?)$/iu;

// Newsletter plugs set between a story's paragraphs: `Never miss the latest news by signing up to our newsletter
// today!`, `Simply pop your email into the box at the top of this article`, `Sign up for our daily briefing`.
const PROMO =
  /\b(?:sign(?:ing)? up|subscribe|subscribing)\b.{0,80}\b(?:newsletter|inbox|briefing)\b|\b(?:newsletter|inbox)\b.{0,60}\b(?:sign(?:ing)? up|subscribe)\b|\bpop your email\b/i;

/**
 * Drops the headline where the page repeats it in the text, and the short meta lines that come before the story's
 * first sentence, so that the first paragraph is the story's own and the normalizer can find its dateline.
 */
function withoutFurniture(paragraphs: readonly string[], headline: string | null): string[] {
  const title = headline === null ? null : key(headline);
  const out: string[] = [];
  let started = false;
  for (const paragraph of paragraphs) {
    if (title !== null && paragraph.length <= title.length * 2 + 20 && key(paragraph) === title) continue;
    if (!started && paragraph.length < 200 && FURNITURE.test(paragraph)) continue;
    if (paragraph.length < 250 && PROMO.test(paragraph)) continue;
    started ||= paragraph.length >= 80;
    out.push(paragraph);
  }
  return out;
}

function key(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}
