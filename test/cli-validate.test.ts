import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { tempDir } from './helpers/tmp.js';

const dir = tempDir();
const out = join(dir, 'wire.jsonl');
const dups = join(dir, 'dups.jsonl');

beforeAll(async () => {
  const files = ['Exports rise', 'Rail strike ends', 'Exports rise'].map((headline, i) => {
    const path = join(dir, `${i}.txt`);
    writeFileSync(path, `${headline}\n\nSEOUL, Nov. 27 (Yonhap) -- ${headline}, officials said on Friday.\n`);
    return path;
  });
  expect((await runCli(['ingest', ...files, '-o', out, '--duplicates', dups])).code).toBe(0);
});

describe('wire validate', () => {
  it('passes what wire wrote, records and duplicates, with exit 0', async () => {
    const result = await runCli(['validate', out, dups]);
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toBe(`${out}: 2 records, all valid\n${dups}: 1 record, all valid\n`);
  });

  it('names each bad line and why, then the line numbers, with exit 1', async () => {
    const lines = readFileSync(out, 'utf8').split('\n').filter(Boolean);
    const record = JSON.parse(lines[0]!) as Record<string, unknown>;
    const bad = join(dir, 'bad.jsonl');
    const { headline, ...headless } = record;
    writeFileSync(
      bad,
      [
        lines[0],
        JSON.stringify({ ...headless, head: headline }),
        'not json at all',
        lines[1],
        JSON.stringify({ ...record, words: -3 }),
      ].join('\n') + '\n',
    );
    const result = await runCli(['validate', bad, out]);
    expect(result.code).toBe(1);
    const said = result.stdout.split('\n');
    expect(said[0]).toBe(`${bad}:2: (record): lacks the field "headline"; (record): has an unknown field "head"`);
    expect(said[1]).toMatch(new RegExp(`^${bad}:3: not JSON \\(`));
    expect(said[2]).toBe(`${bad}:5: /words: must be >= 0`);
    expect(said[3]).toBe(`${bad}: 5 lines, 3 invalid (lines 2, 3, 5)`);
    expect(said[4]).toBe(`${out}: 2 records, all valid`);
    expect((await runCli(['validate', '-q', bad])).stdout).toBe('');
  });

  it('says when the last line was cut short, reads gzip and standard input, and exits 2 with nothing to read', async () => {
    const cut = join(dir, 'cut.jsonl');
    const text = readFileSync(out, 'utf8');
    writeFileSync(cut, text.slice(0, text.length - 40));
    const result = await runCli(['validate', cut]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/cut\.jsonl:2: not JSON .*\(the last line has no newline: a write cut short\?\)/);
    const gz = join(dir, 'wire.jsonl.gz');
    writeFileSync(gz, gzipSync(text));
    expect((await runCli(['validate', gz])).code).toBe(0);
    const piped = await runCli(['validate'], { stdin: text });
    expect(piped.stdout).toBe('-: 2 records, all valid\n');
    expect((await runCli(['validate'], { stdin: null })).code).toBe(2);
    expect((await runCli(['validate', join(dir, 'nowhere.jsonl')])).code).toBe(1);
  });
});
