import { readFile, stat } from 'node:fs/promises';
import { InputError } from '../errors.js';
import { walkDirectory } from './directory.js';
import { fileError } from './file.js';
import type { OwnFiles } from './own.js';

/** One input to ingest, as named by the user or found in a directory or input list. */
export type InputItem =
  /** A file, with its size when it was found (for progress: bytes read of bytes to read). */
  | { readonly kind: 'file'; readonly path: string; readonly size?: number }
  | { readonly kind: 'stdin' }
  | { readonly kind: 'url'; readonly url: string }
  /** One of the run's own files (its output, state, lock...), passed over; `named` when the user named it. */
  | { readonly kind: 'skipped'; readonly path: string; readonly role: string; readonly named: boolean }
  | { readonly kind: 'error'; readonly error: InputError };

const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;

/**
 * Expands command-line inputs, in order: `-` is standard input, `http(s)://` a URL, a directory every file under
 * it (sorted, hidden skipped), anything else a file. `inputList` names a file (or `-`) with one input per line.
 * The run's own files (`own`) are passed over as `skipped` items.
 */
export async function* expandInputs(
  args: readonly string[],
  inputList: string | null,
  readStdinText: () => Promise<string>,
  own: OwnFiles | null = null,
): AsyncGenerator<InputItem> {
  for (const arg of args) yield* expandOne(arg, own);
  if (inputList === null) return;
  let text: string;
  try {
    text = inputList === '-' ? await readStdinText() : await readFile(inputList, 'utf8');
  } catch (error) {
    yield { kind: 'error', error: fileError(inputList, error) };
    return;
  }
  for (const line of text.split(/\r?\n/)) {
    const entry = line.trim();
    if (entry !== '' && !entry.startsWith('#')) yield* expandOne(entry, own);
  }
}

async function* expandOne(arg: string, own: OwnFiles | null): AsyncGenerator<InputItem> {
  if (arg === '-') {
    yield { kind: 'stdin' };
    return;
  }
  const scheme = SCHEME.exec(arg)?.[1]?.toLowerCase();
  if (scheme !== undefined) {
    yield scheme === 'http' || scheme === 'https'
      ? { kind: 'url', url: arg }
      : {
          kind: 'error',
          error: new InputError('unsupported-scheme', `${arg}: only http:// and https:// URLs can be fetched`, {
            input: arg,
          }),
        };
    return;
  }
  let isDirectory = false;
  let size: number | undefined;
  try {
    const info = await stat(arg);
    if (info.isFile()) size = info.size;
    const role = own?.roleOf(arg, info) ?? null;
    if (role !== null) {
      yield { kind: 'skipped', path: arg, role, named: true };
      return;
    }
    isDirectory = info.isDirectory();
  } catch (error) {
    yield { kind: 'error', error: fileError(arg, error) };
    return;
  }
  if (!isDirectory) {
    yield size === undefined ? { kind: 'file', path: arg } : { kind: 'file', path: arg, size };
    return;
  }
  for await (const entry of walkDirectory(arg, own)) {
    if ('error' in entry) yield { kind: 'error', error: entry.error };
    else if ('skipped' in entry) yield { kind: 'skipped', path: entry.skipped, role: entry.role, named: false };
    else yield { kind: 'file', path: entry.path, size: entry.size };
  }
}
