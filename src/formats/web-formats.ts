import type { Format, UnitContext } from './format.js';
import { wholeInput } from './frame.js';

import type * as FeedParser from './feed/index.js';
import type * as HtmlParser from './html/index.js';

type HtmlModule = typeof HtmlParser;
type FeedModule = typeof FeedParser;

let htmlModule: HtmlModule | undefined;
let feedModule: FeedModule | undefined;

function loaded<T>(module: T | undefined, name: string): T {
  if (module === undefined) throw new Error(`the ${name} parser was used before load() finished`);
  return module;
}

/**
 * Web pages, parsed whole. The parser (cheerio, htmlparser2, chardet) is imported by `load()` the first time a
 * page is met, so a run over plain wire files never pays for it.
 */
export const html: Format = {
  name: 'html',
  boundary: wholeInput,
  async load() {
    htmlModule ??= await import('./html/index.js');
  },
  decodeDocument(bytes: Uint8Array, context: UnitContext) {
    return loaded(htmlModule, 'html').decodeWeb(bytes, context);
  },
  parse(text: string, line: number, context?: UnitContext) {
    return loaded(htmlModule, 'html').parseHtml(text, line, context);
  },
};

/**
 * RSS 2.0, RSS 1.0, Atom and JSON Feed documents, parsed whole into one story per item. The pipeline then fetches
 * each item's link and extracts the page; the item's own fields fill what the page lacks.
 */
export const feed: Format = {
  name: 'feed',
  boundary: wholeInput,
  async load() {
    feedModule ??= await import('./feed/index.js');
    htmlModule ??= await import('./html/index.js');
  },
  decodeDocument(bytes: Uint8Array, context: UnitContext) {
    return loaded(htmlModule, 'html').decodeWeb(bytes, context);
  },
  parse(text: string, line: number, context?: UnitContext) {
    return loaded(feedModule, 'feed').parseFeedUnit(text, line, context);
  },
};
