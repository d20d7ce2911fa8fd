import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

/** The project folder: the runner is built to `.faults-build/test/faults/`, three levels below it. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The built CLI, run as cron runs it. */
export const WIRE = `${ROOT}bin/wire.js`;
const MAXRSS = `${ROOT}test/helpers/maxrss.mjs`;

/** How to start one `wire` process. */
export interface WireOptions {
  /** `ulimit -f` in KiB for the process (a size-limited disk without one). */
  readonly fileLimitKb?: number;
  /** Run as `nobody` through setpriv (root reads a mode-000 file anyway). */
  readonly unprivileged?: boolean;
  /** Report the peak resident set size. */
  readonly measure?: boolean;
  readonly stdin?: string;
  readonly cwd?: string;
}

/** What one run did. */
export interface WireResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
  readonly stdout: string;
  /** Peak RSS in MB, when measured. */
  readonly peakMb: number | null;
}

/** A running `wire`, to be killed or awaited. */
export interface WireProcess {
  readonly child: ChildProcess;
  readonly done: Promise<WireResult>;
}

/** Starts `wire ARGS...`. Standard error is kept (the diagnostics are part of what each case checks). */
export function startWire(args: readonly string[], options: WireOptions = {}): WireProcess {
  const node = [...(options.measure === true ? ['--import', MAXRSS] : []), WIRE, ...args];
  let command = process.execPath;
  let argv = node;
  if (options.fileLimitKb !== undefined) {
    // ulimit is a shell builtin (counting 512-byte blocks in POSIX sh); exec keeps the pid for a kill.
    command = '/bin/sh';
    argv = ['-c', `ulimit -f ${options.fileLimitKb * 2} && exec "$0" "$@"`, process.execPath, ...node];
  }
  if (options.unprivileged === true) {
    argv = ['--reuid=nobody', '--regid=nogroup', '--clear-groups', command, ...argv];
    command = 'setpriv';
  }
  const child = spawn(command, argv, {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout?.on('data', (chunk: Buffer) => out.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => err.push(chunk));
  child.stdin?.on('error', () => undefined);
  child.stdin?.end(options.stdin ?? '');
  const done = new Promise<WireResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      let stderr = Buffer.concat(err).toString('utf8');
      const kb = /maxrss-kb (\d+)\n?/.exec(stderr);
      if (kb) stderr = stderr.replace(kb[0], '');
      resolve({
        code,
        signal,
        stderr,
        stdout: Buffer.concat(out).toString('utf8'),
        peakMb: kb ? Number(kb[1]) / 1024 : null,
      });
    });
  });
  return { child, done };
}

/** Runs `wire ARGS...` to its end. */
export function runWire(args: readonly string[], options: WireOptions = {}): Promise<WireResult> {
  return startWire(args, options).done;
}

/** Starts `wire` and kills it with SIGKILL after `delayMs`, unless it has finished by then. */
export async function runAndKill(args: readonly string[], delayMs: number): Promise<WireResult> {
  const run = startWire(args);
  const timer = setTimeout(() => run.child.kill('SIGKILL'), delayMs);
  try {
    return await run.done;
  } finally {
    clearTimeout(timer);
  }
}

/** True when `setpriv` can run a command as nobody here. */
export function canDropPrivileges(): boolean {
  if (process.getuid?.() !== 0) return false;
  const probe = spawnSync('setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', 'true']);
  return probe.status === 0;
}

/**
 * The counts in wire's summary line (`wire: 3 inputs, 22 new (1 update), 5 already in out.jsonl, 0 failed ...`;
 * `5 duplicates` or `5 already seen` without an output file), or null without one.
 */
export function summaryOf(stderr: string): { stories: number; duplicates: number; failed: number } | null {
  const match =
    /wire: \d+ (?:inputs?|files?), (\d+) new(?: \(\d+ updates?\))?, (\d+) (?:duplicates?|already [^\n]*?), (\d+) failed/.exec(
      stderr,
    );
  if (!match) return null;
  return { stories: Number(match[1]), duplicates: Number(match[2]), failed: Number(match[3]) };
}

/** The first error or warning line of wire's standard error (else its first info line), shortened for the report. */
export function firstDiagnostic(stderr: string, pattern?: RegExp): string {
  const lines = stderr.split('\n');
  const problems = lines.filter((line) => /^wire: (error|warning)/.test(line));
  const line =
    (pattern ? problems.find((l) => pattern.test(l)) : undefined) ??
    problems[0] ??
    lines.find((l) => l.startsWith('wire: info')) ??
    '';
  // Temporary folders say nothing about the case: keep the file names.
  const text = line
    .replace(/^wire: /, '')
    .split(`${tmpdir()}/`)
    .join('')
    .replace(/wire-faults-[^/]+\//g, '');
  return text.length > 110 ? `${text.slice(0, 107)}...` : text;
}
