import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ingest, type IngestOptions } from '../src/pipeline/run.js';
import { MemorySink } from '../src/sinks/memory.js';
import { expectValidRecord } from './helpers/schema.js';

/**
 * The fixture corpus, Readability style: test/fixtures/<format>/<case>/input.* with expected.json (the records,
 * minus the fields that change between runs) and an optional options.json. Adding a case is adding a folder.
 * UPDATE_FIXTURES=1 rewrites expected.json from the current output (review the diff before committing).
 */
const ROOT = fileURLToPath(new URL('./fixtures/', import.meta.url));
const NOW = new Date('2026-11-27T12:00:00.000Z');

interface Case {
  readonly format: string;
  readonly name: string;
  readonly dir: string;
  readonly input: string;
}

function cases(): Case[] {
  const found: Case[] = [];
  for (const format of readdirSync(ROOT).sort()) {
    for (const name of readdirSync(join(ROOT, format)).sort()) {
      const dir = join(ROOT, format, name);
      const input = readdirSync(dir).find((file) => file.startsWith('input.'));
      if (input) found.push({ format, name, dir, input: join(dir, input) });
    }
  }
  return found;
}

/**
 * Drops what legitimately differs between runs and machines, and the near-duplicate sketch (tested on its own in
 * test/dedup/, and changed whenever it is tuned, which must not churn every fixture).
 */
function stable(record: Record<string, unknown>): Record<string, unknown> {
  const { ingested_at: _at, origin, ...rest } = record;
  const { location: _location, ...where } = origin as Record<string, unknown>;
  const { near: _near, ...exact } = rest['fingerprint'] as Record<string, unknown>;
  return { ...rest, fingerprint: exact, origin: where };
}

describe.each(cases())('$format/$name', ({ dir, input }) => {
  it('parses to the expected records, each valid against the schema', async () => {
    const optionsPath = join(dir, 'options.json');
    const extra = existsSync(optionsPath)
      ? (JSON.parse(readFileSync(optionsPath, 'utf8')) as Partial<IngestOptions>)
      : {};
    const sink = new MemorySink();
    await ingest({ inputs: [input], sink, now: () => NOW, ...extra });
    for (const record of sink.records) expectValidRecord(record);
    const actual = sink.records.map((r) => stable(r as unknown as Record<string, unknown>));
    const expectedPath = join(dir, 'expected.json');
    if (process.env['UPDATE_FIXTURES'] === '1') writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
    if (!existsSync(expectedPath))
      throw new Error(`${expectedPath} is missing: write it, or run UPDATE_FIXTURES=1 and review it`);
    expect(actual).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
  });
});
