import type { Story } from '../types.js';
import { canonicalTokens } from './canon.js';
import { exactFingerprint } from './exact.js';
import { NUMBER_BYTES, OPENING_CHUNKS, SKETCH_NUMBERS, SketchBuilder, titleHash, type NearSketch } from './sketch.js';
import { scanCanonical } from './token-hashes.js';

/** Both fingerprints of a story, as the dedup stage uses them. */
export interface Fingerprint {
  /** The record's `fingerprint.exact`: 16 hex digits. */
  readonly exact: string;
  readonly sketch: NearSketch;
  /** The record's `fingerprint.near`: the sketch, hex-encoded (see {@link encodeSketch}). */
  readonly near: string;
}

/**
 * Below this many words a body does not say which story it is — `Qtly div six cts vs six cts prior / Pay April 10`
 * is printed for many companies — so a near match needs the same headline too.
 */
export const SHORT_BODY_WORDS = 25;

/**
 * Fingerprints a story: the exact hash (the one the normalizer already put on the record, when there is one) and
 * the near-duplicate sketch of its canonical tokens.
 */
export function fingerprintStory(
  story: Pick<Story, 'headline' | 'body' | 'dateline'> & { fingerprint?: { exact: string } },
): Fingerprint {
  const body = new SketchBuilder();
  scanCanonical(story.body, body);
  const sketch = body.sketch({
    day: datelineDay(story.dateline?.date ?? null),
    title: titleHash(canonicalTokens(story.headline)),
    short: body.tokens < SHORT_BODY_WORDS,
  });
  return { exact: story.fingerprint?.exact ?? exactFingerprint(story), sketch, near: encodeSketch(sketch) };
}

const HEADER = 14;
// Set in the number-count byte: the numbers are 24 bits each. Sketches written before (8-bit numbers) do not have
// it and do not decode: a record that carries one is fingerprinted again from its text.
const WIDE_NUMBERS = 0x80;

// Days before each month in a common year: a leap day only moves March onwards by one, within the slack allowed.
const DAYS_BEFORE = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/** `2026-11-27` or `--11-27` → its day of the year, modulo 255 from 1 (one byte); 0 when there is no date. */
function datelineDay(date: string | null): number {
  const match = date === null ? null : /(\d{2})-(\d{2})$/.exec(date);
  const before = match ? DAYS_BEFORE[Number(match[1]) - 1] : undefined;
  return match && before !== undefined ? ((before + Number(match[2])) % 255) + 1 : 0;
}

/**
 * The sketch as bytes: lead (4), spread (4), day (2), title (2), chunk count with the short flag in its top bit (1),
 * number count with the wide flag (1), three bytes per number, then one byte per opening chunk. Big-endian, so the
 * hex reads in order.
 */
export function sketchBytes(sketch: NearSketch): Buffer {
  const bytes = Buffer.alloc(HEADER + NUMBER_BYTES * sketch.numbers.length + sketch.opening.length);
  bytes.writeInt32BE(sketch.lead, 0);
  bytes.writeInt32BE(sketch.spread, 4);
  bytes.writeUInt16BE(sketch.day, 8);
  bytes.writeUInt16BE(sketch.title, 10);
  bytes.writeUInt8(sketch.chunks | (sketch.short ? 0x80 : 0), 12);
  bytes.writeUInt8(sketch.numbers.length | WIDE_NUMBERS, 13);
  sketch.numbers.forEach((n, i) => bytes.writeUIntBE(n, HEADER + NUMBER_BYTES * i, NUMBER_BYTES));
  const at = HEADER + NUMBER_BYTES * sketch.numbers.length;
  sketch.opening.forEach((code, i) => bytes.writeUInt8(code, at + i));
  return bytes;
}

/** The sketch as the hex string of {@link sketchBytes}. */
export function encodeSketch(sketch: NearSketch): string {
  return sketchBytes(sketch).toString('hex');
}

/** Reads a sketch back from {@link sketchBytes}; null when the bytes are not one (a record written by other code). */
export function sketchFromBytes(bytes: Uint8Array): NearSketch | null {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length < HEADER || (buffer.readUInt8(13) & WIDE_NUMBERS) === 0) return null;
  const chunks = buffer.readUInt8(12) & 0x7f;
  const count = buffer.readUInt8(13) & ~WIDE_NUMBERS;
  const start = HEADER + NUMBER_BYTES * count;
  if (count > SKETCH_NUMBERS || buffer.length !== start + Math.min(chunks, OPENING_CHUNKS)) return null;
  const numbers = Array.from({ length: count }, (_, i) => buffer.readUIntBE(HEADER + NUMBER_BYTES * i, NUMBER_BYTES));
  return {
    lead: buffer.readInt32BE(0),
    spread: buffer.readInt32BE(4),
    day: buffer.readUInt16BE(8),
    title: buffer.readUInt16BE(10),
    short: (buffer.readUInt8(12) & 0x80) !== 0,
    chunks,
    numbers,
    opening: [...buffer.subarray(start)],
  };
}

/** Reads a sketch back from its hex form; null when the text is not one. */
export function decodeSketch(hex: string): NearSketch | null {
  return /^(?:[0-9a-f]{2})+$/.test(hex) ? sketchFromBytes(Buffer.from(hex, 'hex')) : null;
}
