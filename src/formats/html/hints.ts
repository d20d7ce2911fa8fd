import type { Element } from 'domhandler';
import { attr, classAndId } from './dom.js';

/**
 * Class and id hints, the signals Readability, trafilatura and newspaper share: site templates name their parts,
 * and the names are much the same everywhere (`article-body`, `story-content`, `related-links`, `share-bar`).
 */

/** Parts of a page that are almost never the article: removed before scoring unless they also look like content. */
export const UNLIKELY =
  /-ad-|ai2html|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|newsletter|subscribe|signup|sign-up|paywall|cookie|consent|share-bar|sharebar|share-tools|most-popular|mostpopular|trending|outbrain|taboola|recirc|more-stories|promo-box|toolbar|masthead|navbar|nav-bar/i;
/** Words that rescue an unlikely-looking part: `article-header` may hold the article. */
export const MAYBE = /and|article|body|column|content|main|mathjax|shadow/i;
const POSITIVE = /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story|paragraph|prose/i;
const NEGATIVE =
  /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|newsletter|subscribe|signup|caption|credit|byline|author|social|recommend|taboola|advert|teaser|breadcrumb|callout/i;
/** Share bars: `share`, `sharedaddy`, `share-tools`, `social-share`. */
export const SHARE = /(?:\b|_)(?:share|sharedaddy|social)(?:\b|_)/i;
/** Photo captions and credits, which the issue keeps out of the body: one class token such as `caption`,
 * `wp-caption-text`, `image-credit`, `media__caption` (but not `no_caption`, a flag some templates set). */
export const CAPTION =
  /(?:^|\s)(?!no[-_])(?:[a-z0-9]+[-_]+)*(?:caption|credits?|figcaption)(?:[-_]+(?:text|wrapper|container))?(?:\s|$)/i;
/** ARIA roles of page furniture. */
export const UNLIKELY_ROLES = new Set([
  'menu',
  'menubar',
  'complementary',
  'navigation',
  'alert',
  'alertdialog',
  'dialog',
  'banner',
  'contentinfo',
  'search',
]);

/** -25..+50: what an element's class and id say about it (each of them counts once). */
export function classWeight(element: Element): number {
  let weight = 0;
  for (const name of [attr(element, 'class'), attr(element, 'id')]) {
    if (name === '') continue;
    if (NEGATIVE.test(name)) weight -= 25;
    if (POSITIVE.test(name)) weight += 25;
  }
  return weight;
}

/** True when the class or id marks page furniture and nothing marks it as content. */
export function looksUnlikely(element: Element): boolean {
  const hints = classAndId(element);
  return hints !== '' && UNLIKELY.test(hints) && !MAYBE.test(hints);
}
