import type Database from 'better-sqlite3';
import { rowsAsHex } from './sqlite-rows.js';
import { RECENT_PER_LEAD } from './store.js';

// Bumped when the tables change. A file of the version before is migrated; an older one is rebuilt from the output
// (the store is only a cache).
const SCHEMA_VERSION = 5;

// The key filter's tables, made afresh: one found in a file without them in its version is stale (an older wire
// rebuilt a newer file, and dropped only the tables it knew).
const KEY_FILTER = `DROP TABLE IF EXISTS keyfilter; DROP TABLE IF EXISTS keylog;
  CREATE TABLE keyfilter (part INTEGER PRIMARY KEY, bits BLOB NOT NULL);
  CREATE TABLE keylog (id INTEGER PRIMARY KEY, hashes BLOB NOT NULL)`;

/**
 * The store's tables. `story` holds the newest {@link RECENT_PER_LEAD} stories of each lead key, by lead key and
 * order (`seq`, counted across runs): a lead key is one short range however many stories have had it. A story
 * pushed out of that range moves to `archive`, kept by lead key and exact bits (so a template's old variants lie
 * together, and moving them touches few pages), where only an identical body is looked for (an old variant sent
 * again). `spread` names the newest story with each spread key, wherever it lies; `copy` keeps dropped copies by
 * their exact bits; `keyfilter` and `keylog` say which keys are in none of them (sqlite-filter.ts).
 */
export function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version === SCHEMA_VERSION) return;
  // Version 4 had all but the key filter, which is built from the keys on opening.
  if (version === 4) {
    db.transaction(() => db.exec(`${KEY_FILTER}; PRAGMA user_version = ${SCHEMA_VERSION};`))();
    return;
  }
  db.exec(`
    DROP TABLE IF EXISTS story; DROP TABLE IF EXISTS archive; DROP TABLE IF EXISTS spread; DROP TABLE IF EXISTS copy;
    DROP TABLE IF EXISTS meta;
    CREATE TABLE story (lead INTEGER NOT NULL, seq INTEGER NOT NULL, exact INTEGER NOT NULL, data BLOB NOT NULL,
      version INTEGER NOT NULL, PRIMARY KEY (lead, seq)) WITHOUT ROWID;
    CREATE TABLE archive (lead INTEGER NOT NULL, exact INTEGER NOT NULL, seq INTEGER NOT NULL, data BLOB NOT NULL,
      version INTEGER NOT NULL, PRIMARY KEY (lead, exact, seq)) WITHOUT ROWID;
    CREATE TABLE spread (key INTEGER PRIMARY KEY, lead INTEGER NOT NULL, seq INTEGER NOT NULL, exact INTEGER NOT NULL);
    CREATE TABLE copy (exact INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (exact, data)) WITHOUT ROWID;
    CREATE TABLE meta (name TEXT PRIMARY KEY, value) WITHOUT ROWID;
    ${KEY_FILTER};
    CREATE TABLE IF NOT EXISTS validator (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT);
    PRAGMA user_version = ${SCHEMA_VERSION};
  `);
}

/**
 * The store's prepared statements; those that take `?` lists take a JSON array of keys (for `json_each`); the
 * lookups return all their rows as one value (see sqlite-rows.ts).
 */
export interface Statements {
  readonly insertStory: Database.Statement<[number, number, number, Buffer, number]>;
  readonly insertSpread: Database.Statement<[number, number, number, number]>;
  readonly insertCopy: Database.Statement<[number, Buffer]>;
  /** The rows of a lead key past its newest few, oldest last; and how to move them to the archive. */
  readonly beyondNewest: Database.Statement<[number], { seq: number }>;
  readonly archive: Database.Statement<[number, number]>;
  readonly unlist: Database.Statement<[number, number]>;
  readonly setMeta: Database.Statement<[string, number]>;
  readonly byLead: Database.Statement<[string], string | null>;
  readonly bySpread: Database.Statement<[string], string | null>;
  readonly byExact: Database.Statement<[string], string | null>;
  readonly copies: Database.Statement<[string], { exact: number; data: Buffer }>;
  readonly getValidator: Database.Statement<[string], { etag: string | null; last_modified: string | null }>;
  readonly putValidator: Database.Statement<[string, string | null, string | null]>;
}

// A spread key's story, from `story` or the archive.
const SPREAD_ROW = {
  seq: 'p.seq',
  lead: 'p.lead',
  exact: 'p.exact',
  version: 'coalesce(s.version, a.version)',
  data: 'coalesce(s.data, a.data)',
};

export function prepare(db: Database.Database): Statements {
  return {
    insertStory: db.prepare('INSERT INTO story VALUES (?, ?, ?, ?, ?)'),
    insertSpread: db.prepare('INSERT OR REPLACE INTO spread VALUES (?, ?, ?, ?)'),
    insertCopy: db.prepare('INSERT OR IGNORE INTO copy VALUES (?, ?)'),
    beyondNewest: db.prepare(
      `SELECT seq FROM story WHERE lead = ? ORDER BY seq DESC LIMIT -1 OFFSET ${RECENT_PER_LEAD}`,
    ),
    archive: db.prepare(
      'INSERT INTO archive SELECT lead, exact, seq, data, version FROM story WHERE lead = ? AND seq <= ?',
    ),
    unlist: db.prepare('DELETE FROM story WHERE lead = ? AND seq <= ?'),
    setMeta: db.prepare('INSERT OR REPLACE INTO meta VALUES (?, ?)'),
    byLead: db
      .prepare<[string], string | null>(
        `SELECT ${rowsAsHex('s')} FROM story s WHERE s.lead IN (SELECT value FROM json_each(?))`,
      )
      .pluck(),
    // The newest story with a spread key: still among its lead key's newest, or in the archive.
    bySpread: db
      .prepare<[string], string | null>(
        `SELECT ${rowsAsHex(SPREAD_ROW, 'p.key')} FROM spread p
         LEFT JOIN story s ON s.lead = p.lead AND s.seq = p.seq
         LEFT JOIN archive a ON s.lead IS NULL AND a.lead = p.lead AND a.exact = p.exact AND a.seq = p.seq
         WHERE p.key IN (SELECT value FROM json_each(?)) AND coalesce(s.data, a.data) IS NOT NULL`,
      )
      .pluck(),
    byExact: db
      .prepare<[string], string | null>(
        `SELECT ${rowsAsHex('a')} FROM json_each(?) j JOIN archive a ON a.lead = j.value ->> 0 AND a.exact = j.value ->> 1`,
      )
      .pluck(),
    copies: db.prepare('SELECT exact, data FROM copy WHERE exact IN (SELECT value FROM json_each(?))'),
    getValidator: db.prepare('SELECT etag, last_modified FROM validator WHERE url = ?'),
    putValidator: db.prepare('INSERT OR REPLACE INTO validator VALUES (?, ?, ?)'),
  };
}
