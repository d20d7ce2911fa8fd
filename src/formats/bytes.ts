/**
 * Byte scans for framing: story boundaries are found in the raw bytes (form feeds, SOH/STX/ETX, `</REUTERS>`, line
 * ends) with `Buffer#indexOf`, and only a story's own bytes are ever turned into text. Turning each 256 KB chunk into
 * one latin1 string for the finders cost more than all the rest of framing.
 */

export const LF = 0x0a;
const CR = 0x0d;

/** Remembered searches, per buffer: for each byte, where the last search began and what it found. */
const searches = new WeakMap<Uint8Array, Int32Array>();

/**
 * Where `byte` next occurs in `bytes` at or after `from`, or -1. Finders ask again from ever later offsets of the same
 * buffer, so each answer is remembered: a byte that is far away or absent (an ETX in a plain-text file, a SOH in a
 * stream of headerless frames) is searched for once per buffer, not once per story. Buffers are never written to
 * while they are framed.
 */
export function nextByte(bytes: Buffer, byte: number, from: number): number {
  let memo = searches.get(bytes);
  if (memo === undefined) {
    memo = new Int32Array(512).fill(-2);
    searches.set(bytes, memo);
  }
  const asked = memo[2 * byte]!;
  const found = memo[2 * byte + 1]!;
  if (asked !== -2 && from >= asked && (found === -1 || found >= from)) return found;
  const at = bytes.indexOf(byte, from);
  memo[2 * byte] = from;
  memo[2 * byte + 1] = at;
  return at;
}

/** The smaller of two offsets, where -1 means none. */
export function earliest(a: number, b: number): number {
  return a === -1 ? b : b === -1 ? a : Math.min(a, b);
}

/** `String#lastIndexOf` for one byte: the last `byte` at or before `position` (a negative position means 0). */
export function lastByte(bytes: Buffer, byte: number, position: number): number {
  // Buffer#lastIndexOf counts a negative offset from the end, where a string's lastIndexOf reads it as 0.
  return bytes.lastIndexOf(byte, Math.max(0, position));
}

/** True when `bytes` holds `prefix` at `at`. */
export function startsWith(bytes: Buffer, prefix: Buffer, at: number): boolean {
  return (
    at >= 0 &&
    at + prefix.length <= bytes.length &&
    bytes.compare(prefix, 0, prefix.length, at, at + prefix.length) === 0
  );
}

/** The number of line feeds in `bytes[start, end)`. */
export function countLines(bytes: Buffer, start: number, end: number): number {
  let count = 0;
  for (let at = bytes.indexOf(LF, start); at !== -1 && at < end; at = bytes.indexOf(LF, at + 1)) count++;
  return count;
}

/**
 * True when `bytes[start, end)` read as latin1 is only what `String#trim` takes away: tab, line feed, vertical tab,
 * form feed, carriage return, space and no-break space (0xA0).
 */
export function isBlank(bytes: Buffer, start: number, end: number): boolean {
  for (let at = start; at < end; at++) {
    const byte = bytes[at]!;
    if (byte !== 0x20 && (byte < 0x09 || byte > CR) && byte !== 0xa0) return false;
  }
  return true;
}

/** `bytes[start, end)` as latin1 text, one char a byte (for the ASCII tests framing makes on a line). */
export function latin1At(bytes: Buffer, start: number, end: number): string {
  return bytes.toString('latin1', start, end);
}

/** A Buffer over the same memory as `bytes` (a Uint8Array that came through a worker's message is no Buffer). */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
