import { catchUp } from '../dedup/catchup.js';
import { isLockError } from '../errors.js';
import { EXIT } from './exit.js';
import { SqliteStore } from '../dedup/sqlite-store.js';
import type { DedupMode } from '../dedup/verdict.js';
import { readLinesFrom } from '../sinks/jsonl-reader.js';
import { isStateError } from '../errors.js';
import { acquireLock, type Lock } from '../sinks/lock.js';
import type { Reporter } from './report.js';

/** The dedup state of a run: its lock and its store, both optional. */
export interface RunState {
  readonly lock: Lock | null;
  readonly store: SqliteStore | null;
  /** The state file, or null (dedup off, or in memory only). */
  readonly statePath: string | null;
  close(): void;
}

/** Where the store lives unless `--state` says: beside the output, `<output>.state` (an SQLite file). */
export function defaultStatePath(output: string | null): string | null {
  return output === null ? null : `${output}.state`;
}

/**
 * Locks the output (or, writing to standard output, the state file), opens the store and brings it up to date with
 * the output. Throws a LockError when another run holds the lock past the timeout.
 */
export async function openState(options: {
  readonly output: string | null;
  readonly state: string | null;
  readonly dedup: DedupMode;
  readonly lockTimeout: number;
  readonly reporter: Reporter;
}): Promise<RunState> {
  const statePath = options.dedup === 'off' ? null : (options.state ?? defaultStatePath(options.output));
  const lockTarget = options.output ?? statePath;
  const lock = lockTarget === null ? null : await acquireLock(lockTarget, options.lockTimeout);
  let store: SqliteStore | null = null;
  try {
    // Without a state file the run still keeps its fingerprints in SQLite, in memory: ~60 bytes a story, not ~200.
    if (options.dedup !== 'off') store = openStore(statePath, options.output, options.reporter);
  } catch (error) {
    lock?.release();
    throw error;
  }
  return {
    lock,
    store,
    statePath,
    close: () => {
      store?.close();
      lock?.release();
    },
  };
}

/**
 * {@link openState} for a command: the state, or, when it cannot be had, the error reported and the exit code to
 * return (3 when another run holds the lock).
 */
export async function openStateOrExit(
  output: string | null,
  flags: { readonly state?: string | undefined; readonly dedup: DedupMode; readonly lockTimeout: number },
  reporter: Reporter,
): Promise<RunState | number> {
  try {
    return await openState({
      output,
      state: flags.state ?? null,
      dedup: flags.dedup,
      lockTimeout: flags.lockTimeout,
      reporter,
    });
  } catch (error) {
    reporter.fatal(error instanceof Error ? error.message : String(error));
    return isLockError(error) ? EXIT.locked : EXIT.failed;
  }
}

/**
 * Opens the store and catches it up with the output. A file SQLite finds damaged, when it opens or while it is
 * caught up, is moved aside and the store rebuilt from the output: it is only a cache of it.
 */
function openStore(statePath: string | null, output: string | null, reporter: Reporter): SqliteStore {
  for (let attempt = 1; ; attempt++) {
    const store = new SqliteStore(statePath ?? ':memory:');
    try {
      const found =
        statePath !== null && output !== null ? catchUp(store, readLinesFrom(output, store.absorbed())) : null;
      if (store.damaged !== null)
        reporter.diagnostic({
          severity: 'warning',
          code: 'state-damaged',
          message: `${statePath}: the dedup state was damaged (${store.damaged}); rebuilt it from ${output ?? 'scratch'}`,
          input: output ?? statePath ?? '-',
        });
      if (found !== null && found.absorbed > 0)
        reporter.diagnostic({
          // Only after a crash or a lost state file: worth a line, though nothing is wrong any more.
          severity: 'warning',
          code: 'state-catch-up',
          message: `${statePath}: caught up with ${found.absorbed} records of ${output} it had not seen`,
          input: output ?? statePath ?? '-',
        });
      return store;
    } catch (error) {
      store.close();
      // Damage found while catching up (a page SQLite reads only now): the file is aside; once more from scratch.
      if (attempt > 1 || !isStateError(error) || store.damaged === null) throw error;
    }
  }
}
