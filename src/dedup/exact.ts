import { createHash } from 'node:crypto';
import type { Story } from '../types.js';

/**
 * Below this many words a body does not say which story it is — `Qtly div six cts vs six cts prior / Pay April 10`
 * is printed for many companies — so the headline joins it in both fingerprints.
 */
export const SHORT_BODY_WORDS = 25;

/**
 * The exact fingerprint of a story: a hash of its body with case, punctuation and spacing normalized away, so a
 * re-run of the same copy matches even if a republisher changed quotes or line breaks. A body too short to say
 * which story it is (`Qtly div six cts vs six cts prior`, printed for many companies; a title-only brief) is
 * fingerprinted with its headline, so that distinct briefs never collide.
 */
export function exactFingerprint(story: Pick<Story, 'headline' | 'body'>): string {
  const body = normalizeForMatch(story.body);
  const short = body === '' || body.split(' ').length < SHORT_BODY_WORDS;
  const basis = short ? `headline:${normalizeForMatch(story.headline)}\n${body}` : body;
  return createHash('sha256').update(basis).digest('hex').slice(0, 16);
}

/** Lower-cases text and reduces it to its letters and digits separated by single spaces. */
export function normalizeForMatch(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
