import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORMATS } from '../src/formats/index.js';
import { normalizeStory } from '../src/normalize/story.js';
import { ingest } from '../src/pipeline/run.js';
import { toNinjs } from '../src/sinks/ninjs.js';
import type { Story } from '../src/types.js';
import { documents } from './helpers/arbitraries.js';
import { MemorySink } from '../src/sinks/memory.js';
import { expectValidNinjs, haveOfficialNinjs } from './helpers/ninjs.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const NOW = new Date('2026-11-27T12:00:00.000Z');

function fixtureInputs(): string[] {
  const inputs: string[] = [];
  for (const format of readdirSync(FIXTURES).sort()) {
    for (const name of readdirSync(join(FIXTURES, format)).sort()) {
      const input = readdirSync(join(FIXTURES, format, name)).find((f) => f.startsWith('input.'));
      if (input) inputs.push(join(FIXTURES, format, name, input));
    }
  }
  return inputs;
}

async function fixtureRecords(): Promise<Story[]> {
  const sink = new MemorySink();
  await ingest({ inputs: fixtureInputs(), sink, now: () => NOW, dedup: 'off' });
  return sink.records;
}

const asJson = (value: unknown): Record<string, unknown> =>
  JSON.parse(JSON.stringify(value)) as Record<string, unknown>;

describe('ninjs 2.1 output', () => {
  it('maps the record fields to their ninjs properties', async () => {
    const records = await fixtureRecords();
    const item = records.find((r) => r.altids?.['guid'] === 'urn:newsml:example.org:20261127:harbour-bridge');
    expect(item).toBeDefined();
    const ninjs = toNinjs(item as Story);
    expect(ninjs).toMatchObject({
      uri: `urn:wire:${item?.id}`,
      type: 'text',
      version: '2',
      firstcreated: '2026-11-27T08:40:00+09:00',
      versioncreated: '2026-11-27T09:15:00+09:00',
      pubstatus: 'usable',
      urgency: 3,
      language: 'en',
      headlines: [{ role: 'main', contenttype: 'text/plain', value: 'Busan opens harbour bridge two months early' }],
      descriptions: [{ role: 'summary', value: 'A new harbour bridge in Busan opened to traffic on Friday.' }],
      by: 'Min-ji Park',
      slugline: 'KOREA-BRIDGE/',
      located: 'BUSAN',
      ednote: "Corrects the bridge's length in paragraph 2.",
      copyrightnotice: 'Copyright 2026 Example Press Agency. All rights reserved.',
      infosources: [{ name: 'Yonhap' }],
      altids: [{ role: 'guid', value: 'urn:newsml:example.org:20261127:harbour-bridge' }],
      wire: { id: item?.id, dateline: item?.dateline, origin: { format: 'newsml' } },
    });
    expect(ninjs.bodies?.[0]).toMatchObject({ role: 'main', wordcount: item?.words, value: item?.body });
  });

  it('gives a time without a zone (1987 SGML) the zone the run states (UTC by default), never a guessed one', async () => {
    const records = await fixtureRecords();
    const sgml = records.find((r) => r.origin.format === 'sgml');
    const ninjs = toNinjs(sgml as Story);
    expect(ninjs.versioncreated).toBe('1987-03-12T14:02:44.10Z');
    expect(ninjs.wire.published).toBe('1987-03-12T14:02:44.10Z');
  });

  it('leaves out a date without a time rather than inventing one, keeping it in wire.published', async () => {
    const records = await fixtureRecords();
    const sgml = records.find((r) => r.origin.format === 'sgml') as Story;
    const ninjs = toNinjs({ ...sgml, published: '1987-03-12' });
    expect(ninjs.versioncreated).toBeUndefined();
    expect(ninjs.wire.published).toBe('1987-03-12');
  });

  it.skipIf(!haveOfficialNinjs)(
    'gives records valid against the official ninjs 2.1 schema, for every fixture',
    async () => {
      const records = await fixtureRecords();
      expect(records.length).toBeGreaterThan(15);
      for (const record of records) expectValidNinjs(asJson(toNinjs(record)));
    },
  );

  it.skipIf(!haveOfficialNinjs)('gives valid ninjs for whatever the parsers make of arbitrary input', async () => {
    const origin = { type: 'file', location: 'prop', index: 0, charset: 'utf-8' } as const;
    for (const format of FORMATS.values()) {
      const arbitrary = documents[format.name];
      if (!arbitrary) continue;
      // Web formats load their parser (cheerio) on first use.
      await format.load?.();
      fc.assert(
        fc.property(arbitrary, (text) => {
          for (const parsed of format.parse(text, 1).stories) {
            const story = normalizeStory(parsed, {
              origin: { ...origin, format: format.name },
              now: NOW.toISOString(),
              referenceDate: null,
            });
            expectValidNinjs(asJson(toNinjs(story)));
          }
        }),
        { numRuns: 40 },
      );
    }
  });
});
