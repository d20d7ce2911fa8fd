import { unpackCopy, unpackStory } from '../../dedup/pack.js';
import {
  NOTHING_FOUND,
  RECENT_PER_LEAD,
  type DroppedCopy,
  type FingerprintStore,
  type Found,
  type LookupKeys,
  type StoredStory,
} from '../../dedup/store.js';
import { int4Array, int8Array } from './arrays.js';
import type { Connection } from './connect.js';
import { CANDIDATES } from './statements.js';

/** A row of {@link CANDIDATES}: the kind of key that found it (0 lead, 1 spread, 2 exact, 3 dropped copy). */
interface CandidateRow {
  readonly kind: 0 | 1 | 2 | 3;
  readonly key: number;
  readonly seq: number;
  readonly lead: number;
  readonly exact: number;
  readonly version: number;
  readonly data: Buffer;
}

/**
 * Reads the candidates of a batch's keys under the transaction's band locks, as the SQLite store finds them: the
 * newest {@link RECENT_PER_LEAD} with each lead key, the newest with each spread key, older identical bodies under a
 * full lead key, and dropped copies by body.
 */
export async function readCandidates(db: Connection, keys: readonly LookupKeys[]): Promise<Found> {
  if (keys.length === 0) return NOTHING_FOUND;
  const leads = [...new Set(keys.map((k) => k.lead))];
  const spreads = [...new Set(keys.filter((k) => k.spread !== 0).map((k) => k.spread))];
  const pairs = new Map(keys.map((k) => [`${k.lead} ${k.exact}`, k]));
  const exacts = [...new Set(keys.map((k) => k.exact))];
  const found = await db.query<CandidateRow>(
    'reading candidates',
    CANDIDATES,
    [
      int4Array(leads),
      int4Array(spreads),
      int4Array([...pairs.values()].map((k) => k.lead)),
      int8Array([...pairs.values()].map((k) => k.exact)),
      int8Array(exacts),
      RECENT_PER_LEAD,
    ],
    'wire_candidates',
  );
  return foundOf(found.rows);
}

/** The rows grouped by the key that found them, newest first, as the store interface hands them over. */
function foundOf(rows: readonly CandidateRow[]): Found {
  const sorted = [...rows].sort((a, b) => b.seq - a.seq);
  const byLead = new Map<number, StoredStory[]>();
  const bySpread = new Map<number, StoredStory>();
  const byExact = new Map<number, StoredStory[]>();
  const copies = new Map<number, DroppedCopy[]>();
  const seen = new Set<number>();
  for (const row of sorted) {
    if (row.kind === 3) push(copies, row.key, unpackCopy(row));
    else if (row.kind === 1) bySpread.set(row.key, storedOf(row));
    else if (row.kind === 0) push(byLead, row.key, storedOf(row));
    // The same old story asked for by two stories of the batch comes back once.
    else if (!seen.has(row.seq)) {
      seen.add(row.seq);
      push(byExact, row.key, storedOf(row));
    }
  }
  return { byLead, bySpread, byExact, copies };
}

function storedOf(row: CandidateRow): StoredStory {
  return unpackStory(row.lead, row.exact, row.data, row.version);
}

function push<T>(map: Map<number, T[]>, key: number, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The store the deduper asks during one batch: the candidates the transaction read under its band locks.
 * Committing to it keeps the copies the batch dropped, which the transaction writes with the accepted stories.
 */
export class BatchStore implements FingerprintStore {
  found: Found = NOTHING_FOUND;
  copies: readonly DroppedCopy[] = [];

  candidates(): Found {
    return this.found;
  }

  commit(_stories: readonly StoredStory[], _offset: number | null, copies: readonly DroppedCopy[] = []): void {
    // The stories are written by the batch's transaction, from its verdicts.
    this.copies = copies;
  }

  absorbed(): number {
    return 0;
  }

  size(): number {
    return 0;
  }

  close(): void {
    this.found = NOTHING_FOUND;
    this.copies = [];
  }
}
