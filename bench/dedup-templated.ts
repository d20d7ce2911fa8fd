import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEMPLATES, writeTemplatedFile } from './templated.js';

/** Near dedup against `--dedup off` on templated copy, in one run and across runs. */
export interface DedupTemplated {
  readonly megabytes: number;
  readonly stories: number;
  /** Near dedup's time over `--dedup off`'s, the whole file in one run. */
  readonly oneRun: number;
  /** The same with the file in two halves, the second run against the state the first left. */
  readonly twoRuns: number;
}

const WIRE = fileURLToPath(new URL('../../bin/wire.js', import.meta.url));
const ROUNDS = 3;

function timed(args: readonly string[]): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, [WIRE, ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`wire ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return (performance.now() - start) / 1000;
}

/**
 * The measurement: 70 stories re-sent all day with a serial number changed, 50 MB of them, through the CLI
 * into `-o FILE`, with near dedup and with `--dedup off` (the bar: near at most 1.5 times as long). Then the same
 * copy as two files of half the size, ingested by two runs into one output, the second against the state the first
 * left (the state then holds the first half's variants of every template). Interleaved, best of three.
 */
export async function run(megabytes = Number(process.env['BENCH_TEMPLATED_MB'] ?? 50)): Promise<DedupTemplated> {
  console.log(
    `near dedup on templated copy: ${TEMPLATES} stories re-sent with a serial number changed, ${megabytes} MB`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'wire-templated-'));
  try {
    const whole = join(dir, 'whole.txt');
    const stories = await writeTemplatedFile(whole, megabytes * 1024 * 1024);
    const halves = [join(dir, 'first.txt'), join(dir, 'second.txt')];
    const half = await writeTemplatedFile(halves[0]!, (megabytes / 2) * 1024 * 1024);
    await writeTemplatedFile(halves[1]!, (megabytes / 2) * 1024 * 1024, half);
    const out = join(dir, 'out.jsonl');
    const reset = (): void => {
      for (const file of readdirSync(dir)) if (file.startsWith('out.jsonl')) rmSync(join(dir, file), { force: true });
    };
    const best = { near: Infinity, off: Infinity, nearTwo: Infinity, offTwo: Infinity };
    for (let round = 0; round < ROUNDS; round++) {
      for (const mode of ['off', 'near'] as const) {
        reset();
        best[mode] = Math.min(best[mode], timed(['ingest', whole, '-o', out, '--dedup', mode, '-q']));
        reset();
        const two = halves.reduce((sum, file) => sum + timed(['ingest', file, '-o', out, '--dedup', mode, '-q']), 0);
        const key = mode === 'near' ? 'nearTwo' : 'offTwo';
        best[key] = Math.min(best[key], two);
      }
    }
    reset();
    const result: DedupTemplated = {
      megabytes,
      stories,
      oneRun: best.near / best.off,
      twoRuns: best.nearTwo / best.offTwo,
    };
    console.log(`  ${stories} stories, best of ${ROUNDS}, interleaved, -o FILE`);
    console.log(
      `  one run     --dedup off ${best.off.toFixed(2)} s, near ${best.near.toFixed(2)} s: ${result.oneRun.toFixed(2)}x (bar 1.5x)`,
    );
    console.log(
      `  two runs    --dedup off ${best.offTwo.toFixed(2)} s, near ${best.nearTwo.toFixed(2)} s: ${result.twoRuns.toFixed(2)}x ` +
        "(the second against the first one's state)",
    );
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
