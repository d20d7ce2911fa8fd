import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runNode, type ChildCost } from './child.js';
import { TEMPLATES, writeTemplatedFile } from './templated.js';

/** Near dedup against `--dedup off` on templated copy, in one run and across runs. */
export interface DedupTemplated {
  readonly megabytes: number;
  readonly stories: number;
  /** Near dedup's time over `--dedup off`'s, the whole file in one run. */
  readonly oneRun: number;
  /** The same with the file in two halves, the second run against the state the first left. */
  readonly twoRuns: number;
  /** Near dedup's CPU time over `--dedup off`'s: one run, two runs. */
  readonly oneRunCpu: number;
  readonly twoRunsCpu: number;
}

const WIRE = fileURLToPath(new URL('../../bin/wire.js', import.meta.url));
const ROUNDS = 3;

function timed(args: readonly string[]): ChildCost {
  return runNode([WIRE, ...args]);
}

const NONE: ChildCost = { wall: Infinity, cpu: Infinity };

function least(a: ChildCost, b: ChildCost): ChildCost {
  return { wall: Math.min(a.wall, b.wall), cpu: Math.min(a.cpu, b.cpu) };
}

function sum(costs: readonly ChildCost[]): ChildCost {
  return { wall: costs.reduce((s, c) => s + c.wall, 0), cpu: costs.reduce((s, c) => s + c.cpu, 0) };
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
    const best = { near: NONE, off: NONE, nearTwo: NONE, offTwo: NONE };
    for (let round = 0; round < ROUNDS; round++) {
      for (const mode of ['off', 'near'] as const) {
        reset();
        best[mode] = least(best[mode], timed(['ingest', whole, '-o', out, '--dedup', mode, '-q']));
        reset();
        const two = sum(halves.map((file) => timed(['ingest', file, '-o', out, '--dedup', mode, '-q'])));
        const key = mode === 'near' ? 'nearTwo' : 'offTwo';
        best[key] = least(best[key], two);
      }
    }
    reset();
    const result: DedupTemplated = {
      megabytes,
      stories,
      oneRun: best.near.wall / best.off.wall,
      twoRuns: best.nearTwo.wall / best.offTwo.wall,
      oneRunCpu: best.near.cpu / best.off.cpu,
      twoRunsCpu: best.nearTwo.cpu / best.offTwo.cpu,
    };
    const line = (label: string, off: ChildCost, near: ChildCost, ratio: number, cpu: number, note: string): void =>
      console.log(
        `  ${label.padEnd(10)}--dedup off ${off.wall.toFixed(2)} s, near ${near.wall.toFixed(2)} s: ${ratio.toFixed(2)}x` +
          ` (CPU ${off.cpu.toFixed(2)} s / ${near.cpu.toFixed(2)} s: ${cpu.toFixed(2)}x)${note}`,
      );
    console.log(`  ${stories} stories, best of ${ROUNDS}, interleaved, -o FILE; bar 1.5x`);
    line('one run', best.off, best.near, result.oneRun, result.oneRunCpu, '');
    line(
      'two runs',
      best.offTwo,
      best.nearTwo,
      result.twoRuns,
      result.twoRunsCpu,
      ", the second against the first one's state",
    );
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
