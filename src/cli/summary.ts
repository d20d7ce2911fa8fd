import type { ChalkInstance } from 'chalk';
import type { IngestSummary } from '../pipeline/run.js';

/**
 * Where a dropped copy's original is, which says what a duplicate means to the user: in the output file (`7 already
 * in wire.jsonl`: a rerun), in a state kept across runs (`7 already seen`), or earlier in this run only.
 */
export type SeenIn =
  { readonly kind: 'output'; readonly path: string } | { readonly kind: 'state' } | { readonly kind: 'run' };

/** What the closing line and object say besides the counts. */
export interface SummaryContext {
  readonly command: 'ingest' | 'watch';
  readonly seenIn: SeenIn;
  /** When the run started, for the JSON summary's `started_at`. */
  readonly startedAt: Date;
  /** `input` for ingest, `file` for watch. */
  readonly noun: string;
}

/** `7 new (1 update)` and `2 already in wire.jsonl`: what a run (or one input) added, and what it left out. */
export function added(
  counts: { readonly stories: number; readonly duplicates: number; readonly versions?: number },
  seenIn: SeenIn,
  chalk: ChalkInstance | null = null,
): string {
  const updates = (counts.versions ?? 0) > 0 ? ` (${plural(counts.versions ?? 0, 'update')})` : '';
  const fresh = `${counts.stories} new${updates}`;
  const n = counts.duplicates;
  const dropped =
    seenIn.kind === 'output'
      ? `${n} already in ${seenIn.path}`
      : seenIn.kind === 'state'
        ? `${n} already seen`
        : plural(n, 'duplicate');
  return `${chalk ? chalk.green(fresh) : fresh}, ${dropped}`;
}

/** The closing line: `wire: 4 inputs, 0 new, 7 already in wire.jsonl, 0 failed in 0.04 s`. */
export function summaryLine(s: IngestSummary, context: SummaryContext, chalk: ChalkInstance): string {
  const failed = s.failed > 0 ? chalk.red(`${s.failed} failed`) : '0 failed';
  const stopped = s.interrupted ? chalk.yellow(' (interrupted)') : '';
  const what = `${plural(s.inputs, context.noun)}, ${added(s, context.seenIn, chalk)}, ${failed}`;
  return `wire: ${what} in ${duration(s.seconds)}${stopped}`;
}

/** `0.04 s`, `12 min 5 s`, `3 h 4 min`: a watch may run for days. */
export function duration(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(2)} s`;
  const whole = Math.round(seconds);
  if (whole < 3600) return `${Math.floor(whole / 60)} min ${whole % 60} s`;
  return `${Math.floor(whole / 3600)} h ${Math.floor((whole % 3600) / 60)} min`;
}

/**
 * The closing object of `--json-summary`, one line for a log: when the run started and how long it took, the
 * counts (`total`: inputs named, listed or found in folders; `inputs`: those done, fewer only when interrupted),
 * the exit code and every failure.
 */
export function summaryJson(s: IngestSummary, context: SummaryContext, exitCode: number): string {
  return JSON.stringify({
    command: context.command,
    started_at: context.startedAt.toISOString(),
    seconds: Number(s.seconds.toFixed(3)),
    output: context.seenIn.kind === 'output' ? context.seenIn.path : null,
    total: s.total,
    inputs: s.inputs,
    stories: s.stories,
    duplicates: s.duplicates,
    versions: s.versions,
    failed: s.failed,
    interrupted: s.interrupted,
    exit_code: exitCode,
    failures: s.failures,
  });
}

/** `1 story`, `2 stories`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
