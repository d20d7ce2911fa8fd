/**
 * The database path (`--db`) against the file path, in the same run: stories a second with one ingester and with
 * four (each on its own stories, into one database), bytes per stored story, and `wire export` records a second.
 * The server is a throwaway one with its durable defaults (fsync and synchronous commit on), as a desk would run it.
 * Skips cleanly without PostgreSQL. BENCH_PG_STORIES sets the stories per ingester (default 20,000). The server's
 * CPU a story is measured too: the load of other programs changes it less than it changes stories a second.
 * BENCH_PG_BASELINE=path/to/bin/wire.js measures another build of wire (e.g. main's) in the same run, interleaved.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { postgresMissing, startPostgres, type PgServer } from '../test/helpers/pg-server.js';
import { random, story } from './generate.js';

const WIRE = fileURLToPath(new URL('../../bin/wire.js', import.meta.url));
const STORIES = Number(process.env['BENCH_PG_STORIES'] ?? 20_000);
const BASELINE = process.env['BENCH_PG_BASELINE'] ?? null;

/** The figures, and their ratios to the file path measured in the same run. */
export interface PgBench {
  readonly fileStoriesPerSecond: number;
  readonly oneStoriesPerSecond: number;
  readonly fourStoriesPerSecond: number;
  /** The server's CPU time a story, in microseconds, with one ingester and with four. */
  readonly oneServerMicros: number;
  readonly fourServerMicros: number;
  /** The same figures of the BENCH_PG_BASELINE build, when one is given. */
  readonly baseline: DbFigures | null;
  readonly bytesPerStory: number;
  readonly stateBytesPerStory: number;
  readonly exportRecordsPerSecond: number;
}

/** Stories a second and the server's CPU a story (µs) of one build, with one ingester and with four. */
interface DbFigures {
  readonly one: number;
  readonly four: number;
  readonly oneServerMicros: number;
  readonly fourServerMicros: number;
}

/** `count` files of `perFile` distinct stories, drawn from one random stream (seeded streams may meet). */
function writeStoryFiles(dir: string, count: number, perFile: number): string[] {
  const rand = random(0x9e3779b9);
  return Array.from({ length: count }, (_, f) => {
    const path = join(dir, `stories-${f}.txt`);
    const parts: string[] = [];
    for (let n = f * perFile; n < (f + 1) * perFile; n++) parts.push(`${story(rand, n)}\f\n`);
    writeFileSync(path, parts.join(''));
    return path;
  });
}

function wire(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  stdout: 'ignore' | 'pipe' = 'ignore',
  bin = WIRE,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [bin, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', stdout, 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdout?.resume();
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(performance.now() - started) : reject(new Error(`wire ${args[0]} exit ${code}: ${stderr}`)),
    );
  });
}

function bytesOf(server: PgServer, database: string, tables: string): number {
  const sql = `SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'wire' AND c.relkind = 'r' AND c.relname IN (${tables})`;
  server.sql('VACUUM', database);
  return Number(server.sql(sql, database).trim());
}

/** Runs the comparison and prints it. */
export async function run(): Promise<PgBench | null> {
  console.log(`many hosts, one PostgreSQL (--db) against the file path, ${STORIES} stories per ingester`);
  const missing = postgresMissing();
  if (missing !== null) {
    console.log(`  skipped: ${missing}`);
    return null;
  }
  const dir = mkdtempSync(join(tmpdir(), 'wire-bench-pg-'));
  const server = await startPostgres({ durable: true });
  try {
    const files = writeStoryFiles(dir, 4, STORIES);
    const env = server.env;
    const perSecond = (stories: number, ms: number): number => Math.round(stories / (ms / 1000));
    const builds = BASELINE === null ? [WIRE] : [WIRE, BASELINE];
    const figures = builds.map(() => ({ one: Infinity, four: Infinity, oneCpu: 0, fourCpu: 0 }));
    // Interleaved, best of two, so that a noisy neighbour costs both paths (and both builds) alike.
    let file = Infinity;
    let fourDb = '';
    for (let round = 0; round < 2; round++) {
      const out = join(dir, `out-${round}.jsonl`);
      file = Math.min(file, await wire(['ingest', files[0]!, '-o', out], env));
      for (const [i, bin] of builds.entries()) {
        const database = server.createDatabase();
        const cpu = server.cpuSeconds();
        const ms = await wire(['ingest', files[0]!, '--db', server.url(database)], env, 'ignore', bin);
        figures[i]!.one = Math.min(figures[i]!.one, ms);
        figures[i]!.oneCpu += server.cpuSeconds() - cpu;
      }
    }
    for (const [i, bin] of builds.entries()) {
      const database = server.createDatabase();
      if (i === 0) fourDb = database;
      const cpu = server.cpuSeconds();
      const started = performance.now();
      await Promise.all(files.map((f) => wire(['ingest', f, '--db', server.url(database)], env, 'ignore', bin)));
      figures[i]!.four = performance.now() - started;
      figures[i]!.fourCpu = server.cpuSeconds() - cpu;
    }
    const exportMs = await wire(['export', '--db', server.url(fourDb)], env, 'pipe');
    const stored = STORIES * 4;
    const all = bytesOf(server, fourDb, "'records', 'stories', 'bands', 'inputs'");
    const state = bytesOf(server, fourDb, "'stories', 'bands'");
    const fileState = statSync(join(dir, 'out-1.jsonl.state')).size;
    const [mine, base] = figures.map((f) => ({
      one: perSecond(STORIES, f.one),
      four: perSecond(stored, f.four),
      oneServerMicros: Math.round((f.oneCpu * 1e6) / (2 * STORIES)),
      fourServerMicros: Math.round((f.fourCpu * 1e6) / stored),
    }));
    const result: PgBench = {
      fileStoriesPerSecond: perSecond(STORIES, file),
      oneStoriesPerSecond: mine!.one,
      fourStoriesPerSecond: mine!.four,
      oneServerMicros: mine!.oneServerMicros,
      fourServerMicros: mine!.fourServerMicros,
      baseline: base ?? null,
      bytesPerStory: Math.round(all / stored),
      stateBytesPerStory: Math.round(state / stored),
      exportRecordsPerSecond: perSecond(stored, exportMs),
    };
    const ratio = (n: number): string => `${(n / result.fileStoriesPerSecond).toFixed(2)}x the file path`;
    console.log(`  file path (-o, SQLite state)   ${result.fileStoriesPerSecond} stories/s`);
    console.log(
      `  --db, 1 ingester               ${result.oneStoriesPerSecond} stories/s   ${ratio(result.oneStoriesPerSecond)} (bar 7,000; goal 20,000)`,
    );
    console.log(
      `  --db, 4 ingesters at once      ${result.fourStoriesPerSecond} stories/s   ${ratio(result.fourStoriesPerSecond)} (bar 10,000)`,
    );
    console.log(
      `  server CPU a story             ${result.oneServerMicros} µs with 1 ingester, ${result.fourServerMicros} µs with 4`,
    );
    if (base !== undefined) {
      console.log(`  baseline ${BASELINE}:`);
      console.log(`    --db, 1 ingester             ${base.one} stories/s   ${ratio(base.one)}`);
      console.log(`    --db, 4 ingesters at once    ${base.four} stories/s   ${ratio(base.four)}`);
      console.log(
        `    server CPU a story           ${base.oneServerMicros} µs with 1 ingester, ${base.fourServerMicros} µs with 4`,
      );
    }
    console.log(`  stored, records and all        ${result.bytesPerStory} bytes a story`);
    console.log(
      `  stored, dedup state alone      ${result.stateBytesPerStory} bytes a story (SQLite state: ${Math.round(fileState / STORIES)})`,
    );
    console.log(`  wire export                    ${result.exportRecordsPerSecond} records/s`);
    return result;
  } finally {
    server.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
