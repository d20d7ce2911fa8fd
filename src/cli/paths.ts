import { accessSync, constants, statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError, describeError } from '../errors.js';

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
