import { createHash } from 'node:crypto';
/**
 * The exact fingerprint of a story: a hash of its body with case, punctuation and spacing normalized away, so a
 * re-run of the same copy matches even if a republisher changed quotes or line breaks. A story without a body (a
 * title-only brief) is fingerprinted by its headline instead, so that distinct briefs never collide.
 */
export function exactFingerprint(story) {
    const basis = story.body === '' ? `headline:${normalizeForMatch(story.headline)}` : normalizeForMatch(story.body);
    return createHash('sha256').update(basis).digest('hex').slice(0, 16);
}
/** Lower-cases text and reduces it to its letters and digits separated by single spaces. */
export function normalizeForMatch(text) {
    return text
        .normalize('NFKC')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim();
}
