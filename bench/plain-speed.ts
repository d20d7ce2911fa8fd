import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeStoryFile } from './generate.js';

/** Throughput of `wire ingest` against the naive baseline on a generated multi-story file. */
export interface PlainSpeed {
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

/** Wall time of a command, in seconds. */
function timed(args: readonly string[]): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return (performance.now() - start) / 1000;
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
    const reset = (): void => {
      for (const file of readdirSync(dir)) if (file.startsWith('out.jsonl')) rmSync(join(dir, file), { force: true });
    };
    const modes = ['near', 'exact', 'off', 'off --no-detect-language'] as const;
    const best: Record<'baseline' | (typeof modes)[number], number> = {
      baseline: Infinity,
      near: Infinity,
      exact: Infinity,
      off: Infinity,
      'off --no-detect-language': Infinity,
    };
    // Interleaved, best of three: both sides as their own process, each writing a fresh output file.
    for (let round = 0; round < 3; round++) {
      reset();
      best.baseline = Math.min(best.baseline, timed([NAIVE, input, output]));
      for (const mode of modes) {
        reset();
        best[mode] = Math.min(best[mode], timed([WIRE, 'ingest', input, '-o', output, '--dedup', ...mode.split(' ')]));
      }
    }
    const result: PlainSpeed = {
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
    console.log(`  ${stories} stories, ${size.toFixed(0)} MB, best of 3, interleaved`);
    console.log(`  naive baseline                      ${result.baselineMBps.toFixed(1)} MB/s`);
    for (const mode of modes) {
      const label = `wire ingest -o FILE --dedup ${mode}`.padEnd(58);
      const note = mode === 'near' ? ` (default; ${Math.round(stories / best.near)} stories/s)` : '';
      console.log(
        `  ${label}${(size / best[mode]).toFixed(1)} MB/s   ${(best.baseline / best[mode]).toFixed(2)}x${note}`,
      );
    }
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
