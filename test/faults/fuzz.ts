import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { PARSER_NAMES } from '../../src/formats/names.js';
import type { FormatName } from '../../src/types.js';
import type { FuzzJob, FuzzReport } from './fuzz-worker.js';
import { size, verdict, type Case } from './matrix.js';

const PARSERS: readonly FormatName[] = PARSER_NAMES;
const CASES = size(10_000, 100_000);
// Inputs are a few kilobytes: a second for one of them is a pathological path (a backtracking regex, a loop).
const LIMIT_MS = 1000;
// A worker that starts no new case for this long is stuck in one: it is stopped, and the input reported.
const HANG_MS = 30_000;
const INPUT_CHARS = 1 << 16;
const SEED = Number(process.env['FAULTS_SEED'] ?? 20261127);

type Result = FuzzReport | { readonly hung: string };

/** Runs one worker's share of the cases, watching that it keeps starting new ones. */
function runWorker(format: FormatName, runs: number, seed: number): Promise<Result> {
  const shared = new SharedArrayBuffer(8 + INPUT_CHARS * 2);
  const progress = new Int32Array(shared, 0, 2);
  const job: FuzzJob = { format, runs, seed, limitMs: LIMIT_MS, shared };
  const worker = new Worker(new URL('./fuzz-worker.js', import.meta.url), { workerData: job });
  return new Promise((resolve, reject) => {
    let last = -1;
    let since = performance.now();
    const watch = setInterval(() => {
      const started = Atomics.load(progress, 0);
      if (started !== last) {
        last = started;
        since = performance.now();
      } else if (performance.now() - since > HANG_MS) {
        clearInterval(watch);
        const chars = new Uint16Array(shared, 8, Atomics.load(progress, 1));
        void worker.terminate();
        resolve({ hung: String.fromCharCode(...chars.subarray(0, 2000)) });
      }
    }, 250);
    worker.once('message', (report: FuzzReport) => {
      clearInterval(watch);
      void worker.terminate();
      resolve(report);
    });
    worker.once('error', (error) => {
      clearInterval(watch);
      reject(error);
    });
  });
}

/** A row per parser: CASES generated inputs, shared between workers, one per core. */
function fuzzCase(format: FormatName): Case {
  return {
    name: `fuzz: ${format}`,
    async run() {
      const workers = Math.max(1, Math.min(2, availableParallelism()));
      const results = await Promise.all(
        Array.from({ length: workers }, (_, i) => runWorker(format, Math.ceil(CASES / workers), SEED + i)),
      );
      const problems: string[] = [];
      let cases = 0;
      let records = 0;
      let slowest = 0;
      for (const result of results) {
        if ('hung' in result) {
          problems.push(`hung for ${HANG_MS / 1000} s on ${JSON.stringify(result.hung.slice(0, 300))}`);
          continue;
        }
        cases += result.cases;
        records += result.records;
        slowest = Math.max(slowest, result.slowestMs);
        const f = result.failure;
        if (f) problems.push(`${f.error} (seed ${f.seed}, path ${f.path}) on ${JSON.stringify(f.input.slice(0, 300))}`);
      }
      const what = `${cases} inputs, ${records} records valid against the schema, slowest input ${Math.round(slowest)} ms`;
      return verdict(what, `no throw, none over ${LIMIT_MS} ms, no invalid record`, problems);
    },
  };
}

/** The fuzzing rows: every parser. */
export const fuzzCases: readonly Case[] = PARSERS.map(fuzzCase);
