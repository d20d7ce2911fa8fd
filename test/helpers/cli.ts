import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The built CLI, run as users run it. */
export const WIRE = fileURLToPath(new URL('../../bin/wire.js', import.meta.url));

/** What a CLI run printed and returned. */
export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout parsed as JSON lines (on first use: help and schema output is not JSON lines). */
  readonly records: Array<Record<string, unknown>>;
}

/** Options for one CLI run. */
export interface CliOptions {
  /** What standard input holds (a pipe); null leaves it unconnected (/dev/null), as cron and `< /dev/null` do. */
  readonly stdin?: string | Buffer | null;
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
}

/** Runs `wire` with arguments and waits for it to exit. */
export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WIRE, ...args], {
      cwd: options.cwd,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...options.env },
      stdio: [options.stdin === null ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const stdout = Buffer.concat(out).toString('utf8');
      const stderr = Buffer.concat(err).toString('utf8');
      resolve({
        code,
        signal,
        stdout,
        stderr,
        get records() {
          return parseLines(stdout);
        },
      });
    });
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(options.stdin ?? '');
  });
}

/** Parses JSON lines; throws on a line that is not JSON (a torn or mixed-up output is a test failure). */
export function parseLines(text: string): Array<Record<string, unknown>> {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
