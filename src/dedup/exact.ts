import { createHash } from 'node:crypto';
import type { Story } from '../types.js';
import { canonicalTokens } from './canon.js';

/**
 * Below this many words a body does not say which story it is — `Qtly div six cts vs six cts prior / Pay April 10`
 * is printed for many companies — so the headline joins it in both fingerprints.
 */
export const SHORT_BODY_WORDS = 25;

/**
 * The exact fingerprint of a story: a hash of its body's canonical tokens (case, punctuation, spacing and house
 * style normalized away), so a re-run of the same copy matches even if a republisher changed quotes, line breaks or
 * `pct` to `percent`. A body too short to say which story it is (`Qtly div six cts vs six cts prior`, printed for
 * many companies; a title-only brief) is fingerprinted with its headline, so that distinct briefs never collide.
 */
export function exactFingerprint(story: Pick<Story, 'headline' | 'body'>): string {
  return exactOfTokens(canonicalTokens(story.body), story.headline);
}

/** {@link exactFingerprint} of a body already split into canonical tokens. */
export function exactOfTokens(body: readonly string[], headline: string): string {
  const hash = createHash('sha256');
  if (body.length < SHORT_BODY_WORDS) hash.update(`headline:${canonicalTokens(headline).join(' ')}\n`);
  return hash.update(body.join(' ')).digest('hex').slice(0, 16);
}
