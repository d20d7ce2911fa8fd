import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WIRE, parseLines, runCli } from './helpers/cli.js';
import { tempDir } from './helpers/tmp.js';

const dir = tempDir();
const story = join(dir, 'story.txt');
writeFileSync(story, 'Exports rise\n\nSEOUL, Nov. 27 (Yonhap) -- Exports rose for a fourth month.\n');

/** Every file under a folder, for checking that a refused run created nothing. */
const filesIn = (folder: string): string[] => readdirSync(folder).sort();

describe('output paths are checked before anything is created', () => {
  it.each([
    {
      what: 'an output in a missing folder',
      args: ['-o', 'nowhere/out.jsonl'],
      says: /^wire: error: -o nowhere\/out\.jsonl: the folder .*nowhere does not exist/,
    },
    {
      what: 'duplicates in a missing folder',
      args: ['-o', 'out.jsonl', '--duplicates', 'nowhere/d.jsonl'],
      says: /^wire: error: --duplicates nowhere\/d\.jsonl: the folder .*nowhere does not exist/,
    },
    {
      what: 'a state in a missing folder',
      args: ['-o', 'out.jsonl', '--state', 'nowhere/s.db'],
      says: /^wire: error: --state nowhere\/s\.db: the folder .*nowhere does not exist/,
    },
    { what: 'an output that is a folder', args: ['-o', 'sub'], says: /^wire: error: -o sub: is a directory/ },
    {
      what: 'a path under a file',
      args: ['-o', 'story.txt/out.jsonl'],
      says: /^wire: error: -o story\.txt\/out\.jsonl: a part of the path is a file/,
    },
    {
      what: 'one file given twice',
      args: ['-o', 'out.jsonl', '--duplicates', './out.jsonl'],
      says: /^wire: error: --duplicates \.\/out\.jsonl: is also given to -o/,
    },
  ])('refuses $what with exit 2 and one message, leaving nothing behind', async ({ args, says }) => {
    const cwd = join(tempDir(), 'run');
    mkdirSync(join(cwd, 'sub'), { recursive: true });
    writeFileSync(join(cwd, 'story.txt'), readFileSync(story));
    const result = await runCli(['ingest', 'story.txt', ...args], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(says);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(filesIn(cwd)).toEqual(['story.txt', 'sub']);
  });

  it('refuses a watch output in a missing folder the same way', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'in'));
    const result = await runCli(['watch', 'in', '-o', 'nowhere/out.jsonl', '--once'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^wire: error: -o nowhere\/out\.jsonl: the folder .*nowhere does not exist/);
    expect(filesIn(cwd)).toEqual(['in']);
  });
});

describe('outputs that are not regular files', () => {
  it('-o /dev/stdout writes like standard output: no sync, no state or lock beside it', async () => {
    const piped = await runCli(['ingest', story, '-o', '/dev/stdout']);
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.records.map((r) => r['headline'])).toEqual(['Exports rise']);
    // Standard output redirected to a file: /dev/stdout then names a regular file, still never locked or synced.
    const file = join(dir, 'redirected.jsonl');
    const redirected = spawnSync(
      '/bin/sh',
      ['-c', `"${process.execPath}" "${WIRE}" ingest "${story}" -o /dev/stdout > "${file}"`],
      { encoding: 'utf8' },
    );
    expect(redirected.status, redirected.stderr).toBe(0);
    expect(parseLines(readFileSync(file, 'utf8'))).toHaveLength(1);
    for (const beside of ['/dev/stdout.state', '/dev/stdout.lock', `${file}.state`, `${file}.lock`])
      expect(existsSync(beside)).toBe(false);
  });

  it('-o a named pipe streams records to its reader and creates nothing beside it', async () => {
    const folder = tempDir();
    const fifo = join(folder, 'records.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = spawn('cat', [fifo], { stdio: ['ignore', 'pipe', 'ignore'] });
    let read = '';
    reader.stdout.on('data', (chunk: Buffer) => (read += chunk.toString()));
    const closed = new Promise((resolve) => reader.on('close', resolve));
    const result = await runCli(['ingest', story, '-o', fifo]);
    await closed;
    expect(result.code, result.stderr).toBe(0);
    expect(parseLines(read).map((r) => r['headline'])).toEqual(['Exports rise']);
    expect(filesIn(folder)).toEqual(['records.fifo']);
  });
});
