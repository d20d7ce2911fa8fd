import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { WIRE, parseLines, runCli } from './helpers/cli.js';
import { tempDir } from './helpers/tmp.js';

const story = (headline: string): string =>
  `${headline}\n\nSEOUL, Nov. 27 (Yonhap) -- ${headline}, officials said on Friday.\n\n(END)\n`;

function startWatch(
  dir: string,
  out: string,
  extra: readonly string[] = ['-v'],
): ChildProcess & { stderrText: () => string } {
  const child = spawn(
    process.execPath,
    [WIRE, 'watch', dir, '-o', out, '--interval', '50', '--settle', '200', ...extra],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return Object.assign(child, { stderrText: () => stderr });
}

async function until(check: () => boolean, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

const headlines = (out: string): unknown[] =>
  existsSync(out) ? parseLines(readFileSync(out, 'utf8')).map((r) => r['headline']) : [];

/** A fresh hot folder `in/` and an output `out.jsonl` beside it. */
function hotFolder(prefix: string): { base: string; dir: string; out: string } {
  const base = tempDir(prefix);
  const dir = join(base, 'in');
  mkdirSync(dir);
  return { base, dir, out: join(base, 'out.jsonl') };
}

describe('wire watch', () => {
  it('ingests complete files, waits out partial writes, sets bad files aside, and survives a restart', async () => {
    const { dir, out } = hotFolder('wire-watch-');
    writeFileSync(join(dir, 'a.txt'), story('First file'));
    let watcher = startWatch(dir, out);
    await until(() => existsSync(join(dir, '.done', 'a.txt')), 'a.txt to be done');
    expect(headlines(out)).toEqual(['First file']);

    // A file written in parts is not taken until it stops changing.
    const slow = join(dir, 'slow.txt');
    writeFileSync(slow, 'Slow delivery\n\nSEOUL, Nov. 27 (Yonhap) -- The first part');
    for (let i = 0; i < 6; i++) {
      await sleep(80);
      appendFileSync(slow, ` and part ${i}`);
      expect(existsSync(join(dir, '.done', 'slow.txt'))).toBe(false);
    }
    appendFileSync(slow, ' arrived.\n');
    // An upload renamed into place, and a bad file.
    writeFileSync(join(dir, 'upload.txt.part'), story('Renamed into place'));
    renameSync(join(dir, 'upload.txt.part'), join(dir, 'upload.txt'));
    writeFileSync(join(dir, 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]));
    await until(
      () =>
        ['slow.txt', 'upload.txt'].every((f) => existsSync(join(dir, '.done', f))) &&
        existsSync(join(dir, '.failed', 'photo.jpg')),
      'the second round',
    );
    expect(headlines(out)).toEqual(['First file', 'Slow delivery', 'Renamed into place']);
    expect(readFileSync(join(dir, '.failed', 'photo.jpg.reason'), 'utf8')).toMatch(
      /binary-input: .*looks like a JPEG image/,
    );
    expect(String(parseLines(readFileSync(out, 'utf8'))[1]!['body'])).toMatch(/part 5 arrived\.$/);

    watcher.kill('SIGTERM');
    expect(await exited(watcher)).toBe(0);

    // Restarted, it takes only what is new; a story delivered again in another file is a duplicate.
    writeFileSync(join(dir, 'b.txt'), story('After the restart'));
    writeFileSync(join(dir, 'c.txt'), story('First file'));
    watcher = startWatch(dir, out);
    await until(() => ['b.txt', 'c.txt'].every((f) => existsSync(join(dir, '.done', f))), 'b.txt and c.txt to be done');
    // A file is moved aside before its line is printed, and the line reaches this process a moment later.
    await until(() => /c\.txt: /.test(watcher.stderrText()), "c.txt's line");
    expect(watcher.stderrText()).toMatch(/c\.txt: 0 new, 1 already in .*out\.jsonl → /);
    watcher.kill('SIGINT');
    expect(await exited(watcher)).toBe(0);
    expect(headlines(out)).toEqual(['First file', 'Slow delivery', 'Renamed into place', 'After the restart']);
    expect(readdirSync(dir).filter((f) => !f.startsWith('.'))).toEqual([]);
  });

  it.skipIf(!existsSync('/proc/self/fd'))('closes the file handle of a binary file it sets aside', async () => {
    const { dir, out } = hotFolder('wire-watch-fd-');
    // Larger than one read, so the stream still had bytes to give when the file was found not to be text.
    writeFileSync(
      join(dir, 'photo.jpg'),
      Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(600_000, 7)]),
    );
    // The same inside gzip: found binary once decompressed.
    writeFileSync(
      join(dir, 'photo.jpg.gz'),
      gzipSync(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(600_000)])),
    );
    writeFileSync(join(dir, 'story.txt'), story('After the photo'));
    const watcher = startWatch(dir, out);
    await until(
      () =>
        existsSync(join(dir, '.failed', 'photo.jpg')) &&
        existsSync(join(dir, '.failed', 'photo.jpg.gz')) &&
        existsSync(join(dir, '.done', 'story.txt')),
      'the three files to be moved',
    );
    const open = readdirSync(`/proc/${watcher.pid}/fd`).map((fd) => {
      try {
        return readlinkSync(`/proc/${watcher.pid}/fd/${fd}`);
      } catch {
        return '';
      }
    });
    watcher.kill('SIGTERM');
    expect(await exited(watcher)).toBe(0);
    expect(open.filter((target) => target.includes('photo.jpg'))).toEqual([]);
    expect(watcher.stderrText()).not.toMatch(/Closing file descriptor|DEP0137/);
  });

  it('with --once ingests what is there and exits', async () => {
    const { dir, out } = hotFolder('wire-watch-once-');
    writeFileSync(join(dir, 'one.txt'), story('Only once'));
    const result = await runCli(['watch', dir, '-o', out, '--once', '--settle', '100', '--interval', '20']);
    expect(result.code).toBe(0);
    expect(headlines(out)).toEqual(['Only once']);
    expect(existsSync(join(dir, '.done', 'one.txt'))).toBe(true);
  });

  it('stops with a clear message when the disk fills, leaving the file in hand where it was, to be ingested again', async () => {
    const { dir, out } = hotFolder('wire-watch-full-');
    const many = Array.from({ length: 400 }, (_, i) =>
      story(`Story ${i} of a large delivery`).replace('Friday', `day ${i}`),
    );
    writeFileSync(join(dir, 'big.txt'), many.join('\f\n'));
    const args = ['watch', dir, '-o', out, '--once', '--settle', '100', '--interval', '20', '--dedup', 'exact'];
    // ulimit -f counts 512-byte blocks in POSIX sh: 100 KB, a fraction of the output.
    const full = spawnSync('/bin/sh', [
      '-c',
      `ulimit -f 200 && exec "${process.execPath}" "${WIRE}" ${args.join(' ')}`,
    ]);
    expect(full.status).toBe(1);
    expect(full.stderr.toString()).toMatch(/cannot write to .*out\.jsonl: EFBIG/);
    expect(existsSync(join(dir, 'big.txt'))).toBe(true);
    expect(existsSync(join(dir, '.failed', 'big.txt'))).toBe(false);
    const resumed = await runCli(args);
    expect(resumed.code, resumed.stderr).toBe(0);
    const written = headlines(out);
    expect(written).toHaveLength(400);
    expect(new Set(written).size).toBe(400);
  });

  it('says when it starts, a line per file without -v, and a summary when stopped', async () => {
    const { dir, out } = hotFolder('wire-watch-say-');
    writeFileSync(join(dir, 'a.txt'), story('Harbour reopens'));
    const watcher = startWatch(dir, out, []);
    await until(() => existsSync(join(dir, '.done', 'a.txt')), 'a.txt to be done');
    writeFileSync(join(dir, 'b.txt'), story('Harbour reopens'));
    await until(() => /b\.txt: /.test(watcher.stderrText()), 'the line for b.txt');
    watcher.kill('SIGINT');
    expect(await exited(watcher)).toBe(0);
    const lines = watcher.stderrText().trim().split('\n');
    expect(lines[0]).toMatch(/^wire: watching .*in\/ → .*out\.jsonl \(looking every 0\.05 s; .*Ctrl-C to stop\)$/);
    expect(lines[1]).toMatch(/^wire: .*in\/a\.txt: 1 new, 0 already in .*out\.jsonl → .*in\/\.done\/a\.txt$/);
    expect(lines[2]).toMatch(/^wire: .*in\/b\.txt: 0 new, 1 already in .*out\.jsonl → .*in\/\.done\/b\.txt$/);
    expect(lines[3]).toMatch(/^wire: 2 files, 1 new, 1 already in .*out\.jsonl, 0 failed in [\d.]+ s/);
    expect(lines).toHaveLength(4);
  });

  it('with --once, ends with a summary (or a JSON summary), writes --duplicates, and exits 1 when a file failed', async () => {
    const { base, dir, out } = hotFolder('wire-watch-cron-');
    const dups = join(base, 'dups.jsonl');
    writeFileSync(join(dir, 'a.txt'), story('Harbour reopens'));
    writeFileSync(join(dir, 'b.txt'), story('Harbour reopens'));
    writeFileSync(join(dir, 'c.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]));
    const args = ['watch', dir, '-o', out, '--once', '--settle', '50', '--interval', '20', '--duplicates', dups];
    const plain = await runCli(args);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toMatch(/^wire: watch .*in\/ → .*out\.jsonl: taking what is ready, then stopping$/m);
    expect(plain.stderr).toMatch(/c\.jpg: not wire text/);
    expect(plain.stderr.trim().split('\n').at(-1)).toMatch(
      /^wire: 3 files, 1 new, 1 already in .*out\.jsonl, 1 failed/,
    );
    expect(headlines(dups)).toEqual(['Harbour reopens']);

    writeFileSync(join(dir, 'd.txt'), story('Rail strike ends'));
    const json = await runCli([...args, '--json-summary']);
    expect(json.code).toBe(0);
    const lines = json.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    const summary = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(summary).toMatchObject({ command: 'watch', inputs: 1, stories: 1, duplicates: 0, failed: 0, exit_code: 0 });
    expect(new Date(String(summary['started_at'])).getTime()).not.toBeNaN();
  });
});
