import { mix32 } from './hash.js';

/** The keys a lookup asks the store for, by kind (each kind hashed apart: a lead key says nothing of a spread key). */
export type KeyKind = 'lead' | 'spread' | 'exact';

const SALT: Readonly<Record<KeyKind, number>> = { lead: 0x1b873593, spread: 0x68e31da4, exact: 0x5bd1e995 };

/**
 * The filter's size is a power of two bytes from this (4 KB, about 700 stories before it grows: a state of a few
 * stories stays a few pages; growing reads the keys from the tables again, a few milliseconds at that size) ...
 */
export const MIN_FILTER_BYTES = 4 * 1024;
/**
 * ... to this, 4 MB: two bytes a key for 700,000 stories (three keys a story); at a million stories one absent key in 35 is
 * still a "maybe", at two million one in 10. Past that the filter stays this size and says "maybe" more often:
 * lookups never cost more than they did without it, and the run's memory stays bounded.
 */
export const MAX_FILTER_BYTES = 4 * 1024 * 1024;
/**
 * The store writes the filter in parts of this many bytes (the last one shorter): one row fills a page of the file
 * (4 KB), with room for the row's own bytes.
 */
export const PART_BYTES = 4000;
// Two bytes (16 bits) a key and two bits set per key: about one false "maybe" in 70 absent keys.
const BYTES_PER_KEY = 2;

/** The filter size for `keys` keys: a power of two, within the bounds. */
export function filterBytes(keys: number): number {
  let bytes = MIN_FILTER_BYTES;
  while (bytes < keys * BYTES_PER_KEY && bytes < MAX_FILTER_BYTES) bytes *= 2;
  return bytes;
}

/**
 * Which keys the store may hold: a Bloom filter over every key it was given, two bits a key. A key it says is absent
 * is in no table, so the lookup skips its probe: most stories are new, their keys are nowhere, and each probe of a
 * table larger than the page cache costs a read of the file. It never forgets a key (stories pushed to the archive
 * keep theirs), so a "maybe" may find nothing, and an "absent" is always right.
 */
export class KeyFilter {
  // The hashes of the keys added since the last takeAdded (see {@link takeAdded}).
  private added: number[] = [];
  private readonly mask: number;

  /** A filter over the given bits: a power of two bytes. */
  constructor(
    readonly bits: Uint8Array,
    /** How many keys were added: when it outgrows the size, the store builds a larger filter. */
    public keys = 0,
  ) {
    this.mask = bits.length * 8 - 1;
  }

  add(kind: KeyKind, key: number): void {
    const h = keyHash(kind, key);
    this.addHash(h);
    this.added.push(h);
    this.keys++;
  }

  /**
   * Adds a key by its hash, as {@link takeAdded} gave it: the hash does not depend on the filter's size, so a log of
   * hashes can be replayed into a filter of any size.
   */
  addHash(h: number): void {
    this.set(h & this.mask);
    this.set(mix32(h) & this.mask);
  }

  /** False when the key was never added. */
  mayHave(kind: KeyKind, key: number): boolean {
    const h = keyHash(kind, key);
    return this.get(h & this.mask) && this.get(mix32(h) & this.mask);
  }

  /** True when the filter holds more keys than its size is meant for, and a larger size is allowed. */
  crowded(): boolean {
    return filterBytes(this.keys) > this.bits.length;
  }

  /** The hashes of the keys {@link add}ed since the last call, in order. */
  takeAdded(): number[] {
    const added = this.added;
    this.added = [];
    return added;
  }

  private set(bit: number): void {
    this.bits[bit >>> 3] = this.bits[bit >>> 3]! | (1 << (bit & 7));
  }

  private get(bit: number): boolean {
    return (this.bits[bit >>> 3]! & (1 << (bit & 7))) !== 0;
  }
}

/** A 32-bit hash of a key (an int32 lead or spread key, or 48 exact bits) and its kind, unsigned. */
export function keyHash(kind: KeyKind, key: number): number {
  const high = Math.floor(key / 0x100000000);
  return mix32((key ^ SALT[kind]) + Math.imul(high, 0x27d4eb2f));
}
