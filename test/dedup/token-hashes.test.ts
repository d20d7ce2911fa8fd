import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalTokens, hasAsciiAbbreviation, isNumberToken } from '../../src/dedup/canon.js';
import { hashString } from '../../src/dedup/hash.js';
import { SketchBuilder, nearSketch } from '../../src/dedup/sketch.js';
import { canonicalHashes, scanCanonical } from '../../src/dedup/token-hashes.js';

// Wire-ish ASCII that reaches every rewrite: tickers, abbreviations, quotes, %, &, per cent, thousands, house style.
const pieces = fc.constantFrom(
  ' ',
  '  ',
  '\n',
  '.',
  ',',
  '/',
  ':',
  "'",
  '`',
  '%',
  '&',
  '<',
  '>',
  '_',
  '-',
  '(',
  ')',
  'U.S.',
  'u.s.a.',
  'N.K.',
  'a.b',
  'per cent',
  'Per Cent',
  'per  cent',
  'PER CENT',
  '_per cent',
  'per cent_',
  '5per cent',
  "per' cent",
  'per cents',
  'per',
  'cent',
  'percent',
  '1,000',
  '1,00,000',
  '2.5',
  '6-1/8',
  '09:30',
  '12,3456',
  '1,000.5',
  '007',
  'pct',
  'mln',
  'dlrs',
  'Two',
  'TWO',
  'PCT',
  'Mln',
  "Company's",
  'twenty',
  'inc',
  'vs',
  'company',
  "company's",
  '<LLOY.L>',
  '<Theta Corp>',
  '<>',
  '<A<B>',
  'Seoul',
  'SEOUL',
  'x',
  'Q3',
);
const asciiText = fc
  .array(fc.oneof(pieces, fc.string({ maxLength: 6 })), { maxLength: 40 })
  .map((parts) => parts.join(''));

describe('canonicalHashes', () => {
  it('gives exactly the hashes and number flags of canonicalTokens', () => {
    fc.assert(
      fc.property(fc.oneof(asciiText, fc.string({ unit: 'grapheme' })), (text) => {
        const tokens = canonicalTokens(text);
        const { hashes, isNumber } = canonicalHashes(text);
        expect(hashes).toEqual(tokens.map(hashString));
        expect(isNumber).toEqual(tokens.map(isNumberToken));
      }),
      { numRuns: 3000 },
    );
  });

  it('streams into the sketch builder the sketch the tokens give', () => {
    fc.assert(
      fc.property(fc.oneof(asciiText, fc.string({ unit: 'grapheme' })), (text) => {
        const builder = new SketchBuilder();
        scanCanonical(text, builder);
        expect(builder.sketch()).toEqual(nearSketch(canonicalTokens(text)));
        expect(builder.tokens).toBe(canonicalTokens(text).length);
      }),
      { numRuns: 3000 },
    );
  });

  it('folds house style and number words like the tokens do', () => {
    expect(canonicalHashes('rose 5 pct to 12 mln dlrs, two said').hashes).toEqual(
      canonicalHashes('rose 5% to 12 million dollars, 2 said').hashes,
    );
  });
});

describe('hasAsciiAbbreviation', () => {
  it('is true wherever the abbreviation pattern matches, so skipping the regex when it is false changes nothing', () => {
    fc.assert(
      fc.property(asciiText, (text) => {
        const lower = text.toLowerCase();
        if (/(?<![a-z0-9])(?:[a-z]\.){2,}/.test(lower)) expect(hasAsciiAbbreviation(lower)).toBe(true);
      }),
      { numRuns: 3000 },
    );
    expect(hasAsciiAbbreviation('the u.s. said')).toBe(true);
    expect(hasAsciiAbbreviation('he said. then a.b left.')).toBe(false);
  });
});
