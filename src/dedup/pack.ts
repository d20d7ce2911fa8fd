import type { NearSketch } from './sketch.js';

/**
 * The sketch as the store keeps it: everything but the lead key (the row's key) and the spread key (only needed to
 * find the row). Day (2 bytes), title (2), chunk count with the short flag (1), number count (1), the numbers, then
 * the opening chunk codes.
 */
export function packSketch(sketch: NearSketch): Buffer {
  const bytes = Buffer.alloc(HEAD + sketch.numbers.length + sketch.opening.length);
  bytes.writeUInt16BE(sketch.day, 0);
  bytes.writeUInt16BE(sketch.title, 2);
  bytes.writeUInt8(sketch.chunks | (sketch.short ? 0x80 : 0), 4);
  bytes.writeUInt8(sketch.numbers.length, 5);
  bytes.set(sketch.numbers, HEAD);
  bytes.set(sketch.opening, HEAD + sketch.numbers.length);
  return bytes;
}

const HEAD = 6;

/** Reads back {@link packSketch}; the spread key is not kept with it, so it is 0 unless the row brings it. */
export function unpackSketch(row: {
  readonly lead: number;
  readonly sketch: Uint8Array;
  readonly spread?: number;
}): NearSketch {
  const bytes = Buffer.from(row.sketch.buffer, row.sketch.byteOffset, row.sketch.byteLength);
  const count = bytes.readUInt8(5);
  return {
    lead: row.lead,
    spread: row.spread ?? 0,
    day: bytes.readUInt16BE(0),
    title: bytes.readUInt16BE(2),
    short: (bytes.readUInt8(4) & 0x80) !== 0,
    chunks: bytes.readUInt8(4) & 0x7f,
    numbers: [...bytes.subarray(HEAD, HEAD + count)],
    opening: [...bytes.subarray(HEAD + count)],
  };
}
