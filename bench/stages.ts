import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../src/dedup/sqlite-store.js';
import type { DedupMode } from '../src/dedup/verdict.js';
import { frameStream } from '../src/formats/frame.js';
import { FORMATS } from '../src/formats/index.js';
import { BATCH_BYTES, BATCH_UNITS, processBatch, type Batch } from '../src/pipeline/batch.js';
import { STAGES, type Stage, type StageClock } from '../src/pipeline/clock.js';
import { Emitter } from '../src/pipeline/emit.js';
import { loadLanguageDetector } from '../src/normalize/language.js';
import { readHead } from '../src/pipeline/read.js';
import { JsonlFileSink } from '../src/sinks/jsonl.js';
import { openFile } from '../src/sources/file.js';
import { writeStoryFile } from './generate.js';
import { naive } from './naive.js';

/** Microseconds of CPU per story, by stage, for one dedup mode; and for the naive baseline as a whole. */
export interface StageFigures {
  readonly stories: number;
  readonly off: Readonly<Record<Stage, number>> & { readonly total: number };
  readonly near: Readonly<Record<Stage, number>> & { readonly total: number };
  /** `--dedup off --no-detect-language`: the bars were set before language detection was added. */
  readonly bare: Readonly<Record<Stage, number>> & { readonly total: number };
  readonly naive: number;
}

const ROUNDS = 3;

/** Adds up the CPU time (user + system, all threads of the process) between laps, by stage. */
class CpuClock implements StageClock {
  readonly spent = new Map<Stage, number>(STAGES.map((s) => [s, 0]));
  private last = process.cpuUsage();

  lap(stage: Stage): void {
    const now = process.cpuUsage();
    this.spent.set(stage, (this.spent.get(stage) ?? 0) + now.user - this.last.user + now.system - this.last.system);
    this.last = now;
  }

  restart(): void {
    this.last = process.cpuUsage();
  }
}

/**
 * CPU per 2 KB story, stage by stage: the run's own code (processBatch, the Emitter, the store and the file sink)
 * on one thread, the input read whole before it is framed so that reading and framing are told apart. Best of three
 * rounds for each stage. The naive baseline (read, split, `JSON.stringify`, write) on the same file, for scale.
 */
export async function run(megabytes = Number(process.env['BENCH_STAGES_MB'] ?? 20)): Promise<StageFigures> {
  console.log(`CPU per 2 KB story, stage by stage (one thread, a generated ${megabytes} MB file, best of ${ROUNDS})`);
  const dir = mkdtempSync(join(tmpdir(), 'wire-stages-'));
  try {
    const input = join(dir, 'stories.txt');
    const stories = await writeStoryFile(input, megabytes * 1024 * 1024, 5);
    const figures = { off: best(), near: best(), bare: best(), naive: Infinity };
    // Loaded once before any clock runs, as a long run has it (it loads asynchronously, once per thread).
    await loadLanguageDetector();
    for (let round = 0; round < ROUNDS; round++) {
      for (const mode of ['off', 'near'] as const) keep(figures[mode], await account(input, dir, mode), stories);
      keep(figures.bare, await account(input, dir, 'off', false), stories);
      const started = process.cpuUsage();
      await naive([input], join(dir, 'naive.jsonl'));
      const spent = process.cpuUsage(started);
      figures.naive = Math.min(figures.naive, (spent.user + spent.system) / stories);
    }
    const result: StageFigures = {
      stories,
      off: withTotal(figures.off),
      near: withTotal(figures.near),
      bare: withTotal(figures.bare),
      naive: figures.naive,
    };
    console.log(`  ${stories} stories; µs of CPU a story`);
    console.log(
      `  ${'stage'.padEnd(12)}${'--dedup off'.padStart(12)}${'near'.padStart(10)}${'off, no lang'.padStart(14)}`,
    );
    for (const stage of [...STAGES, 'total'] as const) {
      const [off, near, bare] = [result.off, result.near, result.bare].map((f) => f[stage].toFixed(1));
      console.log(`  ${stage.padEnd(12)}${off!.padStart(12)}${near!.padStart(10)}${bare!.padStart(14)}`);
    }
    console.log(`  naive baseline (read, split, JSON.stringify, write): ${result.naive.toFixed(1)} µs a story`);
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One pass over the file through every stage, with a fresh output and store; CPU microseconds by stage. */
async function account(
  input: string,
  dir: string,
  mode: DedupMode,
  detectLanguage = true,
): Promise<Map<Stage, number>> {
  const output = join(dir, `out-${mode}.jsonl`);
  for (const suffix of ['', '.state', '.state-wal', '.state-shm']) rmSync(`${output}${suffix}`, { force: true });
  const sink = new JsonlFileSink(output);
  const store = mode === 'off' ? null : new SqliteStore(`${output}.state`);
  const clock = new CpuClock();
  const emitter = new Emitter({ sink, duplicates: null, dedup: mode, store, validators: null, clock });
  clock.restart();
  const raw = await openFile(input);
  const head = await readHead(raw);
  const chunks: Uint8Array[] = [head.first];
  for (let next = await head.rest.next(); !next.done; next = await head.rest.next()) chunks.push(next.value);
  clock.lap('read');
  const format = FORMATS.get(head.sniffed)!;
  const units: Array<Batch['units'][number]> = [];
  let ordinal = 0;
  for await (const event of frameStream(fromArray(chunks), format.boundary, { maxUnitBytes: 16 * 1024 * 1024 })) {
    if (event.kind === 'unit') units.push({ bytes: event.bytes, line: event.line, ordinal: ordinal++ });
  }
  clock.lap('frame');
  const now = new Date().toISOString();
  const base = {
    format: format.name,
    sketch: mode !== 'off',
    detectLanguage,
    type: raw.type,
    location: raw.location,
    now,
    reference: null,
  };
  for (let start = 0; start < units.length;) {
    let end = start;
    for (let bytes = 0; end < units.length && end - start < BATCH_UNITS && bytes < BATCH_BYTES; end++)
      bytes += units[end]!.bytes.length;
    clock.restart();
    const result = processBatch({ ...base, units: units.slice(start, end) }, clock);
    await emitter.emit(result.records);
    start = end;
  }
  await emitter.checkpoint();
  await sink.close();
  store?.close();
  return clock.spent;
}

async function* fromArray(chunks: readonly Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const chunk of chunks) yield await Promise.resolve(chunk);
}

function best(): Map<Stage, number> {
  return new Map(STAGES.map((s) => [s, Infinity]));
}

/** Keeps each stage's lowest per-story figure. */
function keep(into: Map<Stage, number>, spent: Map<Stage, number>, stories: number): void {
  for (const [stage, micros] of spent) into.set(stage, Math.min(into.get(stage) ?? Infinity, micros / stories));
}

function withTotal(spent: Map<Stage, number>): Record<Stage, number> & { total: number } {
  const figures = Object.fromEntries(spent) as Record<Stage, number>;
  return { ...figures, total: STAGES.reduce((sum, s) => sum + figures[s], 0) };
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
