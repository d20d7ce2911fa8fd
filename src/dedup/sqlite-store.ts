import Database from 'better-sqlite3';
import { StateError, describeError } from '../errors.js';
import type { HttpValidators, ValidatorCache } from '../types.js';
import { isDamage, quarantine, stateError } from './damage.js';
import type { NearSketch } from './sketch.js';
import type { FingerprintStore, StoredStory } from './store.js';
import { packStory, packedId, unpackStory } from './pack.js';

// Bumped when the tables change; an older file is rebuilt from the output (the store is only a cache).
const SCHEMA_VERSION = 3;
// SQLite allows 32766 bound parameters; a few hundred keys a query is where batching stops paying.
const KEYS_PER_QUERY = 500;
// Spread keys are kept to 23 bits (three bytes in SQLite): a few more rows to compare, a byte less per story.
const SPREAD_MASK = 0x7fffff;

/**
 * The embedded fingerprint store: one SQLite file in WAL mode. Sized for millions of stories at about 64 bytes
 * each: stories are keyed by their lead key (a WITHOUT ROWID table, so the key is the row), the spread key only
 * points back to a lead key, and id, exact bits and sketch share one blob (one column header, not three).
 */
export class SqliteStore implements FingerprintStore, ValidatorCache {
  private readonly db: Database.Database;
  private readonly insertStory: Database.Statement<[number, Buffer, number]>;
  private readonly insertSpread: Database.Statement<[number, number]>;
  private readonly setMeta: Database.Statement<[string, number]>;
  private readonly getValidator: Database.Statement<[string], { etag: string | null; last_modified: string | null }>;
  private readonly putValidator: Database.Statement<[string, string | null, string | null]>;
  private readonly lookups = new Map<number, Database.Statement<number[], StoryRow>>();

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
    this.insertStory = this.db.prepare('INSERT OR IGNORE INTO story VALUES (?, ?, ?)');
    this.insertSpread = this.db.prepare('INSERT OR IGNORE INTO spread VALUES (?, ?)');
    this.setMeta = this.db.prepare('INSERT OR REPLACE INTO meta VALUES (?, ?)');
    this.getValidator = this.db.prepare('SELECT etag, last_modified FROM validator WHERE url = ?');
    this.putValidator = this.db.prepare('INSERT OR REPLACE INTO validator VALUES (?, ?, ?)');
  }

  candidates(sketches: readonly NearSketch[]): StoredStory[] {
    return this.guard('read', () => this.find(sketches));
  }

  private find(sketches: readonly NearSketch[]): StoredStory[] {
    const leads = new Set<number>();
    const spreads = new Set<number>();
    for (const s of sketches) {
      leads.add(s.lead);
      spreads.add(s.spread);
    }
    const out = new Map<string, StoredStory>();
    const keys = [...leads];
    for (let i = 0; i < keys.length; i += KEYS_PER_QUERY) this.collect(keys.slice(i, i + KEYS_PER_QUERY), out, null);
    // A row found by its (shortened) spread key is handed back under the full key of the sketch that asked.
    const fullSpread = new Map<number, number>();
    for (const k of spreads) fullSpread.set(k & SPREAD_MASK, k);
    const spreadKeys = [...fullSpread.keys()];
    for (let i = 0; i < spreadKeys.length; i += KEYS_PER_QUERY)
      this.collect(spreadKeys.slice(i, i + KEYS_PER_QUERY), out, fullSpread);
    return [...out.values()];
  }

  private collect(keys: readonly number[], out: Map<string, StoredStory>, spreads: Map<number, number> | null): void {
    for (const row of this.lookup(keys.length, spreads !== null).all(...keys)) {
      const id = packedId(row.data);
      const spread = row.spread === undefined ? 0 : (spreads?.get(row.spread) ?? 0);
      const known = out.get(id);
      if (known && (spread === 0 || known.sketch.spread !== 0)) continue;
      out.set(id, unpackStory(row, spread));
    }
  }

  private lookup(count: number, bySpread: boolean): Database.Statement<number[], StoryRow> {
    const cacheKey = bySpread ? -count : count;
    let statement = this.lookups.get(cacheKey);
    if (!statement) {
      const marks = new Array<string>(count).fill('?').join(',');
      // No LIMIT: cutting a crowded key short (a daily template) could hide the very row a rerun must find.
      statement = this.db.prepare(
        bySpread
          ? `SELECT s.*, p.key AS spread FROM spread p JOIN story s ON s.lead = p.lead WHERE p.key IN (${marks})`
          : `SELECT * FROM story WHERE lead IN (${marks})`,
      );
      this.lookups.set(cacheKey, statement);
    }
    return statement;
  }

  commit(stories: readonly StoredStory[], offset: number | null): void {
    this.guard('update', () => this.write(stories, offset));
  }

  private write(stories: readonly StoredStory[], offset: number | null): void {
    this.db.transaction(() => {
      for (const story of stories) {
        const { lead, spread } = story.sketch;
        this.insertStory.run(lead, packStory(story), story.version);
        if (spread !== 0) this.insertSpread.run(spread & SPREAD_MASK, lead);
      }
      if (offset !== null) this.setMeta.run('absorbed', offset);
    })();
  }

  absorbed(): number {
    return this.guard('read', () => absorbedOf(this.db));
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
    absorbedOf(db);
    db.prepare(
      'SELECT (SELECT count(*) FROM (SELECT 1 FROM story LIMIT 1)) + (SELECT count(*) FROM (SELECT 1 FROM spread LIMIT 1))',
    ).get();
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function absorbedOf(db: Database.Database): number {
  const row = db.prepare("SELECT value FROM meta WHERE name = 'absorbed'").get() as { value: number } | undefined;
  return row?.value ?? 0;
}

/** A row of the story table: `data` is the blob of {@link packStory} (id, exact bits, sketch). */
export interface StoryRow {
  readonly lead: number;
  readonly data: Buffer;
  readonly version: number;
  /** Present (23 bits of it) when the row was found through its spread key. */
  readonly spread?: number;
}

function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version === SCHEMA_VERSION) return;
  db.exec(`
    DROP TABLE IF EXISTS story; DROP TABLE IF EXISTS spread; DROP TABLE IF EXISTS meta;
    CREATE TABLE story (lead INTEGER NOT NULL, data BLOB NOT NULL, version INTEGER NOT NULL,
      PRIMARY KEY (lead, data)) WITHOUT ROWID;
    CREATE TABLE spread (key INTEGER NOT NULL, lead INTEGER NOT NULL, PRIMARY KEY (key, lead)) WITHOUT ROWID;
    CREATE TABLE meta (name TEXT PRIMARY KEY, value) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS validator (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT);
    PRAGMA user_version = ${SCHEMA_VERSION};
  `);
}
