import {
  REPLACED_WORDS,
  canonicalTokens,
  canonicalWord,
  hasAsciiAbbreviation,
  isDigit,
  isLetter,
  isNumberToken,
  prepareText,
} from './canon.js';
import { hashString, mix32 } from './hash.js';

/** A text's canonical tokens as the sketch uses them: each token's hash, and which tokens are numbers. */
export interface TokenHashes {
  /** `hashString(token)` of each canonical token, in order. */
  readonly hashes: number[];
  /** `isNumber[i]` is true when token i is a number. */
  readonly isNumber: boolean[];
}

/** Receives a text's canonical tokens in order: each one's hash, and whether it is a number. */
export interface TokenSink {
  /**
   * `hash` is {@link hashString} of the token, as an unsigned or (from the ASCII scan) a signed 32-bit integer: only
   * its bits count. Signed, it stays a small integer in V8; an unsigned hash past 2^31 is a heap number, allocated
   * whenever it is passed to a call that is not inlined.
   */
  add(hash: number, isNumber: boolean): void;
}

/**
 * The hashes of {@link canonicalTokens}, the same values, computed without building the token strings for ASCII
 * text (most wire copy): the text is scanned once, hashing each token as it is read. The strings, their table
 * lookups and their garbage cost three times as much, and this runs on every story.
 */
export function canonicalHashes(text: string): TokenHashes {
  const hashes: number[] = [];
  const isNumber: boolean[] = [];
  scanCanonical(text, {
    add(hash, number) {
      hashes.push(hash >>> 0);
      isNumber.push(number);
    },
  });
  return { hashes, isNumber };
}

/**
 * Hands each canonical token of a text to `sink` (see {@link canonicalHashes}). ASCII text that needs none of the
 * rewrites but case, quotes and `per cent` (no ticker, abbreviation, `%` or `&`: most copy) is scanned as it is,
 * as bytes, letters folded to lower case as they are read, without the passes and copies of {@link prepareText}.
 */
export function scanCanonical(text: string, sink: TokenSink): void {
  // UTF-8 bytes as many as the characters: the text is ASCII (and its latin1 bytes are its characters).
  if (Buffer.byteLength(text, 'utf8') === text.length) {
    const bytes = asciiBytes(text);
    if (!hasRewrite(bytes) && !hasAsciiAbbreviation(text)) return scanAscii(withoutQuotes(bytes), sink);
    return scanAscii(Buffer.from(prepareText(text).prepared, 'latin1'), sink);
  }
  for (const token of canonicalTokens(text)) sink.add(hashString(token), isNumberToken(token));
}

// The bytes of the text being scanned, reused from story to story (a Buffer a story was a tenth of the scan); a
// text longer than this gets its own, so that one huge story does not keep its size alive.
const SCRATCH = Buffer.allocUnsafeSlow(64 * 1024);

/** An ASCII text's bytes, which the scan may change (quotes are taken out in place). */
function asciiBytes(text: string): Buffer {
  if (text.length > SCRATCH.length) return Buffer.from(text, 'latin1');
  return SCRATCH.subarray(0, SCRATCH.write(text, 0, 'latin1'));
}

/** Whether ASCII bytes hold a ticker's `<`, a `%` or a `&`, which {@link prepareText} rewrites. */
function hasRewrite(bytes: Buffer): boolean {
  return bytes.includes(0x3c) || bytes.includes(0x25) || bytes.includes(0x26);
}

/** The bytes with their quotes (`'`, `` ` ``) taken out, in place: `company's` is one word, as prepareText has it. */
function withoutQuotes(bytes: Buffer): Buffer {
  if (!bytes.includes(0x27) && !bytes.includes(0x60)) return bytes;
  let kept = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte !== 0x27 && byte !== 0x60) bytes[kept++] = byte;
  }
  return bytes.subarray(0, kept);
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

// The words canonicalWord replaces, by the hash of the word as printed; a hit is confirmed against the word itself,
// so a hash collision can never change a token.
interface Replacement {
  readonly word: string;
  readonly hash: number;
  /** Number words become numbers: `two` → `2`. */
  readonly isNumber: boolean;
}
const REPLACED = new Map<number, Replacement[]>();
// One bit per value of a hash's low 16 bits, set for the replaced words: most tokens are ruled out by one array
// read, without hashing a (non-small-integer) key into the map.
const MAYBE_REPLACED = new Uint8Array(1 << 13);
for (const word of REPLACED_WORDS) {
  const key = hashString(word);
  const canonical = canonicalWord(word);
  const replacement = { word, hash: hashString(canonical), isNumber: isNumberToken(canonical) };
  REPLACED.set(key, [...(REPLACED.get(key) ?? []), replacement]);
  const at = (key & 0xffff) >>> 3;
  MAYBE_REPLACED[at] = (MAYBE_REPLACED[at] ?? 0) | (1 << (key & 7));
}

/**
 * Tokens of ASCII text (as bytes) that needs no rewrite but case and `per cent`: runs of letters (folded to `a-z` as
 * they are hashed), and numbers `\d+(?:[.,/:]\d+)*` with thousands commas dropped; `per cent` between word
 * boundaries is the one token `percent`, as prepareText writes it.
 */
function scanAscii(text: Buffer, sink: TokenSink): void {
  const length = text.length;
  let i = 0;
  while (i < length) {
    const kind = CLASS[text[i]!];
    if (kind === LETTER) {
      const start = i;
      let h = FNV_OFFSET;
      for (; i < length; i++) {
        const c = text[i]!;
        if (CLASS[c] !== LETTER) break;
        h = Math.imul(h ^ (c | 0x20), FNV_PRIME);
      }
      const hash = mix32(h);
      if (hash === PER && isPerCent(text, start, i)) {
        sink.add(PERCENT, false);
        i += 5;
        continue;
      }
      const replaced =
        (MAYBE_REPLACED[(hash & 0xffff) >>> 3]! & (1 << (hash & 7))) === 0
          ? undefined
          : replacementOf(hash, text, start, i);
      if (replaced) sink.add(replaced.hash, replaced.isNumber);
      else sink.add(hash | 0, false);
    } else if (kind === DIGIT) {
      let h = FNV_OFFSET;
      for (;;) {
        while (i < length && CLASS[text[i]!] === DIGIT) h = Math.imul(h ^ text[i++]!, FNV_PRIME);
        const next = text[i];
        if (!(next === 46 || next === 44 || next === 47 || next === 58) || !isDigit(text[i + 1]!)) break;
        // `1,000` → `1000`: a comma followed by exactly three digits (then the token's end or `.,/:`) is dropped.
        const thousands = next === 44 && isDigit(text[i + 2]!) && isDigit(text[i + 3]!) && !isDigit(text[i + 4]!);
        if (!thousands) h = Math.imul(h ^ next, FNV_PRIME);
        i++;
      }
      sink.add(mix32(h) | 0, true);
    } else {
      i++;
    }
  }
}

/**
 * The replacement of the word at [start, end) whose hash is `hash`, if it is one of {@link REPLACED_WORDS}. A
 * function of its own, not a closure in the scan: a closure over the scan's position made V8 keep the position and
 * the word's start in a context allocated for every token (11 KB of garbage a 1.5 KB story).
 */
function replacementOf(hash: number, text: Buffer, start: number, end: number): Replacement | undefined {
  const list = REPLACED.get(hash);
  if (list === undefined) return undefined;
  for (const replacement of list) if (isWordAt(text, start, end, replacement.word)) return replacement;
  return undefined;
}

/**
 * Whether the bytes at [start, end), folded to lower case, are `word` (lower-case ASCII letters), without a string; a
 * range past the text's end is not.
 */
function isWordAt(text: Buffer, start: number, end: number, word: string): boolean {
  if (end - start !== word.length) return false;
  for (let i = 0; i < word.length; i++) if ((text[start + i]! | 0x20) !== word.charCodeAt(i)) return false;
  return true;
}

// Each byte's kind, for the scan's inner loops (one array read instead of range checks).
const LETTER = 1;
const DIGIT = 2;
const CLASS = new Uint8Array(256);
for (let c = 0; c < 256; c++) CLASS[c] = isLetter(c) ? LETTER : isDigit(c) ? DIGIT : 0;

const PER = hashString('per');
const PERCENT = hashString('percent');

/**
 * Whether the letters at [start, end), which hash as `per`, begin `per cent` between word boundaries (`\bper
 * cent\b` in any case, `\w` being letters, digits and `_`): then prepareText would have written `percent`.
 */
function isPerCent(text: Buffer, start: number, end: number): boolean {
  return (
    isWordAt(text, start, end, 'per') &&
    !isWordByte(text[start - 1]) &&
    text[end] === 0x20 &&
    isWordAt(text, end + 1, end + 5, 'cent') &&
    !isWordByte(text[end + 5])
  );
}

function isWordByte(byte: number | undefined): boolean {
  return byte !== undefined && (isLetter(byte) || isDigit(byte) || byte === 0x5f);
}
