import { Deduper } from '../../dedup/deduper.js';
import { packCopy, packStory } from '../../dedup/pack.js';
import { exactKey, lookupKeys, type StoredStory } from '../../dedup/store.js';
import type { DedupMode, Verdict } from '../../dedup/verdict.js';
import type { DedupItem } from '../../dedup/deduper.js';
import { dedupItem, patch, type Emitted } from '../../pipeline/emit.js';
import { Breaker, type BatchEmitter, type InputProgress } from '../../pipeline/ledger.js';
import type { EmittedBatch, HttpValidators, ValidatorCache } from '../../types.js';
import type { Sink } from '../sink.js';
import type { Connection } from './connect.js';
import { BatchStore, readCandidates } from './candidates.js';
import { byteaArray, int4Array, int8Array, jsonArray, textArray } from './arrays.js';
import { LOCK_BANDS, WRITE_BATCH } from './statements.js';

/** What the database ledger needs besides its connection. */
export interface LedgerOptions {
  readonly dedup: DedupMode;
  /** Where dropped duplicates go (`--duplicates FILE`), written once their batch is committed. */
  readonly duplicates: Sink | null;
  /** Who writes, as recorded with an input's progress: `host pid`. */
  readonly host: string;
  /** HTTP validators read at open; the gate refreshes a URL's before it is fetched. */
  readonly validators: Map<string, HttpValidators>;
}

/** The last record a commit wrote, as an export cursor (`txid.seq`), or null. */
export type Cursor = string | null;

/**
 * The end of the pipeline on the database path: one transaction per batch holds the dedup decision (the batch's
 * band rows locked in sorted order, so a host deciding a story sees every story another host committed under the
 * same keys), the records, their fingerprints, the input's progress and HTTP validators. A batch is committed whole
 * or not at all, so a run killed anywhere leaves every story once, and the next run goes on. The decisions are the
 * SQLite path's: the same {@link Deduper}, given the candidates this transaction read.
 */
export class PgEmitter implements BatchEmitter, ValidatorCache {
  private readonly deduper: Deduper;
  private readonly batchStore = new BatchStore();
  private validatorsDue: Array<readonly [string, HttpValidators]> = [];
  private readonly breaker = new Breaker();
  /** A batch's transaction is mostly the server's work: the run parses the next batch meanwhile. */
  readonly overlaps = true;
  /** The cursor of the last record written by this run. */
  cursor: Cursor = null;

  constructor(
    private readonly db: Connection,
    private readonly options: LedgerOptions,
  ) {
    this.deduper = new Deduper(options.dedup, this.batchStore);
  }

  get failed(): boolean {
    return this.breaker.failed;
  }

  async emit(batch: EmittedBatch, progress?: InputProgress): Promise<Emitted> {
    if (batch.keys.length === 0) return { stories: 0, duplicates: 0, versions: 0 };
    return this.breaker.guard(() => this.transaction(batch, progress ?? null));
  }

  remember(url: string, validators: HttpValidators): void {
    this.options.validators.set(url, validators);
    this.validatorsDue.push([url, validators]);
  }

  get(url: string): HttpValidators | null {
    return this.options.validators.get(url) ?? null;
  }

  put(url: string, validators: HttpValidators): void {
    this.remember(url, validators);
  }

  /** Commits validators still due (every batch is committed as it is written). */
  async checkpoint(): Promise<void> {
    if (this.validatorsDue.length === 0 || this.breaker.failed) return;
    await this.breaker.guard(() => this.transaction({ keys: [], bytes: new Uint8Array(0), ends: [] }, null));
  }

  /**
   * One batch, one transaction, in two round trips: the connection sends each statement without waiting for the
   * answer to the one before, and the server runs them in order. BEGIN, the band locks and the candidates' read go
   * together (the read starts once the locks are held, so it sees every story committed under them); the batch is
   * decided here; then the write and COMMIT go together. A statement that fails aborts the transaction: what follows
   * it is not run (COMMIT rolls back), and the failure is thrown.
   */
  private async transaction(batch: EmittedBatch, progress: InputProgress | null): Promise<Emitted> {
    const items = batch.keys.map(dedupItem);
    const doing = 'writing a batch';
    try {
      const begin = this.db.query(doing, 'BEGIN');
      if (this.options.dedup !== 'off' && items.length > 0) {
        const keys = items.map((item) => lookupKeys(item.sketch, item.exact));
        const [, , found] = await Promise.all([
          begin,
          this.db.query('locking the batch’s bands', LOCK_BANDS, [int8Array(bandsOf(items))], 'wire_lock_bands'),
          readCandidates(this.db, keys),
        ]);
        this.batchStore.found = found;
      } else await begin;
      const verdicts = this.deduper.decide(items);
      // The run's own index is not needed past the batch: what it accepted is in the database from now on.
      this.deduper.commit(null);
      const copies = this.batchStore.copies;
      this.batchStore.close();
      const written = kept(batch, items, verdicts);
      const due = this.validatorsDue;
      const { stories } = written;
      const [result] = await Promise.all([
        this.db.query<{ n: number; seq: string | null; txid: string }>(
          doing,
          WRITE_BATCH,
          [
            textArray(written.ids),
            int4Array(written.versions),
            textArray(written.replaces),
            int4Array(stories.map((s) => s.sketch.lead)),
            int4Array(stories.map((s) => s.sketch.spread)),
            int4Array(stories.map((s) => s.version)),
            byteaArray(stories.map(packStory)),
            int8Array(stories.map((s) => s.exact)),
            int8Array(copies.map((c) => c.exact)),
            byteaArray(copies.map(packCopy)),
            progress?.identity ?? null,
            progress?.stories ?? 0,
            this.options.host,
            textArray(due.map(([url]) => url)),
            textArray(due.map(([, v]) => v.etag)),
            textArray(due.map(([, v]) => v.lastModified)),
            // The records last: node-postgres grows its message buffer by half as much again for each parameter
            // that does not fit, so every parameter after a large one copied the whole message so far again.
            jsonArray(written.records),
          ],
          'wire_write_batch',
        ),
        this.db.query('committing a batch', 'COMMIT'),
      ]);
      this.validatorsDue = this.validatorsDue.slice(due.length);
      const row = result.rows[0];
      if (row?.seq != null) this.cursor = `${row.txid}.${row.seq}`;
      for (const line of written.duplicates) await this.options.duplicates?.write(line);
      return written.counts;
    } catch (error) {
      await this.db.client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }
}

/** A batch's band lock keys, sorted: lead keys even, spread keys odd. */
function bandsOf(items: readonly DedupItem[]): number[] {
  const bands = new Set<number>();
  for (const { sketch } of items) {
    bands.add((sketch.lead >>> 0) * 2);
    if (sketch.spread !== 0) bands.add((sketch.spread >>> 0) * 2 + 1);
  }
  return [...bands].sort((a, b) => a - b);
}

/** What a batch writes: the kept records (JSON texts), their fingerprints, and the duplicates' lines. */
interface Written {
  readonly ids: string[];
  readonly versions: number[];
  readonly replaces: Array<string | null>;
  readonly records: Uint8Array[];
  readonly stories: StoredStory[];
  readonly duplicates: Uint8Array[];
  readonly counts: Emitted;
}

function kept(batch: EmittedBatch, items: readonly DedupItem[], verdicts: readonly Verdict[]): Written {
  const written: Written = {
    ids: [],
    versions: [],
    replaces: [],
    records: [],
    stories: [],
    duplicates: [],
    counts: { stories: 0, duplicates: 0, versions: 0 },
  };
  let stories = 0;
  let duplicates = 0;
  let versions = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const start = i === 0 ? 0 : (batch.ends[i - 1] ?? 0);
    const line = batch.bytes.subarray(start, batch.ends[i] ?? start);
    const verdict = verdicts[i] ?? { kind: 'new' };
    if (verdict.kind === 'duplicate') {
      duplicates++;
      written.duplicates.push(patch(line, { duplicate_of: verdict.of, similarity: verdict.similarity }));
      continue;
    }
    stories++;
    const version = verdict.kind === 'version' ? verdict.version : 1;
    if (verdict.kind === 'version') versions++;
    const record = verdict.kind === 'version' ? patch(line, { version, replaces: verdict.replaces }) : line;
    // The line without its newline: the record's JSON text.
    written.records.push(record.subarray(0, record.length - 1));
    written.ids.push(item.id);
    written.versions.push(version);
    written.replaces.push(verdict.kind === 'version' ? verdict.replaces : null);
    written.stories.push({ id: item.id, exact: exactKey(item.exact), version, sketch: item.sketch });
  }
  return { ...written, counts: { stories, duplicates, versions } };
}
