/**
 * One-dimensional arrays in PostgreSQL's binary format, sent as a Buffer parameter (node-postgres sends a Buffer in
 * binary): the dimension, the element type, then each element as its length and bytes (-1 for null). The server
 * reads them as they are, where the text form of an array (`{"...","..."}`) is escaped by the client and parsed
 * back by the server, character by character.
 */
const OIDS = { int4: 23, int8: 20, text: 25, bytea: 17, json: 114 } as const;

/** An `integer[]` parameter. */
export function int4Array(values: readonly number[]): Buffer {
  return array(
    OIDS.int4,
    values.map((v) => {
      const bytes = Buffer.allocUnsafe(4);
      bytes.writeInt32BE(v, 0);
      return bytes;
    }),
  );
}

/** A `bigint[]` parameter (safe integers). */
export function int8Array(values: readonly number[]): Buffer {
  return array(
    OIDS.int8,
    values.map((v) => {
      const bytes = Buffer.allocUnsafe(8);
      bytes.writeBigInt64BE(BigInt(v), 0);
      return bytes;
    }),
  );
}

/** A `text[]` parameter. */
export function textArray(values: ReadonlyArray<string | null>): Buffer {
  return array(
    OIDS.text,
    values.map((v) => (v === null ? null : Buffer.from(v, 'utf8'))),
  );
}

/** A `bytea[]` parameter. */
export function byteaArray(values: readonly Uint8Array[]): Buffer {
  return array(OIDS.bytea, values);
}

/** A `json[]` parameter from JSON texts already encoded as UTF-8 (the server checks each). */
export function jsonArray(values: readonly Uint8Array[]): Buffer {
  return array(OIDS.json, values);
}

function array(oid: number, elements: ReadonlyArray<Uint8Array | null>): Buffer {
  const empty = elements.length === 0;
  const head = Buffer.allocUnsafe(empty ? 12 : 20);
  head.writeInt32BE(empty ? 0 : 1, 0);
  head.writeInt32BE(elements.includes(null) ? 1 : 0, 4);
  head.writeUInt32BE(oid, 8);
  if (!empty) {
    head.writeInt32BE(elements.length, 12);
    head.writeInt32BE(1, 16);
  }
  const parts: Uint8Array[] = [head];
  for (const element of elements) {
    const length = Buffer.allocUnsafe(4);
    length.writeInt32BE(element === null ? -1 : element.length, 0);
    parts.push(length);
    if (element !== null) parts.push(element);
  }
  return Buffer.concat(parts);
}
