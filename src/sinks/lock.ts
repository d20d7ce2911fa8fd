import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { LockError, OutputError, describeError } from '../errors.js';

/** Who holds a lock, as written in the lock file. */
export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  readonly started: string;
}

/** A held lock; `release` removes the lock file. */
export interface Lock {
  readonly path: string;
  release(): void;
}

const POLL_MS = 100;
const EMPTY_GRACE_MS = 2000;

/**
 * Takes `<target>.lock` so that overlapping runs (cron firing while the last run is still going) never write the
 * same output at once. Waits up to `timeoutSeconds`, then throws a {@link LockError} naming the holder. A lock
 * left by a process that no longer runs on this host (killed with -9) is taken over.
 */
export async function acquireLock(target: string, timeoutSeconds: number): Promise<Lock> {
  const path = `${target}.lock`;
  const me: LockHolder = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
  const deadline = Date.now() + timeoutSeconds * 1000;
  for (;;) {
    if (tryCreate(path, target, me)) return { path, release: () => removeQuietly(path) };
    const holder = readHolder(path);
    if (holder === null || (typeof holder === 'object' && isStale(holder))) {
      // Take over only if the file still says what we judged stale, so two takers do not remove each other's lock.
      if (sameContent(path, holder)) removeQuietly(path);
      continue;
    }
    if (holder === 'gone') continue;
    if (holder === 'busy') {
      await sleep(POLL_MS);
      continue;
    }
    if (Date.now() >= deadline) {
      throw new LockError(
        `${target} is locked by another wire run (pid ${holder.pid} on ${holder.host}, started ${holder.started}); ` +
          `waited ${timeoutSeconds} s. Try again later, or raise --lock-timeout.`,
      );
    }
    await sleep(POLL_MS);
  }
}

function tryCreate(path: string, target: string, me: LockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    // No lock file where the output goes means no output either: say so as the output's error (exit 1, not 3).
    throw new OutputError(`cannot open ${target} for appending: cannot create ${path}: ${describeError(error)}`, {
      cause: error,
    });
  }
  try {
    writeSync(fd, `${JSON.stringify(me)}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * The holder; null when the file is not a lock (a run killed while writing it); 'gone' when removed; 'busy' when
 * another run has just created it and not yet written it.
 */
function readHolder(path: string): LockHolder | null | 'gone' | 'busy' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return 'gone';
  }
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value !== 'object' || value === null) return null;
    const { pid, host, started } = value as Record<string, unknown>;
    if (typeof pid !== 'number' || typeof host !== 'string' || typeof started !== 'string') return null;
    return { pid, host, started };
  } catch {
    // A lock file is written in one small write right after it is created: an empty file is a taker in between,
    // unless it has stayed empty for a while (that taker was killed).
    return text === '' && ageMs(path) < EMPTY_GRACE_MS ? 'busy' : null;
  }
}

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function isStale(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return false; // Another machine's process cannot be checked from here.
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function sameContent(path: string, holder: LockHolder | null): boolean {
  return JSON.stringify(readHolder(path)) === JSON.stringify(holder);
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}
