import { Deduper, type DedupItem } from '../dedup/deduper.js';
import { decodeSketch } from '../dedup/fingerprint.js';
import type { NearSketch } from '../dedup/sketch.js';
import type { FingerprintStore } from '../dedup/store.js';
import type { DedupMode } from '../dedup/verdict.js';
import type { Sink } from '../sinks/sink.js';
import type { EmittedBatch, HttpValidators, StoryKeys, ValidatorCache } from '../types.js';
import type { StageClock } from './clock.js';
import { Breaker } from './ledger.js';

// The output is fsynced and the store told what it holds after this many new records, then after twice as many
// each time up to the last figure (and at the end). A commit rewrites every page its random keys touch: committing
// in larger batches on a long run cost a third to a half as much CPU a story, and fewer fsyncs; a short run still
// checkpoints early.
const FIRST_CHECKPOINT = 1024;
const LAST_CHECKPOINT = 8192;

/** What one batch added to the output. */
export interface Emitted {
  readonly stories: number;
  readonly duplicates: number;
  readonly versions: number;
}

/** What the emitter writes to and remembers in. */
export interface EmitterOptions {
  readonly sink: Sink;
  readonly duplicates: Sink | null;
  readonly dedup: DedupMode;
  readonly store: FingerprintStore | null;
  readonly validators: ValidatorCache | null;
  /** Told when the dedup stage (`store`) and the sink (`write`) finish their part of a batch (the stage benchmark). */
  readonly clock?: StageClock;
}

/**
 * The end of the pipeline: dedup verdicts, the sink, and the exactly-once protocol between the output and the
 * store. Output first, store second: a checkpoint fsyncs the output and only then tells the store which stories it
 * holds and how many bytes long it is; HTTP validators are remembered after that too, since the next run's 304
 * writes nothing. Once a write, a sync or the store fails, the emitter is broken: nothing more is written or
 * committed, so the store never records a story the output may not hold, and the next run catches up from the
 * output itself.
 */
export class Emitter {
  private readonly deduper: Deduper;
  private validators: Array<readonly [string, HttpValidators]> = [];
  private checkpointAfter = FIRST_CHECKPOINT;
  private readonly breaker = new Breaker();

  constructor(private readonly options: EmitterOptions) {
    this.deduper = new Deduper(options.dedup, options.store);
  }

  /** True once a write or a commit has failed: the run must stop, and nothing more will be committed. */
  get failed(): boolean {
    return this.breaker.failed;
  }

  /**
   * Writes a batch's records in order, as the dedup stage decides: runs of new records go to the sink as they are,
   * uncopied; duplicates are left out (and written to `duplicates`, if asked); a new version is written with its
   * `version` and `replaces` filled in.
   */
  async emit(batch: EmittedBatch): Promise<Emitted> {
    return this.breaker.guard(async () => {
      const { sink, duplicates } = this.options;
      const { clock } = this.options;
      const verdicts = this.deduper.decide(batch.keys.map(dedupItem));
      clock?.lap('store');
      const counts = { stories: 0, duplicates: 0, versions: 0 };
      let runStart = 0;
      let runEnd = 0;
      const flushRun = async (): Promise<void> => {
        if (runEnd > runStart) await sink.write(batch.bytes.subarray(runStart, runEnd));
      };
      for (let i = 0; i < batch.keys.length; i++) {
        const start = i === 0 ? 0 : (batch.ends[i - 1] ?? 0);
        const end = batch.ends[i] ?? start;
        const verdict = verdicts[i] ?? { kind: 'new' };
        if (verdict.kind === 'new') {
          runEnd = end;
          counts.stories++;
          continue;
        }
        await flushRun();
        runStart = runEnd = end;
        const line = batch.bytes.subarray(start, end);
        if (verdict.kind === 'duplicate') {
          counts.duplicates++;
          await duplicates?.write(patch(line, { duplicate_of: verdict.of, similarity: verdict.similarity }));
        } else {
          counts.stories++;
          counts.versions++;
          await sink.write(patch(line, { version: verdict.version, replaces: verdict.replaces }));
        }
      }
      await flushRun();
      clock?.lap('write');
      if (this.deduper.uncommitted() >= this.checkpointAfter) {
        await this.commit();
        this.checkpointAfter = Math.min(LAST_CHECKPOINT, 2 * this.checkpointAfter);
      }
      return counts;
    });
  }

  /** Remembers a page's validators at the next checkpoint, once its records are durably in the output. */
  remember(url: string, validators: HttpValidators): void {
    if (this.options.validators) this.validators.push([url, validators]);
  }

  /** Makes everything written durable and commits it to the store. */
  async checkpoint(): Promise<void> {
    await this.breaker.guard(() => this.commit());
  }

  private async commit(): Promise<void> {
    if (this.deduper.uncommitted() === 0 && this.validators.length === 0 && !this.options.store) return;
    const offset = this.options.sink.checkpoint ? await this.options.sink.checkpoint() : null;
    this.options.clock?.lap('write');
    this.deduper.commit(offset);
    this.options.clock?.lap('store');
    const validators = this.validators;
    this.validators = [];
    for (const [url, v] of validators) this.options.validators?.put(url, v);
  }
}

/** The dedup stage's view of a batch's story. */
export function dedupItem(keys: StoryKeys): DedupItem {
  const sketch = (keys.near === null ? null : decodeSketch(keys.near)) ?? exactOnly(keys.fingerprint);
  return { id: keys.id, exact: keys.fingerprint, sketch, update: keys.update };
}

/** A sketch for a record without one: keyed by its exact fingerprint, so it can only match an exact copy. */
function exactOnly(exact: string): NearSketch {
  const lead = Number.parseInt(exact.slice(0, 8), 16) | 0;
  const title = Number.parseInt(exact.slice(8, 12), 16);
  return { opening: [], chunks: 0, numbers: [], lead, spread: 0, day: 0, title, short: true };
}

/** One JSON line with fields set (a version's `replaces`, a duplicate's `duplicate_of`); rare, so parsed again. */
export function patch(line: Uint8Array, fields: Readonly<Record<string, unknown>>): Uint8Array {
  const record = JSON.parse(Buffer.from(line.buffer, line.byteOffset, line.byteLength).toString('utf8')) as object;
  return Buffer.from(`${JSON.stringify({ ...record, ...fields })}\n`, 'utf8');
}
