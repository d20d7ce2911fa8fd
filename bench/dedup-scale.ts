import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Deduper, itemOf, type DedupItem } from '../src/dedup/deduper.js';
import { OPENING_CHUNKS, SKETCH_NUMBERS, type NearSketch } from '../src/dedup/sketch.js';
import { SqliteStore } from '../src/dedup/sqlite-store.js';
import type { StoredStory } from '../src/dedup/store.js';
import type { Verdict } from '../src/dedup/verdict.js';
import { ingest } from '../src/pipeline/run.js';
import { JsonlFileSink } from '../src/sinks/jsonl.js';
import { normalizeWire } from './dedup-corpus.js';
import { variedDump } from './dedup-text.js';

/** Figures of the dedup scale benchmark. */
export interface DedupScale {
  readonly stored: number;
  readonly bytesPerStory: number;
  readonly lookupMicros: number;
  /** One bare probe of the story table's key per story, batched alike: the least a lookup can cost. */
  readonly probeMicros: number;
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
  console.log(`dedup at scale (${STORED} stored stories: ${TEMPLATES} templates × ${STORED / TEMPLATES} variants)`);
  const dir = mkdtempSync(join(tmpdir(), 'wire-scale-'));
  try {
    const full = join(dir, 'full.state');
    fill(full);
    const bytesPerStory = statSync(full).size / STORED;
    const { micros: lookupMicros, probeMicros } = lookupInChild(full);
    const cron = cronRuns(dir, full);
    const bulk = await bulkIngest(dir);
    const result: DedupScale = {
      stored: STORED,
      bytesPerStory,
      lookupMicros,
      probeMicros,
      cronEmptySeconds: cron.empty,
      cronFullSeconds: cron.full,
      cronRatio: cron.full / cron.empty,
      bulkStoriesPerSecond: bulk.pipeline,
      dedupStageStoriesPerSecond: bulk.stage,
    };
    console.log(`  store on disk            ${bytesPerStory.toFixed(1)} bytes/story`);
    console.log(
      `  near lookup at ${STORED}   ${lookupMicros.toFixed(2)} µs/story (bar 10), ${(lookupMicros / probeMicros).toFixed(1)}x ` +
        `one bare probe of the story table (${probeMicros.toFixed(2)} µs) in the same run`,
    );
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

// A state of templated copy: TEMPLATES stories each re-sent VARIANTS times with a figure changed, in turn.
const TEMPLATES = 1000;
const VARIANTS = STORED / TEMPLATES;

/** The sketch of a template's variant: the template's words, the variant's figure first among its numbers. */
function variantSketch(template: number, variant: number): NearSketch {
  const next = generator(template + 1);
  const bytes = (n: number): number[] => Array.from({ length: n }, () => next() & 0xff);
  const figure = generator(template * 7919 + variant * 104729 + 3)();
  const lead = next() | 0;
  const spread = next() | 0;
  return {
    // Even templates carry the figure in their first words (a lead key of each variant's own, one spread key),
    // odd ones further on (one lead key, and a spread key of each variant's own).
    lead: template % 2 === 0 ? figure | 0 : lead,
    spread: template % 2 === 0 ? spread : (figure ^ 0x5bd1e995) | 0,
    opening: bytes(OPENING_CHUNKS),
    numbers: [figure & 0xffffff, ...Array.from({ length: SKETCH_NUMBERS - 1 }, () => next() & 0xffffff)],
    chunks: 20 + (next() % 100),
    day: 1 + (next() % 255),
    title: next() & 0xffff,
    short: false,
  };
}

function storedVariant(template: number, variant: number): StoredStory {
  const next = generator(template * 1_000_003 + variant);
  const id = Array.from({ length: 3 }, () => next().toString(16).padStart(8, '0')).join('');
  return { id, exact: next() * 0x10000 + (next() & 0xffff), version: 1, sketch: variantSketch(template, variant) };
}

/** The templated state, committed in batches of 10,000 as runs would. */
export function fill(path: string): void {
  const store = new SqliteStore(path);
  let batch: StoredStory[] = [];
  for (let variant = 0; variant < VARIANTS; variant++) {
    for (let template = 0; template < TEMPLATES; template++) {
      batch.push(storedVariant(template, variant));
      if (batch.length === 10_000) {
        store.commit(batch, null);
        batch = [];
      }
    }
  }
  store.commit(batch, null);
  store.close();
}

/**
 * The lookup is timed in a fresh process, as a cron run meets the store: not in this one, whose heap and caches
 * the million inserts have just churned.
 */
function lookupInChild(path: string): { micros: number; probeMicros: number } {
  const result = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--lookup', path]);
  if (result.status !== 0) throw new Error(`lookup failed: ${result.stderr.toString()}`);
  return JSON.parse(result.stdout.toString()) as { micros: number; probeMicros: number };
}

/**
 * Microseconds per story for deciding batches of 256 against the full store, a quarter each: new variants of
 * templates that share a lead key (whose lists are full), new variants of templates that share a spread key, old
 * variants sent again unchanged (found by their exact bits), and unrelated new stories.
 */
function lookup(path: string): { micros: number; probeMicros: number } {
  const store = new SqliteStore(path);
  const unrelated = variedDump(2500, 10_000_000)
    .split('\n\f\n')
    .map((text) => normalizeWire(text))
    .filter((s) => s !== null)
    .map(itemOf);
  const next = generator(42);
  const items: DedupItem[] = [];
  for (let i = 0; i < 10_000; i++) {
    const template = next() % TEMPLATES;
    const kind = i % 4;
    if (kind === 3) {
      items.push(unrelated[i % unrelated.length]!);
      continue;
    }
    // A later variant than any stored (kinds 0 and 1, by the template's parity), or an old one again (kind 2).
    const parity = kind === 1 ? 1 : kind === 2 ? (i >> 2) & 1 : 0;
    const t = template - (template % 2) + parity;
    const variant = kind === 2 ? next() % VARIANTS : VARIANTS + i;
    const stored = storedVariant(t, variant);
    items.push({
      id: stored.id,
      exact: stored.exact.toString(16).padStart(12, '0').padEnd(16, '0'),
      sketch: stored.sketch,
      update: false,
    });
  }
  // The least any lookup costs, for scale: one probe of the story table's key a story, in batches alike.
  const probe = new Database(path, { readonly: true });
  probe.pragma('cache_size = -8192');
  const bare = probe.prepare('SELECT lead FROM story WHERE lead IN (SELECT value FROM json_each(?))');
  const probes = (): void => {
    for (let i = 0; i < items.length; i += 256)
      bare.all(JSON.stringify(items.slice(i, i + 256).map((it) => it.sketch.lead)));
  };
  // One pass to warm the page cache and the statements, then the timed pass (a fresh stage per batch, as a run has).
  const pass = (): Verdict[] =>
    items.flatMap((_, i) => (i % 256 === 0 ? new Deduper('near', store).decide(items.slice(i, i + 256)) : []));
  const warm = pass();
  probes();
  const started = performance.now();
  const verdicts = pass();
  const micros = ((performance.now() - started) * 1000) / items.length;
  const probeStarted = performance.now();
  probes();
  const probeMicros = ((performance.now() - probeStarted) * 1000) / items.length;
  probe.close();
  const again = verdicts.filter((v, i) => i % 4 === 2 && v.kind === 'duplicate').length;
  if (again !== items.filter((_, i) => i % 4 === 2).length || warm.length !== verdicts.length)
    throw new Error(`lookup: ${again} of the re-sent variants were found`);
  store.close();
  return { micros, probeMicros };
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
  if (process.argv[2] === '--lookup') console.log(JSON.stringify(lookup(process.argv[3] ?? '')));
  else await run();
}
