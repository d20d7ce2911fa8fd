import { hash } from 'node:crypto';
import type { Story } from '../types.js';

/**
 * The exact fingerprint of a story: a hash of its normalized body (the normalizer has already collapsed spacing and
 * taken off dateline, sign-off and trailers), lower-cased so a re-run in another case still matches. A story
 * without a body (a title-only brief) is fingerprinted by its headline instead, so distinct briefs never collide.
 * Punctuation and wording changes are the near-duplicate detector's job.
 */
export function exactFingerprint(story: Pick<Story, 'headline' | 'body'>): string {
  const basis = story.body === '' ? `headline\n${story.headline}` : story.body;
  return hash('sha256', basis.toLowerCase(), 'hex').slice(0, 16);
}
