import Database from 'better-sqlite3';
import { StateError, describeError } from '../errors.js';
import type { HttpValidators, ValidatorCache } from '../types.js';
import { isDamage, quarantine, stateError } from './damage.js';
import { packCopy, packStory, unpackCopy, unpackStory, type PackedRow } from './pack.js';
import {
  RECENT_PER_LEAD,
  type DroppedCopy,
  type FingerprintStore,
  type Found,
  type LookupKeys,
  type StoredStory,
} from './store.js';

// Bumped when the tables change; an older file is rebuilt from the output (the store is only a cache).
const SCHEMA_VERSION = 4;

/**
 * The embedded fingerprint store: one SQLite file in WAL mode. Stories are kept by lead key in the order they were
 * written (`seq`, counted across runs), so that the newest few with a lead key are one short range of one table
 * however many share it; an index on the exact bits finds identical bodies past those few (a rerun of an old
 * variant of a template), and the spread table names the newest story with each spread key. Dropped copies are
 * kept by their exact bits, so that the same text sent again is dropped as it was.
 */
export class SqliteStore implements FingerprintStore, ValidatorCache {
  private readonly db: Database.Database;
  private readonly insertStory: Database.Statement<[number, number, number, Buffer, number]>;
  private readonly insertSpread: Database.Statement<[number, number, number]>;
  private readonly setMeta: Database.Statement<[string, number]>;
  private readonly getValidator: Database.Statement<[string], { etag: string | null; last_modified: string | null }>;
  private readonly putValidator: Database.Statement<[string, string | null, string | null]>;
  private readonly newestByLead: Database.Statement<[string], PackedRow>;
  private readonly newestBySpread: Database.Statement<[string], PackedRow & { key: number }>;
  private readonly byExact: Database.Statement<[string], PackedRow>;
  private readonly insertCopy: Database.Statement<[number, Buffer]>;
  private readonly copiesOf: Database.Statement<[string], { exact: number; data: Buffer }>;
  // The order the next committed story gets.
  private seq: number;

  /**
   * Why the file found at `path` was set aside (SQLite found it damaged), or null. Set when a damaged file was
   * replaced by a new store at open, or found damaged later (then this store cannot be used any more).
   */
  damaged: string | null = null;

  /** Opens the store at `path`, or creates it; a file SQLite finds damaged is moved aside and a new one made. */
  constructor(readonly path: string) {
    let db: Database.Database;
    try {
      db = openDatabase(path);
    } catch (error) {
      if (!isDamage(error) || path === ':memory:') throw stateError(path, 'open', error);
      this.damaged = `${describeError(error)}; moved it to ${quarantine(path)}`;
      try {
        db = openDatabase(path);
      } catch (again) {
        throw stateError(path, 'open', again);
      }
    }
    this.db = db;
    this.seq = metaOf(db, 'seq');
    this.insertStory = db.prepare('INSERT INTO story VALUES (?, ?, ?, ?, ?)');
    this.insertSpread = db.prepare('INSERT OR REPLACE INTO spread VALUES (?, ?, ?)');
    this.setMeta = db.prepare('INSERT OR REPLACE INTO meta VALUES (?, ?)');
    this.getValidator = db.prepare('SELECT etag, last_modified FROM validator WHERE url = ?');
    this.putValidator = db.prepare('INSERT OR REPLACE INTO validator VALUES (?, ?, ?)');
    // For each lead key, the rows from its RECENT_PER_LEAD-th newest on: one short range of the primary key.
    this.newestByLead = db.prepare(
      `SELECT s.lead, s.exact, s.data, s.version FROM json_each(?) j JOIN story s ON s.lead = j.value AND s.seq >=
        coalesce((SELECT m.seq FROM story m WHERE m.lead = j.value ORDER BY m.seq DESC LIMIT 1 OFFSET ${RECENT_PER_LEAD - 1}), 0)
       ORDER BY s.lead, s.seq DESC`,
    );
    this.newestBySpread = db.prepare(
      `SELECT p.key, s.lead, s.exact, s.data, s.version FROM json_each(?) j JOIN spread p ON p.key = j.value
       JOIN story s ON s.lead = p.lead AND s.seq = p.seq`,
    );
    this.insertCopy = db.prepare('INSERT OR IGNORE INTO copy VALUES (?, ?)');
    this.copiesOf = db.prepare('SELECT exact, data FROM copy WHERE exact IN (SELECT value FROM json_each(?))');
    this.byExact = db.prepare(
      `SELECT s.lead, s.exact, s.data, s.version FROM story s WHERE s.exact IN (SELECT value FROM json_each(?))
       ORDER BY s.seq DESC`,
    );
  }

  candidates(keys: readonly LookupKeys[]): Found {
    return this.guard('read', () => this.find(keys));
  }

  private find(keys: readonly LookupKeys[]): Found {
    const byLead = new Map<number, StoredStory[]>();
    for (const row of this.newestByLead.all(distinct(keys.map((k) => k.lead))))
      push(byLead, row.lead, unpackStory(row));
    const bySpread = new Map<number, StoredStory>();
    const spreads = keys.filter((k) => k.spread !== 0).map((k) => k.spread);
    if (spreads.length > 0)
      for (const row of this.newestBySpread.all(distinct(spreads))) bySpread.set(row.key, unpackStory(row));
    // Identical bodies share the lead key: only a full list can have left one out.
    const full = keys.filter((k) => (byLead.get(k.lead)?.length ?? 0) >= RECENT_PER_LEAD).map((k) => k.exact);
    const byExact = new Map<number, StoredStory[]>();
    if (full.length > 0) for (const row of this.byExact.all(distinct(full))) push(byExact, row.exact, unpackStory(row));
    const copies = new Map<number, DroppedCopy[]>();
    for (const row of this.copiesOf.all(distinct(keys.map((k) => k.exact)))) push(copies, row.exact, unpackCopy(row));
    return { byLead, bySpread, byExact, copies };
  }

  commit(stories: readonly StoredStory[], offset: number | null, copies: readonly DroppedCopy[] = []): void {
    this.guard('update', () => this.write(stories, offset, copies));
  }

  private write(stories: readonly StoredStory[], offset: number | null, copies: readonly DroppedCopy[]): void {
    let seq = this.seq;
    this.db.transaction(() => {
      for (const story of stories) {
        const { lead, spread } = story.sketch;
        seq++;
        this.insertStory.run(lead, seq, story.exact, packStory(story), story.version);
        if (spread !== 0) this.insertSpread.run(spread, lead, seq);
      }
      for (const copy of copies) this.insertCopy.run(copy.exact, packCopy(copy));
      this.setMeta.run('seq', seq);
      if (offset !== null) this.setMeta.run('absorbed', offset);
    })();
    this.seq = seq;
  }

  absorbed(): number {
    return this.guard('read', () => metaOf(this.db, 'absorbed'));
  }

  size(): number {
    return this.guard('read', () => (this.db.prepare('SELECT count(*) AS n FROM story').get() as { n: number }).n);
  }

  get(url: string): HttpValidators | null {
    const row = this.guard('read', () => this.getValidator.get(url));
    return row ? { etag: row.etag, lastModified: row.last_modified } : null;
  }

  put(url: string, validators: HttpValidators): void {
    this.guard('update', () => this.putValidator.run(url, validators.etag, validators.lastModified));
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

/** Opens (or creates) the database and reads a little of each table, so that a damaged file shows at once. */
function openDatabase(path: string): Database.Database {
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    // A kill -9 loses no committed transaction in WAL mode; NORMAL only risks the last ones on power loss, and the
    // output file is fsynced first, so the store can only lag the output, which the next run repairs.
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    // 8 MB of page cache: the interior pages of both trees at a million stories, and the rest left to the OS cache,
    // so that a bulk run stays within its memory bar (a larger cache or mmap measured no faster lookups).
    db.pragma('cache_size = -8192');
    migrate(db);
    metaOf(db, 'absorbed');
    db.prepare(
      'SELECT (SELECT count(*) FROM (SELECT 1 FROM story LIMIT 1)) + (SELECT count(*) FROM (SELECT 1 FROM spread LIMIT 1))',
    ).get();
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function metaOf(db: Database.Database, name: string): number {
  const row = db.prepare('SELECT value FROM meta WHERE name = ?').get(name) as { value: number } | undefined;
  return row?.value ?? 0;
}

/** The keys as a JSON array for `json_each`, each once. */
function distinct(keys: readonly number[]): string {
  return JSON.stringify([...new Set(keys)]);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version === SCHEMA_VERSION) return;
  db.exec(`
    DROP TABLE IF EXISTS story; DROP TABLE IF EXISTS spread; DROP TABLE IF EXISTS copy; DROP TABLE IF EXISTS meta;
    CREATE TABLE story (lead INTEGER NOT NULL, seq INTEGER NOT NULL, exact INTEGER NOT NULL, data BLOB NOT NULL,
      version INTEGER NOT NULL, PRIMARY KEY (lead, seq)) WITHOUT ROWID;
    CREATE INDEX story_exact ON story (exact);
    CREATE TABLE spread (key INTEGER PRIMARY KEY, lead INTEGER NOT NULL, seq INTEGER NOT NULL);
    CREATE TABLE copy (exact INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (exact, data)) WITHOUT ROWID;
    CREATE TABLE meta (name TEXT PRIMARY KEY, value) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS validator (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT);
    PRAGMA user_version = ${SCHEMA_VERSION};
  `);
}
