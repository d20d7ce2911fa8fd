import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { garbageIn, garbageReason } from '../bench/garbage.js';
import { ingest } from '../src/pipeline/run.js';
import { MemorySink } from '../src/sinks/memory.js';

const ROOT = fileURLToPath(new URL('./fixtures/', import.meta.url));

function inputs(): string[] {
  const found: string[] = [];
  for (const format of readdirSync(ROOT).sort()) {
    for (const name of readdirSync(join(ROOT, format)).sort()) {
      const input = readdirSync(join(ROOT, format, name)).find((file) => file.startsWith('input.'));
      if (input) found.push(join(format, name, input));
    }
  }
  return found;
}

describe('no fixture becomes a garbage record', () => {
  it.each(inputs())('%s gives records whose headline and body are story text', async (input) => {
    const sink = new MemorySink();
    await ingest({ inputs: [join(ROOT, input)], sink, dedup: 'off', parallel: false });
    expect(sink.records.length).toBeGreaterThan(0);
    expect(sink.records.map(garbageReason).filter((reason) => reason !== null)).toEqual([]);
  });
});

describe('what counts as garbage', () => {
  it.each([
    ['<?xml version="1.0" encoding="utf-8"?>', 'markup'],
    ['{"uri": "x", "headline": "y"}', 'JSON'],
    ['Delivered-To: desk@example.org', 'mail header'],
    ['BC-LT--Argentina-Cancer Beauty,466', 'wire header line'],
    ['ZCZC', 'wire header line'],
  ])('finds %s to be %s', (text, kind) => {
    expect(garbageIn(text)).toContain(kind);
  });

  it.each([
    'LAKESIDE STEEL <LKS> TO CLOSE OHIO MILL',
    'Council approves budget, 7-2',
    'From: the mayor\u2019s office, a statement on the budget',
  ])('takes %s for story text', (text) => {
    expect(garbageIn(text)).toBeNull();
  });
});
