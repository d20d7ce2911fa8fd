import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { random } from '../../bench/generate.js';
import { postgresMissing, startPostgres, type PgServer } from '../helpers/pg-server.js';
import { plainStories } from './corpus.js';
import { size, skipped, verdict, type Case, type Outcome } from './matrix.js';
import { checkOutput, storyNumber, type OutputCheck } from './verify.js';
import { runAndKill, runWire, startWire, summaryOf } from './wire.js';

/**
 * The database rows (`--db`): several ingesters and a follower on one throwaway PostgreSQL, kill -9 of an ingester
 * and of the server, and the same near copy on two hosts at once. Each checks, in a full export, that every story
 * is there exactly once.
 */

let server: Promise<PgServer> | null = null;

/**
 * The matrix's server, started on first use (its password in PGPASSWORD for every wire started after); rows that
 * run at the same time share the one start.
 */
function postgres(): Promise<PgServer> {
  server ??= startPostgres().then((started) => {
    process.env['PGPASSWORD'] = started.password;
    process.on('exit', () => started.destroy());
    return started;
  });
  return server;
}

async function freshDatabase(): Promise<string> {
  const pg = await postgres();
  return pg.url(pg.createDatabase());
}

/** A case that needs PostgreSQL: skipped without it, failed without it under CI=true. */
function dbCase(name: string, run: (dir: string) => Promise<Outcome>): Case {
  return {
    name: `db / ${name}`,
    run(dir) {
      const missing = postgresMissing();
      return missing === null ? run(dir) : Promise.resolve(skipped(missing));
    },
  };
}

/** Exports the whole database to a file and counts each story in it. */
type Exported = OutputCheck & { readonly code: number | null };

async function exported(dir: string, url: string, count: number): Promise<Exported> {
  const run = await runWire(['export', '--db', url]);
  const path = join(dir, 'export.jsonl');
  writeFileSync(path, run.stdout);
  return { ...checkOutput(path, { count, key: storyNumber }), code: run.code };
}

function onceProblems(check: Exported): string[] {
  const problems: string[] = [];
  if (check.code !== 0) problems.push(`export exit ${check.code}`);
  if (check.lost > 0) problems.push(`lost ${check.lost}`);
  if (check.duplicated > 0) problems.push(`duplicated ${check.duplicated}`);
  if (check.unexpected > 0) problems.push(`${check.unexpected} unexpected records`);
  return problems;
}

const loss = (check: OutputCheck): string => `lost ${check.lost}, dup ${check.duplicated}`;

/** Stories as another outlet republishes them: the last two paragraphs cut, so a near copy, not an exact one. */
function trimmed(text: string): string {
  return text
    .split('\f\n')
    .map((story) => {
      const parts = story.split('\n\n');
      return parts.length > 5 ? [...parts.slice(0, 5), parts.at(-1)].join('\n\n') : story;
    })
    .join('\f\n');
}

const OVERLAP = size(8000, 20_000);

/**
 * Four ingesters, each given its own files (so no input lock keeps them apart): a quarter of the stories, the next
 * quarter (which another ingester also has), and near copies of a third quarter. Each story must be written once.
 */
function overlappingInputs(dir: string, stories: number): string[][] {
  const quarter = stories / 4;
  return [0, 1, 2, 3].map((i) => {
    const range = (q: number): string => plainStories((q % 4) * quarter, quarter);
    const files: Array<[string, string]> = [
      [`in-${i}-own.txt`, range(i)],
      [`in-${i}-next.txt`, range(i + 1)],
      [`in-${i}-copies.txt`, trimmed(range(i + 2))],
    ];
    for (const [name, text] of files) writeFileSync(join(dir, name), text);
    // Each in another order, so that they meet in the middle of each other's work.
    return files.map(([name]) => join(dir, name)).sort(() => (i % 2 === 0 ? 1 : -1));
  });
}

const concurrent = dbCase('4 ingesters on overlapping inputs and near copies', async (dir) => {
  const url = await freshDatabase();
  const lists = overlappingInputs(dir, OVERLAP);
  const runs = await Promise.all(lists.map((files) => startWire(['ingest', ...files, '--db', url]).done));
  const problems = runs.filter((r) => r.code !== 0).map((r) => `exit ${r.code}: ${r.stderr.slice(0, 200)}`);
  const check = await exported(dir, url, OVERLAP);
  problems.push(...onceProblems(check));
  const counts = runs.map((r) => summaryOf(r.stderr));
  const written = counts.reduce((sum, c) => sum + (c?.stories ?? 0), 0);
  if (written !== OVERLAP) problems.push(`the summaries say ${written} written`);
  return verdict(`4 × ${(OVERLAP * 3) / 4} stories, ${written} written in all`, loss(check), problems);
});

const follow = dbCase('export --follow while 4 ingesters run', async (dir) => {
  const stories = size(4000, 20_000);
  const url = await freshDatabase();
  const follower = startWire(['export', '--db', url, '--follow']);
  // Lines are counted from the start: counted only from when the ingesters were done, those printed while they ran
  // were missed, and the wait below ran its full 30 s every time.
  let seen = 0;
  follower.child.stdout?.on('data', (chunk: Buffer) => {
    for (const byte of chunk) if (byte === 0x0a) seen++;
  });
  const lists = overlappingInputs(dir, stories);
  const runs = await Promise.all(lists.map((files) => startWire(['ingest', ...files, '--db', url]).done));
  for (let i = 0; i < 300 && seen < stories; i++) await sleep(100);
  follower.child.kill('SIGTERM');
  const ended = await follower.done;
  const path = join(dir, 'followed.jsonl');
  writeFileSync(path, ended.stdout);
  const check = { ...checkOutput(path, { count: stories, key: storyNumber }), code: ended.code };
  const problems = onceProblems(check);
  problems.push(...runs.filter((r) => r.code !== 0).map((r) => `ingest exit ${r.code}: ${r.stderr.slice(0, 200)}`));
  const ids = check.ids.length;
  if (new Set(check.ids).size !== ids) problems.push('a record printed twice');
  return verdict(`followed ${ids} records while 4 ingesters ran; follower exit ${ended.code}`, loss(check), problems);
});

const KILL_STORIES = size(5_000, 10_000);
const KILL_TRIALS = size(3, 50);

const killIngester = dbCase('kill -9 of an ingester', async (dir) => {
  const path = join(dir, 'stories.txt');
  writeFileSync(path, plainStories(0, KILL_STORIES));
  const clean = await freshDatabase();
  const started = performance.now();
  const first = await runWire(['ingest', path, '--db', clean]);
  const runMs = performance.now() - started;
  if (first.code !== 0) return verdict(`clean run exit ${first.code}`, 'baseline', [first.stderr.slice(0, 300)]);
  const next = random(0xdb);
  const problems: string[] = [];
  let twice = 0;
  let last: Exported | null = null;
  for (let trial = 0; trial < KILL_TRIALS && problems.length === 0; trial++) {
    const url = await freshDatabase();
    const args = ['ingest', path, '--db', url];
    await runAndKill(args, next() * runMs * 1.1);
    if (next() < 0.5) {
      twice++;
      await runAndKill(args, next() * runMs);
    }
    const rerun = await runWire(args);
    const again = await runWire(args);
    last = await exported(dir, url, KILL_STORIES);
    const where = `trial ${trial}`;
    if (rerun.code !== 0) problems.push(`${where}: rerun exit ${rerun.code}: ${rerun.stderr.slice(0, 200)}`);
    problems.push(...onceProblems(last).map((p) => `${where}: ${p}`));
    const added = summaryOf(again.stderr)?.stories ?? -1;
    if (again.code !== 0 || added !== 0) problems.push(`${where}: a second rerun exit ${again.code}, added ${added}`);
  }
  return verdict(
    `${KILL_TRIALS} trials × ${KILL_STORIES} stories (clean run ${(runMs / 1000).toFixed(1)} s; ${twice} reruns killed too)`,
    last === null ? 'no trial' : `every story once, ${loss(last)}, rerun +0`,
    problems,
  );
});

const killServer = dbCase('kill -9 of the server mid-run', async (dir) => {
  const pg = await postgres();
  const path = join(dir, 'stories.txt');
  writeFileSync(path, plainStories(0, KILL_STORIES));
  // The kill lands between a third and nine tenths of a clean run's time, so that it cuts the run mid-way: a fixed
  // delay let faster builds finish first, and the row then checked nothing.
  const started = performance.now();
  const first = await runWire(['ingest', path, '--db', await freshDatabase()]);
  const runMs = performance.now() - started;
  if (first.code !== 0) return verdict(`clean run exit ${first.code}`, 'baseline', [first.stderr.slice(0, 300)]);
  const next = random(0x5e7);
  const problems: string[] = [];
  const exits: string[] = [];
  let cuts = 0;
  let last: Exported | null = null;
  const trials = size(2, 10);
  for (let trial = 0; cuts < trials && trial < trials * 3 && problems.length === 0; trial++) {
    const url = await freshDatabase();
    const run = startWire(['ingest', path, '--db', url]);
    await sleep(runMs * (0.33 + next() * 0.57));
    await pg.kill9();
    const cut = await run.done;
    exits.push(String(cut.code));
    await pg.start();
    if (cut.code === 0) continue; // It finished before the kill: another trial.
    cuts++;
    if (cut.code !== 1 || !/the database at 127\.0\.0\.1:\d+ failed while/.test(cut.stderr))
      problems.push(`trial ${trial}: the cut run exit ${cut.code}: ${cut.stderr.slice(0, 200)}`);
    const rerun = await runWire(['ingest', path, '--db', url]);
    if (rerun.code !== 0) problems.push(`trial ${trial}: rerun exit ${rerun.code}: ${rerun.stderr.slice(0, 200)}`);
    last = await exported(dir, url, KILL_STORIES);
    problems.push(...onceProblems(last).map((p) => `trial ${trial}: ${p}`));
  }
  if (cuts === 0) problems.push(`no kill cut a run (clean run ${(runMs / 1000).toFixed(1)} s)`);
  return verdict(
    `server killed mid-run (clean run ${(runMs / 1000).toFixed(1)} s): ingest exits ${exits.join(', ')}; restarted; rerun`,
    last === null ? 'no trial cut a run' : `every story once, ${loss(last)}`,
    problems,
  );
});

const nearCopies = dbCase('the same near copy on two hosts at once', async (dir) => {
  const stories = 300;
  const original = join(dir, 'original.txt');
  const copy = join(dir, 'copy.txt');
  writeFileSync(original, plainStories(0, stories));
  writeFileSync(copy, trimmed(plainStories(0, stories)));
  const problems: string[] = [];
  const trials = size(5, 40);
  let written = 0;
  for (let trial = 0; trial < trials && problems.length === 0; trial++) {
    const url = await freshDatabase();
    const runs = await Promise.all([original, copy].map((f) => startWire(['ingest', f, '--db', url]).done));
    for (const r of runs) if (r.code !== 0) problems.push(`trial ${trial}: exit ${r.code}: ${r.stderr.slice(0, 200)}`);
    const check = await exported(dir, url, stories);
    written += check.lines;
    problems.push(...onceProblems(check).map((p) => `trial ${trial}: ${p}`));
  }
  return verdict(
    `${trials} trials of ${stories} stories and their near copies, two hosts at once`,
    `${written} records for ${trials * stories} stories`,
    problems,
  );
});

/** The database rows. */
export const pgCases: readonly Case[] = [
  concurrent,
  follow,
  nearCopies,
  killIngester,
  // It kills the server the other database rows use: nothing runs beside it.
  { ...killServer, alone: true },
];
