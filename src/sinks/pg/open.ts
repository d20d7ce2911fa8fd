import { hostname } from 'node:os';
import type { DedupMode } from '../../dedup/verdict.js';
import type { HttpValidators } from '../../types.js';
import type { Sink } from '../sink.js';
import { connect, type Connection } from './connect.js';
import { PgGate } from './gate.js';
import { PgEmitter } from './ledger.js';
import { migrate } from './schema.js';
import { ALL_VALIDATORS } from './statements.js';
import type { DbTarget } from './target.js';

/** The database path of a run, open: where records go, the inputs' locks, and the connections behind them. */
export interface OpenLedger {
  readonly emitter: PgEmitter;
  readonly gate: PgGate;
  close(): Promise<void>;
}

/**
 * Connects (twice: one connection for the batches' transactions, one holding the inputs' advisory locks), brings
 * the schema up to date, and reads the HTTP validators. Throws a DatabaseError before anything else happens when
 * the server cannot be reached or refuses us, so no input is read.
 */
export async function openLedger(
  target: DbTarget,
  options: { readonly dedup: DedupMode; readonly duplicates: Sink | null; readonly lockTimeout: number },
): Promise<OpenLedger> {
  // The batches' connection sends a statement without waiting for the answer to the one before (see PgEmitter).
  const data = await connect(target, 'ingest', { pipeline: true });
  let locks: Connection | null = null;
  try {
    await migrate(data);
    // Records over ~2 kB are compressed by the server: lz4 costs a third of the default's time for about the same size.
    await data.query('choosing compression', "SET default_toast_compression = 'lz4'").catch(() => undefined);
    locks = await connect(target, 'ingest locks');
    // A host that vanishes without closing its connections (power lost) must not keep its locks for hours: the
    // server probes an idle lock connection after a minute, and ends a transaction left open for one (the band rows
    // it holds would stop every other host).
    await locks
      .query('setting keepalives', 'SET tcp_keepalives_idle = 60; SET tcp_keepalives_interval = 10')
      .catch(() => undefined);
    await data
      .query('setting timeouts', "SET idle_in_transaction_session_timeout = '60s'; SET tcp_keepalives_idle = 60")
      .catch(() => undefined);
    const validators = new Map<string, HttpValidators>();
    const rows = await data.query<{ url: string; etag: string | null; last_modified: string | null }>(
      'reading validators',
      ALL_VALIDATORS,
    );
    for (const row of rows.rows) validators.set(row.url, { etag: row.etag, lastModified: row.last_modified });
    const host = `${hostname()} ${process.pid}`;
    const emitter = new PgEmitter(data, { dedup: options.dedup, duplicates: options.duplicates, host, validators });
    const gate = new PgGate(data, locks, {
      lockTimeout: options.lockTimeout,
      host,
      validators,
      flush: () => emitter.checkpoint(),
    });
    const held = locks;
    return {
      emitter,
      gate,
      close: async () => {
        await held.close();
        await data.close();
      },
    };
  } catch (error) {
    await locks?.close();
    await data.close();
    throw error;
  }
}
