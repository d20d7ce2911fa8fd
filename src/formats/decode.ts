import { isAscii } from 'node:buffer';
import { asBuffer } from './bytes.js';

/** A story's text and the character set it was decoded from. */
export interface Decoded {
  readonly text: string;
  readonly charset: string;
  /** True when the bytes were not valid UTF-8 and were read as windows-1252 instead. */
  readonly fallback: boolean;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
// windows-1252's printable characters in 0x80–0x9F (WHATWG table; the five unassigned bytes map to themselves).
// Node's TextDecoder('windows-1252') reads these bytes as latin-1 C1 controls, which would then be stripped: a
// curly quote (0x93) would vanish. So the table is applied here.
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Reads a latin1 string (one char per byte) as windows-1252. */
function windows1252(bytesAsLatin1: string): string {
  return bytesAsLatin1.replace(/[\u0080-\u009f]/g, (ch) => CP1252_HIGH[ch.charCodeAt(0) - 0x80] ?? ch);
}
/**
 * Decodes a unit's bytes: UTF-8 when they are valid UTF-8, windows-1252 otherwise (1987 wire files are latin-1, and
 * windows-1252 is its superset as browsers read it). Most units are ASCII: they are told apart by one native scan
 * and read as they are.
 */
export function decodeUnit(bytes: Uint8Array): Decoded {
  if (isAscii(bytes)) return { text: latin1(bytes), charset: 'utf-8', fallback: false };
  return decodeBytes(bytes);
}

/** Decodes bytes as UTF-8, falling back to windows-1252 when they are not valid UTF-8. */
export function decodeBytes(bytes: Uint8Array): Decoded {
  try {
    return { text: utf8.decode(bytes), charset: 'utf-8', fallback: false };
  } catch {
    return { text: windows1252(latin1(bytes)), charset: 'windows-1252', fallback: true };
  }
}

/**
 * Decodes a unit in a character set its format declares (Reuters-21578 SGML is latin-1, read as windows-1252 the
 * way browsers read a latin-1 label). Pure ASCII passes through untouched.
 */
export function decodeUnitAs(bytes: Uint8Array, charset: 'windows-1252'): Decoded {
  // Latin-1 and windows-1252 agree except in 0x80–0x9F, which the table replaces.
  const text = latin1(bytes);
  return { text: isAscii(bytes) ? text : windows1252(text), charset, fallback: false };
}

/** Reads a chunk as latin1: one JavaScript char per byte, so string offsets are byte offsets. */
export function latin1(chunk: Uint8Array): string {
  return asBuffer(chunk).toString('latin1');
}

/**
 * Normalizes a byte stream's encoding at its start: drops a UTF-8 byte-order mark, and re-encodes UTF-16 (which
 * announces itself by its BOM) as UTF-8 so that framing can work on bytes.
 */
export async function* withoutBom(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  let decoder: InstanceType<typeof TextDecoder> | null = null;
  let first = true;
  for await (const chunk of chunks) {
    if (first && chunk.length > 0) {
      first = false;
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
        yield chunk.subarray(3);
        continue;
      }
      if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff)) {
        decoder = new TextDecoder(chunk[0] === 0xff ? 'utf-16le' : 'utf-16be');
      }
    }
    yield decoder ? Buffer.from(decoder.decode(chunk, { stream: true }), 'utf8') : chunk;
  }
  if (decoder) yield Buffer.from(decoder.decode(), 'utf8');
}

/** Decodes windows-1252 bytes (which browsers also use for `iso-8859-1` and `us-ascii`) as the WHATWG standard says. */
export function decodeWindows1252(bytes: Uint8Array): string {
  return windows1252(latin1(bytes));
}

/** A decoder for a WHATWG encoding label, or null for an unknown label; windows-1252 decodes correctly. */
export function decoderFor(label: string): { readonly encoding: string; decode(bytes: Uint8Array): string } | null {
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(label);
  } catch {
    return null;
  }
  if (decoder.encoding === 'windows-1252') return { encoding: 'windows-1252', decode: decodeWindows1252 };
  return { encoding: decoder.encoding, decode: (bytes) => decoder.decode(bytes) };
}

/** The charset a byte-order mark at the start of an input names, or null. */
export function bomCharset(head: Uint8Array): string | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return null;
}
