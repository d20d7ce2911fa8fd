import type { Document } from 'domhandler';
import { byTag, innerText, textKey } from './dom.js';

// `Storm hits coast | The Daily Planet`, `Storm hits coast - BBC News`, `News » World » Storm hits coast`.
const SEPARATOR = /\s[|\-–—\\/>»·:]{1,2}\s/;
const HIERARCHY = /\s[\\/>»]\s/;
const HEADINGS = new Set(['h1', 'h2']);

/**
 * The headline: the page's declared title (JSON-LD or meta) without a trailing site name, else the `<title>` with
 * its site-name part cut off the way Readability does it, else the one `<h1>`.
 */
export function cleanTitle(
  declared: string | null,
  titleTag: string,
  document: Document,
  siteName: string | null,
): string | null {
  if (declared !== null) return untruncated(withoutSite(declared, siteName), document);
  const fromTag = titleTag === '' ? null : fromTitleTag(titleTag, document, siteName);
  if (fromTag !== null && fromTag !== '') return fromTag;
  const h1s = byTag(document, new Set(['h1']));
  return h1s.length === 1 && h1s[0] ? innerText(h1s[0]) || null : null;
}

/**
 * A declared headline cut short for a card (`... for Hong Kong leader...`) is the page's heading when a heading
 * starts with it: the heading is the whole headline.
 */
function untruncated(title: string, document: Document): string {
  const cut = /(?:\.{3}|…)$/.exec(title);
  if (cut === null) return title;
  const lead = textKey(title.slice(0, cut.index));
  if (lead.length < 10) return title;
  const heading = byTag(document, HEADINGS)
    .map(innerText)
    .find((text) => textKey(text).startsWith(lead) && text.length > title.length - cut[0].length);
  return heading ?? title;
}

// A site's name after a Chinese, Japanese or Korean headline, joined without spaces (`...英雄的城！-新华网`,
// `...｜新浪新闻`), and the section's before it (`..._科技_腾讯网`).
const CJK_SITE =
  /^(.*[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}！？。」』）])\s*[-_|｜]\s*([\p{L}\p{N}]{2,10})$/u;

function withoutSite(title: string, siteName: string | null): string {
  let headline = title;
  for (let cuts = 0; cuts < 2; cuts++) {
    const cjk = CJK_SITE.exec(headline);
    if (cjk?.[1] === undefined || cjk[1].length < 2 * (cjk[2]?.length ?? 0)) break;
    headline = cjk[1].trim();
  }
  if (headline !== title) return headline;
  if (siteName === null || siteName.length >= title.length) return title;
  const lower = title.toLowerCase();
  const site = siteName.toLowerCase();
  for (const cut of [lower.lastIndexOf(site), lower.indexOf(site)]) {
    if (cut < 0) continue;
    const before = cut === 0 ? title.slice(site.length) : title.slice(0, cut);
    const rest = cut === 0 ? before.replace(/^\s*[|\-–—:»·]\s*/, '') : before.replace(/\s*[|\-–—:»·]\s*$/, '');
    if (rest !== before && wordCount(rest) >= 2) return rest.trim();
  }
  return title;
}

function fromTitleTag(original: string, document: Document, siteName: string | null): string {
  const title = original.replace(/\s+/g, ' ').trim();
  const withoutSiteName = withoutSite(title, siteName);
  if (withoutSiteName !== title) return withoutSiteName;
  let current = title;
  // `Storm hits coast | The Daily Planet` over `<h1>Storm hits coast</h1>`: the heading confirms the first part.
  const parts = title.split(SEPARATOR);
  if (parts.length > 1 && parts[0] !== undefined && textKey(parts[0]) !== '') {
    const lead = textKey(parts[0]);
    const heading = byTag(document, HEADINGS)
      .map(innerText)
      .find((text) => textKey(text) === lead);
    if (heading !== undefined) return heading;
  }
  if (SEPARATOR.test(title) && !/\s:\s/.test(title)) {
    const hierarchical = HIERARCHY.test(title);
    current = title.replace(/(.*)\s[|\-–—\\/>»·]{1,2}\s.*/, '$1');
    if (wordCount(current) < 3) current = title.replace(/^[^|\-–—\\/>»·]*[|\-–—\\/>»·]{1,2}\s(.*)/, '$1');
    // A short result is only trusted when exactly one separator was cut (`Home » Storm` is not a headline).
    if (
      wordCount(current) <= 4 &&
      (!hierarchical || wordCount(current) !== wordCount(title.replace(SEPARATOR, ' ')) - 1)
    ) {
      current = title;
    }
  } else if (title.includes(': ')) {
    const headings = byTag(document, HEADINGS).map(innerText);
    if (!headings.includes(title)) {
      current = title.slice(title.lastIndexOf(':') + 1).trim();
      if (wordCount(current) < 3) current = title.slice(title.indexOf(':') + 1).trim();
      else if (wordCount(title.slice(0, title.indexOf(':'))) > 5) current = title;
    }
  } else if (title.length > 150 || title.length < 15) {
    const h1s = byTag(document, new Set(['h1']));
    if (h1s.length === 1 && h1s[0]) current = innerText(h1s[0]);
  }
  // Two words are not a headline when the title had more: keep the title whole.
  if (wordCount(current) <= 4 && !HIERARCHY.test(title) && wordCount(title) > wordCount(current)) return title;
  return current.trim();
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => word !== '').length;
}
