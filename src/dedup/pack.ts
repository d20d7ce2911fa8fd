import { OPENING_CHUNKS, type NearSketch } from './sketch.js';

/**
 * The sketch as the store keeps it: everything but the lead key (the row's key) and the spread key (only needed to
 * find the row). Day (1 byte), title (2), chunk count with the short flag (1), the numbers, then the opening chunk
 * codes. The number of numbers is what is left: the chunk count says how many opening codes there are.
 */
export function packSketch(sketch: NearSketch): Buffer {
  const bytes = Buffer.alloc(HEAD + sketch.numbers.length + sketch.opening.length);
  bytes.writeUInt8(sketch.day, 0);
  bytes.writeUInt16BE(sketch.title, 1);
  bytes.writeUInt8(sketch.chunks | (sketch.short ? 0x80 : 0), 3);
  bytes.set(sketch.numbers, HEAD);
  bytes.set(sketch.opening, HEAD + sketch.numbers.length);
  return bytes;
}

const HEAD = 4;

/** Reads back {@link packSketch}; the spread key is not kept with it, so it is 0 unless the row brings it. */
export function unpackSketch(row: {
  readonly lead: number;
  readonly sketch: Uint8Array;
  readonly spread?: number;
}): NearSketch {
  const bytes = Buffer.from(row.sketch.buffer, row.sketch.byteOffset, row.sketch.byteLength);
  const chunks = bytes.readUInt8(3) & 0x7f;
  const count = bytes.length - HEAD - Math.min(chunks, OPENING_CHUNKS);
  return {
    lead: row.lead,
    spread: row.spread ?? 0,
    day: bytes.readUInt8(0),
    title: bytes.readUInt16BE(1),
    short: (bytes.readUInt8(3) & 0x80) !== 0,
    chunks,
    numbers: [...bytes.subarray(HEAD, HEAD + count)],
    opening: [...bytes.subarray(HEAD + count)],
  };
}
