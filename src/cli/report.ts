import { Chalk, type ChalkInstance } from 'chalk';
import type { IngestSummary } from '../pipeline.js';
import type { Diagnostic } from '../types.js';

/** Writes diagnostics and the summary to standard error, coloured only when that is a terminal. */
export class Reporter {
  private readonly chalk: ChalkInstance;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly options: { quiet: boolean; color: boolean },
  ) {
    this.chalk = new Chalk({ level: options.color ? 1 : 0 });
  }

  diagnostic(d: Diagnostic): void {
    if (this.options.quiet && d.severity !== 'error') return;
    const label =
      d.severity === 'error'
        ? this.chalk.red('error')
        : d.severity === 'warning'
          ? this.chalk.yellow('warning')
          : 'info';
    this.stream.write(`wire: ${label}: ${printable(d.message)}\n`);
  }

  summary(s: IngestSummary): void {
    if (this.options.quiet) return;
    const c = this.chalk;
    const parts = [
      plural(s.inputs, 'input'),
      c.green(plural(s.stories, 'story', 'stories')),
      plural(s.duplicates, 'duplicate'),
      plural(s.versions, 'version'),
      s.failed > 0 ? c.red(`${s.failed} failed`) : '0 failed',
    ];
    this.stream.write(`wire: ${parts.join(', ')} in ${s.seconds.toFixed(2)} s\n`);
  }
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Escapes control characters so that no input can move the cursor or recolour a terminal. */
export function printable(text: string): string {
  return text.replace(
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g,
    (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}

/** Colour when standard error is a terminal, unless NO_COLOR or --no-color says otherwise; FORCE_COLOR forces it. */
export function wantColor(stream: NodeJS.WriteStream, flag: boolean, env: NodeJS.ProcessEnv): boolean {
  if (!flag) return false;
  if (env['FORCE_COLOR'] !== undefined && env['FORCE_COLOR'] !== '0') return true;
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  return stream.isTTY === true;
}
