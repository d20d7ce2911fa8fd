/**
 * One-dimensional arrays in PostgreSQL's binary format, sent as a Buffer parameter (node-postgres sends a Buffer in
 * binary): the dimension, the element type, then each element as its length and bytes (-1 for null). The server
 * reads them as they are, where the text form of an array (`{"...","..."}`) is escaped by the client and parsed
 * back by the server, character by character.
 */
const OIDS = { int4: 23, int8: 20, text: 25, bytea: 17, json: 114 } as const;

/** An `integer[]` parameter. */
export function int4Array(values: readonly number[]): Buffer {
  return fixedArray(OIDS.int4, values, 4, (out, at, v) => out.writeInt32BE(v, at));
}

/** A `bigint[]` parameter (safe integers). */
export function int8Array(values: readonly number[]): Buffer {
  return fixedArray(OIDS.int8, values, 8, (out, at, v) => out.writeBigInt64BE(BigInt(v), at));
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

// The array's header: dimensions, whether it has nulls, the element type, then the dimension's length and lower bound.
const HEAD = 20;
const EMPTY_HEAD = 12;

/** An array of elements of one width, written into one buffer as they are encoded. */
function fixedArray(
  oid: number,
  values: readonly number[],
  width: number,
  put: (out: Buffer, at: number, value: number) => void,
): Buffer {
  const out = header(oid, values.length, false, values.length * (4 + width));
  let at = values.length === 0 ? EMPTY_HEAD : HEAD;
  for (const value of values) {
    out.writeInt32BE(width, at);
    put(out, at + 4, value);
    at += 4 + width;
  }
  return out;
}

/**
 * An array of elements encoded already, copied once into a buffer of the whole array's size (a Buffer for each
 * element's length and a concatenation copied a batch's records twice, in many small pieces).
 */
function array(oid: number, elements: ReadonlyArray<Uint8Array | null>): Buffer {
  let bytes = 0;
  for (const element of elements) bytes += 4 + (element?.length ?? 0);
  const out = header(oid, elements.length, elements.includes(null), bytes);
  let at = elements.length === 0 ? EMPTY_HEAD : HEAD;
  for (const element of elements) {
    out.writeInt32BE(element === null ? -1 : element.length, at);
    at += 4;
    if (element !== null) {
      out.set(element, at);
      at += element.length;
    }
  }
  return out;
}

/** A buffer for an array of `count` elements taking `bytes` bytes, its header written. */
function header(oid: number, count: number, nulls: boolean, bytes: number): Buffer {
  const empty = count === 0;
  const out = Buffer.allocUnsafe((empty ? EMPTY_HEAD : HEAD) + bytes);
  out.writeInt32BE(empty ? 0 : 1, 0);
  out.writeInt32BE(nulls ? 1 : 0, 4);
  out.writeUInt32BE(oid, 8);
  if (!empty) {
    out.writeInt32BE(count, 12);
    out.writeInt32BE(1, 16);
  }
  return out;
}
