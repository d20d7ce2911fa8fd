import { setTimeout as sleep } from 'node:timers/promises';
import { ingest, type InputFailure } from '../pipeline/run.js';
import { isOutputError, isStateError } from '../errors.js';
import type { FingerprintStore } from '../dedup/store.js';
import { JsonlFileSink, repairTornTail } from '../sinks/jsonl.js';
import { HotFolder } from '../sources/hotfolder.js';
import { EXIT } from './exit.js';
import type { IngestFlags } from './ingest.js';
import { Reporter, wantColor } from './report.js';
import { openStateOrExit } from './state.js';
import { chooseDatabase, openLedgerOrExit } from './db.js';
import type { OpenLedger } from '../sinks/pg/open.js';

/** Options of `wire watch`, on top of the ingest options it shares. */
export interface WatchFlags extends Omit<IngestFlags, 'inputList' | 'jsonSummary'> {
  interval: number;
  settle: number;
  once?: boolean;
}

/**
 * `wire watch DIR -o FILE`: ingests files dropped into DIR once they are complete, then moves each to `DIR/.done/`
 * (or `DIR/.failed/` with a `.reason` file). SIGINT or SIGTERM lets the file in hand finish, then exits 0.
 */
export async function runWatch(dir: string, flags: WatchFlags): Promise<number> {
  const reporter = new Reporter(process.stderr, {
    quiet: flags.quiet === true,
    verbose: flags.verbose === true,
    json: false,
    color: wantColor(process.stderr, flags.color, process.env),
  });
  let folder: HotFolder;
  let sink: JsonlFileSink | null = null;
  const database = chooseDatabase(flags, process.env);
  if (typeof database === 'string' || (database === null && flags.output === undefined)) {
    reporter.fatal(typeof database === 'string' ? database : 'say where records go: -o FILE, or --db URL');
    return EXIT.usage;
  }
  try {
    folder = new HotFolder(dir, flags.settle);
    folder.ready();
  } catch (error) {
    reporter.fatal(error instanceof Error ? error.message : String(error));
    return EXIT.usage;
  }
  // With --db, every file is read under its lock in the database, and the database is reached before any is read.
  if (database !== null) {
    const ledger = await openLedgerOrExit(database, flags, null, reporter);
    if (typeof ledger === 'number') return ledger;
    try {
      return await watchLoop(folder, null, ledger, flags, reporter);
    } finally {
      await ledger.close();
    }
  }
  const output = flags.output ?? '';
  // Held for as long as the watch runs: a cron `wire ingest` on the same output waits, or exits 3.
  const state = await openStateOrExit(output, flags, reporter);
  if (typeof state === 'number') return state;
  try {
    if (repairTornTail(output) !== null) {
      reporter.fatal(`${output}: its last line was incomplete; moved it to ${output}.rejected`);
    }
    sink = new JsonlFileSink(output);
  } catch (error) {
    state.close();
    reporter.fatal(error instanceof Error ? error.message : String(error));
    return EXIT.failed;
  }
  try {
    return await watchLoop(folder, sink, state.store, flags, reporter);
  } finally {
    state.close();
  }
}

/** Ingests ready files until a signal (or, with --once, until none is left or coming). */
async function watchLoop(
  folder: HotFolder,
  sink: JsonlFileSink | null,
  store: FingerprintStore | OpenLedger | null,
  flags: WatchFlags,
  reporter: Reporter,
): Promise<number> {
  let stopping = false;
  const stop = (): void => {
    stopping = true;
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    while (!stopping) {
      for (const path of folder.ready()) {
        await ingestOne(path, folder, sink, store, flags, reporter);
        if (stopping) break;
      }
      if (flags.once && folder.waiting === 0) break;
      await sleep(flags.interval);
    }
    await sink?.close();
  } catch (error) {
    // The output or the store failed (a full disk): the file in hand stays where it is, to be ingested again by the
    // next watch, which catches up from the output first; what was written is whole.
    if (!isOutputError(error) && !isStateError(error)) throw error;
    reporter.fatal(error.message);
    return EXIT.failed;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
  return EXIT.ok;
}

async function ingestOne(
  path: string,
  folder: HotFolder,
  sink: JsonlFileSink | null,
  store: FingerprintStore | OpenLedger | null,
  flags: WatchFlags,
  reporter: Reporter,
): Promise<void> {
  const ledger = store !== null && 'gate' in store ? store : null;
  // One store for the whole watch: a story delivered again in a later file is a duplicate, as across cron runs.
  const summary = await ingest({
    inputs: [path],
    store: ledger ? null : (store as FingerprintStore | null),
    ...(ledger ? { emitter: ledger.emitter, gate: ledger.gate, validators: ledger.emitter } : {}),
    format: flags.format,
    output: flags.outputFormat,
    dedup: flags.dedup,
    referenceDate: flags.referenceDate ?? null,
    ...(flags.timezone === undefined ? {} : { timezone: flags.timezone }),
    maxStoryBytes: flags.maxStoryBytes,
    detectLanguage: flags.detectLanguage,
    sink: sink ?? NO_SINK,
    onDiagnostic: (d) => reporter.diagnostic(d),
  });
  // Written and flushed before the file moves: a crash in between re-ingests it, never loses it.
  sink?.flush();
  if (summary.failures.length > 0) {
    const moved = folder.failed(path, reasons(summary.failures));
    reporter.diagnostic({
      severity: 'error',
      code: 'watch-failed',
      message: `${path}: moved to ${moved}`,
      input: path,
    });
  } else {
    const moved = folder.done(path);
    reporter.input({
      input: `${path} → ${moved}`,
      stories: summary.stories,
      duplicates: summary.duplicates,
      failed: false,
    });
  }
}

function reasons(failures: readonly InputFailure[]): string {
  return failures.map((f) => `${f.code}: ${f.message}`).join('\n');
}

// With --db the ledger writes the records; the run's sink is never used.
const NO_SINK = { write: () => undefined, close: () => Promise.resolve() };
