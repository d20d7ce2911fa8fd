import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeStory } from '../src/normalize/story.js';
import { jsonLines } from '../src/sinks/json-line.js';

// Text that reaches every branch of the body's quoting: long runs, line feeds, quotes, backslashes, control
// characters, lone and paired surrogates, and the empty-body key itself.
const text = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.constantFrom(
        'The minister said on Monday that talks would resume next week. ',
        '\n\n',
        '\n',
        '"',
        '\\',
        '\u0000',
        '\t',
        '\u001f',
        '\ud83d\ude00',
        '\ud800',
        '\udc00',
        '"body":""',
        ',"body":"',
      ),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

const record = fc.record(
  {
    id: fc.string({ maxLength: 8 }),
    headline: text,
    dateline: fc.option(fc.record({ text, body: fc.option(text) }, { requiredKeys: ['text'] })),
    body: fc.oneof(text, fc.constant(''), fc.integer(), fc.constant(null)),
    words: fc.integer(),
    nested: fc.option(fc.dictionary(fc.constantFrom('body', 'text', 'x'), text)),
    undefinedField: fc.constant(undefined),
  },
  { requiredKeys: ['id', 'headline'] },
);

const CONTEXT = {
  origin: { type: 'file', location: 'x.txt', format: 'plain', index: 0, charset: 'utf-8' },
  now: '2026-11-27T12:00:00.000Z',
  referenceDate: null,
  detectLanguage: false,
} as const;

const lines = (records: readonly object[]): string => records.map((r) => `${JSON.stringify(r)}\n`).join('');

describe('records as JSON lines', () => {
  it('writes exactly what JSON.stringify writes, whatever the body holds', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 6 }), (records) => {
        const { bytes, ends } = jsonLines(records);
        const expected = lines(records);
        expect(Buffer.from(bytes).toString('utf8')).toBe(expected);
        expect(ends.at(-1) ?? 0).toBe(bytes.length);
        expect(ends).toHaveLength(records.length);
      }),
      { numRuns: 500 },
    );
  });

  it('writes a body vouched free of control characters as JSON.stringify does, quotes and surrogates included', () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 4 }), (bodies) => {
        const records = bodies.map((body, i) => ({
          id: String(i),
          body: `${body.replace(/[\u0000-\u001f]/g, ' ')}${' words'.repeat(60)}\n\nMore.`,
        }));
        const { bytes } = jsonLines(records, { controlFree: () => true });
        expect(bytes.toString()).toBe(lines(records));
      }),
      { numRuns: 300 },
    );
  });

  it('normalizes bodies whose only control characters are the line feeds between paragraphs', () => {
    const controls = fc.constantFrom('\u0000', '\u0003', '\t', '\n', '\r', '\u000b', '\u001b[31m', '\u0085', ' ');
    const paragraph = fc
      .array(fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), controls), { maxLength: 12 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.option(paragraph), fc.array(paragraph, { maxLength: 8 }), (headline, paragraphs) => {
        const story = normalizeStory({ headline, paragraphs }, CONTEXT);
        expect(story.body).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
      }),
      { numRuns: 500 },
    );
  });

  it('writes normalized stories with quotes or backslashes in their bodies as JSON.stringify does', () => {
    for (const paragraph of [
      'She said "the figures are in" and pointed to the screen, then left the room without a word.',
      'The files were saved under C:\\data\\2026 on the ministry computers, officials said on Monday.',
    ]) {
      const story = normalizeStory(
        { headline: 'Escapes', paragraphs: Array.from({ length: 6 }, () => paragraph) },
        CONTEXT,
      );
      expect(jsonLines([story], { controlFree: () => true }).bytes.toString()).toBe(lines([story]));
    }
  });

  it('leaves a record that says how it is written to JSON.stringify', () => {
    const record = { id: 'a', body: 'word '.repeat(100), toJSON: () => ({ id: 'b', body: '' }) };
    expect(jsonLines([record], { controlFree: () => true }).bytes.toString()).toBe('{"id":"b","body":""}\n');
  });

  it('grows its buffer for text that is longer in UTF-8 than in UTF-16', () => {
    const wide = Array.from({ length: 50 }, (_, i) => ({
      id: String(i),
      body: '한국어 기사 본문\n\n'.repeat(400 + i),
    }));
    const { bytes, ends } = jsonLines(wide);
    expect(bytes.toString()).toBe(lines(wide));
    expect(ends).toHaveLength(50);
  });
});
