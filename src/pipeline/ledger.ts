import type { EmittedBatch, HttpValidators } from '../types.js';
import type { InputItem } from '../sources/inputs.js';
import type { Emitted } from './emit.js';

/** How far into an input the stories of a batch reach: recorded with the batch, so a rerun goes on from there. */
export interface InputProgress {
  /** The input's identity (see {@link InputGate.claim}). */
  readonly identity: string;
  /** Stories of the input read so far, this batch's included. */
  readonly stories: number;
}

/**
 * The end of the pipeline as the run drives it: dedup verdicts, where records go, and what is remembered. The file
 * path's {@link Emitter} (a sink and the SQLite store, output first) and the database's ledger (one transaction per
 * batch) both stand behind it.
 */
export interface BatchEmitter {
  /** True once a write or a commit has failed: the run must stop, and nothing more will be committed. */
  readonly failed: boolean;
  /**
   * True when a batch's emit mostly waits on another process (a database server): the run then parses the next batch
   * while one is in flight, and starts its emit once that one is done, so batches are still decided and committed
   * strictly in order.
   */
  readonly overlaps?: boolean;
  /** Decides and writes a batch; `progress` says how far into its input it reaches (recorded where supported). */
  emit(batch: EmittedBatch, progress?: InputProgress): Promise<Emitted>;
  /** Remembers a page's validators once its records are durably written. */
  remember(url: string, validators: HttpValidators): void;
  /** Makes everything written durable. */
  checkpoint(): Promise<void>;
}

/** What a host found when it took an input. */
export interface Claim {
  /** The input's identity: its lock, and the key of its progress. */
  readonly identity: string;
  /** Another run ingested the whole input already: nothing left to do. */
  readonly done: boolean;
  /** How many of its stories are already committed (read again, they are passed over). */
  readonly committed: number;
}

/**
 * Inputs shared between hosts: before an input is read, its host takes the input's lock (waiting for another host
 * that holds it) and learns how far it was ingested; when the input is done, its host records that and lets go.
 */
export interface InputGate {
  /**
   * Takes an input's lock and reads its progress; null for an input that has no identity (standard input). When the
   * lock is busy, `beforeWaiting` runs first (the run finishes and lets go of the inputs it holds, so that no two
   * hosts can wait for each other), then the claim waits up to the lock timeout and throws an InputError
   * (`input-locked`) past it.
   */
  claim(item: InputItem, beforeWaiting: () => Promise<void>): Promise<Claim | null>;
  /** Lets go of an input; `complete` records that all of it was ingested, so no host reads it again. */
  release(identity: string, complete: boolean, stories: number): Promise<void>;
}

/** The batch without its first `count` records (already committed by an earlier run). */
export function dropFirst(batch: EmittedBatch, count: number): EmittedBatch {
  if (count <= 0) return batch;
  if (count >= batch.keys.length) return { keys: [], bytes: batch.bytes.subarray(0, 0), ends: [] };
  const start = batch.ends[count - 1] ?? 0;
  return {
    keys: batch.keys.slice(count),
    bytes: batch.bytes.subarray(start),
    ends: batch.ends.slice(count).map((end) => end - start),
  };
}

/**
 * Once a write or a commit fails, the emitter is broken: the error is kept and thrown again by every later call, so
 * nothing more is written or committed after it.
 */
export class Breaker {
  private broken: Error | undefined = undefined;

  get failed(): boolean {
    return this.broken !== undefined;
  }

  async guard<T>(work: () => Promise<T>): Promise<T> {
    if (this.broken !== undefined) throw this.broken;
    try {
      return await work();
    } catch (error) {
      this.broken = error instanceof Error ? error : new Error(String(error));
      throw error;
    }
  }
}
