import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plain } from '../src/formats/plain-format.js';
import { parseDateline } from '../src/normalize/dateline.js';
import { normalizeStory } from '../src/normalize/story.js';
import { countWords } from '../src/normalize/text.js';
import { processBatch, type Batch, type BatchResult } from '../src/pipeline/batch.js';
import { expectValidRecord } from './helpers/schema.js';

const origin = { type: 'file', location: 'prop.txt', format: 'plain', index: 0, charset: 'utf-8' } as const;

// Text that looks like wire copy often enough to reach the deep branches: datelines, sign-offs, separators.
const wireish = fc.array(
  fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc.constantFrom(
      'SEOUL, Nov. 27 (Yonhap) -- ',
      '    NEW YORK, Feb 26 - ',
      '(ANSA) - ROME, JUL 11 - ',
      'HOUSTON--(BUSINESS WIRE)--',
      ' Reuter',
      '(END)',
      'Source: Yonhap News Agency',
      'You may also like...',
      '(Reporting by A; Editing by B)',
      '\f',
      '\u0003',
      '\n',
      '\n\n',
      '    ',
      '\u001b[31m',
      'By Jane Doe',
      '(LEAD) ',
      'UPDATE 2-',
    ),
  ),
  { maxLength: 40 },
);

describe('plain-text parser properties', () => {
  it('never throws and always yields schema-valid records, whatever the text', () => {
    fc.assert(
      fc.property(wireish, (parts) => {
        const text = parts.join('');
        for (const parsed of plain.parse(text, 1).stories) {
          const story = normalizeStory(parsed, {
            origin,
            now: '2026-11-27T00:00:00.000Z',
            referenceDate: '2026-11-27',
          });
          expectValidRecord(JSON.parse(JSON.stringify(story)));
          expect(story.body).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
          // Counted from the spaces of each tidy paragraph, it must be the count of the body as written.
          expect(story.words).toBe(countWords(story.body));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps every word of the body, dateline, sign-off and trailers somewhere in the record', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[A-Za-z]{1,8}$/), { minLength: 1, maxLength: 30 }), (words) => {
        const text = `Headline here\n\nSEOUL, Nov. 27 (Yonhap) -- ${words.join(' ')}.\n\n(END)\n`;
        const story = normalizeStory(plain.parse(text, 1).stories[0]!, { origin, now: 'x', referenceDate: null });
        const kept = [story.headline, story.dateline?.text, story.body, story.source?.text, ...story.stripped].join(
          ' ',
        );
        for (const word of words) expect(kept).toContain(word);
      }),
      { numRuns: 500 },
    );
  });

  it('finds no dateline in ordinary sentences that open in lower case after a capital word', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z]{3,12}$/), fc.stringMatching(/^[a-z ]{1,40}$/), (word, rest) => {
        expect(parseDateline(`${word} ${rest}`, null)).toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it('processes any batch of units without throwing, one record line per story', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 300 }), { maxLength: 8 }), (texts) => {
        const units = texts.map((text, i) => ({ bytes: Buffer.from(text, 'latin1'), line: i + 1, ordinal: i }));
        const result = plainBatch(units);
        expect(result.records.ends.length).toBe(result.records.keys.length);
        const lines = Buffer.from(result.records.bytes).toString('utf8').split('\n').filter(Boolean);
        expect(lines.length).toBe(result.records.keys.length);
        for (const line of lines) expectValidRecord(JSON.parse(line));
      }),
      { numRuns: 300 },
    );
  });

  it('gives a batch the records, diagnostics and fallback line of its units taken one at a time', () => {
    // A batch goes through the stages in slices: its result must be its units' results joined in order.
    const story = fc
      .tuple(fc.stringMatching(/^[A-Z][a-z]{2,9}$/), fc.string({ maxLength: 200 }))
      .map(([place, text]) => `Headline about ${place}\n\n${place.toUpperCase()}, Nov 27 (Reuters) - ${text}\n`);
    const unit = fc.oneof(
      story.map((text) => Buffer.from(text, 'utf8')),
      fc.string({ maxLength: 120 }).map((text) => Buffer.from(text, 'latin1')),
      fc.uint8Array({ maxLength: 80 }).map((bytes) => Buffer.from(bytes)),
    );
    fc.assert(
      fc.property(fc.array(unit, { minLength: 17, maxLength: 60 }), (all) => {
        const units = all.map((bytes, i) => ({ bytes, line: 3 * i + 1, ordinal: i }));
        const whole = plainBatch(units);
        const alone = units.map((u) => plainBatch([u]));
        expect(Buffer.from(whole.records.bytes).toString('latin1')).toBe(
          alone.map((r) => Buffer.from(r.records.bytes).toString('latin1')).join(''),
        );
        expect(whole.records.keys).toEqual(alone.flatMap((r) => r.records.keys));
        let at = 0;
        const ends = alone.flatMap((r) => {
          const shifted = r.records.ends.map((end) => at + end);
          at += r.records.bytes.length;
          return shifted;
        });
        expect(whole.records.ends).toEqual(ends);
        expect(whole.diagnostics).toEqual(alone.flatMap((r) => r.diagnostics));
        expect(whole.fallbackLine).toBe(alone.find((r) => r.fallbackLine !== null)?.fallbackLine ?? null);
      }),
      { numRuns: 60 },
    );
  });
});

/** A batch of plain-text units through the pure middle of the pipeline. */
function plainBatch(units: Batch['units']): BatchResult {
  return processBatch({
    format: 'plain',
    type: 'file',
    location: 'x',
    now: '2026-11-27T00:00:00.000Z',
    reference: null,
    units,
  });
}
