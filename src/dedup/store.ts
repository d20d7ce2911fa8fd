import type { NearSketch } from './sketch.js';

/** What the store keeps of a story written to the output: enough to recognize its copies and updates. */
export interface StoredStory {
  /** The record's `id`. */
  readonly id: string;
  /** The first 16 bits of the exact fingerprint (the lead key already narrows the candidates to a handful). */
  readonly exact: number;
  readonly version: number;
  readonly sketch: NearSketch;
}

/**
 * Where fingerprints of written stories are remembered between runs. The pipeline only sees this interface, so a
 * shared network store can stand in for the embedded one.
 *
 * The store is a cache of the output: `commit` records stories only after they are durably written, together with
 * how far into the output file they reach, so that a run that dies between the two leaves the store behind the
 * output, never ahead of it, and the next run catches up from the output itself.
 */
export interface FingerprintStore {
  /** Stored stories sharing a lead or spread key with any of the given sketches. */
  candidates(sketches: readonly NearSketch[]): StoredStory[];
  /** Records stories already written, and the output offset (bytes) they reach; null for a stream output. */
  commit(stories: readonly StoredStory[], offset: number | null): void;
  /** The output offset the stored stories reach: 0 for a new store. */
  absorbed(): number;
  /** How many stories are stored. */
  size(): number;
  close(): void;
}

/** The first 16 bits of a 16-hex-digit exact fingerprint. */
export function exactKey(exact: string): number {
  return Number.parseInt(exact.slice(0, 4), 16);
}
