import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyFilter, MAX_FILTER_BYTES, MIN_FILTER_BYTES, filterBytes, keyHash } from '../../src/dedup/key-filter.js';

// Keys as the store has them: lead and spread keys are int32, exact keys 48 bits.
const int32 = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
const exact48 = fc.integer({ min: 0, max: 2 ** 48 - 1 });

describe('KeyFilter', () => {
  it('says "maybe" for every key it was given, whatever the keys and the size', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(int32, int32, exact48), { maxLength: 3000 }),
        fc.constantFrom(MIN_FILTER_BYTES, 4 * MIN_FILTER_BYTES),
        (keys, bytes) => {
          const filter = new KeyFilter(new Uint8Array(bytes));
          for (const [lead, spread, exact] of keys) {
            filter.add('lead', lead);
            filter.add('spread', spread);
            filter.add('exact', exact);
          }
          return keys.every(
            ([lead, spread, exact]) =>
              filter.mayHave('lead', lead) && filter.mayHave('spread', spread) && filter.mayHave('exact', exact),
          );
        },
      ),
    );
  });

  it('says "absent" for most keys it was not given, and tells the kinds apart', () => {
    const filter = new KeyFilter(new Uint8Array(filterBytes(30_000)));
    for (let i = 0; i < 30_000; i++) filter.add('lead', i * 7919);
    let maybe = 0;
    for (let i = 0; i < 30_000; i++) if (filter.mayHave('lead', i * 7919 + 1)) maybe++;
    let otherKind = 0;
    for (let i = 0; i < 30_000; i++) if (filter.mayHave('spread', i * 7919)) otherKind++;
    // Two bytes a key and two bits set a key: about one absent key in 70 is a "maybe".
    expect(maybe / 30_000).toBeLessThan(0.03);
    expect(otherKind / 30_000).toBeLessThan(0.03);
  });

  it('gives the hashes of the keys added, once, which a filter of another size takes back as the same keys', () => {
    const small = new KeyFilter(new Uint8Array(MIN_FILTER_BYTES));
    expect(small.takeAdded()).toEqual([]);
    const keys = Array.from({ length: 500 }, (_, i) => 123_456_789_012 + i * 7_777_777);
    for (const key of keys) small.add('exact', key);
    const added = small.takeAdded();
    expect(added).toHaveLength(500);
    expect(small.takeAdded()).toEqual([]);
    expect(added[0]).toBe(keyHash('exact', keys[0]!));
    const large = new KeyFilter(new Uint8Array(8 * MIN_FILTER_BYTES));
    for (const h of added) large.addHash(h);
    expect(keys.every((key) => large.mayHave('exact', key))).toBe(true);
    expect(keys.filter((key) => large.mayHave('lead', key)).length).toBeLessThan(10);
  });

  it('is sized at two bytes a key, in powers of two within its bounds, and says when it is crowded', () => {
    expect(filterBytes(0)).toBe(MIN_FILTER_BYTES);
    expect(filterBytes(MIN_FILTER_BYTES)).toBe(2 * MIN_FILTER_BYTES);
    expect(filterBytes(10 ** 9)).toBe(MAX_FILTER_BYTES);
    const filter = new KeyFilter(new Uint8Array(MIN_FILTER_BYTES));
    for (let i = 0; i < MIN_FILTER_BYTES / 2; i++) filter.add('lead', i);
    expect(filter.crowded()).toBe(false);
    filter.add('lead', -1);
    expect(filter.crowded()).toBe(true);
    const largest = new KeyFilter(new Uint8Array(MAX_FILTER_BYTES), 10 ** 9);
    expect(largest.crowded()).toBe(false);
  });
});
