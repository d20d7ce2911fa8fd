import type { IngestCounts, IngestSummary, InputReport } from '../pipeline/run.js';
import type { Diagnostic } from '../types.js';
import type { Paint } from './paint.js';
import { Progress } from './progress.js';

export { wantColor } from './terminal.js';
export { paintFor } from './paint.js';

/** How much the reporter says, and how. */
export interface ReportOptions {
  readonly quiet: boolean;
  readonly verbose: boolean;
  /** The colours to print with (see {@link paintFor}). */
  readonly paint: Paint;
  /** End with one JSON object instead of the summary line. */
  readonly json: boolean;
  /** What the run is, for its closing line and object (known in full once the outputs are: see `context`). */
  readonly command: SummaryContext['command'];
}

/**
 * Everything for people goes through here, to standard error: diagnostics, the live progress line, per-input lines
 * with --verbose, and the closing summary (or its JSON form). Colour only when asked to (see {@link wantColor}).
 */
export class Reporter {
  private readonly colors: Paint;
  private readonly progress: Progress;
  /** What the closing line says of the run: where duplicates' originals are, when it started, what it counts. */
  context: SummaryContext;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly options: ReportOptions,
  ) {
    this.colors = options.paint;
    this.progress = new Progress(stream, this.colors, stream.isTTY === true && !options.quiet && !options.json);
    this.context = {
      command: options.command,
      seenIn: { kind: 'run' },
      startedAt: new Date(),
      noun: options.command === 'watch' ? 'file' : 'input',
    };
  }

  /** Errors always; warnings unless --quiet; notes (info: a page unchanged since the last run) only with --verbose. */
  diagnostic(d: Diagnostic): void {
    if (this.options.quiet && d.severity !== 'error') return;
    if (d.severity === 'info' && !this.options.verbose) return;
    const c = this.colors;
    const label = d.severity === 'error' ? c.red('error') : d.severity === 'warning' ? c.yellow('warning') : 'info';
    this.say(`wire: ${label}: ${printable(d.message)}`);
  }

  /** Prints an error that ends the run (bad usage, an output that cannot be written). */
  fatal(message: string): void {
    this.say(`wire: ${this.colors.red('error')}: ${printable(message)}`);
  }

  /** With --verbose, a line for every input as it is done: `wire: done a.txt: 3 new, 1 already in out.jsonl`. */
  input(report: InputReport): void {
    if (!this.options.verbose || this.options.quiet) return;
    const what = added(report, this.context.seenIn);
    this.say(`wire: ${report.failed ? this.colors.red('failed') : 'done'} ${printable(report.input)}: ${what}`);
  }

  /**
   * A line a person watching wants without asking (a watch's start, each file it took), unless --quiet; with
   * --json-summary only with --verbose, so that a log stays machine-read.
   */
  note(line: string): void {
    if (this.options.quiet || (this.options.json && !this.options.verbose)) return;
    this.say(`wire: ${printable(line)}`);
  }

  /** The `added` phrase of some counts, in this run's words. */
  added(counts: { readonly stories: number; readonly duplicates: number; readonly versions?: number }): string {
    return added(counts, this.context.seenIn);
  }

  counts(counts: IngestCounts): void {
    this.progress.update(counts);
  }

  summary(s: IngestSummary, exitCode: number): void {
    this.progress.clear();
    if (this.options.json) {
      this.stream.write(`${summaryJson(s, this.context, exitCode)}\n`);
      return;
    }
    if (this.options.quiet) return;
    this.stream.write(`${summaryLine(s, this.context, this.colors)}\n`);
  }

  private say(line: string): void {
    this.progress.clear();
    this.stream.write(`${line}\n`);
  }
}

/** Escapes control characters so that no input can move the cursor, retitle or recolour a terminal. */
export function printable(text: string): string {
  return text.replace(
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

// The run's closing words: the summary line, the JSON summary, and the phrases both use.

/**
 * Where a dropped copy's original is, which says what a duplicate means to the user: in the output file (`7 already
 * in wire.jsonl`: a rerun), in a state kept across runs (`7 already seen`), or earlier in this run only.
 */
export type SeenIn =
  { readonly kind: 'output'; readonly path: string } | { readonly kind: 'state' } | { readonly kind: 'run' };

/** What the closing line and object say besides the counts. */
export interface SummaryContext {
  readonly command: 'ingest' | 'watch' | 'export';
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
  colors: Paint | null = null,
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
  return `${colors ? colors.green(fresh) : fresh}, ${dropped}`;
}

/** The closing line: `wire: 4 inputs, 0 new, 7 already in wire.jsonl, 0 failed in 0.04 s`. */
export function summaryLine(s: IngestSummary, context: SummaryContext, colors: Paint): string {
  const failed = s.failed > 0 ? colors.red(`${s.failed} failed`) : '0 failed';
  const stopped = s.interrupted ? colors.yellow(' (interrupted)') : '';
  const what = `${plural(s.inputs, context.noun)}, ${added(s, context.seenIn, colors)}, ${failed}`;
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
