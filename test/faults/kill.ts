import { existsSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { random } from '../../bench/generate.js';
import { anpaStories, articlePage, plainStories, rssFeed, writePlain } from './corpus.js';
import { size, verdict, type Case, type Outcome } from './matrix.js';
import { serve, sendTagged, type FaultServer } from './server.js';
import { checkStore, problemsAfterRun, storyNumber, type Expected } from './verify.js';
import { runAndKill, runWire, summaryOf } from './wire.js';

// CI kills three runs of 5,000 stories of each file source and 2,500 by URL (273 inputs a run, its longest row; the
// kill points are seeded, so each CI run repeats them); the full run 100 runs of 10,000 of each.
const STORIES = size(5_000, 10_000);
const URL_STORIES = size(2_500, 10_000);
const TRIALS = size(3, 100);

/** Where a kill trial's inputs come from: a file, a stream, or a local server. */
interface Source {
  readonly name: string;
  /** How many stories its inputs hold, numbered from 0. */
  readonly stories: number;
  /** Writes the inputs (and starts what serves them); returns the input arguments. */
  prepare(dir: string): Promise<{ inputs: string[]; server?: FaultServer }>;
}

const plain: Source = {
  name: 'plain',
  stories: STORIES,
  async prepare(dir) {
    const path = join(dir, 'stories.txt');
    await writePlain(path, 0, STORIES);
    return { inputs: [path] };
  },
};

const anpa: Source = {
  name: 'anpa',
  stories: STORIES,
  prepare(dir) {
    const path = join(dir, 'stream.anpa');
    writeFileSync(path, anpaStories(0, STORIES), 'latin1');
    return Promise.resolve({ inputs: [path] });
  },
};

// By URL: most stories in plain-text dumps, the rest as article pages, half of them found through a feed. Every
// response carries an ETag and answers 304 to it, as real servers do.
const DUMP = 200;
const PAGES = Math.round(URL_STORIES / 10);
const url: Source = {
  name: 'url',
  stories: URL_STORIES,
  async prepare(dir) {
    const dumps = Math.floor((URL_STORIES - PAGES) / DUMP);
    const firstPage = dumps * DUMP;
    const server = await serve((request, response) => {
      const path = request.url ?? '';
      const dump = /^\/dump\/(\d+)\.txt$/.exec(path);
      if (dump) return sendTagged(request, response, plainStories(Number(dump[1]) * DUMP, DUMP), 'text/plain');
      const page = /^\/page\/(\d+)\.html$/.exec(path);
      if (page) return sendTagged(request, response, articlePage(Number(page[1])), 'text/html; charset=utf-8');
      if (path === '/feed.xml') {
        const feed = rssFeed(
          firstPage + PAGES / 2,
          URL_STORIES - firstPage - PAGES / 2,
          (n) => `${server.base}/page/${n}.html`,
        );
        return sendTagged(request, response, feed, 'application/rss+xml');
      }
      return false;
    });
    const lines = [
      ...Array.from({ length: dumps }, (_, i) => `${server.base}/dump/${i}.txt`),
      ...Array.from({ length: PAGES / 2 }, (_, i) => `${server.base}/page/${firstPage + i}.html`),
      `${server.base}/feed.xml`,
    ];
    const list = join(dir, 'urls.txt');
    writeFileSync(list, `${lines.join('\n')}\n`);
    return { inputs: ['--input-list', list, '--concurrency', '16', '--per-host', '16'], server };
  },
};

/**
 * Kill -9 at a random point of a 10,000-story run (half the time the first rerun is killed too), then rerun: every
 * story must be in the output exactly once, no line torn, and the store must hold exactly what the output holds
 * (checked in the file, and by a second rerun that must add nothing).
 */
function killCase(source: Source): Case {
  return {
    name: `kill -9 / ${source.name}`,
    async run(dir) {
      const { inputs, server } = await source.prepare(dir);
      try {
        return await trials(dir, inputs, { count: source.stories, key: storyNumber });
      } finally {
        await server?.close();
      }
    },
  };
}

async function trials(dir: string, inputs: readonly string[], expected: Expected): Promise<Outcome> {
  const argsFor = (out: string): string[] => ['ingest', ...inputs, '-o', out, '--lock-timeout', '30'];
  // The clean run: the expected set must come out whole, and its length spreads the kills over a run.
  const clean = join(dir, 'clean.jsonl');
  const started = performance.now();
  const first = await runWire(argsFor(clean));
  const runMs = performance.now() - started;
  const baseline = problemsAfterRun(clean, expected);
  if (first.code !== 0 || baseline.problems.length > 0) {
    return verdict(`clean run exit ${first.code}`, 'baseline', [...baseline.problems, first.stderr.slice(0, 300)]);
  }
  const next = random(0x5eed + inputs.length);
  const problems: string[] = [];
  let torn = 0;
  let caughtUp = 0;
  let killedTwice = 0;
  let cut = 0;
  for (let trial = 0; trial < TRIALS && problems.length === 0; trial++) {
    const out = join(dir, `trial-${trial}.jsonl`);
    const args = argsFor(out);
    const killedAt = next() * runMs * 1.2;
    await runAndKill(args, killedAt);
    if (next() < 0.5) {
      killedTwice++;
      await runAndKill(args, next() * runMs);
    }
    // Half the time the output also loses what it held past the store's last checkpoint, cut mid-line: a write torn
    // by the kill, or unsynced lines lost with the machine. The store never covers those bytes, so nothing is lost.
    if (next() < 0.5 && cutPastCheckpoint(out, next)) cut++;
    const rerun = await runWire(args);
    if (/last line was incomplete/.test(rerun.stderr)) torn++;
    if (/caught up with/.test(rerun.stderr)) caughtUp++;
    const after = problemsAfterRun(out, expected);
    const again = await runWire(args);
    const added = summaryOf(again.stderr)?.stories ?? -1;
    const where = `trial ${trial} (kill at ${Math.round(killedAt)} ms)`;
    if (rerun.code !== 0) problems.push(`${where}: rerun exit ${rerun.code}: ${rerun.stderr.slice(0, 200)}`);
    for (const p of after.problems) problems.push(`${where}: ${p}`);
    if (again.code !== 0 || added !== 0) problems.push(`${where}: a second rerun exit ${again.code}, added ${added}`);
    rmSync(out, { force: true });
    for (const suffix of ['.state', '.state-wal', '.state-shm', '.rejected', '.lock'])
      rmSync(`${out}${suffix}`, { force: true });
  }
  const what = `${TRIALS} trials × ${expected.count} stories (clean run ${(runMs / 1000).toFixed(1)} s; ${killedTwice} reruns killed too; ${cut} outputs cut past the checkpoint; ${torn} torn lines moved aside; ${caughtUp} store catch-ups)`;
  return verdict(
    what,
    problems.length === 0 ? 'every story once, lost 0, dup 0, torn 0, rerun +0' : 'LOST OR DUPLICATED',
    problems,
  );
}

/** Cuts the output at a random byte past what the store has absorbed; false when there is nothing past it. */
function cutPastCheckpoint(out: string, next: () => number): boolean {
  if (!existsSync(out)) return false;
  const absorbed = checkStore(`${out}.state`, [])?.absorbed ?? 0;
  const length = statSync(out).size;
  if (length <= absorbed + 1) return false;
  truncateSync(out, absorbed + 1 + Math.floor(next() * (length - absorbed - 1)));
  return true;
}

/** The kill -9 rows: plain, ANPA, and by URL. */
export const killCases: readonly Case[] = [killCase(plain), killCase(anpa), killCase(url)];
