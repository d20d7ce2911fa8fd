import { catchUp } from '../dedup/catchup.js';
import { isLockError } from '../errors.js';
import { EXIT } from './exit.js';
import { SqliteStore } from '../dedup/sqlite-store.js';
import type { DedupMode } from '../dedup/verdict.js';
import { readLinesFrom } from '../sinks/jsonl-reader.js';
import { acquireLock, type Lock } from '../sinks/lock.js';
import type { Reporter } from './report.js';

/** The dedup state of a run: its lock and its store, both optional. */
export interface RunState {
  readonly lock: Lock | null;
  readonly store: SqliteStore | null;
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
    store = options.dedup === 'off' ? null : new SqliteStore(statePath ?? ':memory:');
    if (store !== null && statePath !== null && options.output !== null) {
      const found = catchUp(store, readLinesFrom(options.output, store.absorbed()));
      if (found.absorbed > 0)
        options.reporter.diagnostic({
          severity: 'info',
          code: 'state-catch-up',
          message: `${statePath}: caught up with ${found.absorbed} records of ${options.output} it had not seen`,
          input: options.output,
        });
    }
  } catch (error) {
    store?.close();
    lock?.release();
    throw error;
  }
  return {
    lock,
    store,
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
