import { describe, expect, it } from 'vitest';
import { connect } from '../../src/sinks/pg/connect.js';
import { CopyRows } from '../../src/sinks/pg/copy.js';
import { dbTarget } from '../../src/sinks/pg/target.js';
import { noPostgres, usePostgres } from '../helpers/pg-test.js';

const pg = usePostgres();

/** A fresh database's URL, with the password in it (this process connects itself). */
function fresh(): string {
  const server = pg.server();
  return server.urlWithPassword(server.createDatabase());
}

describe.skipIf(noPostgres !== null)('binary COPY rows', () => {
  it('arrive as the values written: text with every character COPY escapes, null, json, bytes and integers', async () => {
    const db = await connect(dbTarget(fresh()), 'test');
    try {
      await db.query('creating a table', 'CREATE TEMP TABLE t (a text, b integer, c bigint, d json, e bytea)');
      const texts = ['tab\there', 'line\nbreak\r\n', 'back\\slash \\N', "'); DROP TABLE t; --", 'Zürich — 東京 🚢', ''];
      const rows = new CopyRows(5);
      texts.forEach((text, i) => {
        rows
          .row()
          .text(text)
          .int4(i === 0 ? -2_147_483_648 : 2_147_483_647 - i)
          .int8(i === 0 ? -Number.MAX_SAFE_INTEGER : 2 ** 48 + i)
          .bytes(Buffer.from(JSON.stringify({ text, n: i })))
          .bytes(Buffer.from([0, 255, 10, 9, 92, i]));
      });
      rows.row().text(null).int4(0).int8(0).text(null).bytes(Buffer.alloc(0));
      expect(rows.rows).toBe(texts.length + 1);
      await db.copy('copying', 'COPY t (a, b, c, d, e) FROM STDIN (FORMAT binary)', rows.end());
      const back = await db.query<{ a: string | null; b: number; c: string; d: unknown; e: Buffer }>(
        'reading',
        'SELECT a, b, c::text AS c, d, e FROM t',
      );
      expect(back.rows).toEqual([
        ...texts.map((text, i) => ({
          a: text,
          b: i === 0 ? -2_147_483_648 : 2_147_483_647 - i,
          c: String(i === 0 ? -Number.MAX_SAFE_INTEGER : 2 ** 48 + i),
          d: { text, n: i },
          e: Buffer.from([0, 255, 10, 9, 92, i]),
        })),
        { a: null, b: 0, c: '0', d: null, e: Buffer.alloc(0) },
      ]);
    } finally {
      await db.close();
    }
  });

  it('a COPY the server refuses is a DatabaseError, and the connection goes on', async () => {
    const db = await connect(dbTarget(fresh()), 'test');
    try {
      await db.query('creating a table', 'CREATE TEMP TABLE t (d json)');
      const bad = new CopyRows(1).row().bytes(Buffer.from('{"not json'));
      await expect(db.copy('copying records', 'COPY t (d) FROM STDIN (FORMAT binary)', bad.end())).rejects.toThrow(
        /failed while copying records \(.*json/i,
      );
      expect((await db.query<{ n: number }>('counting', 'SELECT count(*)::integer AS n FROM t')).rows[0]?.n).toBe(0);
    } finally {
      await db.close();
    }
  });
});
