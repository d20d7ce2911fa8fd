import { NUMBER_BYTES, OPENING_CHUNKS, type NearSketch } from './sketch.js';
import type { DroppedCopy, StoredStory } from './store.js';

// A stored story's blob: its id (12 bytes), then the sketch without its keys (lead, spread) and exact bits, which
// are columns of the row or not kept.
const ID_BYTES = 12;
const SKETCH_AT = ID_BYTES;
// The packed sketch's fixed head: day (1 byte), title (2), chunk count with the short flag (1).
const HEAD = 4;

/**
 * The blob a stored story keeps besides its lead key, order, exact bits and version (columns of its row), written
 * in one allocation: id, day, title, chunk count with the short flag, the numbers (three bytes each), then the opening
 * chunk codes. The number of numbers is what is left: the chunk count says how many opening codes there are.
 */
export function packStory(story: StoredStory): Buffer {
  const { sketch } = story;
  const numbersAt = SKETCH_AT + HEAD;
  const openingAt = numbersAt + NUMBER_BYTES * sketch.numbers.length;
  const bytes = Buffer.alloc(openingAt + sketch.opening.length);
  bytes.write(story.id, 0, ID_BYTES, 'hex');
  bytes.writeUInt8(sketch.day, SKETCH_AT);
  bytes.writeUInt16BE(sketch.title, SKETCH_AT + 1);
  bytes.writeUInt8(sketch.chunks | (sketch.short ? 0x80 : 0), SKETCH_AT + 3);
  sketch.numbers.forEach((n, i) => bytes.writeUIntBE(n, numbersAt + NUMBER_BYTES * i, NUMBER_BYTES));
  bytes.set(sketch.opening, openingAt);
  return bytes;
}

/** Reads back {@link packStory} with the row's other columns; the spread key is not kept with it, so it is 0. */
export function unpackStory(lead: number, exact: number, bytes: Buffer, version: number): StoredStory {
  const flags = bytes[SKETCH_AT + 3]!;
  const chunks = flags & 0x7f;
  const openingAt = bytes.length - Math.min(chunks, OPENING_CHUNKS);
  const numbers: number[] = [];
  for (let at = SKETCH_AT + HEAD; at < openingAt; at += NUMBER_BYTES) numbers.push(bytes.readUIntBE(at, NUMBER_BYTES));
  const opening: number[] = [];
  for (let at = openingAt; at < bytes.length; at++) opening.push(bytes[at]!);
  const sketch: NearSketch = {
    lead,
    spread: 0,
    day: bytes[SKETCH_AT]!,
    title: bytes.readUInt16BE(SKETCH_AT + 1),
    short: (flags & 0x80) !== 0,
    chunks,
    numbers,
    opening,
  };
  return { id: bytes.toString('hex', 0, ID_BYTES), exact, version, sketch };
}

/** A dropped copy's blob (its exact bits are the row's key): the id it copies, title, day, similarity in thousandths. */
export function packCopy(copy: DroppedCopy): Buffer {
  const bytes = Buffer.alloc(ID_BYTES + 5);
  bytes.write(copy.of, 0, ID_BYTES, 'hex');
  bytes.writeUInt16BE(copy.title, ID_BYTES);
  bytes.writeUInt8(copy.day, ID_BYTES + 2);
  bytes.writeUInt16BE(Math.round(copy.similarity * 1000), ID_BYTES + 3);
  return bytes;
}

/** Reads back {@link packCopy}. */
export function unpackCopy(row: { readonly exact: number; readonly data: Buffer }): DroppedCopy {
  const bytes = row.data;
  return {
    exact: row.exact,
    of: bytes.toString('hex', 0, ID_BYTES),
    title: bytes.readUInt16BE(ID_BYTES),
    day: bytes.readUInt8(ID_BYTES + 2),
    similarity: bytes.readUInt16BE(ID_BYTES + 3) / 1000,
  };
}
