import { open } from 'node:fs/promises';
import { InputError, describeError } from '../errors.js';
import type { RawInput } from '../types.js';

const CHUNK = 1 << 18;

/**
 * Opens a file for streaming. The file is opened here (so a missing or unreadable file fails now, with a clear
 * message) and read in 1 MB chunks as the pipeline asks for them.
 */
export async function openFile(path: string): Promise<RawInput> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw fileError(path, error);
  }
  const stats = await handle.stat();
  if (stats.isDirectory()) {
    await handle.close();
    throw new InputError('is-directory', `${path}: is a directory (directories are walked only when named as inputs)`, {
      input: path,
    });
  }
  // The stream owns the handle and closes it once. (Closing `handle.fd` through a stream and then the handle as
  // well closed the descriptor twice: the second close could hit a socket that had reused the number meanwhile.)
  const stream = handle.createReadStream({ highWaterMark: CHUNK, autoClose: true });
  return { type: 'file', location: path, chunks: guardReads(stream, path), modified: stats.mtime };
}

async function* guardReads(stream: AsyncIterable<Uint8Array>, path: string): AsyncGenerator<Uint8Array> {
  try {
    yield* stream;
  } catch (error) {
    throw fileError(path, error);
  }
}

/** A helpful InputError for a failed file operation. */
export function fileError(path: string, error: unknown): InputError {
  const code = (error as { code?: unknown }).code;
  switch (code) {
    case 'ENOENT':
      return new InputError('not-found', `${path}: no such file or directory`, { input: path, cause: error });
    case 'EACCES':
    case 'EPERM':
      return new InputError('unreadable', `${path}: permission denied (check the file's mode and owner)`, {
        input: path,
        cause: error,
      });
    case 'EISDIR':
      return new InputError('is-directory', `${path}: is a directory`, { input: path, cause: error });
    case 'ELOOP':
      return new InputError('symlink-loop', `${path}: too many levels of symbolic links`, {
        input: path,
        cause: error,
      });
    default:
      return new InputError('read-failed', `${path}: cannot read (${describeError(error)})`, {
        input: path,
        cause: error,
      });
  }
}
