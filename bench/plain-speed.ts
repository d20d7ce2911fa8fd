import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../src/pipeline.js';
import { JsonlFileSink } from '../src/sinks/jsonl.js';
import { writeStoryFile } from './generate.js';

/** Throughput of `wire ingest` against the naive baseline on a generated multi-story file. */
export interface PlainSpeed {
  readonly megabytes: number;
  readonly stories: number;
  readonly baselineMBps: number;
  readonly wireMBps: number;
  readonly ratio: number;
}

/**
 * The naive baseline: read the file as a stream, split on the separator, `JSON.stringify` each piece, write it.
 * What anyone would write in ten minutes; `wire` must be at least as fast while doing the real parsing.
 */
async function naive(input: string, output: string): Promise<number> {
  const out = createWriteStream(output);
  let pending = '';
  let count = 0;
  for await (const chunk of createReadStream(input, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const pieces = (pending + (chunk as string)).split('\f');
    pending = pieces.pop() ?? '';
    for (const text of pieces) {
      count++;
      if (!out.write(`${JSON.stringify({ text })}\n`)) await once(out, 'drain');
    }
  }
  if (pending.trim() !== '') out.write(`${JSON.stringify({ text: pending })}\n`);
  out.end();
  await once(out, 'close');
  return count;
}

async function ours(input: string, output: string): Promise<number> {
  const sink = new JsonlFileSink(output);
  const summary = await ingest({ inputs: [input], sink });
  await sink.close();
  return summary.stories;
}

async function best(runs: number, task: () => Promise<unknown>): Promise<number> {
  let fastest = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await task();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest / 1000;
}

/** Generates a 100+ MB file and times both, interleaved, best of three each. */
export async function run(megabytes = Number(process.env['BENCH_MB'] ?? 110)): Promise<PlainSpeed> {
  console.log(`plain-text throughput on a generated ${megabytes} MB multi-story file`);
  const dir = mkdtempSync(join(tmpdir(), 'wire-bench-'));
  try {
    const input = join(dir, 'stories.txt');
    const stories = await writeStoryFile(input, megabytes * 1024 * 1024);
    const size = statSync(input).size / 1024 / 1024;
    const output = join(dir, 'out.jsonl');
    const reset = (): void => rmSync(output, { force: true });
    let baseline = Infinity;
    let wire = Infinity;
    for (let i = 0; i < 3; i++) {
      reset();
      baseline = Math.min(baseline, await best(1, () => naive(input, output)));
      reset();
      wire = Math.min(wire, await best(1, () => ours(input, output)));
    }
    const result = {
      megabytes: size,
      stories,
      baselineMBps: size / baseline,
      wireMBps: size / wire,
      ratio: baseline / wire,
    };
    console.log(`  ${stories} stories, ${size.toFixed(0)} MB`);
    console.log(`  naive baseline   ${result.baselineMBps.toFixed(1)} MB/s`);
    console.log(
      `  wire ingest      ${result.wireMBps.toFixed(1)} MB/s   ratio ${result.ratio.toFixed(2)}x (bar 1.0x, goal 2x)`,
    );
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
