import type { NearSketch } from './sketch.js';

/** What the store keeps of a story written to the output: enough to recognize its copies and updates. */
export interface StoredStory {
  /** The record's `id`. */
  readonly id: string;
  /** The first 48 bits of the exact fingerprint ({@link exactKey}): equal for identical bodies. */
  readonly exact: number;
  readonly version: number;
  /** The sketch; a story read back from the store knows its lead key but not its spread key (0). */
  readonly sketch: NearSketch;
}

/**
 * How many of the newest stories sharing a lead key a story is compared with. Copies follow their original within
 * hours; a lead key shared by more stories than this is a template re-sent with other figures (market reports,
 * weather, results), whose variants must not make each lookup longer than the last. Reuters-21578 links the same
 * stories with 2 as without a bound (docs/dedup.md); 4 leaves room.
 */
export const RECENT_PER_LEAD = 4;

/**
 * A story dropped as a copy, remembered by its body: the same text sent again (a feed re-serving its items) is
 * dropped the same way, even once its original is no longer among the newest stories with its keys.
 */
export interface DroppedCopy {
  /** {@link exactKey} of its exact fingerprint. */
  readonly exact: number;
  /** Its sketch's title and day: the same body under other headline words or on another day is judged afresh. */
  readonly title: number;
  readonly day: number;
  /** The id of the story it copies, and how similar it was (0 to 1, three decimals). */
  readonly of: string;
  readonly similarity: number;
}

/** What a story is looked up by. */
export interface LookupKeys {
  readonly lead: number;
  /** 0 when the story is too short to have one. */
  readonly spread: number;
  /** {@link exactKey} of its exact fingerprint. */
  readonly exact: number;
}

/** Stored stories found for a batch of {@link LookupKeys}, by the key that found them. */
export interface Found {
  /** The newest {@link RECENT_PER_LEAD} stored stories with each lead key, newest first. */
  readonly byLead: ReadonlyMap<number, readonly StoredStory[]>;
  /** The newest stored story with each spread key. */
  readonly bySpread: ReadonlyMap<number, StoredStory>;
  /**
   * Stored stories with each exact key, newest first: asked only for lead keys whose newest stories filled the list
   * (an identical body has the same lead key, so below that it is in the list already).
   */
  readonly byExact: ReadonlyMap<number, readonly StoredStory[]>;
  /** Dropped copies with each exact key. */
  readonly copies: ReadonlyMap<number, readonly DroppedCopy[]>;
}

/** Nothing found: a run without a store. */
export const NOTHING_FOUND: Found = { byLead: new Map(), bySpread: new Map(), byExact: new Map(), copies: new Map() };

/**
 * Where fingerprints of written stories are remembered between runs. The pipeline only sees this interface, so a
 * shared network store can stand in for the embedded one.
 *
 * The store is a cache of the output: `commit` records stories only after they are durably written, together with
 * how far into the output file they reach, so that a run that dies between the two leaves the store behind the
 * output, never ahead of it, and the next run catches up from the output itself. Stories are committed in the order
 * they were written, which is the order "newest" refers to.
 */
export interface FingerprintStore {
  /** The stored stories a batch of stories is compared with (see {@link Found}). */
  candidates(keys: readonly LookupKeys[]): Found;
  /**
   * Records stories already written, and the output offset (bytes) they reach (null for a stream output), with the
   * copies dropped among them. The copies are not in the output: a store rebuilt from it has forgotten them.
   */
  commit(stories: readonly StoredStory[], offset: number | null, copies?: readonly DroppedCopy[]): void;
  /** The output offset the stored stories reach: 0 for a new store. */
  absorbed(): number;
  /** How many stories are stored. */
  size(): number;
  close(): void;
}

/** The first 48 bits of a 16-hex-digit exact fingerprint, as a number (exactly representable). */
export function exactKey(exact: string): number {
  return Number.parseInt(exact.slice(0, 12), 16);
}

/** The keys a story is looked up by. */
export function lookupKeys(sketch: NearSketch, exact: string): LookupKeys {
  return { lead: sketch.lead, spread: sketch.spread, exact: exactKey(exact) };
}
