import { existsSync, mkdirSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLines, runCli } from './helpers/cli.js';
import { tempDir } from './helpers/tmp.js';

const story = (headline: string): string =>
  `${headline}\n\nSEOUL, Nov. 27 (Yonhap) -- ${headline}, officials said on Friday.\n\n(END)\n`;

const headlines = (path: string): unknown[] => parseLines(readFileSync(path, 'utf8')).map((r) => r['headline']);

describe('a run in the folder it writes to', () => {
  it('never reads its own output, state, lock, rejected lines or duplicates back, and says so with --verbose', async () => {
    const desk = join(tempDir(), 'desk');
    mkdirSync(desk);
    writeFileSync(join(desk, 'a.txt'), story('Harbour reopens'));
    writeFileSync(join(desk, 'b.txt'), story('Rail strike ends'));
    const first = await runCli(['ingest', '.', '-o', 'out.jsonl'], { cwd: desk });
    expect(first.code, first.stderr).toBe(0);
    expect(headlines(join(desk, 'out.jsonl'))).toEqual(['Harbour reopens', 'Rail strike ends']);

    // A torn last line (a killed run) is moved to out.jsonl.rejected; dropped copies go to dups.jsonl in the folder.
    appendFileSync(join(desk, 'out.jsonl'), '{"id":"torn');
    writeFileSync(join(desk, 'c.txt'), story('Harbour reopens'));
    const second = await runCli(['ingest', '.', '-o', 'out.jsonl', '--duplicates', 'dups.jsonl', '-v'], {
      cwd: desk,
    });
    expect(second.code, second.stderr).toBe(0);
    expect(existsSync(join(desk, 'out.jsonl.rejected'))).toBe(true);
    expect(headlines(join(desk, 'out.jsonl'))).toEqual(['Harbour reopens', 'Rail strike ends']);
    expect(headlines(join(desk, 'dups.jsonl'))).toEqual(['Harbour reopens', 'Rail strike ends', 'Harbour reopens']);
    for (const own of ['out.jsonl', 'out.jsonl.lock', 'out.jsonl.state', 'out.jsonl.rejected', 'dups.jsonl'])
      expect(second.stderr).toContain(`${own}: skipped: it is this run's`);
    expect(second.stderr).toMatch(/^wire: 3 inputs,/m);

    // Without --verbose the skipped files are not mentioned; a third run adds nothing and fails nothing.
    const third = await runCli(['ingest', '.', '-o', 'out.jsonl', '--duplicates', 'dups.jsonl'], { cwd: desk });
    expect(third.code, third.stderr).toBe(0);
    expect(third.stderr).not.toContain('skipped');
    expect(headlines(join(desk, 'out.jsonl'))).toHaveLength(2);
  });

  it('warns when its own output is named as an input, and does not read it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), story('Harbour reopens'));
    await runCli(['ingest', 'a.txt', '-o', 'out.jsonl'], { cwd: dir });
    const result = await runCli(['ingest', 'out.jsonl', 'a.txt', '-o', './out.jsonl'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/warning: out\.jsonl: skipped: it is this run's output/);
    expect(headlines(join(dir, 'out.jsonl'))).toEqual(['Harbour reopens']);
  });

  it('leaves a watch output kept inside the watched folder where it is', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), story('Harbour reopens'));
    const args = ['watch', '.', '-o', 'out.jsonl', '--once', '--settle', '50', '--interval', '20'];
    expect((await runCli(args, { cwd: dir })).code).toBe(0);
    writeFileSync(join(dir, 'b.txt'), story('Rail strike ends'));
    const again = await runCli(args, { cwd: dir });
    expect(again.code, again.stderr).toBe(0);
    expect(existsSync(join(dir, 'out.jsonl'))).toBe(true);
    expect(existsSync(join(dir, '.done', 'out.jsonl'))).toBe(false);
    expect(headlines(join(dir, 'out.jsonl'))).toEqual(['Harbour reopens', 'Rail strike ends']);
  });
});
