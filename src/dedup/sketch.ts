import { isNumberToken } from './canon.js';
import { combine, hashString, hashWords, mix32 } from './hash.js';

/**
 * The near-duplicate sketch of a story's canonical tokens.
 *
 * Tokens are cut into content-defined chunks (a chunk ends after a token whose hash says so), so an edit only
 * changes the chunk it falls in, and inserting or deleting a word never shifts the chunks after it. The sketch keeps
 * the first {@link OPENING_CHUNKS} chunk codes — the lead, which trimming from the bottom, retitling and trailers
 * leave alone — plus the chunk count and the first numbers of the text in order, because distinct stories cut from
 * one template (`Fed adds reserves via customer repurchases`) differ in little but their numbers.
 */
export interface NearSketch {
  /** Codes (8-bit hashes) of the first chunks. */
  readonly opening: readonly number[];
  /** How many chunks the whole text has (capped at 127). */
  readonly chunks: number;
  /**
   * 24-bit hashes of the first {@link SKETCH_NUMBERS} number tokens of the lead ({@link NUMBER_SPAN} words), in order:
   * wide enough that a template re-sent with one figure changed (`index 1234`) is not taken for a copy of one of its
   * recent variants (8 bits collided once in 256 comparisons, 16 bits once in 65,536: a few a day on a busy wire).
   */
  readonly numbers: readonly number[];
  /**
   * Retrieval key from the first two chunks and the first two numbers: shared by trimmed, retitled and restyled
   * copies, and not by template stories that open alike but report other figures.
   */
  readonly lead: number;
  /** Retrieval key from the rest of the opening (min-hash of its chunk pairs): survives an edit in the first words. */
  readonly spread: number;
  /** The dateline's day of the year, counted modulo 255 from 1, or 0 when unknown. */
  readonly day: number;
  /** A 16-bit hash of the headline's words (as a set), or 0 when there is none. */
  readonly title: number;
  /** True when the body is too short to say which story it is: then the headline must match too. */
  readonly short: boolean;
}

/** What a sketch knows besides the body's tokens. */
export interface SketchContext {
  readonly day: number;
  readonly title: number;
  readonly short: boolean;
}

/** How many opening chunk codes a sketch keeps (about 40 words of lead). */
export const OPENING_CHUNKS = 9;
/** How many of the lead's numbers a sketch keeps. */
export const SKETCH_NUMBERS = 5;
/** Bytes of a number's hash in the encoded sketch and the stored blob (the `h >>> 8` of {@link sketchOfHashes}). */
export const NUMBER_BYTES = 3;
/** How far into the text numbers are kept: rewrites cut and reorder lower paragraphs, but keep the lead's facts. */
export const NUMBER_SPAN = 80;
const MAX_CHUNKS = 127;
// A chunk ends after a token whose hash is 0 mod 4 (about 4 words a chunk), never before 2 words, always by 10.
const BOUNDARY_MODULUS = 4; // a power of two (see its use)
const MIN_CHUNK = 2;
const MAX_CHUNK = 10;
const SPREAD_SEED = 0x2545f491;
const NO_CONTEXT: SketchContext = { day: 0, title: 0, short: false };

/** The {@link NearSketch.title} of a headline's canonical tokens. */
export function titleHash(tokens: readonly string[]): number {
  if (tokens.length === 0) return 0;
  // The distinct words in order, joined by spaces: sorted, then each repeat left out.
  const sorted = [...tokens].sort();
  let kept = 1;
  for (let i = 1; i < sorted.length; i++) if (sorted[i] !== sorted[kept - 1]) sorted[kept++] = sorted[i]!;
  sorted.length = kept;
  return hashWords(sorted) & 0xffff || 1;
}

/** Builds the sketch of a body's tokens (see {@link NearSketch}). */
export function nearSketch(tokens: readonly string[], context: SketchContext = NO_CONTEXT): NearSketch {
  return sketchOfHashes(tokens.map(hashString), tokens.map(isNumberToken), context);
}

/** Builds the sketch from the tokens' hashes and number flags (see {@link canonicalHashes}). */
export function sketchOfHashes(
  tokenHashes: readonly number[],
  isNumber: readonly boolean[],
  context: SketchContext = NO_CONTEXT,
): NearSketch {
  const builder = new SketchBuilder();
  for (let i = 0; i < tokenHashes.length; i++) builder.add(tokenHashes[i] ?? 0, isNumber[i] === true);
  return builder.sketch(context);
}

/**
 * Builds a sketch from a text's tokens as they are read, one `add` a token (the scanner of token-hashes.ts calls it),
 * so that no array of token hashes is built: only the first chunks are kept, and the rest are counted.
 */
export class SketchBuilder {
  /** How many tokens were added. */
  tokens = 0;
  private readonly opening: number[] = [];
  // The hashes of the first OPENING_CHUNKS chunks, for the lead and spread keys.
  private readonly first: number[] = [];
  private readonly numbers: number[] = [];
  private chunks = 0;
  private chunk = 0;
  private length = 0;
  private leadNumbers = 0;

  add(hash: number, isNumber: boolean): void {
    // Past the opening only the chunk boundaries count: the chunks' codes are not kept.
    if (this.first.length < OPENING_CHUNKS) this.chunk = combine(this.chunk, hash);
    this.length++;
    if (isNumber && this.tokens < NUMBER_SPAN && this.numbers.length < SKETCH_NUMBERS) {
      this.numbers.push(hash >>> 8);
      // The numbers in the first two chunks join the lead key (a trimmed copy keeps those two chunks whole).
      if (this.chunks < 2) this.leadNumbers = combine(this.leadNumbers, hash);
    }
    this.tokens++;
    // `hash & 3` is the hash's low two bits, signed or not (a modulo would differ for a negative one).
    if ((this.length >= MIN_CHUNK && (hash & (BOUNDARY_MODULUS - 1)) === 0) || this.length >= MAX_CHUNK) this.close();
  }

  /** The sketch of the tokens added. */
  sketch(context: SketchContext = NO_CONTEXT): NearSketch {
    if (this.length > 0) this.close();
    const { first, chunks } = this;
    // Pairs of chunks after the first two, so that an edit there leaves the lead key and one there leaves this one.
    // Pairs, not single chunks: a chunk is only a few words, and `in the` would put every story in one bucket.
    let spread = 0xffffffff;
    for (let i = 3; i < first.length; i++)
      spread = Math.min(spread, mix32(combine(first[i - 1] ?? 0, first[i] ?? 0) ^ SPREAD_SEED));
    return {
      opening: this.opening,
      chunks: Math.min(chunks, MAX_CHUNKS),
      numbers: this.numbers,
      lead: combine(combine(first[0] ?? 0, first[1] ?? 0), this.leadNumbers) | 0,
      spread: chunks <= 3 ? 0 : spread | 0 || 1,
      ...context,
    };
  }

  private close(): void {
    if (this.first.length < OPENING_CHUNKS) {
      this.opening.push(this.chunk & 0xff);
      this.first.push(this.chunk);
    }
    this.chunks++;
    this.chunk = 0;
    this.length = 0;
  }
}
