import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writePlain } from './corpus.js';
import { FULL, size, skipped, verdict, type Case } from './matrix.js';
import { checkOutput, checkStore, problemsAfterRun, storyNumber, type Expected } from './verify.js';
import { firstDiagnostic, runWire, summaryOf, type WireOptions } from './wire.js';

const STORIES = size(3000, 10_000);
const expected: Expected = { count: STORIES, key: storyNumber };

/**
 * After a run that failed for want of room: every line whole, and the store never ahead of the output (it may lag:
 * the next run catches up). Then, with room again, the next run must write every story exactly once.
 */
async function failThenResume(
  output: string,
  args: readonly string[],
  limited: WireOptions,
  expectMessage: RegExp,
  makeRoom: () => void = () => undefined,
): Promise<{ what: string; problems: string[] }> {
  const problems: string[] = [];
  const failed = await runWire(args, limited);
  const seen = firstDiagnostic(failed.stderr, expectMessage);
  if (failed.code !== 1) problems.push(`limited run exit ${failed.code}`);
  if (!expectMessage.test(failed.stderr)) problems.push(`no clear message: ${failed.stderr.slice(0, 300)}`);
  if (/\n\s+at /.test(failed.stderr)) problems.push('a stack trace on standard error');
  const partial = checkOutput(output, expected);
  if (partial.torn !== null) problems.push(`torn after the failure: ${partial.torn}`);
  if (partial.duplicated > 0) problems.push(`${partial.duplicated} duplicated after the failure`);
  const store = checkStore(`${output}.state`, partial.ids);
  if (store !== null && store.ahead > 0) problems.push(`the store holds ${store.ahead} stories the output does not`);
  if (store !== null && store.absorbed > partial.bytes) problems.push('the store claims more bytes than the output');
  makeRoom();
  const resumed = await runWire(args);
  if (resumed.code !== 0) problems.push(`resumed run exit ${resumed.code}: ${resumed.stderr.slice(0, 200)}`);
  problems.push(...problemsAfterRun(output, expected).problems);
  const again = await runWire(args);
  if (summaryOf(again.stderr)?.stories !== 0) problems.push(`a second rerun added ${summaryOf(again.stderr)?.stories}`);
  const what = `exit ${failed.code} at ${partial.lines}/${STORIES} lines "${seen}"; resumed exit ${resumed.code}`;
  return { what, problems };
}

/** Output bytes of a clean run of the stories, to place the limits at fractions of it. */
async function cleanSize(dir: string, input: string): Promise<number> {
  const out = join(dir, 'clean.jsonl');
  await runWire(['ingest', input, '-o', out, '-q']);
  return statSync(out).size;
}

// Where the disk runs out, as a fraction of what the run needs.
const FRACTIONS = FULL ? [0.05, 0.2, 0.4, 0.6, 0.8, 0.97] : [0.3, 0.85];

const ulimitCase: Case = {
  name: 'disk full / ulimit -f (EFBIG)',
  async run(dir) {
    const input = join(dir, 'stories.txt');
    await writePlain(input, 0, STORIES);
    const bytes = await cleanSize(dir, input);
    const lines: string[] = [];
    const problems: string[] = [];
    for (const fraction of FRACTIONS) {
      const out = join(dir, `limited-${fraction}.jsonl`);
      const args = ['ingest', input, '-o', out];
      const limit = { fileLimitKb: Math.round((bytes * fraction) / 1024) };
      const result = await failThenResume(out, args, limit, /cannot write to .*file too large/i);
      lines.push(`${Math.round(fraction * 100)}%: ${result.what}`);
      problems.push(...result.problems.map((p) => `at ${Math.round(fraction * 100)}%: ${p}`));
    }
    return verdict(lines.join('; '), 'after resuming: lost 0, dup 0, torn 0, store = output, rerun +0', problems);
  },
};

function mount(dir: string, bytes: number): boolean {
  mkdirSync(dir, { recursive: true });
  return spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', dir]).status === 0;
}

function remount(dir: string, bytes: number): void {
  const result = spawnSync('mount', ['-o', `remount,size=${bytes}`, dir]);
  if (result.status !== 0) throw new Error(`cannot grow ${dir}: ${result.stderr.toString()}`);
}

function unmount(dir: string): void {
  spawnSync('umount', [dir]);
}

const tmpfsCase: Case = {
  name: 'disk full / small tmpfs (ENOSPC)',
  async run(dir) {
    if (!mount(join(dir, 'probe'), 1 << 20)) {
      return skipped('mounting a tmpfs is not allowed here (needs root); the ulimit -f row covers a full disk');
    }
    unmount(join(dir, 'probe'));
    const input = join(dir, 'stories.txt');
    await writePlain(input, 0, STORIES);
    // Output plus state (about a tenth more), so that some limits are met by the state file first.
    const bytes = (await cleanSize(dir, input)) * 1.15;
    const lines: string[] = [];
    const problems: string[] = [];
    for (const fraction of FRACTIONS) {
      const disk = join(dir, `disk-${fraction}`);
      if (!mount(disk, Math.round(bytes * fraction))) return verdict('', 'mount failed', ['mount failed']);
      try {
        const out = join(disk, 'out.jsonl');
        const grow = (): void => remount(disk, Math.round(bytes * 3));
        const result = await failThenResume(out, ['ingest', input, '-o', out], {}, /no space left|disk is full/i, grow);
        lines.push(`${Math.round(fraction * 100)}%: ${result.what}`);
        problems.push(...result.problems.map((p) => `at ${Math.round(fraction * 100)}%: ${p}`));
      } finally {
        unmount(disk);
      }
    }
    return verdict(lines.join('; '), 'after resuming: lost 0, dup 0, torn 0, store = output, rerun +0', problems);
  },
};

/** The resource rows: the output's disk fills up, in two ways. */
export const resourceCases: readonly Case[] = [ulimitCase, tmpfsCase];
