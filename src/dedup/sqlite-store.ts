import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type Sqlite from 'better-sqlite3';
import { StateError, describeError } from '../errors.js';
import type { HttpValidators, ValidatorCache } from '../types.js';
import { isDamage, quarantine, stateError } from './damage.js';
import { packCopy, packStory, unpackCopy } from './pack.js';
import { StoredFilter } from './sqlite-filter.js';
import { grouped, readRows } from './sqlite-rows.js';
import { migrate, prepare, type Statements } from './sqlite-tables.js';
import {
  RECENT_PER_LEAD,
  type DroppedCopy,
  type FingerprintStore,
  type Found,
  type LookupKeys,
  type StoredStory,
} from './store.js';

// better-sqlite3 is CommonJS. Required as such it loads in half the time of an ES import (for which Node parses the
// package for its exports), and with its compiled addon named it skips the search of a dozen places that the
// `bindings` package makes for it: about 12 ms of every run's start-up together.
const load = createRequire(import.meta.url);
const Database = load('better-sqlite3') as typeof Sqlite;
const ADDON = join(dirname(load.resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');
const OPTIONS: Sqlite.Options = existsSync(ADDON) ? { nativeBinding: ADDON } : {};

/**
 * The embedded fingerprint store: one SQLite file in WAL mode (tables in sqlite-tables.ts). A lookup reads a bounded
 * number of rows for each story however large the state or however often a template has been re-sent: the newest
 * few with its lead key, the newest with its spread key, identical bodies (only when the lead key's list is full) and
 * dropped copies with its body; and it asks only for the keys the key filter says may be there (sqlite-filter.ts).
 */
export class SqliteStore implements FingerprintStore, ValidatorCache {
  private readonly db: Sqlite.Database;
  private readonly sql: Statements;
  private readonly filter: StoredFilter;
  // The order the next committed story gets.
  private seq: number;

  /**
   * Why the file found at `path` was set aside (SQLite found it damaged), or null. Set when a damaged file was
   * replaced by a new store at open, or found damaged later (then this store cannot be used any more).
   */
  damaged: string | null = null;

  /** Opens the store at `path`, or creates it; a file SQLite finds damaged is moved aside and a new one made. */
  constructor(readonly path: string) {
    let opened: Opened;
    try {
      opened = openDatabase(path);
    } catch (error) {
      if (!isDamage(error) || path === ':memory:') throw stateError(path, 'open', error);
      this.damaged = `${describeError(error)}; moved it to ${quarantine(path)}`;
      try {
        opened = openDatabase(path);
      } catch (again) {
        throw stateError(path, 'open', again);
      }
    }
    ({ db: this.db, filter: this.filter } = opened);
    this.sql = prepare(this.db);
    this.seq = metaOf(this.db, 'seq');
  }

  candidates(keys: readonly LookupKeys[]): Found {
    // One read transaction for the batch's statements: one snapshot of the file, and its locks taken once.
    return this.guard('read', () => this.db.transaction(() => this.find(keys))());
  }

  private find(keys: readonly LookupKeys[]): Found {
    const filter = this.filter.current();
    // Only the keys that may be stored are asked for: a new story's are in no table.
    const leads = new Set<number>();
    const spreads = new Set<number>();
    const exacts = new Set<number>();
    for (const { lead, spread, exact } of keys) {
      if (filter.mayHave('lead', lead)) leads.add(lead);
      if (spread !== 0 && filter.mayHave('spread', spread)) spreads.add(spread);
      if (filter.mayHave('exact', exact)) exacts.add(exact);
    }
    const { sql } = this;
    const byLead =
      leads.size > 0 ? grouped(readRows(sql.byLead.get(JSON.stringify([...leads])) ?? null, 'lead')) : NONE;
    const bySpread = new Map<number, StoredStory>();
    if (spreads.size > 0)
      for (const row of readRows(sql.bySpread.get(JSON.stringify([...spreads])) ?? null, 'own'))
        bySpread.set(row.key, row.story);
    // Identical bodies share the lead key: only a full list can have had one pushed out to the archive.
    const full = new Map<string, readonly [number, number]>();
    for (const { lead, exact } of keys)
      if (exacts.has(exact) && (byLead.get(lead)?.length ?? 0) >= RECENT_PER_LEAD)
        full.set(`${lead} ${exact}`, [lead, exact]);
    const byExact =
      full.size > 0 ? grouped(readRows(sql.byExact.get(JSON.stringify([...full.values()])) ?? null, 'exact')) : NONE;
    const copies = new Map<number, DroppedCopy[]>();
    if (exacts.size > 0)
      for (const row of sql.copies.all(JSON.stringify([...exacts]))) {
        const list = copies.get(row.exact);
        if (list) list.push(unpackCopy(row));
        else copies.set(row.exact, [unpackCopy(row)]);
      }
    return { byLead, bySpread, byExact, copies };
  }

  commit(stories: readonly StoredStory[], offset: number | null, copies: readonly DroppedCopy[] = []): void {
    this.guard('update', () => this.write(stories, offset, copies));
  }

  private write(stories: readonly StoredStory[], offset: number | null, copies: readonly DroppedCopy[]): void {
    const { sql } = this;
    const first = this.seq + 1;
    const transaction = this.db.transaction(() => {
      const filter = this.filter.current();
      stories.forEach((story, i) => {
        const { lead, spread } = story.sketch;
        sql.insertStory.run(lead, first + i, story.exact, packStory(story), story.version);
        if (spread !== 0) sql.insertSpread.run(spread, lead, first + i, story.exact);
      });
      // Each lead key keeps its newest few in `story`; older ones move to the archive. Only a lead key stored before
      // (the filter may have it) or sent more than that many times now can have more.
      const sent = new Map<number, number>();
      for (const story of stories) sent.set(story.sketch.lead, (sent.get(story.sketch.lead) ?? 0) + 1);
      for (const [lead, times] of sent) {
        if (times <= RECENT_PER_LEAD && !filter.mayHave('lead', lead)) continue;
        const newest = sql.beyondNewest.get(lead)?.seq;
        if (newest === undefined) continue;
        sql.archive.run(lead, newest);
        sql.unlist.run(lead, newest);
      }
      for (const copy of copies) sql.insertCopy.run(copy.exact, packCopy(copy));
      this.filter.note(stories, copies);
      sql.setMeta.run('seq', first + stories.length - 1);
      if (offset !== null) sql.setMeta.run('absorbed', offset);
    });
    try {
      // IMMEDIATE: the write lock first, so that the filter read at its start is the file's latest (a deferred
      // transaction that read first could not write after another connection's commit).
      transaction.immediate();
    } catch (error) {
      // The filter in memory may hold keys the file does not: it is read again.
      this.filter.forget();
      throw error;
    }
    this.seq += stories.length;
  }

  absorbed(): number {
    return this.guard('read', () => metaOf(this.db, 'absorbed'));
  }

  size(): number {
    const count = 'SELECT (SELECT count(*) FROM story) + (SELECT count(*) FROM archive) AS n';
    return this.guard('read', () => (this.db.prepare(count).get() as { n: number }).n);
  }

  get(url: string): HttpValidators | null {
    const row = this.guard('read', () => this.sql.getValidator.get(url));
    return row ? { etag: row.etag, lastModified: row.last_modified } : null;
  }

  put(url: string, validators: HttpValidators): void {
    this.guard('update', () => this.sql.putValidator.run(url, validators.etag, validators.lastModified));
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /**
   * Runs a query, turning SQLite's errors into StateErrors. A page found damaged now (SQLite checks pages as it
   * reads them) makes the file useless: it is closed and moved aside, and the next run builds a new one.
   */
  private guard<T>(doing: 'read' | 'update', work: () => T): T {
    try {
      return work();
    } catch (error) {
      if (!isDamage(error) || this.path === ':memory:') throw stateError(this.path, doing, error);
      this.close();
      this.damaged = `${describeError(error)}; moved it to ${quarantine(this.path)}`;
      throw new StateError(
        `the dedup state ${this.path} is damaged (${this.damaged}); the next run rebuilds it from the output`,
        { cause: error },
      );
    }
  }
}

interface Opened {
  readonly db: Sqlite.Database;
  readonly filter: StoredFilter;
}

/**
 * Opens (or creates) the database, reads its key filter and a little of each table, so that a damaged file shows at
 * once.
 */
function openDatabase(path: string): Opened {
  const db = new Database(path, OPTIONS);
  try {
    db.pragma('journal_mode = WAL');
    // A kill -9 loses no committed transaction in WAL mode; NORMAL only risks the last ones on power loss, and the
    // output file is fsynced first, so the store can only lag the output, which the next run repairs.
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    // 8 MB of page cache: the interior pages of the trees at a million stories, and the rest left to the OS cache,
    // so that a bulk run stays within its memory bar (memory-mapping the file made lookups a third faster, but the
    // pages it maps count in the run's memory: a store of a million stories is 90 MB).
    db.pragma('cache_size = -8192');
    // The WAL is copied into the file once it holds 10,000 pages (40 MB), not SQLite's 1,000: a commit of a few
    // thousand stories to a large store writes more than 1,000 pages, so every commit was copied at once, and a page
    // written again before the copy is copied once (commits to a store of 100,000 stories: a third less CPU).
    db.pragma('wal_autocheckpoint = 10000');
    migrate(db);
    metaOf(db, 'absorbed');
    db.prepare(
      'SELECT (SELECT count(*) FROM (SELECT 1 FROM story LIMIT 1)) + (SELECT count(*) FROM (SELECT 1 FROM spread LIMIT 1))',
    ).get();
    const filter = new StoredFilter(db);
    filter.current();
    return { db, filter };
  } catch (error) {
    db.close();
    throw error;
  }
}

function metaOf(db: Sqlite.Database, name: string): number {
  const row = db.prepare('SELECT value FROM meta WHERE name = ?').get(name) as { value: number } | undefined;
  return row?.value ?? 0;
}

const NONE: ReadonlyMap<number, readonly StoredStory[]> = new Map();
