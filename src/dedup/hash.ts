/**
 * Small, fast, deterministic 32-bit hashes for fingerprints. Not cryptographic: they only have to spread word
 * tokens evenly and be the same on every machine and run.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over a string's UTF-16 code units, finished with {@link mix32}. */
export function hashString(text: string): number {
  return mix32(fnv(FNV_OFFSET, text));
}

/** {@link hashString} of the words joined by spaces, without joining them. */
export function hashWords(words: readonly string[]): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < words.length; i++) {
    if (i > 0) h = Math.imul(h ^ 32, FNV_PRIME);
    h = fnv(h, words[i]!);
  }
  return mix32(h);
}

function fnv(start: number, text: string): number {
  let h = start;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
}

/** MurmurHash3's finalizer: every input bit affects every output bit. Returns an unsigned 32-bit value. */
export function mix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Folds one more 32-bit value into a running hash (order matters). Returns a signed 32-bit value, so that it stays
 * a small integer in V8 (the sketch folds a story's first tokens with it); callers use only its bits.
 */
export function combine(running: number, value: number): number {
  return mix32(Math.imul(running ^ value, 0x9e3779b1) + 0x7f4a7c15) | 0;
}
