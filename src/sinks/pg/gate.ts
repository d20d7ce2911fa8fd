import { createHash } from 'node:crypto';
import { realpathSync, statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { InputError } from '../../errors.js';
import type { Claim, InputGate } from '../../pipeline/ledger.js';
import type { InputItem } from '../../sources/inputs.js';
import type { HttpValidators } from '../../types.js';
import type { Connection } from './connect.js';
import { INPUT_DONE, INPUT_PROGRESS, ONE_VALIDATOR, TRY_LOCK, UNLOCK } from './statements.js';

const POLL_MS = 100;

/**
 * Inputs shared by hosts: an input is read under a PostgreSQL advisory lock on its identity, held by the session
 * (so a host that dies lets go with its connection), and its progress is read under it. A file is identified by
 * its real path, size and modification time, so a file that changes is a new input; a URL by itself, since what it
 * serves changes: it is never done, but a second host finds its validators and gets a 304.
 */
export class PgGate implements InputGate {
  /** The inputs this run holds: their lock keys, and whether they were done already when taken. */
  private readonly held = new Map<string, { readonly key: string; readonly done: boolean }>();

  constructor(
    private readonly data: Connection,
    private readonly locks: Connection,
    private readonly options: {
      readonly lockTimeout: number;
      readonly host: string;
      readonly validators: Map<string, HttpValidators>;
      /** Commits what the run still holds (validators), so the next host to take an input finds it. */
      readonly flush: () => Promise<void>;
    },
  ) {}

  async claim(item: InputItem, beforeWaiting: () => Promise<void>): Promise<Claim | null> {
    const identity = identityOf(item);
    if (identity === null) return null;
    const key = lockKey(identity);
    if (!(await this.tryLock(key))) {
      // Let go of every input this run holds before waiting, so that two hosts never wait for each other.
      await beforeWaiting();
      await this.wait(key, item);
    }
    const row = await this.data.query<{ stories: number; done: boolean }>(
      'reading an input’s progress',
      INPUT_PROGRESS,
      [identity],
    );
    if (item.kind === 'url') await this.refresh(item.url);
    const progress = row.rows[0];
    const done = progress?.done === true && item.kind === 'file';
    this.held.set(identity, { key, done });
    return { identity, done, committed: progress?.stories ?? 0 };
  }

  async release(identity: string, complete: boolean, stories: number): Promise<void> {
    const held = this.held.get(identity);
    if (held === undefined) return;
    await this.options.flush();
    if (complete && !held.done && identity.startsWith('file:'))
      await this.data.query('recording an input as done', INPUT_DONE, [identity, stories, this.options.host]);
    this.held.delete(identity);
    await this.locks.query('releasing an input’s lock', UNLOCK, [held.key], 'wire_unlock');
  }

  private async tryLock(key: string): Promise<boolean> {
    const result = await this.locks.query<{ ok: boolean }>('locking an input', TRY_LOCK, [key], 'wire_try_lock');
    return result.rows[0]?.ok === true;
  }

  private async wait(key: string, item: InputItem): Promise<void> {
    const deadline = Date.now() + this.options.lockTimeout * 1000;
    for (;;) {
      if (Date.now() >= deadline) {
        const name = item.kind === 'file' ? item.path : item.kind === 'url' ? item.url : '-';
        throw new InputError(
          'input-locked',
          `${name}: another host is ingesting it (it holds the input's lock in the database); waited ` +
            `${this.options.lockTimeout} s. It will be done by that host; raise --lock-timeout to wait longer`,
          { input: name },
        );
      }
      await sleep(POLL_MS);
      if (await this.tryLock(key)) return;
    }
  }

  /** Reads a URL's validators again: another host may have fetched it while this one waited. */
  private async refresh(url: string): Promise<void> {
    const found = await this.data.query<{ etag: string | null; last_modified: string | null }>(
      'reading validators',
      ONE_VALIDATOR,
      [url],
    );
    const row = found.rows[0];
    if (row) this.options.validators.set(url, { etag: row.etag, lastModified: row.last_modified });
  }
}

/** An input's identity, or null for standard input (or a file that cannot be looked at: reading it will say why). */
export function identityOf(item: InputItem): string | null {
  if (item.kind === 'url') return `url:${item.url}`;
  if (item.kind !== 'file') return null;
  try {
    const path = realpathSync(item.path);
    const stat = statSync(path);
    return `file:${path}:${stat.size}:${Math.trunc(stat.mtimeMs)}`;
  } catch {
    return null;
  }
}

/** The advisory lock key of an identity: 64 bits of its SHA-256, as a signed bigint in text. */
export function lockKey(identity: string): string {
  return createHash('sha256').update(identity).digest().readBigInt64BE(0).toString();
}
