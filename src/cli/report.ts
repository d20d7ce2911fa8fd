import { Chalk, type ChalkInstance } from 'chalk';
import type { IngestCounts, IngestSummary, InputReport } from '../pipeline/run.js';
import type { Diagnostic } from '../types.js';
import { Progress } from './progress.js';

/** How much the reporter says, and how. */
export interface ReportOptions {
  readonly quiet: boolean;
  readonly verbose: boolean;
  readonly color: boolean;
  /** End with one JSON object instead of the summary line. */
  readonly json: boolean;
}

/**
 * Everything for people goes through here, to standard error: diagnostics, the live progress line, per-input lines
 * with --verbose, and the closing summary (or its JSON form). Colour only when asked to (see {@link wantColor}).
 */
export class Reporter {
  private readonly chalk: ChalkInstance;
  private readonly progress: Progress;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly options: ReportOptions,
  ) {
    this.chalk = new Chalk({ level: options.color ? 1 : 0 });
    this.progress = new Progress(stream, this.chalk, stream.isTTY === true && !options.quiet && !options.json);
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

  input(report: InputReport): void {
    if (!this.options.verbose || this.options.quiet) return;
    const what = `${plural(report.stories, 'story', 'stories')}, ${plural(report.duplicates, 'duplicate')}`;
    this.say(`wire: ${report.failed ? this.chalk.red('failed') : 'done'} ${printable(report.input)}: ${what}`);
  }

  counts(counts: IngestCounts): void {
    this.progress.update(counts);
  }

  summary(s: IngestSummary, exitCode: number): void {
    this.progress.clear();
    if (this.options.json) {
      const { failures, seconds, ...counts } = s;
      const json = { ...counts, seconds: Number(seconds.toFixed(3)), exit_code: exitCode, failures };
      this.stream.write(`${JSON.stringify(json)}\n`);
      return;
    }
    if (this.options.quiet) return;
    const c = this.chalk;
    const parts = [
      plural(s.inputs, 'input'),
      c.green(plural(s.stories, 'story', 'stories')),
      plural(s.duplicates, 'duplicate'),
      // Versions (updates of earlier stories) are named once there are any; --json-summary always has the count.
      ...(s.versions > 0 ? [plural(s.versions, 'version')] : []),
      s.failed > 0 ? c.red(`${s.failed} failed`) : '0 failed',
    ];
    const stopped = s.interrupted ? c.yellow(' (interrupted)') : '';
    this.stream.write(`wire: ${parts.join(', ')} in ${s.seconds.toFixed(2)} s${stopped}\n`);
  }

  private say(line: string): void {
    this.progress.clear();
    this.stream.write(`${line}\n`);
  }
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Escapes control characters so that no input can move the cursor, retitle or recolour a terminal. */
export function printable(text: string): string {
  return text.replace(
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Colour when standard error is a terminal, unless NO_COLOR or --no-color says otherwise; FORCE_COLOR forces it. */
export function wantColor(stream: NodeJS.WriteStream, flag: boolean, env: NodeJS.ProcessEnv): boolean {
  if (!flag) return false;
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  if (env['FORCE_COLOR'] !== undefined && env['FORCE_COLOR'] !== '0') return true;
  return stream.isTTY === true;
}
