import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalTokens } from '../../src/dedup/canon.js';
import { Deduper, itemOf } from '../../src/dedup/deduper.js';
import { decodeSketch, encodeSketch, fingerprintStory } from '../../src/dedup/fingerprint.js';
import { hashString, hashWords } from '../../src/dedup/hash.js';
import { NEAR_THRESHOLD, sketchSimilarity } from '../../src/dedup/similarity.js';
import { titleHash } from '../../src/dedup/sketch.js';
import type { Story } from '../../src/types.js';
import { EDITS, HARBOUR, render, storyOf } from './stories.js';

/** True when the dedup stage would call b a copy of a: a shared retrieval key and a similar sketch. */
function matches(a: Story, b: Story): boolean {
  const fa = fingerprintStory(a).sketch;
  const fb = fingerprintStory(b).sketch;
  const keyed = fa.lead === fb.lead || fa.spread === fb.spread;
  return keyed && sketchSimilarity(fa, fb) >= NEAR_THRESHOLD;
}

const original = storyOf(render(HARBOUR));

describe('near fingerprint: republished variants match the original', () => {
  it.each(Object.entries(EDITS))('matches a copy that %s', (_name, edit) => {
    const copy = storyOf(render(edit(HARBOUR)));
    expect(matches(original, copy)).toBe(true);
    expect(matches(copy, original)).toBe(true);
  });
});

/** Two companies' stories from one template: they share the lead's wording, not its facts. */
function acquisition(buyer: string, target: string, price: string, extra: string): Story {
  return storyOf(
    render({
      headline: `${buyer} completes ${target} purchase`,
      dateline: 'CHICAGO, June 2 (Reuters) -',
      paragraphs: [
        `${buyer} said it completed the acquisition of ${target} for ${price} mln dlrs in cash, a deal first announced in the spring.`,
        extra,
        'The company said the transaction would add to earnings per share in its first full year.',
      ],
    }),
  );
}

describe('near fingerprint: distinct stories do not match', () => {
  it('keeps apart two template leads about different companies', () => {
    const a = acquisition('Northfield Tools', 'Brightline Fasteners', '85', 'Brightline makes bolts in Ohio.');
    const b = acquisition('Corvane Foods', 'Pelham Bakeries', '212', 'Pelham runs 40 bakeries in Texas.');
    expect(matches(a, b)).toBe(false);
  });

  it('keeps apart a template story whose only difference is the figures', () => {
    const a = acquisition('Northfield Tools', 'Brightline Fasteners', '85', 'The price was 12 times earnings.');
    const b = acquisition('Northfield Tools', 'Brightline Fasteners', '97', 'The price was 14 times earnings.');
    expect(matches(a, b)).toBe(false);
  });

  it('keeps apart the same market report on two different days', () => {
    const report = (day: string, amount: string, rate: string): Story =>
      storyOf(
        render({
          headline: 'Central bank adds reserves via repurchases',
          dateline: `NEW YORK, March ${day} -`,
          paragraphs: [
            `The central bank entered the securities market to arrange ${amount} billion dlrs of repurchase agreements, a spokesman said.`,
            `Dealers said overnight funds were trading at ${rate} pct when the bank began its operation.`,
          ],
        }),
      );
    expect(matches(report('11', 'two', '6-1/8'), report('17', 'two', '6-1/8'))).toBe(false);
    expect(matches(report('11', 'two', '6-1/8'), report('11', 'three', '6-1/4'))).toBe(false);
  });

  it('keeps apart short notices that differ only in the company', () => {
    const notice = (company: string): Story =>
      storyOf(
        `${company} sets quarterly dividend\n\nQtly div six cts vs six cts prior\n\nPay April 10\n\nRecord March 27\n`,
      );
    expect(matches(notice('Halden Mills'), notice('Osprey Freight'))).toBe(false);
    // Their bodies are the same, so the exact fingerprints are too; the dedup stage still keeps both.
    const verdicts = new Deduper('near', null).decide([
      itemOf(notice('Halden Mills')),
      itemOf(notice('Osprey Freight')),
    ]);
    expect(verdicts.map((v) => v.kind)).toEqual(['new', 'new']);
    expect(
      new Deduper('exact', null).decide([itemOf(notice('Halden Mills')), itemOf(notice('Osprey Freight'))])[1]?.kind,
    ).toBe('new');
  });

  it('keeps apart unrelated stories that share a boilerplate closing paragraph', () => {
    const closing = 'The company is a leading provider of industrial services across North America and Europe.';
    const a = storyOf(render({ ...HARBOUR, paragraphs: [...HARBOUR.paragraphs.slice(0, 2), closing] }));
    const b = storyOf(
      render({
        headline: 'Kestrel Energy wins wind farm contract',
        dateline: 'OSLO, March 4 (Reuters) -',
        paragraphs: [
          'Kestrel Energy said on Tuesday it had won a contract to build a 600 megawatt wind farm off the Norwegian coast, its largest order to date.',
          'Construction will start next spring and employ about 900 people at its peak, the company said.',
          closing,
        ],
      }),
    );
    expect(matches(a, b)).toBe(false);
  });
});

describe('canonical tokens', () => {
  it('treats house-style spellings as one form', () => {
    expect(canonicalTokens('rose 5 pct to 12 mln dlrs')).toEqual(canonicalTokens('rose 5% to 12 million dollars'));
    expect(canonicalTokens('The U.S. said two')).toEqual(canonicalTokens('the US said 2'));
    expect(canonicalTokens('Lloyds Bank Plc <LLOY.L> said')).toEqual(canonicalTokens('Lloyds Bank Plc said'));
  });
});

describe('fingerprint encoding', () => {
  it('reads back the sketch the record carries', () => {
    const fingerprint = fingerprintStory(original);
    expect(decodeSketch(fingerprint.near)).toEqual(fingerprint.sketch);
    expect(fingerprint.exact).toMatch(/^[0-9a-f]{16}$/);
  });

  it('is the same on every run', () => {
    expect(fingerprintStory(storyOf(render(HARBOUR)))).toEqual(fingerprintStory(original));
  });

  it('reads back any sketch it writes', () => {
    const sketch = fc
      .record({
        lead: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
        spread: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
        day: fc.integer({ min: 0, max: 255 }),
        title: fc.integer({ min: 0, max: 0xffff }),
        short: fc.boolean(),
        chunks: fc.integer({ min: 0, max: 127 }),
        numbers: fc.array(fc.integer({ min: 0, max: 0xffffff }), { maxLength: 5 }),
        opening: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 9, maxLength: 9 }),
      })
      .map((s) => ({ ...s, opening: s.opening.slice(0, Math.min(s.chunks, 9)) }));
    fc.assert(
      fc.property(sketch, (s) => {
        expect(decodeSketch(encodeSketch(s))).toEqual(s);
      }),
    );
  });

  it('takes only what it writes: any text it reads is written back the same, anything else is null', () => {
    const hexish = fc.string({ unit: fc.constantFrom(...'0123456789abcdefA x'), maxLength: 80 });
    const near = fingerprintStory(original).near;
    const edited = fc
      .tuple(fc.nat(near.length), fc.constantFrom('', '0', 'f', 'ff', 'G', '00'))
      .map(([at, put]) => near.slice(0, at) + put + near.slice(at + 1));
    fc.assert(
      fc.property(fc.oneof(hexish, edited), (text) => {
        const sketch = decodeSketch(text);
        if (sketch !== null) expect(encodeSketch(sketch)).toBe(text);
      }),
    );
    expect(decodeSketch(near.toUpperCase())).toBeNull();
    expect(decodeSketch(`${near}0`)).toBeNull();
    expect(decodeSketch(`${near}00`)).toBeNull();
  });
});

describe('the headline hash', () => {
  it('is the hash of the distinct words, sorted and joined by spaces, in 16 bits (never 0 for a headline)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom('port', 'ships', 'bigger', '2', ''), fc.string()), { maxLength: 12 }),
        (words) => {
          const joined = [...new Set(words)].sort().join(' ');
          expect(hashWords([...new Set(words)].sort())).toBe(hashString(joined));
          expect(titleHash(words)).toBe(words.length === 0 ? 0 : hashString(joined) & 0xffff || 1);
        },
      ),
    );
  });
});
