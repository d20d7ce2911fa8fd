import { readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ingest } from '../src/pipeline/run.js';
import { JsonlFileSink } from '../src/sinks/jsonl.js';
import { generateAnpaStream } from './anpa-stream.js';
import { corpusDir } from './corpus.js';
import { naive } from './naive.js';

/** Speed of a format against the naive baseline, measured in the same run. */
export interface SpeedFigure {
  readonly name: string;
  readonly megabytes: number;
  readonly records: number;
  /** Baseline time over our time: above 1 means we are faster than the baseline. */
  readonly ratio: number;
  readonly megabytesPerSecond: number;
  /** The same with the worker pool off (`parallel: false`), for comparison. */
  readonly oneThreadRatio: number;
}

const DATA = resolve(process.cwd(), '.bench-data');
// BENCH_MB shrinks the generated stream, as for bench/plain-speed.ts.
const STREAM_BYTES = Number(process.env['BENCH_MB'] ?? 100) * 1024 * 1024;
const ROUNDS = 3;

/**
 * Throughput of the framed-stream and SGML formats against the naive baseline of the core issue (read the file,
 * split on the separator, `JSON.stringify` each piece, write), both measured in this run on the same input: a
 * generated 100 MB ANPA-1312 stream, and the 13 MB of Reuters-21578 SGML when the corpus is there. The two run
 * interleaved, three times each, and each keeps its best time.
 */
export async function run(): Promise<SpeedFigure[]> {
  console.log('formats throughput against the naive baseline (read + split + JSON.stringify + write)');
  const figures: SpeedFigure[] = [];
  const stream = join(DATA, 'formats-speed.anpa');
  const made = await generateAnpaStream(stream, STREAM_BYTES);
  figures.push(await measure(`ANPA-1312 stream (${made.frames} frames)`, [stream], '\u0003'));
  rmSync(stream, { force: true });
  const dir = corpusDir('reuters21578');
  if (dir !== null) {
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.sgm'))
      .sort()
      .map((f) => join(dir, f));
    figures.push(await measure('Reuters-21578 SGML (10 files)', files, '</REUTERS>'));
  }
  for (const f of figures) {
    console.log(
      `  ${f.name.padEnd(38)} ${f.megabytes.toFixed(1).padStart(6)} MB  ${String(f.records).padStart(6)} records  ` +
        `${f.megabytesPerSecond.toFixed(1).padStart(6)} MB/s  ${f.ratio.toFixed(2)}x baseline ` +
        `(one thread: ${f.oneThreadRatio.toFixed(2)}x)`,
    );
  }
  return figures;
}

async function measure(name: string, files: readonly string[], separator: string): Promise<SpeedFigure> {
  const out = join(DATA, 'formats-speed.jsonl');
  const best = { baseline: Infinity, ours: Infinity, oneThread: Infinity };
  let records = 0;
  const time = async (key: keyof typeof best, task: () => Promise<unknown>): Promise<void> => {
    rmSync(out, { force: true });
    const start = performance.now();
    await task();
    best[key] = Math.min(best[key], performance.now() - start);
  };
  const ours = async (parallel: boolean): Promise<void> => {
    const sink = new JsonlFileSink(out);
    records = (await ingest({ inputs: files, sink, parallel })).stories;
    await sink.close();
  };
  for (let round = 0; round < ROUNDS; round++) {
    await time('baseline', () => naive(files, out, separator, 'latin1'));
    await time('ours', () => ours(true));
    await time('oneThread', () => ours(false));
  }
  rmSync(out, { force: true });
  const megabytes = files.reduce((sum, file) => sum + statSync(file).size, 0) / 1048576;
  return {
    name,
    megabytes,
    records,
    ratio: best.baseline / best.ours,
    megabytesPerSecond: megabytes / (best.ours / 1000),
    oneThreadRatio: best.baseline / best.oneThread,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
