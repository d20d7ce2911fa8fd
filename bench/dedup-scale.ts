import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Deduper, itemOf } from '../src/dedup/deduper.js';
import { OPENING_CHUNKS, SKETCH_NUMBERS, type NearSketch } from '../src/dedup/sketch.js';
import { SqliteStore } from '../src/dedup/sqlite-store.js';
import type { StoredStory } from '../src/dedup/store.js';
import { ingest } from '../src/pipeline/run.js';
import { JsonlFileSink } from '../src/sinks/jsonl.js';
import { normalizeWire } from './dedup-corpus.js';
import { variedDump } from './dedup-text.js';

/** Figures of the dedup scale benchmark. */
export interface DedupScale {
  readonly stored: number;
  readonly bytesPerStory: number;
  readonly lookupMicros: number;
  readonly cronEmptySeconds: number;
  readonly cronFullSeconds: number;
  readonly cronRatio: number;
  readonly bulkStoriesPerSecond: number;
  readonly dedupStageStoriesPerSecond: number;
}

const STORED = Number(process.env['DEDUP_SCALE_STORED'] ?? 1_000_000);
const CRON = 1000;
const BULK = 50_000;
const WIRE = fileURLToPath(new URL('../../bin/wire.js', import.meta.url));

/**
 * The store at scale: fills it with a million stories, then measures its size on disk, the near-duplicate lookup
 * per story, a cron-sized run of the real CLI against it versus against an empty store, and bulk ingest speed with
 * near dedup. Timings are ratios against baselines measured in the same run; nothing here is asserted.
 */
export async function run(): Promise<DedupScale> {
  console.log(`dedup at scale (${STORED} stored stories)`);
  const dir = mkdtempSync(join(tmpdir(), 'wire-scale-'));
  try {
    const full = join(dir, 'full.state');
    fill(full, STORED);
    const bytesPerStory = statSync(full).size / STORED;
    const lookupMicros = lookupInChild(full);
    const cron = cronRuns(dir, full);
    const bulk = await bulkIngest(dir);
    const result: DedupScale = {
      stored: STORED,
      bytesPerStory,
      lookupMicros,
      cronEmptySeconds: cron.empty,
      cronFullSeconds: cron.full,
      cronRatio: cron.full / cron.empty,
      bulkStoriesPerSecond: bulk.pipeline,
      dedupStageStoriesPerSecond: bulk.stage,
    };
    console.log(`  store on disk            ${bytesPerStory.toFixed(1)} bytes/story`);
    console.log(`  near lookup at ${STORED}   ${lookupMicros.toFixed(2)} µs/story`);
    console.log(
      `  cron run of ${CRON} stories  ${cron.empty.toFixed(3)} s on an empty store, ${cron.full.toFixed(3)} s on ` +
        `the full one: ${result.cronRatio.toFixed(2)}x`,
    );
    console.log(`  bulk ingest, near dedup  ${Math.round(bulk.pipeline)} stories/s (whole pipeline, file output)`);
    console.log(`  dedup stage alone        ${Math.round(bulk.stage)} stories/s (fingerprint, decide, commit)`);
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A deterministic stream of numbers in [0, 2^32). */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return state;
  };
}

/** Stories with random sketches, every one full (all its numbers and opening chunks): the largest rows. */
function fill(path: string, count: number): void {
  const store = new SqliteStore(path);
  const next = generator(1);
  const bytes = (n: number): number[] => Array.from({ length: n }, () => next() & 0xff);
  for (let done = 0; done < count;) {
    const batch: StoredStory[] = [];
    for (let i = 0; i < 10_000 && done < count; i++, done++) {
      const sketch: NearSketch = {
        lead: next() | 0,
        spread: next() | 0,
        opening: bytes(OPENING_CHUNKS),
        numbers: bytes(SKETCH_NUMBERS),
        chunks: 20 + (next() % 100),
        day: 1 + (next() % 255),
        title: next() & 0xffff,
        short: false,
      };
      const id = Array.from({ length: 3 }, () => next().toString(16).padStart(8, '0')).join('');
      batch.push({ id, exact: next() & 0xffff, version: 1, sketch });
    }
    store.commit(batch, null);
  }
  store.close();
}

/**
 * The lookup is timed in a fresh process, as a cron run meets the store: not in this one, whose heap and caches
 * the million inserts have just churned.
 */
function lookupInChild(path: string): number {
  const result = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--lookup', path]);
  const micros = Number(result.stdout.toString().trim());
  if (result.status !== 0 || !Number.isFinite(micros)) throw new Error(`lookup failed: ${result.stderr.toString()}`);
  return micros;
}

/** Microseconds per story for deciding batches against the full store: half new stories, half finding a row. */
function lookup(path: string): number {
  const leads = new Database(path, { readonly: true })
    .prepare('SELECT lead FROM story LIMIT 2500 OFFSET 400000')
    .pluck()
    .all() as number[];
  const store = new SqliteStore(path);
  const dump = variedDump(5000, 10_000_000).split('\n\f\n');
  const fresh = dump.map((text) => normalizeWire(text)).filter((s) => s !== null);
  const items = fresh.map((story, i) => {
    const item = itemOf(story);
    const lead = leads[i % leads.length];
    // Every other story shares a stored row's lead key, so that the lookup finds a candidate and compares it.
    return i % 2 === 0 || lead === undefined ? item : { ...item, sketch: { ...item.sketch, lead } };
  });
  // One pass to warm the page cache and the statements, then the timed pass (a fresh stage per batch, as a run has).
  for (let i = 0; i < items.length; i += 256) new Deduper('near', store).decide(items.slice(i, i + 256));
  const started = performance.now();
  for (let i = 0; i < items.length; i += 256) new Deduper('near', store).decide(items.slice(i, i + 256));
  const micros = ((performance.now() - started) * 1000) / items.length;
  store.close();
  return micros;
}

/** Median wall time of the real CLI ingesting 1000 new stories, on an empty store and on the full one. */
function cronRuns(dir: string, full: string): { empty: number; full: number } {
  const times = { empty: [] as number[], full: [] as number[] };
  for (let round = 0; round < 5; round++) {
    const input = join(dir, `cron-${round}.txt`);
    writeFileSync(input, variedDump(CRON, CRON * round));
    for (const kind of ['empty', 'full'] as const) {
      const state = join(dir, `${kind}-${round}.state`);
      if (kind === 'full') copyFileSync(full, state);
      const out = join(dir, `${kind}-${round}.jsonl`);
      const started = performance.now();
      const result = spawnSync(process.execPath, [WIRE, 'ingest', input, '-o', out, '--state', state, '-q']);
      times[kind].push((performance.now() - started) / 1000);
      if (result.status !== 0) throw new Error(`cron run failed: ${result.stderr.toString()}`);
    }
  }
  return { empty: median(times.empty), full: median(times.full) };
}

/** Stories per second through the whole pipeline into a file, and through the dedup stage alone. */
async function bulkIngest(dir: string): Promise<{ pipeline: number; stage: number }> {
  const input = join(dir, 'bulk.txt');
  const text = variedDump(BULK, 20_000_000);
  writeFileSync(input, text);
  const store = new SqliteStore(join(dir, 'bulk.state'));
  const sink = new JsonlFileSink(join(dir, 'bulk.jsonl'));
  const started = performance.now();
  const summary = await ingest({ inputs: [input], sink, store, dedup: 'near' });
  await sink.close();
  const pipeline = summary.stories / ((performance.now() - started) / 1000);
  store.close();
  const stories = text
    .split('\n\f\n')
    .map((t) => normalizeWire(t))
    .filter((s) => s !== null);
  const stageStore = new SqliteStore(join(dir, 'stage.state'));
  const deduper = new Deduper('near', stageStore);
  const stageStarted = performance.now();
  for (let i = 0; i < stories.length; i += 256) {
    deduper.decide(stories.slice(i, i + 256).map(itemOf));
    if (deduper.uncommitted() >= 1024) deduper.commit(null);
  }
  deduper.commit(null);
  const stage = stories.length / ((performance.now() - stageStarted) / 1000);
  stageStore.close();
  return { pipeline, stage };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv[2] === '--lookup') console.log(lookup(process.argv[3] ?? ''));
  else await run();
}
