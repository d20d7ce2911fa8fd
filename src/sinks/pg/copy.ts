/**
 * Rows in PostgreSQL's binary COPY format, for `COPY ... FROM STDIN (FORMAT binary)`: a signature, then each row as
 * its field count and each field as its length and bytes (-1 for null), then -1. Values travel as data, never as
 * SQL text, and the server reads them one row at a time in a buffer it reuses: a batch's records cost it no more
 * memory than one row, where the same rows as one array parameter cost it several copies of the whole batch
 * (fresh pages every batch, which is most of the time an INSERT of them takes).
 */
export class CopyRows {
  private readonly parts: Uint8Array[] = [SIGNATURE];
  private count = 0;

  constructor(private readonly fields: number) {}

  /** The rows written so far. */
  get rows(): number {
    return this.count;
  }

  /** Starts a row; its fields follow, in the COPY's column order. */
  row(): this {
    this.count++;
    return this.push(int16(this.fields));
  }

  /** A `text` (or `json`: its binary form is its text) field. */
  text(value: string | null): this {
    return value === null ? this.push(NULL) : this.bytes(Buffer.from(value, 'utf8'));
  }

  /** A `bytea` field, or a text one already encoded as UTF-8. */
  bytes(value: Uint8Array): this {
    return this.push(int32(value.length), value);
  }

  /** An `integer` field. */
  int4(value: number): this {
    const field = Buffer.allocUnsafe(8);
    field.writeInt32BE(4, 0);
    field.writeInt32BE(value, 4);
    return this.push(field);
  }

  /** A `bigint` field (a safe integer). */
  int8(value: number): this {
    const field = Buffer.allocUnsafe(12);
    field.writeInt32BE(8, 0);
    field.writeBigInt64BE(BigInt(value), 4);
    return this.push(field);
  }

  /** The whole COPY stream, trailer included. */
  end(): Buffer {
    return Buffer.concat([...this.parts, int16(-1)]);
  }

  private push(...parts: Uint8Array[]): this {
    this.parts.push(...parts);
    return this;
  }
}

// "PGCOPY\n\377\r\n\0", then flags (no OIDs) and the length of the header extension (none).
const SIGNATURE = Buffer.from([
  0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00, 0, 0, 0, 0, 0, 0, 0, 0,
]);
const NULL = int32(-1);

function int16(value: number): Buffer {
  const bytes = Buffer.allocUnsafe(2);
  bytes.writeInt16BE(value, 0);
  return bytes;
}

function int32(value: number): Buffer {
  const bytes = Buffer.allocUnsafe(4);
  bytes.writeInt32BE(value, 0);
  return bytes;
}
