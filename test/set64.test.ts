import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HexSet64 } from '../src/dedup/set64.js';

describe('HexSet64', () => {
  it('behaves like a Set of 16-hex-digit keys, through growth', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[0-9a-f]{16}$/), { maxLength: 3000 }), (keys) => {
        const ours = new HexSet64();
        const reference = new Set<string>();
        for (const key of keys) {
          expect(ours.add(key)).toBe(!reference.has(key));
          reference.add(key);
        }
        expect(ours.size).toBe(reference.size);
        for (const key of keys) expect(ours.has(key)).toBe(true);
        expect(ours.has('ffffffffffffffff')).toBe(reference.has('ffffffffffffffff'));
      }),
      { numRuns: 50 },
    );
  });

  it('tells apart keys that share their first or last half', () => {
    const set = new HexSet64();
    expect(set.add('00000000aaaaaaaa')).toBe(true);
    expect(set.add('00000000bbbbbbbb')).toBe(true);
    expect(set.add('ccccccccaaaaaaaa')).toBe(true);
    expect(set.add('00000000aaaaaaaa')).toBe(false);
    expect(set.size).toBe(3);
  });
});
