import { Chalk, type ChalkInstance } from 'chalk';
import type { IngestCounts, IngestSummary, InputReport } from '../pipeline/run.js';
import type { Diagnostic } from '../types.js';
import { Progress } from './progress.js';

export { wantColor } from './color.js';
import { added, summaryJson, summaryLine, type SummaryContext } from './summary.js';

/** How much the reporter says, and how. */
export interface ReportOptions {
  readonly quiet: boolean;
  readonly verbose: boolean;
  readonly color: boolean;
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
  private readonly chalk: ChalkInstance;
  private readonly progress: Progress;
  /** What the closing line says of the run: where duplicates' originals are, when it started, what it counts. */
  context: SummaryContext;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly options: ReportOptions,
  ) {
    this.chalk = new Chalk({ level: options.color ? 1 : 0 });
    this.progress = new Progress(stream, this.chalk, stream.isTTY === true && !options.quiet && !options.json);
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
    const c = this.chalk;
    const label = d.severity === 'error' ? c.red('error') : d.severity === 'warning' ? c.yellow('warning') : 'info';
    this.say(`wire: ${label}: ${printable(d.message)}`);
  }

  /** Prints an error that ends the run (bad usage, an output that cannot be written). */
  fatal(message: string): void {
    this.say(`wire: ${this.chalk.red('error')}: ${printable(message)}`);
  }

  /** With --verbose, a line for every input as it is done: `wire: done a.txt: 3 new, 1 already in out.jsonl`. */
  input(report: InputReport): void {
    if (!this.options.verbose || this.options.quiet) return;
    const what = added(report, this.context.seenIn);
    this.say(`wire: ${report.failed ? this.chalk.red('failed') : 'done'} ${printable(report.input)}: ${what}`);
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
    this.stream.write(`${summaryLine(s, this.context, this.chalk)}\n`);
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
