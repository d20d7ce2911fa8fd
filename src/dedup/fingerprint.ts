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

/**
 * Reads a sketch back from its hex form ({@link sketchBytes}); null when the text is not one (a record written by
 * other code, or by a wire before 24-bit numbers). Parsed from the text as it is, without a Buffer: this runs on
 * every story the dedup stage sees.
 */
export function decodeSketch(hex: string): NearSketch | null {
  const length = hex.length >> 1;
  if (hex.length !== 2 * length || length < HEADER) return null;
  for (let i = 0; i < hex.length; i++) if (hexValue(hex.charCodeAt(i)) < 0) return null;
  if ((byteAt(hex, 13) & WIDE_NUMBERS) === 0) return null;
  const flags = byteAt(hex, 12);
  const chunks = flags & 0x7f;
  const count = byteAt(hex, 13) & ~WIDE_NUMBERS;
  const start = HEADER + NUMBER_BYTES * count;
  if (count > SKETCH_NUMBERS || length !== start + Math.min(chunks, OPENING_CHUNKS)) return null;
  const numbers: number[] = [];
  for (let at = HEADER; at < start; at += NUMBER_BYTES) numbers.push(unsignedAt(hex, at, NUMBER_BYTES));
  const opening: number[] = [];
  for (let at = start; at < length; at++) opening.push(byteAt(hex, at));
  return {
    lead: unsignedAt(hex, 0, 4) | 0,
    spread: unsignedAt(hex, 4, 4) | 0,
    day: unsignedAt(hex, 8, 2),
    title: unsignedAt(hex, 10, 2),
    short: (flags & 0x80) !== 0,
    chunks,
    numbers,
    opening,
  };
}

/** A lower-case hex digit's value, or -1. */
function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 102) return code - 87;
  return -1;
}

function byteAt(hex: string, at: number): number {
  return (hexValue(hex.charCodeAt(2 * at)) << 4) | hexValue(hex.charCodeAt(2 * at + 1));
}

/** `bytes` bytes from byte `at`, big-endian, unsigned. */
function unsignedAt(hex: string, at: number, bytes: number): number {
  let value = 0;
  for (let i = 0; i < bytes; i++) value = value * 256 + byteAt(hex, at + i);
  return value;
}
