import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLines, runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';
import { templatedDump } from './generate.js';

const TEMPLATES = 4;
const VARIANTS = 40;

describe('near dedup of templated copy', () => {
  const dump = templatedDump(TEMPLATES, VARIANTS);
  const variants = dump.copyOf.filter((of) => of === -1).length;

  it('keeps every variant of a re-sent template, drops the copies and the re-sends, and says which they copy', async () => {
    const dir = tempDir();
    const input = join(dir, 'dump.txt');
    writeFileSync(input, dump.stories.join('\n\f\n'));
    const out = join(dir, 'out.jsonl');
    const dups = join(dir, 'dups.jsonl');
    const run = await runCli(['ingest', input, '-o', out, '--duplicates', dups]);
    expect(run.code, run.stderr).toBe(0);
    const written = parseLines(readFileSync(out, 'utf8'));
    expect(written).toHaveLength(TEMPLATES * VARIANTS);
    expect(variants).toBe(TEMPLATES * VARIANTS);
    // Each dropped story names the variant it copies: the n-th variant written is the n-th new story of the dump.
    const idOf = new Map(
      dump.copyOf.flatMap((of, i) => (of === -1 ? [i] : [])).map((at, n) => [at, written[n]?.['id']]),
    );
    const expected = dump.copyOf.flatMap((of) => (of === -1 ? [] : [idOf.get(of)]));
    const dropped = parseLines(readFileSync(dups, 'utf8'));
    expect(dropped.map((d) => d['duplicate_of'])).toEqual(expected);
    // The re-sends are identical; the trimmed copies are not.
    expect(dropped.slice(-3 * TEMPLATES).every((d) => d['similarity'] === 1)).toBe(true);
    expect(dropped.slice(0, -3 * TEMPLATES).every((d) => Number(d['similarity']) < 1)).toBe(true);
  });

  it('writes the same records when the copy comes in three runs against a persisted state, and a rerun adds none', async () => {
    const dir = tempDir();
    const whole = join(dir, 'whole.txt');
    writeFileSync(whole, dump.stories.join('\n\f\n'));
    const once = join(dir, 'once.jsonl');
    expect((await runCli(['ingest', whole, '-o', once])).code).toBe(0);
    const out = join(dir, 'out.jsonl');
    const cuts = [0, 37, 121, dump.stories.length];
    for (let part = 0; part < 3; part++) {
      const file = join(dir, `part-${part}.txt`);
      writeFileSync(file, dump.stories.slice(cuts[part], cuts[part + 1]).join('\n\f\n'));
      const run = await runCli(['ingest', file, '-o', out]);
      expect(run.code, run.stderr).toBe(0);
    }
    const ids = (path: string): unknown[] => parseLines(readFileSync(path, 'utf8')).map((r) => r['id']);
    expect(ids(out)).toEqual(ids(once));
    const again = await runCli(['ingest', whole, '-o', out]);
    expect(again.stderr).toMatch(new RegExp(`0 new, ${dump.stories.length} already in`));
    // Standard output without a state decides the same within one run.
    expect((await runCli(['ingest', whole])).records.map((r) => r['id'])).toEqual(ids(once));
  });
});
