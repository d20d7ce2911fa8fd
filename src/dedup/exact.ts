import { bodyDigest } from '../normalize/story.js';
import type { Story } from '../types.js';

/**
 * The exact fingerprint of a story: 16 hex digits of the SHA-256 of its normalized body (the normalizer has already
 * collapsed spacing and taken off dateline, sign-off and trailers), or of its headline when it has no body. The
 * normalizer computes it once and the record carries it as `fingerprint.exact`; this recomputes it for any story.
 * Case, punctuation and wording changes are the near-duplicate detector's job.
 */
export function exactFingerprint(story: Pick<Story, 'headline' | 'body'>): string {
  return bodyDigest(story.headline, story.body).slice(0, 16);
}
