import { describe, expect, it } from 'vitest';
import { byteaArray, int4Array, int8Array, jsonArray, textArray } from '../../src/sinks/pg/arrays.js';
import { connect } from '../../src/sinks/pg/connect.js';
import { dbTarget } from '../../src/sinks/pg/target.js';
import { noPostgres, usePostgres } from '../helpers/pg-test.js';

const pg = usePostgres();

/** A fresh database's URL, with the password in it (this process connects itself). */
function fresh(): string {
  const server = pg.server();
  return server.urlWithPassword(server.createDatabase());
}

describe.skipIf(noPostgres !== null)('binary array parameters', () => {
  it('arrive as the values sent: every character the text form escapes, nulls, bounds, empty arrays', async () => {
    const db = await connect(dbTarget(fresh()), 'test', { pipeline: true });
    try {
      const texts = [
        'tab\there',
        'line\nbreak',
        'back\\slash "quoted" {braces}, comma',
        'NULL',
        '',
        'Zürich — 東京 🚢',
      ];
      const ints = [-2_147_483_648, -1, 0, 2_147_483_647];
      const bigs = [-Number.MAX_SAFE_INTEGER, 0, 2 ** 33 + 1, Number.MAX_SAFE_INTEGER];
      const bytes = [Buffer.from([0, 255, 92, 34, 10]), Buffer.alloc(0)];
      const json = [{ headline: "'); DROP TABLE wire.records; --", n: 1 }, [], 'text'];
      const row = await db.query<Record<string, unknown>>(
        'reading back',
        `SELECT $1::text[] AS texts, $2::integer[] AS ints, $3::bigint[]::text[] AS bigs, $4::bytea[] AS bytes,
           $5::json[]::text[] AS json, $6::text[] AS empty, cardinality($7::integer[]) AS none`,
        [
          textArray([...texts, null]),
          int4Array(ints),
          int8Array(bigs),
          byteaArray(bytes),
          jsonArray(json.map((j) => Buffer.from(JSON.stringify(j)))),
          textArray([]),
          int4Array([]),
        ],
      );
      expect(row.rows[0]).toEqual({
        texts: [...texts, null],
        ints,
        bigs: bigs.map(String),
        bytes,
        json: json.map((j) => JSON.stringify(j)),
        empty: [],
        none: 0,
      });
    } finally {
      await db.close();
    }
  });

  it('a record that is not JSON fails the statement with a DatabaseError, and the connection goes on', async () => {
    const db = await connect(dbTarget(fresh()), 'test', { pipeline: true });
    try {
      await expect(
        db.query('writing records', 'SELECT cardinality($1::json[])', [jsonArray([Buffer.from('{"not json')])]),
      ).rejects.toThrow(/failed while writing records \(.*json/i);
      expect((await db.query<{ n: number }>('counting', 'SELECT 1 AS n')).rows[0]?.n).toBe(1);
    } finally {
      await db.close();
    }
  });
});
