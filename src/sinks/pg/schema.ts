import { DatabaseError } from '../../errors.js';
import { packageVersion } from '../../package-file.js';
import type { Connection } from './connect.js';
import { rebuildStories } from './rebuild.js';
import { where } from './target.js';

/**
 * The database's tables, in the `wire` schema, as a list of migrations: a database at version N gets N+1.. applied
 * in one transaction when a newer wire first opens it; an older wire refuses a newer schema rather than write rows
 * it does not understand. Each step only adds, so hosts on the new version and old rows live together.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: records (the output), stories (fingerprints), bands (the rows a batch locks), validators.
  `CREATE TABLE wire.records (
     txid xid8 NOT NULL DEFAULT pg_current_xact_id(),
     seq bigint GENERATED ALWAYS AS IDENTITY,
     id text NOT NULL,
     version integer NOT NULL,
     replaces text,
     written_at timestamptz NOT NULL DEFAULT now(),
     record json NOT NULL,
     PRIMARY KEY (txid, seq)
   );
   CREATE TABLE wire.stories (
     seq bigint GENERATED ALWAYS AS IDENTITY,
     lead integer NOT NULL,
     spread integer NOT NULL,
     version integer NOT NULL,
     data bytea NOT NULL
   );
   CREATE INDEX stories_lead ON wire.stories (lead, seq);
   CREATE INDEX stories_spread ON wire.stories (spread, seq) WHERE spread <> 0;
   CREATE TABLE wire.bands (key bigint PRIMARY KEY);
   CREATE TABLE wire.validators (
     url text PRIMARY KEY,
     etag text,
     last_modified text,
     updated_at timestamptz NOT NULL DEFAULT now()
   );`,
  // 2: inputs: which host has read how far into which input, and which are done.
  `CREATE TABLE wire.inputs (
     identity text PRIMARY KEY,
     stories integer NOT NULL DEFAULT 0,
     done boolean NOT NULL DEFAULT false,
     host text,
     updated_at timestamptz NOT NULL DEFAULT now()
   );`,
  // 3: bounded candidates (docs/dedup.md): a story's exact bits as a column, found by lead key and exact bits; the
  // copies dropped, by body; fingerprints of the new layout, filled again from the records (rebuildStories).
  `TRUNCATE wire.stories;
   ALTER TABLE wire.stories ADD COLUMN exact bigint NOT NULL;
   CREATE INDEX stories_exact ON wire.stories (lead, exact, seq);
   CREATE TABLE wire.copies (exact bigint NOT NULL, data bytea NOT NULL, PRIMARY KEY (exact, data));`,
];

// Steps that also need wire's own code, run after the migration of that version in the same transaction.
const AFTER: Readonly<Record<number, (db: Connection) => Promise<unknown>>> = { 3: rebuildStories };

/** The schema version this wire writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;

// Hosts opening a new database at once take turns (pg_advisory_xact_lock): "wire" in ASCII.
const MIGRATION_LOCK = 0x77697265;

/**
 * Brings the database's schema to `target` (the latest by default): creates it on first use, applies the missing
 * migrations, or throws a DatabaseError when the database is newer than this wire.
 */
export async function migrate(db: Connection, target = SCHEMA_VERSION): Promise<{ from: number; to: number }> {
  const current = await version(db);
  if (current === target) return { from: current, to: current };
  if (current > SCHEMA_VERSION) throw newer(db, current);
  await db.query('migrating the schema', 'BEGIN');
  try {
    await db.query('migrating the schema', 'SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await db.query('migrating the schema', 'CREATE SCHEMA IF NOT EXISTS wire');
    await db.query(
      'migrating the schema',
      `CREATE TABLE IF NOT EXISTS wire.migrations (
         version integer PRIMARY KEY,
         applied_at timestamptz NOT NULL DEFAULT now(),
         wire_version text NOT NULL
       )`,
    );
    // Read again under the lock: another host may have migrated while this one waited.
    const from = await version(db);
    if (from > SCHEMA_VERSION) throw newer(db, from);
    for (let v = from + 1; v <= target; v++) {
      await db.query(`migrating the schema to version ${v}`, MIGRATIONS[v - 1] ?? '');
      await AFTER[v]?.(db);
      await db.query('migrating the schema', 'INSERT INTO wire.migrations (version, wire_version) VALUES ($1, $2)', [
        v,
        WIRE_VERSION,
      ]);
    }
    await db.query('migrating the schema', 'COMMIT');
    return { from, to: Math.max(from, target) };
  } catch (error) {
    await db.client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** The database's schema version: 0 when wire never used it. */
export async function version(db: Connection): Promise<number> {
  const found = await db.query<{ v: number | null }>(
    'reading the schema version',
    "SELECT CASE WHEN to_regclass('wire.migrations') IS NULL THEN 0 END AS v",
  );
  if (found.rows[0]?.v === 0) return 0;
  const row = await db.query<{ v: number | null }>(
    'reading the schema version',
    'SELECT max(version) AS v FROM wire.migrations',
  );
  return row.rows[0]?.v ?? 0;
}

function newer(db: Connection, found: number): DatabaseError {
  return new DatabaseError(
    `the database at ${where(db.target)} has wire schema version ${found}, newer than this wire knows ` +
      `(${SCHEMA_VERSION}): upgrade wire on this host (hosts sharing a database need the newest wire among them)`,
  );
}

// Written in the migrations table, so a desk can see which wire made each step.
const WIRE_VERSION = packageVersion();
