import { setTimeout as sleep } from 'node:timers/promises';
import { ingest, type IngestSummary, type InputFailure } from '../pipeline/run.js';
import { UsageError, isOutputError, isStateError } from '../errors.js';
import type { JsonlFileSink } from '../sinks/jsonl.js';
import type { Sink } from '../sinks/sink.js';
import { HotFolder } from '../sources/hotfolder.js';
import { OwnFiles } from '../sources/own.js';
import { EXIT } from './exit.js';
import type { IngestFlags } from './ingest.js';
import { checkOutputs, openDuplicates, openOutput, ownFiles } from './outputs.js';
import { Reporter, paintFor, wantColor } from './report.js';
import { defaultStatePath, openStateOrExit, type RunState } from './state.js';
import { WatchTally } from './watch-tally.js';
import { chooseDatabase, openLedgerOrExit } from './db.js';
import type { OpenLedger } from '../sinks/pg/open.js';
import { where } from '../sinks/pg/target.js';

/** Options of `wire watch`, on top of the ingest options it shares. */
export interface WatchFlags extends Omit<IngestFlags, 'inputList'> {
  interval: number;
  settle: number;
  once?: boolean;
}

/** What a watch holds open while it runs: a file output with its state, or a database (`--db`). */
interface Watching {
  readonly folder: HotFolder;
  /** Where records go, as the messages name it: the output file, or the database URL without its password. */
  readonly target: string;
  readonly sink: JsonlFileSink | null;
  readonly duplicates: Sink | null;
  readonly state: RunState | null;
  readonly ledger: OpenLedger | null;
}

/**
 * `wire watch DIR -o FILE` (or `--db URL`): ingests files dropped into DIR once they are complete, then moves each to `DIR/.done/`
 * (or `DIR/.failed/` with a `.reason` file). It says when it starts, a line per file, and a summary when it stops:
 * on SIGINT or SIGTERM (the file in hand finishes; exit 0), or with `--once` when nothing is left (exit 1 if a
 * file failed, for cron).
 */
export async function runWatch(dir: string, flags: WatchFlags): Promise<number> {
  const reporter = new Reporter(process.stderr, {
    quiet: flags.quiet === true,
    verbose: flags.verbose === true,
    json: flags.jsonSummary === true,
    paint: await paintFor(wantColor(process.stderr, flags.color, process.env)),
    command: 'watch',
  });
  const opened = await open(dir, flags, reporter);
  if (typeof opened === 'number') return opened;
  const { folder, sink, duplicates, state, ledger, target } = opened;
  reporter.context = { ...reporter.context, seenIn: { kind: 'output', path: target } };
  const folderName = dir.endsWith('/') ? dir : `${dir}/`;
  reporter.note(
    flags.once === true
      ? `watch ${folderName} → ${target}: taking what is ready, then stopping`
      : `watching ${folderName} → ${target} (looking every ${secs(flags.interval)}; a file is taken once ` +
          `unchanged for ${secs(flags.settle)}; Ctrl-C to stop)`,
  );
  const tally = new WatchTally();
  let stopping = false;
  const stop = (): void => {
    stopping = true;
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    while (!stopping) {
      for (const path of folder.ready()) {
        tally.add(await ingestOne(path, opened, flags, reporter));
        if (stopping) break;
      }
      if (flags.once && folder.waiting === 0) break;
      await sleep(flags.interval);
    }
    await sink?.close();
    await duplicates?.close();
  } catch (error) {
    // The output or the store failed (a full disk): the file in hand stays where it is, to be ingested again by the
    // next watch, which catches up from the output first; what was written is whole.
    if (!isOutputError(error) && !isStateError(error)) throw error;
    reporter.fatal(error.message);
    reporter.summary(tally.summary(false), EXIT.failed);
    return EXIT.failed;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    state?.close();
    await ledger?.close();
  }
  // Stopped by a signal, a watch has done what it was asked; with --once, cron hears about a file that failed.
  const code = flags.once === true && tally.failed > 0 ? EXIT.failed : EXIT.ok;
  reporter.summary(tally.summary(stopping), code);
  return code;
}

/**
 * Checks the folder and the output paths, takes the lock and opens the output (or reaches the database, before any
 * file is read): what a watch holds while it runs.
 */
async function open(dir: string, flags: WatchFlags, reporter: Reporter): Promise<Watching | number> {
  let folder: HotFolder;
  let outputs;
  const database = chooseDatabase(flags, process.env);
  try {
    if (typeof database === 'string') throw new UsageError(database);
    if (database === null && flags.output === undefined)
      throw new UsageError('say where records go: -o FILE, or --db URL (run wire help watch for usage and examples)');
    outputs = checkOutputs(flags);
    const output = flags.output ?? null;
    if (output !== null && outputs.output?.kind !== 'file')
      throw new UsageError(`-o ${output}: a watch appends to a regular file (its state and lock live beside it)`);
    const own = ownFiles({
      output,
      state: output === null || flags.dedup === 'off' ? null : (outputs.state ?? defaultStatePath(output)),
      lock: output === null ? null : `${output}.lock`,
      duplicates: outputs.duplicates?.kind === 'file' ? outputs.duplicates.path : null,
    });
    folder = new HotFolder(dir, flags.settle, new OwnFiles(own));
    folder.ready();
  } catch (error) {
    reporter.fatal(error instanceof UsageError ? error.message : folderProblem(dir, error));
    return EXIT.usage;
  }
  const duplicates = openDuplicates(outputs.duplicates);
  // With --db, every file is read under its lock in the database, and the database is reached before any is read.
  if (database !== null) {
    const ledger = await openLedgerOrExit(database, flags, duplicates, reporter);
    if (typeof ledger === 'number') return ledger;
    return { folder, target: `database ${where(database)}`, sink: null, duplicates, state: null, ledger };
  }
  const output = flags.output ?? '';
  // Held for as long as the watch runs: a cron `wire ingest` on the same output waits, or exits 3.
  const state = await openStateOrExit(output, { ...flags, state: outputs.state ?? undefined }, reporter);
  if (typeof state === 'number') return state;
  try {
    const sink = openOutput(outputs.output, reporter) as JsonlFileSink;
    return { folder, target: output, sink, duplicates, state, ledger: null };
  } catch (error) {
    state.close();
    reporter.fatal(error instanceof Error ? error.message : String(error));
    return EXIT.failed;
  }
}

/** `1 s`, `0.25 s`. */
function secs(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}

function folderProblem(dir: string, error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return `${dir}: no such folder`;
  if (code === 'ENOTDIR') return `${dir}: not a folder`;
  if (code === 'EACCES' || code === 'EPERM') return `${dir}: permission denied`;
  return `${dir}: ${error instanceof Error ? error.message : String(error)}`;
}

/** Ingests one complete file, then moves it to `.done/` or `.failed/` and says so. */
async function ingestOne(
  path: string,
  watching: Watching,
  flags: WatchFlags,
  reporter: Reporter,
): Promise<IngestSummary> {
  const { folder, sink, duplicates, state, ledger } = watching;
  // One store for the whole watch: a story delivered again in a later file is a duplicate, as across cron runs.
  const summary = await ingest({
    inputs: [path],
    store: state?.store ?? null,
    duplicates,
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
    reporter.note(`${path}: ${reporter.added(summary)} → ${moved}`);
  }
  return summary;
}

function reasons(failures: readonly InputFailure[]): string {
  return failures.map((f) => `${f.code}: ${f.message}`).join('\n');
}

// With --db the ledger writes the records; the run's sink is never used.
const NO_SINK = { write: () => undefined, close: () => Promise.resolve() };
