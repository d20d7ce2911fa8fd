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
  run(dir: string): Promise<Outcome>;
}

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

/** Runs cases one after another, printing a line as each ends; returns how many failed. */
export async function runCases(cases: readonly Case[], only: RegExp | null): Promise<{ failed: number; ran: number }> {
  let failed = 0;
  let ran = 0;
  const width = Math.max(...cases.map((c) => c.name.length));
  for (const c of cases) {
    if (only && !only.test(c.name)) continue;
    ran++;
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
    const seconds = ((performance.now() - started) / 1000).toFixed(1).padStart(6);
    const label = { pass: 'PASS', fail: 'FAIL', skip: 'SKIP' }[outcome.status];
    const what = outcome.what === '' ? '' : `${outcome.what} | `;
    console.log(`${label} ${c.name.padEnd(width)} ${seconds} s  ${what}${outcome.loss}`);
    if (outcome.status === 'fail') failed++;
  }
  return { failed, ran };
}
