import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WIRE, parseLines, runCli } from '../helpers/cli.js';
import { expectValidRecord } from '../helpers/schema.js';
import { tempDir } from '../helpers/tmp.js';
import { generateDump } from './generate.js';
import { fromLine } from '../../src/dedup/catchup.js';
import { fingerprintStory } from '../../src/dedup/fingerprint.js';
import { exactKey } from '../../src/dedup/store.js';
import { writeVersion4State } from './state-v4.js';
import { EDITS, HARBOUR, render, storyOf, verdictInputs } from './stories.js';

const records = (path: string): Array<Record<string, unknown>> => parseLines(readFileSync(path, 'utf8'));

describe('wire ingest with near dedup and a state file', () => {
  it('drops copies, writes versions and duplicates, and a rerun adds nothing', async () => {
    const dir = tempDir();
    const files = verdictInputs(dir);
    const out = join(dir, 'out.jsonl');
    const dups = join(dir, 'dups.jsonl');
    const first = await runCli(['ingest', ...files, '-o', out, '--duplicates', dups]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/22 new \(1 update\), 5 already in .*out\.jsonl,/);
    const written = records(out);
    for (const record of [...written, ...records(dups)]) expectValidRecord(record);
    const [original, lead] = [written[0], written[1]];
    expect(lead).toMatchObject({ version: 2, replaces: original?.['id'], markers: ['LEAD'] });
    const [trimmed, ...repeats] = records(dups);
    expect(trimmed).toMatchObject({ duplicate_of: original?.['id'] });
    expect(trimmed?.['similarity']).toBeLessThan(1);
    expect(repeats.map((r) => r['similarity'])).toEqual([1, 1, 1, 1]);
    expect(existsSync(`${out}.state`)).toBe(true);

    const again = await runCli(['ingest', ...files, '-o', out]);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/0 new, 27 already in .*out\.jsonl/);
    expect(records(out)).toHaveLength(written.length);
  });

  it('reports similarity 1 for an identical body only, and a trimmed copy its share of the text', async () => {
    const dir = tempDir();
    const [lead = '', second = ''] = HARBOUR.paragraphs;
    // The case: a copy trimmed to its first sentences (here the lead and half the next paragraph).
    const cut = { ...HARBOUR, paragraphs: [lead, second.slice(0, second.indexOf(',') + 1).replace(/,$/, '.')] };
    const files = {
      'a.txt': render(HARBOUR),
      'b-retitled.txt': render({ ...HARBOUR, headline: 'Valmora bets big on bigger ships' }),
      'c-trimmed.txt': render(cut),
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const out = join(dir, 'out.jsonl');
    const dups = join(dir, 'dups.jsonl');
    const run = await runCli([
      'ingest',
      ...Object.keys(files).map((f) => join(dir, f)),
      '-o',
      out,
      '--duplicates',
      dups,
    ]);
    expect(run.code, run.stderr).toBe(0);
    const [kept] = records(out);
    const [retitled, trimmed] = records(dups);
    expect(retitled).toMatchObject({ duplicate_of: kept?.['id'], similarity: 1 });
    expect(trimmed).toMatchObject({ duplicate_of: kept?.['id'] });
    const share = Number(trimmed?.['words']) / Number(kept?.['words']);
    expect(Math.abs(Number(trimmed?.['similarity']) - share)).toBeLessThan(0.1);
  });

  it.each([
    {
      damage: 'deleted',
      harm: (state: string) => {
        for (const suffix of ['', '-wal', '-shm']) rmSync(`${state}${suffix}`, { force: true });
      },
      says: /caught up with 22 records/,
      setAside: false,
    },
    {
      damage: 'overwritten with garbage',
      harm: (state: string) => writeFileSync(state, 'not a database\n'.repeat(500)),
      says: /the dedup state was damaged \(SQLITE_NOTADB.*\); rebuilt it from .*out\.jsonl/,
      setAside: true,
    },
  ])('rebuilds a state file $damage from the output, and still adds nothing', async ({ harm, says, setAside }) => {
    const dir = tempDir();
    const files = verdictInputs(dir);
    const out = join(dir, 'out.jsonl');
    await runCli(['ingest', ...files, '-o', out]);
    const before = readFileSync(out, 'utf8');
    harm(`${out}.state`);
    const rerun = await runCli(['ingest', ...files, '-o', out]);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stderr).toMatch(says);
    expect(readFileSync(out, 'utf8')).toBe(before);
    expect(existsSync(`${out}.state.corrupt`)).toBe(setAside);
  });

  it('stops with a clear message when the disk fills, leaving every line whole, and the next run writes the rest once', async () => {
    const dir = tempDir();
    const input = join(dir, 'dump.txt');
    writeFileSync(input, generateDump(1500, 0));
    const out = join(dir, 'out.jsonl');
    // ulimit -f counts 512-byte blocks in POSIX sh: 600 KB, about a third of the output.
    const full = spawnSync('/bin/sh', [
      '-c',
      `ulimit -f 1200 && exec "${process.execPath}" "${WIRE}" ingest "${input}" -o "${out}"`,
    ]);
    expect(full.status).toBe(1);
    expect(full.stderr.toString()).toMatch(
      /cannot write to .*out\.jsonl: EFBIG: file too large.*make room and run again/,
    );
    const partial = records(out).map((r) => r['id']);
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan(1500);
    const rerun = await runCli(['ingest', input, '-o', out]);
    expect(rerun.code, rerun.stderr).toBe(0);
    const ids = records(out).map((r) => r['id']);
    // Every story once: the store recorded nothing the full disk kept out of the output.
    expect(ids).toHaveLength(1500);
    expect(new Set(ids).size).toBe(1500);
    expect(ids.slice(0, partial.length)).toEqual(partial);
  });

  it('keeps what a state file of schema version 4 knew: a copy of a story only that state holds is dropped', async () => {
    const dir = tempDir();
    const out = join(dir, 'out.jsonl');
    const earlier = join(dir, 'earlier.txt');
    writeFileSync(earlier, generateDump(3, 0));
    expect((await runCli(['ingest', earlier, '-o', out, '-q'])).code).toBe(0);
    // The state an older wire would have left, knowing one more story than the output holds (the output is whole:
    // nothing to catch up from it), so that only a migration that keeps its rows can drop the copy.
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${out}.state${suffix}`, { force: true });
    const written = readFileSync(out, 'utf8').trimEnd().split('\n').map(fromLine);
    const { exact, sketch } = fingerprintStory(storyOf(render(HARBOUR)));
    const known = { id: 'ab'.repeat(12), exact: exactKey(exact), version: 1, sketch };
    writeVersion4State(`${out}.state`, [...written.filter((s) => s !== null), known], statSync(out).size);
    const copy = join(dir, 'copy.txt');
    writeFileSync(copy, render(EDITS['retitles it']!(HARBOUR)));
    const dups = join(dir, 'dups.jsonl');
    const run = await runCli(['ingest', copy, '-o', out, '--duplicates', dups]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/0 new, 1 already in/);
    expect(records(dups)).toMatchObject([{ duplicate_of: known.id, similarity: 1 }]);
  });

  it('keeps the state where --state says, and dedups only within the run on standard output without it', async () => {
    const dir = tempDir();
    const files = verdictInputs(dir);
    const state = join(dir, 'elsewhere.db');
    const once = await runCli(['ingest', ...files, '--state', state]);
    expect(once.records).toHaveLength(22);
    expect(existsSync(state)).toBe(true);
    expect((await runCli(['ingest', ...files, '--state', state])).records).toHaveLength(0);
    expect((await runCli(['ingest', ...files])).records).toHaveLength(22);
    expect((await runCli(['ingest', ...files, '--dedup', 'off'])).records).toHaveLength(27);
    expect((await runCli(['ingest', ...files, '--dedup', 'exact'])).records).toHaveLength(23);
  });
});

/** Starts `wire ingest -` reading a standard input that stays open until `finish` is called. */
function holdLock(out: string): { child: ChildProcess; finish: () => Promise<number | null> } {
  const child = spawn(process.execPath, [WIRE, 'ingest', '-', '-o', out, '-q'], { stdio: ['pipe', 'ignore', 'pipe'] });
  child.stdin?.write(render(HARBOUR));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    finish: () => {
      child.stdin?.end();
      return exited;
    },
  };
}

async function lockFileOf(out: string): Promise<Record<string, unknown>> {
  for (;;) {
    if (existsSync(`${out}.lock`)) {
      const text = readFileSync(`${out}.lock`, 'utf8');
      if (text.endsWith('\n')) return JSON.parse(text) as Record<string, unknown>;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the output lock', () => {
  it('makes a second run exit 3 naming the holder, then lets it in once the first is done', async () => {
    const dir = tempDir();
    const out = join(dir, 'out.jsonl');
    const other = join(dir, 'other.txt');
    writeFileSync(other, generateDump(3, 0));
    const holder = holdLock(out);
    const lock = await lockFileOf(out);
    expect(lock['pid']).toBe(holder.child.pid);
    const refused = await runCli(['ingest', other, '-o', out, '--lock-timeout', '0.3']);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain(`pid ${holder.child.pid} on ${hostname()}`);
    // A second run that may wait long enough gets in once the holder finishes.
    const waiting = runCli(['ingest', other, '-o', out, '--lock-timeout', '30']);
    expect(await holder.finish()).toBe(0);
    const admitted = await waiting;
    expect(admitted.code, admitted.stderr).toBe(0);
    expect(records(out)).toHaveLength(4);
    expect(existsSync(`${out}.lock`)).toBe(false);
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const dir = tempDir();
    const out = join(dir, 'out.jsonl');
    const gone = spawn(process.execPath, ['-e', '0']);
    const pid = gone.pid;
    await new Promise((resolve) => gone.on('exit', resolve));
    writeFileSync(`${out}.lock`, `${JSON.stringify({ pid, host: hostname(), started: '2026-11-27T00:00:00Z' })}\n`);
    const input = join(dir, 'in.txt');
    writeFileSync(input, render(HARBOUR));
    const run = await runCli(['ingest', input, '-o', out, '--lock-timeout', '0']);
    expect(run.code, run.stderr).toBe(0);
    expect(records(out)).toHaveLength(1);
  });
});
