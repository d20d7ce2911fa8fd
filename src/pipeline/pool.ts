import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import type * as WorkerThreads from 'node:worker_threads';
import type { Batch, BatchResult } from './batch.js';

// worker_threads loads with the first pool: most runs (a file of a few stories) never start a worker, and loading
// the module costs each of them about 4 ms of start-up.
const load = createRequire(import.meta.url);

const YOUNG_MB = Number(process.env['WIRE_WORKER_YOUNG_MB'] ?? 16);
// One worker fewer than there are cores: the main thread parses too, whenever the workers are busy.
const WORKERS = Math.max(1, Math.min(4, availableParallelism() - 1));
// WIRE_WORKERS sets the workers of a large run whatever the machine's load (0: none).
const SET_WORKERS = /^\d+$/.test(process.env['WIRE_WORKERS'] ?? '') ? Number(process.env['WIRE_WORKERS']) : null;

/**
 * The workers for a large run, given the cores it could have beside its main thread (see SpareCores): one for each,
 * up to one fewer than there are cores, and none when less than half a core is spare; WIRE_WORKERS when it is set.
 */
export function workersFor(spare: number): number {
  if (SET_WORKERS !== null) return SET_WORKERS;
  return spare < 0.5 ? 0 : Math.max(1, Math.min(WORKERS, Math.floor(spare)));
}

/**
 * Bytes of units a run parses before it hands batches to the pool. A worker costs a second or more of CPU before it
 * pays: it loads the modules and optimizes the code again in its own isolate, and V8's compiler and GC threads compete
 * for the same cores. On two cores (`wire ingest`, CPU of all threads): the Reuters-21578 SGML (12.5 MB) took 6–7 s
 * with a worker against 4.2–4.9 s without, a 20 MB ANPA stream 6.2 s against 4.5 s (3.0 s of it on the main thread),
 * a 100 MB one 17.8 s against 15.4 s, but with the main thread's share down from 11.1 s to 6.8 s: only there do two
 * cores finish sooner. With more cores the workers have room of their own.
 */
export const PARALLEL_AFTER = (WORKERS > 1 ? 4 : 32) * 1024 * 1024;

/**
 * Bytes left to parse for which a run hands batches to a pool that an earlier run of this process started and
 * warmed (`wire watch`, a library caller): its workers cost nothing more to start, and their code is optimized.
 */
export const WARM_PARALLEL_AFTER = 2 * 1024 * 1024;

interface Pending {
  readonly resolve: (result: BatchResult) => void;
  readonly reject: (error: Error) => void;
}

/**
 * A small pool of worker threads that run {@link processBatch} on batches of units. Each batch goes to the least
 * busy worker; callers keep their own order by awaiting the promises in submission order.
 */
export class ParsePool {
  private readonly workers: Array<{ worker: WorkerThreads.Worker; busy: number }> = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  /** Set once a worker failed or stopped: the pool takes no more batches. */
  broken = false;
  /** Batches handed to the workers so far. */
  batches = 0;

  constructor(size: number) {
    const { Worker } = load('node:worker_threads') as typeof WorkerThreads;
    for (let i = 0; i < size; i++) {
      // A small young generation: batches are short-lived garbage, and memory must stay flat on gigabyte inputs.
      const worker = new Worker(new URL('./worker.js', import.meta.url), {
        resourceLimits: { maxYoungGenerationSizeMb: YOUNG_MB },
      });
      // An idle worker does not keep the process alive; one with batches to parse does.
      worker.unref();
      const slot = { worker, busy: 0 };
      worker.on('message', (message: { id: number; result?: BatchResult; error?: string }) => {
        if (--slot.busy === 0) worker.unref();
        const waiter = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.result) waiter?.resolve(message.result);
        else waiter?.reject(new Error(message.error ?? 'worker failed'));
      });
      worker.on('error', (error) => this.failAll(error));
      worker.on('exit', () => this.failAll(new Error('a parse worker stopped')));
      this.workers.push(slot);
    }
  }

  /** True when every worker already has `depth` batches waiting. */
  busy(depth: number): boolean {
    return this.workers.every((slot) => slot.busy >= depth);
  }

  /** Parses a batch on a worker. */
  run(batch: Batch): Promise<BatchResult> {
    this.batches++;
    const slot = this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    if (slot.busy++ === 0) slot.worker.ref();
    const id = this.nextId++;
    const { packed, buffer } = pack(batch);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ id, batch: packed }, [buffer]);
    });
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((slot) => slot.worker.terminate()));
  }

  private failAll(error: Error): void {
    this.broken = true;
    for (const waiter of this.pending.values()) waiter.reject(error);
    this.pending.clear();
  }
}

let shared: ParsePool | null = null;

/**
 * The process's pool, started on first need and kept between runs: a run after another (`wire watch`, each file it
 * is handed; a library caller) finds its workers started and their code already optimized, where a fresh worker
 * spends its first seconds in unoptimized code. Idle workers do not keep the process alive.
 */
export function sharedPool(size: number): ParsePool {
  if (shared === null || shared.broken) shared = new ParsePool(size);
  return shared;
}

/** The process's pool when an earlier run started it and it has parsed batches since: warm, and free to use. */
export function warmPool(): ParsePool | null {
  return shared !== null && !shared.broken && shared.batches > 0 ? shared : null;
}

/**
 * The batch with its units' bytes copied into one buffer of its own, which is handed to the worker rather than copied
 * again. (The units are views of the 256 KB buffers framing read: sent as they are, each would carry its whole buffer.)
 */
function pack(batch: Batch): { packed: Batch; buffer: ArrayBuffer } {
  const buffer = new ArrayBuffer(batch.units.reduce((sum, unit) => sum + unit.bytes.length, 0));
  const all = new Uint8Array(buffer);
  let at = 0;
  const units = batch.units.map((unit) => {
    all.set(unit.bytes, at);
    at += unit.bytes.length;
    // Field by field, not a spread: V8 (Node 20) builds `{ ...unit, bytes }` through a slow path, and this runs a unit.
    return { bytes: all.subarray(at - unit.bytes.length, at), line: unit.line, ordinal: unit.ordinal };
  });
  return { packed: { ...batch, units }, buffer };
}

/** True when this module runs from the built JavaScript (workers need it; tests of the TypeScript run in-thread). */
export const canUseWorkers = import.meta.url.endsWith('.js');
