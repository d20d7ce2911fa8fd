import { OPENING_CHUNKS, type NearSketch } from './sketch.js';
import type { StoredStory } from './store.js';

// A stored story's blob: its id (12 bytes), 16 bits of its exact fingerprint, then the sketch without its keys.
const ID_BYTES = 12;
const SKETCH_AT = ID_BYTES + 2;
// The packed sketch's fixed head: day (1 byte), title (2), chunk count with the short flag (1).
const HEAD = 4;

/**
 * The blob a stored story keeps besides its lead key (the row's key) and spread key (only needed to find the row),
 * written in one allocation: id, exact bits, day, title, chunk count with the short flag, the numbers, then the
 * opening chunk codes. The number of numbers is what is left: the chunk count says how many opening codes there are.
 */
export function packStory(story: StoredStory): Buffer {
  const { sketch } = story;
  const bytes = Buffer.alloc(SKETCH_AT + HEAD + sketch.numbers.length + sketch.opening.length);
  bytes.write(story.id, 0, ID_BYTES, 'hex');
  bytes.writeUInt16BE(story.exact, ID_BYTES);
  bytes.writeUInt8(sketch.day, SKETCH_AT);
  bytes.writeUInt16BE(sketch.title, SKETCH_AT + 1);
  bytes.writeUInt8(sketch.chunks | (sketch.short ? 0x80 : 0), SKETCH_AT + 3);
  bytes.set(sketch.numbers, SKETCH_AT + HEAD);
  bytes.set(sketch.opening, SKETCH_AT + HEAD + sketch.numbers.length);
  return bytes;
}

/** The id a blob of {@link packStory} belongs to, read without unpacking the rest. */
export function packedId(data: Buffer): string {
  return data.toString('hex', 0, ID_BYTES);
}

/** Reads back {@link packStory}; the spread key is not kept with it, so it is 0 unless the row brings it. */
export function unpackStory(
  row: { readonly lead: number; readonly data: Buffer; readonly version: number },
  spread = 0,
): StoredStory {
  const bytes = row.data;
  const chunks = bytes.readUInt8(SKETCH_AT + 3) & 0x7f;
  const count = bytes.length - SKETCH_AT - HEAD - Math.min(chunks, OPENING_CHUNKS);
  const sketch: NearSketch = {
    lead: row.lead,
    spread,
    day: bytes.readUInt8(SKETCH_AT),
    title: bytes.readUInt16BE(SKETCH_AT + 1),
    short: (bytes.readUInt8(SKETCH_AT + 3) & 0x80) !== 0,
    chunks,
    numbers: [...bytes.subarray(SKETCH_AT + HEAD, SKETCH_AT + HEAD + count)],
    opening: [...bytes.subarray(SKETCH_AT + HEAD + count)],
  };
  return { id: packedId(bytes), exact: bytes.readUInt16BE(ID_BYTES), version: row.version, sketch };
}
