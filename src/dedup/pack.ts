import type { NearSketch } from './sketch.js';

/**
 * The sketch as the store keeps it: everything but the lead key (the row's key) and the spread key (only needed to
 * find the row). Day (2 bytes), chunk count (1), number count (1), the numbers, then the opening chunk codes.
 */
export function packSketch(sketch: NearSketch): Buffer {
  const bytes = Buffer.alloc(4 + sketch.numbers.length + sketch.opening.length);
  bytes.writeUInt16BE(sketch.day, 0);
  bytes.writeUInt8(sketch.chunks, 2);
  bytes.writeUInt8(sketch.numbers.length, 3);
  bytes.set(sketch.numbers, 4);
  bytes.set(sketch.opening, 4 + sketch.numbers.length);
  return bytes;
}

/** Reads back {@link packSketch}; the spread key is not kept with it, so it is 0 unless the row brings it. */
export function unpackSketch(row: {
  readonly lead: number;
  readonly sketch: Uint8Array;
  readonly spread?: number;
}): NearSketch {
  const bytes = Buffer.from(row.sketch.buffer, row.sketch.byteOffset, row.sketch.byteLength);
  const count = bytes.readUInt8(3);
  return {
    lead: row.lead,
    spread: row.spread ?? 0,
    day: bytes.readUInt16BE(0),
    chunks: bytes.readUInt8(2),
    numbers: [...bytes.subarray(4, 4 + count)],
    opening: [...bytes.subarray(4 + count)],
  };
}
