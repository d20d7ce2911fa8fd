import { closeSync, openSync, rmSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { random } from '../../bench/generate.js';
import { writePlain } from './corpus.js';
import { size, verdict, type Case } from './matrix.js';
import { problemsAfterRun, storyNumber } from './verify.js';
import { firstDiagnostic, runAndKill, runWire, summaryOf } from './wire.js';

const FIRST = size(2000, 10_000);
const MORE = size(500, 2000);

/** A way to damage a state file; it returns what it did. */
type Damage = (state: string) => void;

const removeState = (state: string): void => {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${state}${suffix}`, { force: true });
};

const DAMAGES: ReadonlyArray<readonly [string, Damage]> = [
  ['deleted', removeState],
  ['overwritten with text', (state) => writeFileSync(state, 'this is not a database\n'.repeat(100))],
  ['cut to half its length', (state) => truncateSync(state, Math.floor(statSync(state).size / 2))],
  ['cut to 100 bytes', (state) => truncateSync(state, 100)],
  ['first page zeroed', (state) => overwrite(state, [0], 4096, () => 0)],
  [
    'pages scrambled in the middle',
    (state) => {
      const length = statSync(state).size;
      const next = random(length);
      const offsets = Array.from({ length: 8 }, () => 4096 + Math.floor(next() * (length - 8192)));
      overwrite(state, offsets, 512, () => Math.floor(next() * 256));
    },
  ],
  ['WAL overwritten with garbage', (state) => writeFileSync(`${state}-wal`, Buffer.alloc(64 * 1024, 0xa5))],
];

function overwrite(path: string, offsets: readonly number[], length: number, byte: () => number): void {
  const fd = openSync(path, 'r+');
  try {
    for (const offset of offsets) {
      const bytes = Buffer.from(Array.from({ length }, byte));
      writeSync(fd, bytes, 0, length, offset);
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * A state file deleted or damaged between runs: the next run (with new stories as well as the old) must notice,
 * rebuild the store from the output, and write the new stories once and the old ones not again. A damaged page that
 * SQLite meets only in the middle of a run may fail that run; the one after it must then complete.
 */
function damageCase(name: string, damage: Damage): Case {
  return {
    name: `store ${name}`,
    async run(dir) {
      const old = join(dir, 'old.txt');
      const fresh = join(dir, 'new.txt');
      await writePlain(old, 0, FIRST);
      await writePlain(fresh, FIRST, MORE);
      const out = join(dir, 'out.jsonl');
      const first = await runWire(['ingest', old, '-o', out, '-q']);
      if (first.code !== 0) return verdict(`first run exit ${first.code}`, '', [first.stderr.slice(0, 300)]);
      damage(`${out}.state`);
      const args = ['ingest', old, fresh, '-o', out];
      let rerun = await runWire(args);
      const runs = [rerun];
      if (rerun.code !== 0) runs.push((rerun = await runWire(args)));
      const expected = { count: FIRST + MORE, key: storyNumber };
      const { problems } = problemsAfterRun(out, expected);
      if (rerun.code !== 0) problems.push(`rerun exit ${rerun.code}: ${rerun.stderr.slice(0, 300)}`);
      for (const r of runs) if (/\n\s+at /.test(r.stderr)) problems.push('a stack trace on standard error');
      const again = await runWire(args);
      const added = summaryOf(again.stderr)?.stories;
      if (again.code !== 0 || added !== 0) problems.push(`a further rerun exit ${again.code}, added ${added}`);
      const said = runs.map((r) => `exit ${r.code} "${firstDiagnostic(r.stderr)}"`);
      return verdict(
        said.join(', then '),
        `${FIRST} old + ${MORE} new: lost 0, dup 0, store = output, rerun +0`,
        problems,
      );
    },
  };
}

/** The store removed while a run is killed: the rerun must rebuild it and still write every story once. */
const killedAndDeleted: Case = {
  name: 'store deleted after a kill -9',
  async run(dir) {
    const input = join(dir, 'stories.txt');
    await writePlain(input, 0, FIRST);
    const out = join(dir, 'out.jsonl');
    const args = ['ingest', input, '-o', out];
    const started = performance.now();
    await runWire([...args.slice(0, 2), '-o', join(dir, 'clean.jsonl')]);
    const runMs = performance.now() - started;
    const problems: string[] = [];
    const next = random(99);
    const trials = size(3, 20);
    for (let trial = 0; trial < trials; trial++) {
      rmSync(out, { force: true });
      await runAndKill(args, next() * runMs);
      removeState(`${out}.state`);
      const rerun = await runWire(args);
      if (rerun.code !== 0) problems.push(`trial ${trial}: rerun exit ${rerun.code}`);
      problems.push(
        ...problemsAfterRun(out, { count: FIRST, key: storyNumber }).problems.map((p) => `trial ${trial}: ${p}`),
      );
      removeState(`${out}.state`);
    }
    return verdict(`${trials} trials`, 'every story once, lost 0, dup 0', problems);
  },
};

/** The store rows: deleted, or damaged in each of the ways a file gets damaged. */
export const storeCases: readonly Case[] = [
  ...DAMAGES.map(([name, damage]) => damageCase(name, damage)),
  killedAndDeleted,
];
