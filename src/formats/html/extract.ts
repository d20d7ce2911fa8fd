import { load } from 'cheerio/slim';
import type { Document } from 'domhandler';
import { cleanDocument, type Flags } from './clean.js';
import { capDepth } from './depth.js';
import { descendants, textKey } from './dom.js';
import { readMeta, type PageMeta } from './metadata.js';
import { paragraphsOf } from './paragraphs.js';
import { pruneArticle } from './prune.js';
import { findArticle } from './score.js';
import { withoutFurniture } from './trim.js';

/** A page's metadata and its article text. */
export interface ExtractedPage {
  readonly meta: PageMeta;
  readonly paragraphs: readonly string[];
  /** Text of the article's block taken off as furniture (labels, promos, navigation, strays), for `stripped`. */
  readonly dropped: readonly string[];
}

// Strictest first; a page whose article comes out shorter than this is tried again with fewer steps.
const ATTEMPTS: readonly Flags[] = [
  { stripUnlikely: true, weightClasses: true, cleanConditionally: true },
  { stripUnlikely: false, weightClasses: true, cleanConditionally: true },
  { stripUnlikely: false, weightClasses: false, cleanConditionally: true },
  { stripUnlikely: false, weightClasses: false, cleanConditionally: false },
];
const ENOUGH_TEXT = 500;
// A fragment of a page, its text's elements with no document around them (`<h1>...</h1><p>...</p>`, as a CMS stores
// an article's body): read as the article of a page.
const FRAGMENT = /^\s*<(?:h[1-6]|p|section|figure|blockquote)[\s>]/i;

/**
 * Extracts the article from a page: metadata first (JSON-LD, meta tags, markup), then the main text by scoring.
 * Parses with cheerio on htmlparser2; pure: `baseUrl` (the page's URL) only resolves relative links.
 */
export function extractPage(page: string, baseUrl: string | null): ExtractedPage {
  const html =
    FRAGMENT.test(page) && !/<body[\s>]/i.test(page) ? `<html><body><article>${page}</article></body></html>` : page;
  let best: { meta: PageMeta; paragraphs: string[]; navigation: string[]; length: number } | null = null;
  let found: PageMeta | null = null;
  for (const flags of ATTEMPTS) {
    const document = load(html, baseUrl === null ? null : { baseURI: baseUrl }).root()[0] as unknown as Document;
    capDepth(document);
    const elements = descendants(document);
    // Metadata does not depend on the cleaning flags: read it from the first parse only.
    const meta = (found ??= readMeta(document, baseUrl, elements));
    const { byline } = cleanDocument(document, flags, elements);
    const nodes = findArticle(document, flags);
    pruneArticle(nodes, meta.headline, flags);
    const navigation: string[] = [];
    const paragraphs = paragraphsOf(nodes, navigation);
    const length = paragraphs.reduce((sum, paragraph) => sum + paragraph.length, 0);
    if (best === null || length > best.length)
      best = { meta: { ...meta, byline: chooseByline(meta, byline) }, paragraphs, navigation, length };
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
      dropped: [],
    };
  }
  const { kept, dropped } = withoutFurniture(best.paragraphs, best.meta.headline, best.meta.byline !== null);
  return { meta: best.meta, paragraphs: kept, dropped: [...dropped, ...best.navigation] };
}

/**
 * The page's declared author (JSON-LD, meta tags), unless it is only the site's own name (`National Geographic`)
 * and the page prints a byline of its own: then the printed one, which names the writer.
 */
function chooseByline(meta: PageMeta, printed: string | null): string | null {
  if (meta.byline === null) return printed;
  if (printed === null || meta.siteName === null) return meta.byline;
  return textKey(meta.byline) === textKey(meta.siteName) ? printed : meta.byline;
}
