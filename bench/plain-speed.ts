import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runNode, type ChildCost } from './child.js';
import { writeStoryFile } from './generate.js';

/** Throughput of `wire ingest` against the naive baseline on a generated multi-story file, for one story size. */
export interface PlainSpeed {
  /** Stories of about this many bytes (asked for; the file's average is printed). */
  readonly storyBytes: number;
  readonly megabytes: number;
  readonly stories: number;
  readonly baselineMBps: number;
  readonly wireMBps: number;
  /** Baseline time over wire's, default (near) dedup. */
  readonly ratio: number;
  readonly exactRatio: number;
  readonly offRatio: number;
  /** `--dedup off --no-detect-language`: the parse and normalize alone, language detection's cost left out. */
  readonly offNoLanguageRatio: number;
  readonly storiesPerSecond: number;
}

const NAIVE = fileURLToPath(new URL('./naive.js', import.meta.url));
const WIRE = fileURLToPath(new URL('../../bin/wire.js', import.meta.url));
const ROUNDS = 3;

/**
 * Generates a 100+ MB file of 1.1 KB stories (the size of a Reuters story, which the bars are stated for) and
 * one of 2 KB stories, and times the naive baseline and wire with each dedup mode on both, interleaved, best of three.
 */
export async function run(megabytes = Number(process.env['BENCH_MB'] ?? 110)): Promise<PlainSpeed[]> {
  console.log(`plain-text throughput on generated ${megabytes} MB multi-story files, against the naive baseline`);
  const results: PlainSpeed[] = [];
  for (const [storyBytes, paragraphs] of [
    [1100, 3],
    [2000, 6],
  ] as const) {
    results.push(await measure(megabytes, storyBytes, paragraphs));
  }
  return results;
}

async function measure(megabytes: number, storyBytes: number, paragraphs: number): Promise<PlainSpeed> {
  const dir = mkdtempSync(join(tmpdir(), 'wire-bench-'));
  try {
    const input = join(dir, 'stories.txt');
    const stories = await writeStoryFile(input, megabytes * 1024 * 1024, 1, paragraphs);
    const size = statSync(input).size / 1024 / 1024;
    const output = join(dir, 'out.jsonl');
    const reset = (): void => {
      for (const file of readdirSync(dir)) if (file.startsWith('out.jsonl')) rmSync(join(dir, file), { force: true });
    };
    const modes = ['near', 'exact', 'off', 'off --no-detect-language'] as const;
    type Key = 'baseline' | (typeof modes)[number];
    const best: Record<Key, number> = {
      baseline: Infinity,
      near: Infinity,
      exact: Infinity,
      off: Infinity,
      'off --no-detect-language': Infinity,
    };
    const cpu: Record<Key, number> = { ...best };
    const keep = (key: Key, cost: ChildCost): void => {
      best[key] = Math.min(best[key], cost.wall);
      cpu[key] = Math.min(cpu[key], cost.cpu);
    };
    // Interleaved: both sides as their own process, each writing a fresh output file.
    for (let round = 0; round < ROUNDS; round++) {
      reset();
      keep('baseline', runNode([NAIVE, input, output]));
      for (const mode of modes) {
        reset();
        keep(mode, runNode([WIRE, 'ingest', input, '-o', output, '--dedup', ...mode.split(' ')]));
      }
    }
    reset();
    const result: PlainSpeed = {
      storyBytes,
      megabytes: size,
      stories,
      baselineMBps: size / best.baseline,
      wireMBps: size / best.near,
      ratio: best.baseline / best.near,
      exactRatio: best.baseline / best.exact,
      offRatio: best.baseline / best.off,
      offNoLanguageRatio: best.baseline / best['off --no-detect-language'],
      storiesPerSecond: stories / best.near,
    };
    console.log(
      `  ${(storyBytes / 1000).toFixed(1)} KB stories: ${stories} stories, ${size.toFixed(0)} MB, best of ${ROUNDS}`,
    );
    console.log(
      `  ${'naive baseline'.padEnd(58)}${result.baselineMBps.toFixed(1)} MB/s   ` +
        `(${((cpu.baseline * 1e6) / stories).toFixed(1)} µs of CPU a story)`,
    );
    for (const mode of modes) {
      const label = `wire ingest -o FILE --dedup ${mode}`.padEnd(58);
      const note = mode === 'near' ? `; default, ${Math.round(stories / best.near)} stories/s` : '';
      console.log(
        `  ${label}${(size / best[mode]).toFixed(1)} MB/s   ${(best.baseline / best[mode]).toFixed(2)}x ` +
          `(${((cpu[mode] * 1e6) / stories).toFixed(1)} µs of CPU a story${note})`,
      );
    }
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
