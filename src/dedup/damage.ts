import { renameSync } from 'node:fs';
import { StateError, describeError } from '../errors.js';

/** True when SQLite says the file is not a database, or a page of it is malformed. */
export function isDamage(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

/**
 * Moves a damaged state file (and its WAL and shared-memory files, which belong to it) aside as `<path>.corrupt`,
 * where it can still be looked at; the store is only a cache of the output, so a new one is built from the output.
 * Returns where it went.
 */
export function quarantine(path: string): string {
  const aside = `${path}.corrupt`;
  // The WAL first: a kill between the renames must not leave the old WAL beside a new database, to be replayed into it.
  for (const suffix of ['-wal', '-shm', '']) {
    try {
      renameSync(`${path}${suffix}`, `${aside}${suffix}`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return aside;
}

/** A StateError that says what failed and what to do about it. */
export function stateError(path: string, doing: string, error: unknown): StateError {
  const code = (error as { code?: unknown }).code;
  const hint =
    code === 'SQLITE_FULL' || (typeof code === 'string' && code.startsWith('SQLITE_IOERR'))
      ? ' (is the disk full? Free some space and run again: the next run catches up from the output)'
      : code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM'
        ? ' (check the permissions of the state file and its folder, or name another with --state)'
        : '';
  return new StateError(`cannot ${doing} the dedup state ${path}: ${describeError(error)}${hint}`, { cause: error });
}
