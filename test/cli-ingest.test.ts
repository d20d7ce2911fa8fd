import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, parseLines } from './helpers/cli.js';
import { expectValidRecord } from './helpers/schema.js';
import { tempDir } from './helpers/tmp.js';

const dir = tempDir();
const story = (headline: string, place = 'SEOUL', agency = 'Yonhap'): string =>
  `${headline}\n\n${place}, Nov. 27 (${agency}) -- ${headline} was reported on Friday, officials said.\n\nMore details followed later in the day.\n`;

function write(name: string, text: string | Buffer): string {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
}

describe('wire ingest on files', () => {
  it('prints one valid JSON line per story and a summary on stderr, exit 0', async () => {
    const path = write('one.txt', story('Exports rise for fourth month'));
    const result = await runCli(['ingest', path]);
    expect(result.code).toBe(0);
    expect(result.records).toHaveLength(1);
    expectValidRecord(result.records[0]);
    expect(result.records[0]).toMatchObject({ headline: 'Exports rise for fourth month', agency: 'Yonhap' });
    expect(result.stderr).toMatch(/1 input, 1 new, 0 duplicates, 0 failed/);
  });

  it('walks directories recursively in sorted order and skips hidden files', async () => {
    write('tree/b.txt', story('Story B'));
    write('tree/a.txt', story('Story A'));
    write('tree/.hidden.txt', story('Hidden story'));
    write('tree/.git/x.txt', story('Hidden folder story'));
    write('tree/sub/c.txt', story('Story C'));
    const result = await runCli(['ingest', join(dir, 'tree')]);
    expect(result.code).toBe(0);
    expect(result.records.map((r) => r['headline'])).toEqual(['Story A', 'Story B', 'Story C']);
  });

  it('reads standard input named -, splitting a multi-story stream', async () => {
    const stdin = `${story('First')}\f${story('Second', 'TOKYO', 'Kyodo')}\f`;
    const result = await runCli(['ingest', '-'], { stdin });
    expect(result.code).toBe(0);
    expect(result.records.map((r) => [r['headline'], (r['origin'] as { type: string; index: number }).index])).toEqual([
      ['First', 0],
      ['Second', 1],
    ]);
    expect((result.records[0]!['origin'] as { type: string }).type).toBe('stdin');
  });

  it('takes inputs from --input-list, from a file or from standard input', async () => {
    const a = write('list/a.txt', story('Listed A'));
    const b = write('list/b.txt', story('Listed B'));
    const list = write('list/inputs.txt', `${a}\n\n# a comment\n${b}\n`);
    const fromFile = await runCli(['ingest', '--input-list', list]);
    expect(fromFile.records.map((r) => r['headline'])).toEqual(['Listed A', 'Listed B']);
    const fromStdin = await runCli(['ingest', '--input-list', '-'], { stdin: `${b}\n${a}\n` });
    expect(fromStdin.records.map((r) => r['headline'])).toEqual(['Listed B', 'Listed A']);
  });

  it('appends to -o FILE across runs, leaving stdout empty', async () => {
    const out = join(dir, 'append.jsonl');
    const first = await runCli(['ingest', write('app/1.txt', story('Run one')), '-o', out]);
    const second = await runCli(['ingest', write('app/2.txt', story('Run two')), '-o', out]);
    expect([first.code, second.code]).toEqual([0, 0]);
    expect(first.stdout + second.stdout).toBe('');
    const lines = parseLines(readFileSync(out, 'utf8'));
    expect(lines.map((r) => r['headline'])).toEqual(['Run one', 'Run two']);
    lines.forEach(expectValidRecord);
  });

  it('drops exact duplicates within a run and counts them', async () => {
    const text = story('Same story twice');
    const result = await runCli(['ingest', write('dup/1.txt', text), write('dup/2.txt', text)]);
    expect(result.records).toHaveLength(1);
    expect(result.stderr).toMatch(/1 duplicate/);
  });

  it('keeps everything with --dedup off', async () => {
    const text = story('Kept twice');
    const result = await runCli(['ingest', '--dedup', 'off', write('nodup/1.txt', text), write('nodup/2.txt', text)]);
    expect(result.records).toHaveLength(2);
  });
});

describe('wire ingest with bad inputs among good ones', () => {
  it('writes the good inputs, names each bad one, and exits 1', async () => {
    const good = write('bad/good.txt', story('Good story'));
    const empty = write('bad/empty.txt', '');
    const binary = write('bad/image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    const nul = write('bad/data.bin', Buffer.from('abc\u0000\u0000\u0001def'));
    const dangling = join(dir, 'bad/dangling.txt');
    symlinkSync(join(dir, 'bad/nowhere.txt'), dangling);
    const good2 = write('bad/good2.txt', story('Second good story'));
    const result = await runCli(['ingest', good, empty, binary, nul, join(dir, 'missing.txt'), dangling, good2]);
    expect(result.code).toBe(1);
    expect(result.records.map((r) => r['headline'])).toEqual(['Good story', 'Second good story']);
    expect(result.stderr).toContain(`${empty}: is empty (0 bytes)`);
    expect(result.stderr).toContain(`${binary}: not wire text: looks like a PNG image`);
    expect(result.stderr).toContain(`${nul}: not wire text: looks like binary data (it contains NUL bytes)`);
    expect(result.stderr).toContain(`${join(dir, 'missing.txt')}: no such file or directory`);
    expect(result.stderr).toContain(`${dangling}: no such file or directory`);
    expect(result.stderr).toMatch(/7 inputs, 2 new, 0 duplicates, 5 failed/);
  });

  it('reports a file it may not read (when not running as root, who may read anything)', async () => {
    const locked = write('locked.txt', story('Locked'));
    chmodSync(locked, 0o000);
    const result = await runCli(['ingest', locked, write('unlocked.txt', story('Unlocked'))]);
    if (process.getuid?.() === 0) {
      expect(result.code).toBe(0);
    } else {
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`${locked}: permission denied`);
      expect(result.records.map((r) => r['headline'])).toEqual(['Unlocked']);
    }
  });

  it('reports a named pipe found in a folder instead of waiting for ever for a writer, and a directory loop once', async () => {
    const folder = join(dir, 'drop');
    write('drop/a.txt', story('Before the pipe'));
    spawnSync('mkfifo', [join(folder, 'b.fifo')]);
    write('drop/c/d.txt', story('After the pipe'));
    symlinkSync('..', join(folder, 'c', 'up'));
    const result = await runCli(['ingest', folder]);
    expect(result.code).toBe(1);
    expect(result.records.map((r) => r['headline'])).toEqual(['Before the pipe', 'After the pipe']);
    expect(result.stderr).toContain(`${join(folder, 'b.fifo')}: not a regular file (a named pipe, socket or device)`);
    expect(result.stderr).toContain(`${join(folder, 'c', 'up')}: a directory loop`);
  });

  it('reads bytes that are not UTF-8 as windows-1252 and says so', async () => {
    const path = write(
      'latin1.txt',
      Buffer.from('CAFE EXPORTS RISE\n\n    BOGOTA, March 5 - Federaci\xf3n said.\n Reuter\n', 'latin1'),
    );
    const result = await runCli(['ingest', path]);
    expect(result.code).toBe(0);
    expect(result.records[0]).toMatchObject({ body: 'Federación said.', origin: { charset: 'windows-1252' } });
    expect(result.stderr).toContain(`${path}:1: not valid UTF-8; read as windows-1252`);
  });

  it('moves a torn last line of the output aside before appending', async () => {
    const out = write('torn.jsonl', '{"id":"complete"}\n{"id":"torn-in-ha');
    const result = await runCli(['ingest', write('torn-in.txt', story('After a crash')), '-o', out]);
    expect(result.code).toBe(0);
    expect(readFileSync(`${out}.rejected`, 'utf8')).toBe('{"id":"torn-in-ha\n');
    const lines = parseLines(readFileSync(out, 'utf8'));
    expect(lines.map((r) => r['id'] ?? r['headline'])).toEqual(['complete', lines[1]!['id']]);
    expect(lines[1]!['headline']).toBe('After a crash');
    expect(result.stderr).toContain('moved it to');
  });
});

describe('wire ingest usage errors', () => {
  it('exits 2 and suggests the right spelling of an unknown option', async () => {
    const result = await runCli(['ingest', '--dedupe', 'off', 'x.txt']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown option '--dedupe'[\s\S]*Did you mean --dedup\?/);
  });

  it('exits 2 on a bad option value', async () => {
    const result = await runCli(['ingest', '--dedup', 'fuzzy', 'x.txt']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--dedup <mode>' argument 'fuzzy' is invalid/);
  });

  it('exits 2 when there is nothing to ingest: no input named and nothing piped in', async () => {
    const result = await runCli(['ingest'], { stdin: null });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('nothing to ingest');
  });

  it('exits 2 when standard input is named twice', async () => {
    const result = await runCli(['ingest', '-', '--input-list', '-']);
    expect(result.code).toBe(2);
  });

  it('refuses an output that cannot be opened as a usage error, before creating anything', async () => {
    const result = await runCli([
      'ingest',
      write('o.txt', story('Nowhere to go')),
      '-o',
      join(dir, 'no/such/dir/out.jsonl'),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/-o .*out\.jsonl: the folder .*no\/such\/dir does not exist/);
    expect(existsSync(join(dir, 'no'))).toBe(false);
  });
});
