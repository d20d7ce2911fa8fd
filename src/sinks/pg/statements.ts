/**
 * Every statement the database path runs. All take their values as parameters ($1, $2, ...): no value is ever
 * written into SQL text, so a headline such as `'); DROP TABLE stories; --` is stored as the text it is.
 */

/**
 * Locks the rows of a batch's bands (lead and spread keys), creating the missing ones, in sorted order: two hosts
 * deciding stories that share a band take turns, and sorted order means they can never wait for each other. A row
 * that exists is locked and left as it is (`WHERE false`: PostgreSQL locks every conflicting row, and updates only
 * those the condition lets through), which costs half an update and leaves no dead row behind.
 */
export const LOCK_BANDS = `
  INSERT INTO wire.bands (key) SELECT k FROM unnest($1::bigint[]) AS k ORDER BY k
  ON CONFLICT (key) DO UPDATE SET key = EXCLUDED.key WHERE false`;

/**
 * The stored stories a batch compares with, as the SQLite store finds them (src/dedup/store.ts, `Found`), one row
 * each with the kind of key that found it: 0, the newest `$6` with each lead key (`$1`); 1, the newest with each
 * spread key (`$2`); 2, for a lead key whose newest filled that list, the older ones with the same exact bits
 * (pairs `$3`, `$4`: an old variant of a template sent again); 3, dropped copies with each exact key (`$5`). A
 * crowded band (a template re-sent all day) costs a fixed number of rows.
 */
export const CANDIDATES = `
  WITH newest AS (
    SELECT k.lead, s.seq, s.exact, s.version, s.data
    FROM unnest($1::integer[]) AS k(lead)
    CROSS JOIN LATERAL (
      SELECT seq, exact, version, data FROM wire.stories WHERE lead = k.lead ORDER BY seq DESC LIMIT $6::integer
    ) s
  ), full_leads AS (
    SELECT lead, min(seq) AS oldest FROM newest GROUP BY lead HAVING count(*) >= $6::integer
  )
  SELECT 0 AS kind, lead::float8 AS key, seq::float8 AS seq, lead, exact::float8 AS exact, version, data FROM newest
  UNION ALL
  SELECT 1, k.spread, s.seq, s.lead, s.exact, s.version, s.data
  FROM unnest($2::integer[]) AS k(spread)
  CROSS JOIN LATERAL (
    SELECT seq, lead, exact, version, data FROM wire.stories
    WHERE spread = k.spread AND spread <> 0 -- the index holds only stories with a spread key
    ORDER BY seq DESC LIMIT 1
  ) s
  UNION ALL
  SELECT 2, s.exact, s.seq, s.lead, s.exact, s.version, s.data
  FROM unnest($3::integer[], $4::bigint[]) AS k(lead, exact)
  JOIN full_leads f ON f.lead = k.lead
  JOIN wire.stories s ON s.lead = k.lead AND s.exact = k.exact AND s.seq < f.oldest
  UNION ALL
  SELECT 3, c.exact, 0, 0, c.exact, 0, c.data FROM wire.copies c WHERE c.exact = ANY($5::bigint[])`;

/**
 * Everything a batch writes, in one statement: the records (binary arrays, see arrays.ts, unnested in step without
 * a copy of the whole batch), their fingerprints, the copies it dropped (remembered by body), the input's progress
 * and HTTP validators; and a notification for `wire export --follow`, delivered when the transaction commits.
 */
export const WRITE_BATCH = `
  WITH r AS (
    INSERT INTO wire.records (id, version, replaces, record)
    SELECT unnest($1::text[]), unnest($2::integer[]), unnest($3::text[]), unnest($17::json[])
    RETURNING seq
  ), s AS (
    INSERT INTO wire.stories (lead, spread, version, data, exact)
    SELECT unnest($4::integer[]), unnest($5::integer[]), unnest($6::integer[]), unnest($7::bytea[]), unnest($8::bigint[])
  ), c AS (
    INSERT INTO wire.copies (exact, data) SELECT * FROM unnest($9::bigint[], $10::bytea[]) ON CONFLICT DO NOTHING
  ), p AS (
    INSERT INTO wire.inputs (identity, stories, host) SELECT $11::text, $12::integer, $13::text WHERE $11::text IS NOT NULL
    ON CONFLICT (identity) DO UPDATE
    SET stories = GREATEST(wire.inputs.stories, EXCLUDED.stories), host = EXCLUDED.host, updated_at = now()
  ), v AS (
    INSERT INTO wire.validators (url, etag, last_modified)
    SELECT * FROM unnest($14::text[], $15::text[], $16::text[])
    ON CONFLICT (url) DO UPDATE SET etag = EXCLUDED.etag, last_modified = EXCLUDED.last_modified, updated_at = now()
  )
  SELECT count(*)::integer AS n, max(seq)::text AS seq, pg_current_xact_id()::text AS txid,
    CASE WHEN count(*) > 0 THEN pg_notify('wire_records', '') END AS notified
  FROM r`;

/** An input's progress, read once its lock is held. */
export const INPUT_PROGRESS = 'SELECT stories, done FROM wire.inputs WHERE identity = $1';

/** Records that an input was ingested whole: no host reads it again. */
export const INPUT_DONE = `
  INSERT INTO wire.inputs (identity, stories, done, host) VALUES ($1, $2, true, $3)
  ON CONFLICT (identity) DO UPDATE
  SET stories = GREATEST(wire.inputs.stories, EXCLUDED.stories), done = true, host = EXCLUDED.host, updated_at = now()`;

export const TRY_LOCK = 'SELECT pg_try_advisory_lock($1::bigint) AS ok';
export const UNLOCK = 'SELECT pg_advisory_unlock($1::bigint) AS ok';

export const ALL_VALIDATORS = 'SELECT url, etag, last_modified FROM wire.validators';
export const ONE_VALIDATOR = 'SELECT url, etag, last_modified FROM wire.validators WHERE url = $1';

/**
 * A page of records after a cursor, in commit-safe order: only rows of transactions older than the oldest one still
 * running, which can no longer change, ordered by transaction and then row. A transaction that commits late (it
 * began before others that committed first) is held back until it ends, never skipped: every row it writes sorts
 * after every row already handed out.
 */
export const EXPORT_PAGE = `
  SELECT r.txid::text AS at_txid, r.seq::text AS at_seq, r.record::text AS record
  FROM wire.records r
  WHERE (r.txid, r.seq) > ($1::xid8, $2::bigint) AND r.txid < pg_snapshot_xmin(pg_current_snapshot())
  ORDER BY r.txid, r.seq
  LIMIT $3`;

/** Every record in the order written, for rebuilding `wire.stories` (schema version 3). */
export const ALL_RECORDS =
  'DECLARE wire_rebuild NO SCROLL CURSOR FOR SELECT record::text AS record FROM wire.records ORDER BY seq';
export const NEXT_RECORDS = 'FETCH 5000 FROM wire_rebuild';
export const INSERT_STORIES = `
  INSERT INTO wire.stories (lead, spread, version, data, exact)
  SELECT * FROM unnest($1::integer[], $2::integer[], $3::integer[], $4::bytea[], $5::bigint[])`;
