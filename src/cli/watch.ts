import { setTimeout as sleep } from 'node:timers/promises';
import { ingest, type InputFailure } from '../pipeline/run.js';
import { UsageError, isOutputError, isStateError } from '../errors.js';
import type { FingerprintStore } from '../dedup/store.js';
import { JsonlFileSink, repairTornTail } from '../sinks/jsonl.js';
import { HotFolder } from '../sources/hotfolder.js';
import { EXIT } from './exit.js';
import type { IngestFlags } from './ingest.js';
import { Reporter, wantColor } from './report.js';
import { checkOutputs } from './outputs.js';
import { ownFiles } from './own-files.js';
import { defaultStatePath, openStateOrExit } from './state.js';
import { OwnFiles } from '../sources/own.js';

/** Options of `wire watch`, on top of the ingest options it shares. */
export interface WatchFlags extends Omit<IngestFlags, 'inputList' | 'jsonSummary'> {
  output: string;
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
  let sink: JsonlFileSink;
  try {
    const outputs = checkOutputs(flags);
    if (outputs.output?.kind !== 'file')
      throw new UsageError(`-o ${flags.output}: a watch appends to a regular file (its state and lock live beside it)`);
    const own = ownFiles({
      output: flags.output,
      state: flags.dedup === 'off' ? null : (flags.state ?? defaultStatePath(flags.output)),
      lock: `${flags.output}.lock`,
      duplicates: null,
    });
    folder = new HotFolder(dir, flags.settle, new OwnFiles(own));
    folder.ready();
  } catch (error) {
    reporter.fatal(error instanceof Error ? error.message : String(error));
    return EXIT.usage;
  }
  // Held for as long as the watch runs: a cron `wire ingest` on the same output waits, or exits 3.
  const state = await openStateOrExit(flags.output, flags, reporter);
  if (typeof state === 'number') return state;
  try {
    if (repairTornTail(flags.output) !== null) {
      reporter.fatal(`${flags.output}: its last line was incomplete; moved it to ${flags.output}.rejected`);
    }
    sink = new JsonlFileSink(flags.output);
  } catch (error) {
    state.close();
    reporter.fatal(error instanceof Error ? error.message : String(error));
    return EXIT.failed;
  }
  let stopping = false;
  const stop = (): void => {
    stopping = true;
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    while (!stopping) {
      for (const path of folder.ready()) {
        await ingestOne(path, folder, sink, state.store, flags, reporter);
        if (stopping) break;
      }
      if (flags.once && folder.waiting === 0) break;
      await sleep(flags.interval);
    }
    await sink.close();
  } catch (error) {
    // The output or the store failed (a full disk): the file in hand stays where it is, to be ingested again by the
    // next watch, which catches up from the output first; what was written is whole.
    if (!isOutputError(error) && !isStateError(error)) throw error;
    reporter.fatal(error.message);
    return EXIT.failed;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    state.close();
  }
  return EXIT.ok;
}

async function ingestOne(
  path: string,
  folder: HotFolder,
  sink: JsonlFileSink,
  store: FingerprintStore | null,
  flags: WatchFlags,
  reporter: Reporter,
): Promise<void> {
  // One store for the whole watch: a story delivered again in a later file is a duplicate, as across cron runs.
  const summary = await ingest({
    inputs: [path],
    store,
    format: flags.format,
    output: flags.outputFormat,
    dedup: flags.dedup,
    referenceDate: flags.referenceDate ?? null,
    maxStoryBytes: flags.maxStoryBytes,
    sink,
    onDiagnostic: (d) => reporter.diagnostic(d),
  });
  // Written and flushed before the file moves: a crash in between re-ingests it, never loses it.
  sink.flush();
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
