import type { Stats } from 'node:fs';
import { opendir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileError } from './file.js';
import { InputError } from '../errors.js';
import type { OwnFiles } from './own.js';

/** A file found by walking a directory, one of the run's own files passed over, or the error met on the way. */
export type WalkEntry =
  | { readonly path: string; readonly size: number }
  | { readonly skipped: string; readonly role: string }
  | { readonly error: InputError };

/**
 * Walks a directory recursively in sorted order (so output order is deterministic), skipping hidden files and
 * folders. Symbolic links are followed, but a directory already visited on the current path (a loop) is reported
 * once and not entered again. Only regular files are yielded; anything else found (a named pipe) is reported. The
 * run's own files (its output, state, lock) are passed over, and said to be.
 */
export async function* walkDirectory(root: string, own: OwnFiles | null = null): AsyncGenerator<WalkEntry> {
  yield* walk(root, new Set(), own);
}

async function* walk(dir: string, ancestors: Set<string>, own: OwnFiles | null): AsyncGenerator<WalkEntry> {
  let key: string;
  let names: string[];
  try {
    const info = await stat(dir);
    key = `${info.dev}:${info.ino}`;
    names = await listNames(dir);
  } catch (error) {
    yield { error: fileError(dir, error) };
    return;
  }
  if (ancestors.has(key)) {
    const message = `${dir}: a directory loop (a symbolic link back to a folder being walked); not walked again`;
    yield { error: new InputError('directory-loop', message, { input: dir }) };
    return;
  }
  const inner = new Set(ancestors).add(key);
  for (const name of names) {
    const path = join(dir, name);
    let info: Stats;
    try {
      info = await stat(path);
    } catch (error) {
      yield { error: fileError(path, error) };
      continue;
    }
    const role = own?.roleOf(path, info) ?? null;
    if (role !== null) yield { skipped: path, role };
    else if (info.isDirectory()) yield* walk(path, inner, own);
    else if (info.isFile()) yield { path, size: info.size };
    // Opening a named pipe with no writer waits for ever: a stray FIFO in a wire folder would hang every cron run.
    else yield { error: notAFile(path) };
  }
}

async function listNames(dir: string): Promise<string[]> {
  const names: string[] = [];
  for await (const entry of await opendir(dir)) {
    if (!entry.name.startsWith('.')) names.push(entry.name);
  }
  // Code-point order, not locale order: the same on every machine.
  return names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function notAFile(path: string): InputError {
  const message = `${path}: not a regular file (a named pipe, socket or device); skipped (name it on its own to read it)`;
  return new InputError('not-a-file', message, { input: path });
}
