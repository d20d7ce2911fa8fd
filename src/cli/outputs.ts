import { accessSync, constants, createWriteStream, statSync, type Stats, type WriteStream } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError, describeError } from '../errors.js';
import { JsonlFileSink, JsonlStreamSink, repairTornTail } from '../sinks/jsonl.js';
import type { Sink } from '../sinks/sink.js';
import type { OwnFile } from '../sources/own.js';
import type { Reporter } from './report.js';

// Where a run writes: every output path checked before anything is created, the files and streams opened, and
// the run's own files named so that it never reads them back.

/** Where a run writes, every path checked before anything is created; null where it writes nothing (or stdout). */
export interface RunOutputs {
  /** `-o FILE`; null for standard output (no `-o`, or `-o -`). */
  readonly output: OutputPath | null;
  readonly duplicates: OutputPath | null;
  readonly state: string | null;
}

/**
 * Checks `-o`, `--duplicates` and `--state` together, before the lock, the state or any file is created: a path
 * that cannot be written is a usage error (exit 2) with one message, and nothing is left behind.
 */
export function checkOutputs(flags: {
  readonly output?: string | undefined;
  readonly duplicates?: string | undefined;
  readonly state?: string | undefined;
}): RunOutputs {
  const output = flags.output === undefined || flags.output === '-' ? null : checkOutputPath('-o', flags.output);
  const duplicates = flags.duplicates === undefined ? null : checkOutputPath('--duplicates', flags.duplicates);
  const state = flags.state === undefined ? null : checkOutputPath('--state', flags.state);
  if (state?.kind === 'stream')
    throw new UsageError(`--state ${state.path}: is not a regular file (the dedup state is a database file)`);
  checkDistinct([
    ['-o', output?.kind === 'file' ? output.path : null],
    ['--duplicates', duplicates?.kind === 'file' ? duplicates.path : null],
    ['--state', state?.path ?? null],
  ]);
  return { output, duplicates, state: state?.path ?? null };
}

/** The file a run locks and keeps its state beside, or null when it writes to a stream. */
export function outputFile(output: OutputPath | null): string | null {
  return output?.kind === 'file' ? output.path : null;
}

/**
 * Opens an output. A file: a torn last line (an interrupted run) is moved aside first, then lines are appended.
 * A stream — standard output, `/dev/stdout`, a named pipe, a terminal — is written like standard output.
 */
export function openOutput(output: OutputPath | null, reporter: Reporter): Sink {
  if (output === null) return new JsonlStreamSink(process.stdout);
  if (output.kind === 'stream') return streamSink(output.path);
  const torn = repairTornTail(output.path);
  if (torn !== null) {
    reporter.diagnostic({
      severity: 'warning',
      code: 'torn-line',
      message: `${output.path}: its last line was incomplete (an interrupted run); moved it to ${output.path}.rejected`,
      input: output.path,
    });
  }
  return new JsonlFileSink(output.path);
}

/** Opens `--duplicates`: a file appended to, or a stream. */
export function openDuplicates(duplicates: OutputPath | null): Sink | null {
  if (duplicates === null) return null;
  return duplicates.kind === 'file' ? new JsonlFileSink(duplicates.path) : streamSink(duplicates.path);
}

const STDOUT = /^\/(?:dev\/stdout|dev\/fd\/1|proc\/self\/fd\/1)$/;
const STDERR = /^\/(?:dev\/stderr|dev\/fd\/2|proc\/self\/fd\/2)$/;

function streamSink(path: string): Sink {
  if (STDOUT.test(path)) return new JsonlStreamSink(process.stdout);
  if (STDERR.test(path)) return new JsonlStreamSink(process.stderr);
  const stream = createWriteStream(path, { flags: 'a' });
  // A reader that goes away (a named pipe's reader closed) ends the run quietly, as on standard output.
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const sink = new JsonlStreamSink(stream);
  return {
    write: (lines) => sink.write(lines),
    checkpoint: () => sink.checkpoint(),
    close: async () => {
      await sink.close();
      await endStream(stream);
    },
  };
}

function endStream(stream: WriteStream): Promise<void> {
  return new Promise((resolve) => stream.end(resolve));
}

/**
 * How an output is written: `file` — a regular file, appended to, synced, locked, with a state beside it; `stream`
 * — standard output, or anything that is not a regular file (`/dev/stdout`, a named pipe, a terminal): written
 * like standard output, never synced, with nothing created beside it.
 */
export type OutputKind = 'file' | 'stream';

/** An output path as checked: where it is, and how it is written. */
export interface OutputPath {
  readonly path: string;
  readonly kind: OutputKind;
}

/** `/dev/stdout`, `/dev/fd/3`, `/proc/self/fd/1`: names of open descriptors and devices, never files to lock. */
const DEVICE_PATH = /^\/(?:dev|proc)\//;

/**
 * Checks one output path before anything is created, so that a bad `--duplicates` does not fail the run after the
 * output and its state have been made. Throws a UsageError (exit 2) with one message naming the option.
 */
export function checkOutputPath(option: string, path: string): OutputPath {
  const existing = statOrNull(path, option);
  if (existing?.isDirectory()) throw usage(option, path, 'is a directory; name a file in it');
  if (DEVICE_PATH.test(path) || (existing !== null && !existing.isFile())) {
    if (existing === null) throw usage(option, path, 'no such device');
    if (!writable(path)) throw usage(option, path, 'permission denied');
    return { path, kind: 'stream' };
  }
  if (existing !== null) {
    if (!writable(path)) throw usage(option, path, "permission denied (check the file's mode and owner)");
    return { path, kind: 'file' };
  }
  const folder = dirname(resolve(path));
  const parent = statOrNull(folder, option);
  if (parent === null) throw usage(option, path, `the folder ${folder} does not exist (create it first)`);
  if (!parent.isDirectory()) throw usage(option, path, `${folder} is not a folder`);
  if (!writable(folder)) throw usage(option, path, `cannot create files in ${folder} (permission denied)`);
  return { path, kind: 'file' };
}

/** Checks that no two outputs are the same file (`-o x --duplicates x` would interleave two streams of records). */
export function checkDistinct(outputs: ReadonlyArray<readonly [string, string | null]>): void {
  const seen = new Map<string, string>();
  for (const [option, path] of outputs) {
    if (path === null || DEVICE_PATH.test(path)) continue;
    const key = resolve(path);
    const other = seen.get(key);
    if (other !== undefined) throw new UsageError(`${option} ${path}: is also given to ${other}; name another file`);
    seen.set(key, option);
  }
}

function statOrNull(path: string, option: string): Stats | null {
  try {
    return statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'ENOTDIR') throw usage(option, path, 'a part of the path is a file, not a folder');
    throw usage(option, path, describeError(error));
  }
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function usage(option: string, path: string, problem: string): UsageError {
  return new UsageError(`${option} ${path}: ${problem}`);
}

/** Where a run writes: every path is null when the run does not write it. */
export interface RunPaths {
  readonly output: string | null;
  readonly state: string | null;
  readonly lock: string | null;
  readonly duplicates: string | null;
}

// SQLite's companions of a database in WAL mode (and in rollback mode), and a damaged state moved aside.
const STATE_SUFFIXES = ['', '-wal', '-shm', '-journal', '.corrupt', '.corrupt-wal', '.corrupt-shm'];

/**
 * The files a run writes, which it must never read back as inputs: `wire ingest . -o out.jsonl` run in the folder
 * it ingests would otherwise take its own output, state and lock for wire copy.
 */
export function ownFiles(paths: RunPaths): OwnFile[] {
  const files: OwnFile[] = [];
  if (paths.output !== null) {
    files.push({ path: paths.output, role: 'output' });
    files.push({ path: `${paths.output}.rejected`, role: 'rejected lines' });
  }
  if (paths.state !== null) {
    for (const suffix of STATE_SUFFIXES) files.push({ path: `${paths.state}${suffix}`, role: 'dedup state' });
  }
  if (paths.lock !== null) files.push({ path: paths.lock, role: 'lock' });
  if (paths.duplicates !== null) files.push({ path: paths.duplicates, role: 'duplicates file' });
  return files;
}
