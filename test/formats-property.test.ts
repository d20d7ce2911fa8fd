import { Readable } from 'node:stream';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { frameStream } from '../src/formats/frame.js';
import type { ParseResult, UnitContext } from '../src/formats/format.js';
import { FORMATS } from '../src/formats/index.js';
import { normalizeStory } from '../src/normalize/story.js';
import { documents } from './helpers/arbitraries.js';
import { expectValidRecord } from './helpers/schema.js';

const origin = { type: 'file', location: 'prop', index: 0, charset: 'utf-8' } as const;
const context: UnitContext = { type: 'file', location: 'prop', contentType: null, bom: null };

const tested = [...FORMATS.values()].filter((f) => f.name !== 'plain');

describe.each(tested)('the $name parser', (format) => {
  const wireish = documents[format.name];
  if (wireish === undefined) throw new Error(`no arbitrary for ${format.name}: add one to test/helpers/arbitraries.ts`);
  // Web formats load their parser (cheerio) on first use.
  beforeAll(() => format.load?.());

  // Each unit the format's boundary cuts (JSON lines: a line), as the pipeline parses it; e-mail from its bytes.
  const parse = async (text: string): Promise<ParseResult> => {
    const stories: ParseResult['stories'][number][] = [];
    const diagnostics: ParseResult['diagnostics'][number][] = [];
    for (const unit of unitsOf(text, format.boundary)) {
      const result = format.parseBytes
        ? await format.parseBytes(Buffer.from(unit, 'latin1'), 1, context)
        : format.parse(unit, 1);
      stories.push(...result.stories);
      diagnostics.push(...result.diagnostics);
    }
    return { stories, diagnostics };
  };

  it('never throws, and every story it finds normalizes to a valid record', async () => {
    await fc.assert(
      fc.asyncProperty(wireish, async (text) => {
        const result = await parse(text);
        for (const story of result.stories) {
          const record =
            story.record ??
            normalizeStory(story, {
              origin: { ...origin, format: format.name },
              now: '2026-11-27T00:00:00.000Z',
              referenceDate: null,
            });
          expectValidRecord(JSON.parse(JSON.stringify(record)));
        }
        for (const d of result.diagnostics) expect(['error', 'warning', 'info']).toContain(d.severity);
      }),
      { numRuns: 150 },
    );
  });

  it('finds stories in most well-shaped documents (so the property above is not vacuous)', async () => {
    const samples = fc.sample(wireish, { numRuns: 200, seed: 42 });
    let found = 0;
    for (const text of samples) if ((await parse(text)).stories.length > 0) found++;
    expect(found).toBeGreaterThan(samples.length / 4);
  });

  it('frames a stream into the same units however it is chunked', async () => {
    await fc.assert(
      fc.asyncProperty(
        wireish,
        fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 8 }),
        async (text, sizes) => {
          const whole = await units([Buffer.from(text, 'latin1')], format.boundary);
          const bytes = Buffer.from(text, 'latin1');
          const chunks: Buffer[] = [];
          for (let at = 0, i = 0; at < bytes.length; i++) {
            const size = sizes[i % sizes.length] ?? 1;
            chunks.push(bytes.subarray(at, at + size));
            at += size;
          }
          expect(await units(chunks, format.boundary)).toEqual(whole);
        },
      ),
      { numRuns: 100 },
    );
  });
});

/** The units a whole text is cut into, as frameStream cuts a stream that arrives at once. */
function unitsOf(text: string, boundary: Parameters<typeof frameStream>[1]): string[] {
  const out: string[] = [];
  const bytes = Buffer.from(text, 'latin1');
  let from = 0;
  for (
    let found = boundary(bytes, from, text.length);
    found && found.next > from;
    found = boundary(bytes, from, text.length)
  ) {
    out.push(text.slice(from, found.unitEnd));
    from = found.next;
  }
  out.push(text.slice(from));
  return out.filter((unit) => unit.trim() !== '');
}

async function units(chunks: readonly Uint8Array[], boundary: Parameters<typeof frameStream>[1]): Promise<string[]> {
  const out: string[] = [];
  for await (const event of frameStream(Readable.from(chunks), boundary, { maxUnitBytes: 1 << 20 })) {
    out.push(event.kind === 'unit' ? event.bytes.toString('latin1') : `!${event.code}`);
  }
  return out;
}
