import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** `FAULTS=full` runs the sizes the guarantees are stated for; the default is a sample that fits in CI. */
export const FULL = process.env['FAULTS'] === 'full';

/** The CI size or the full size of something. */
export function size(ci: number, full: number): number {
  return FULL ? full : ci;
}

/** How a case ended, and the one line the matrix prints for it. */
export interface Outcome {
  readonly status: 'pass' | 'fail' | 'skip';
  /** What happened: exit codes, the diagnostic seen, counts. */
  readonly what: string;
  /** What was lost or duplicated, as checked (`lost 0, dup 0, torn 0, rerun +0`), or why it was skipped. */
  readonly loss: string;
}

/** One row of the matrix. */
export interface Case {
  readonly name: string;
  /**
   * True for a row that measures the run's peak memory or its time (or stops a server other rows share): it runs
   * with no other row beside it. The other rows run {@link JOBS} at a time.
   */
  readonly alone?: boolean;
  run(dir: string): Promise<Outcome>;
}

/** Rows run at once, besides the `alone` ones (`FAULTS_JOBS`, default 2: the two cores CI has). */
export const JOBS = Math.max(1, Number(process.env['FAULTS_JOBS'] ?? 2) || 1);

/** A pass when `problems` is empty, else a failure listing them. */
export function verdict(what: string, loss: string, problems: readonly string[]): Outcome {
  return problems.length === 0
    ? { status: 'pass', what, loss }
    : { status: 'fail', what, loss: `${loss}; ${problems.join('; ')}` };
}

/** A skipped case, with the reason. */
export function skipped(reason: string): Outcome {
  return { status: 'skip', what: '', loss: reason };
}

/**
 * Runs the cases, {@link JOBS} at a time except the `alone` ones, which wait for the rows before them and run by
 * themselves; prints a line per case, in the cases' order, as soon as it and every case before it have ended.
 */
export async function runCases(cases: readonly Case[], only: RegExp | null): Promise<{ failed: number; ran: number }> {
  const chosen = cases.filter((c) => !only || only.test(c.name));
  const width = Math.max(...chosen.map((c) => c.name.length));
  const lines: Array<string | undefined> = [];
  let printed = 0;
  let failed = 0;
  const settle = (index: number, c: Case, outcome: Outcome, seconds: number): void => {
    const label = { pass: 'PASS', fail: 'FAIL', skip: 'SKIP' }[outcome.status];
    const what = outcome.what === '' ? '' : `${outcome.what} | `;
    lines[index] = `${label} ${c.name.padEnd(width)} ${seconds.toFixed(1).padStart(6)} s  ${what}${outcome.loss}`;
    if (outcome.status === 'fail') failed++;
    for (; lines[printed] !== undefined; printed++) console.log(lines[printed]);
  };
  const running = new Set<Promise<void>>();
  for (const [index, c] of chosen.entries()) {
    if (c.alone === true) await Promise.all(running);
    while (running.size >= JOBS) await Promise.race(running);
    const job = runOne(c).then(({ outcome, seconds }) => settle(index, c, outcome, seconds));
    const tracked = job.finally(() => running.delete(tracked));
    running.add(tracked);
    if (c.alone === true) await tracked;
  }
  await Promise.all(running);
  return { failed, ran: chosen.length };
}

async function runOne(c: Case): Promise<{ outcome: Outcome; seconds: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'wire-faults-'));
  const started = performance.now();
  let outcome: Outcome;
  try {
    outcome = await c.run(dir);
  } catch (error) {
    outcome = {
      status: 'fail',
      what: 'the case itself threw',
      loss: String(error instanceof Error ? error.stack : error),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { outcome, seconds: (performance.now() - started) / 1000 };
}
