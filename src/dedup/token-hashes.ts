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
      hashes.push(hash);
      isNumber.push(number);
    },
  });
  return { hashes, isNumber };
}

/**
 * Hands each canonical token of a text to `sink` (see {@link canonicalHashes}). ASCII text that needs none of the
 * rewrites but case and quotes (no ticker, abbreviation, `%`, `&` or `per cent`: most copy) is scanned as it is,
 * letters folded to lower case as they are read, without the passes and copies of {@link prepareText}.
 */
export function scanCanonical(text: string, sink: TokenSink): void {
  const plain = asIs(text);
  if (plain !== null) return scanAscii(plain, sink);
  const { prepared, ascii } = prepareText(text);
  if (ascii) return scanAscii(prepared, sink);
  for (const token of canonicalTokens(text)) sink.add(hashString(token), isNumberToken(token));
}

/** The text with its quotes taken out when nothing else of {@link prepareText} would change it but case; else null. */
function asIs(text: string): string | null {
  if (NON_ASCII.test(text) || text.includes('<') || text.includes('%') || text.includes('&')) return null;
  if (hasAsciiAbbreviation(text)) return null;
  const unquoted = text.includes("'") || text.includes('`') ? text.replace(ASCII_QUOTES, '') : text;
  return PER_CENT.test(unquoted) ? null : unquoted;
}

const NON_ASCII = /[^\u0000-\u007f]/;
const ASCII_QUOTES = /['`]/g;
const PER_CENT = /per cent/i;

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
 * Tokens of ASCII text that needs no rewrite but case: runs of letters (folded to `a-z` as they are hashed), and
 * numbers `\d+(?:[.,/:]\d+)*` with thousands commas dropped.
 */
function scanAscii(text: string, sink: TokenSink): void {
  const length = text.length;
  let i = 0;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (isLetter(code)) {
      const start = i;
      let h = FNV_OFFSET;
      for (; i < length; i++) {
        const c = text.charCodeAt(i);
        if (!isLetter(c)) break;
        h = Math.imul(h ^ (c | 0x20), FNV_PRIME);
      }
      const hash = mix32(h);
      const replaced =
        (MAYBE_REPLACED[(hash & 0xffff) >>> 3]! & (1 << (hash & 7))) === 0
          ? undefined
          : REPLACED.get(hash)?.find((r) => r.word === text.slice(start, i).toLowerCase());
      if (replaced) sink.add(replaced.hash, replaced.isNumber);
      else sink.add(hash, false);
    } else if (code >= 48 && code <= 57) {
      let h = FNV_OFFSET;
      for (;;) {
        while (i < length && isDigit(text.charCodeAt(i))) h = Math.imul(h ^ text.charCodeAt(i++), FNV_PRIME);
        const next = text.charCodeAt(i);
        if (!(next === 46 || next === 44 || next === 47 || next === 58) || !isDigit(text.charCodeAt(i + 1))) break;
        // `1,000` → `1000`: a comma followed by exactly three digits (then the token's end or `.,/:`) is dropped.
        const thousands =
          next === 44 &&
          isDigit(text.charCodeAt(i + 2)) &&
          isDigit(text.charCodeAt(i + 3)) &&
          !isDigit(text.charCodeAt(i + 4));
        if (!thousands) h = Math.imul(h ^ next, FNV_PRIME);
        i++;
      }
      sink.add(mix32(h), true);
    } else {
      i++;
    }
  }
}
