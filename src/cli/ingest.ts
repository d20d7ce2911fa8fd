import { isOutputError, isUsageError, isWireError } from '../errors.js';
import { ingest, type DedupMode, type IngestSummary, type OutputFormat } from '../pipeline/run.js';
import type { Sink } from '../sinks/sink.js';
import type { FormatName } from '../types.js';
import { EXIT } from './exit.js';
import { checkOutputs, openDuplicates, openOutput, outputFile, ownFiles, type RunOutputs } from './outputs.js';
import { Reporter, paintFor, wantColor } from './report.js';
import { openStateOrExit } from './state.js';
import { stdinHasData } from './terminal.js';
import { chooseDatabase, openLedgerOrExit } from './db.js';
import type { RunState } from './state.js';

/** Options of `wire ingest` as commander parsed them (checked there: choices and number parsers). */
export interface IngestFlags {
  output?: string;
  inputList?: string;
  format: FormatName | 'auto';
  outputFormat: OutputFormat;
  dedup: DedupMode;
  duplicates?: string;
  state?: string;
  lockTimeout: number;
  referenceDate?: string;
  timezone?: string;
  maxStoryBytes: number;
  /** False with `--no-detect-language`. */
  detectLanguage: boolean;
  /** False with `--no-fetch-links`. */
  fetchLinks: boolean;
  concurrency: number;
  perHost: number;
  perHostDelay: number;
  timeout: number;
  maxBytes: number;
  retries: number;
  retryDelay: number;
  quiet?: boolean;
  verbose?: boolean;
  jsonSummary?: boolean;
  color: boolean;
  /** `--db URL` (or `--db` alone: WIRE_DB): the database holds the state and receives the records. */
  db?: string | boolean;
  /** `--explain`: each story's lines and the fields they went to, on standard output, instead of records. */
  explain?: boolean;
}

/** Runs `wire ingest` and returns the exit code. */
export async function runIngest(inputs: string[], flags: IngestFlags): Promise<number> {
  const reporter = new Reporter(process.stderr, {
    quiet: flags.quiet === true,
    verbose: flags.verbose === true,
    json: flags.jsonSummary === true,
    paint: await paintFor(wantColor(process.stderr, flags.color, process.env)),
    command: 'ingest',
  });
  if (inputs.length === 0 && flags.inputList === undefined) {
    if (!stdinHasData()) {
      reporter.fatal('nothing to ingest: name files, directories or URLs, pipe stories in, or use --input-list');
      return EXIT.usage;
    }
    inputs = ['-'];
  }
  if (inputs.filter((i) => i === '-').length + (flags.inputList === '-' ? 1 : 0) > 1) {
    reporter.fatal('standard input can be read only once (- named twice)');
    return EXIT.usage;
  }
  if (flags.explain === true) {
    const { runExplain } = await import('./explain.js');
    return runExplain(inputs, flags);
  }
  const database = chooseDatabase(flags, process.env);
  if (typeof database === 'string') {
    reporter.fatal(database);
    return EXIT.usage;
  }
  let outputs: RunOutputs;
  try {
    outputs = checkOutputs(flags);
  } catch (error) {
    if (!isUsageError(error)) throw error;
    reporter.fatal(error.message);
    return EXIT.usage;
  }
  const output = outputFile(outputs.output);
  // The lock comes first: the torn-line repair and the store's catch-up must not race another run's writes.
  const state: RunState | number =
    database === null
      ? await openStateOrExit(output, { ...flags, state: outputs.state ?? undefined }, reporter)
      : { store: null, lock: null, statePath: null, close: () => undefined };
  if (typeof state === 'number') return state;
  reporter.context = {
    ...reporter.context,
    seenIn:
      database !== null
        ? { kind: 'state' }
        : output !== null && flags.output !== undefined
          ? { kind: 'output', path: flags.output }
          : state.statePath !== null
            ? { kind: 'state' }
            : { kind: 'run' },
  };
  let sink: Sink;
  let duplicates: Sink | null;
  try {
    sink = openOutput(outputs.output, reporter);
    duplicates = openDuplicates(outputs.duplicates);
  } catch (error) {
    state.close();
    reporter.fatal(error instanceof Error ? error.message : String(error));
    return EXIT.failed;
  }
  // With --db the database is reached (and its schema brought up to date) before any input is read.
  const ledger = database === null ? null : await openLedgerOrExit(database, flags, duplicates, reporter);
  if (typeof ledger === 'number') {
    await duplicates?.close();
    return ledger;
  }
  const stop = interruptOnSignals();
  try {
    const summary = await ingest({
      inputs,
      inputList: flags.inputList ?? null,
      format: flags.format,
      output: flags.outputFormat,
      dedup: flags.dedup,
      store: state.store,
      duplicates,
      ...(state.store ? { validators: state.store } : {}),
      ...(ledger ? { emitter: ledger.emitter, gate: ledger.gate, validators: ledger.emitter } : {}),
      ownFiles: ownFiles({
        output,
        state: state.statePath,
        lock: state.lock?.path ?? null,
        duplicates: outputFile(outputs.duplicates),
      }),
      referenceDate: flags.referenceDate ?? null,
      ...(flags.timezone === undefined ? {} : { timezone: flags.timezone }),
      maxStoryBytes: flags.maxStoryBytes,
      detectLanguage: flags.detectLanguage,
      fetchLinks: flags.fetchLinks,
      fetch: {
        concurrency: flags.concurrency,
        perHost: flags.perHost,
        perHostDelayMs: flags.perHostDelay,
        timeoutMs: Math.round(flags.timeout * 1000),
        maxBytes: flags.maxBytes,
        retries: flags.retries,
        retryDelayMs: flags.retryDelay,
      },
      sink,
      signal: stop.signal,
      onDiagnostic: (d) => reporter.diagnostic(d),
      onInput: (report) => reporter.input(report),
      onProgress: (counts) => reporter.counts(counts),
    });
    await sink.close();
    await duplicates?.close();
    const code = exitCode(summary);
    reporter.summary(summary, code);
    return code;
  } catch (error) {
    if (!isOutputError(error) && !isWireError(error)) throw error;
    reporter.fatal(error.message);
    return EXIT.failed;
  } finally {
    stop.dispose();
    state.close();
    await ledger?.close();
  }
}

function exitCode(summary: IngestSummary): number {
  if (summary.interrupted) return EXIT.interrupted;
  // Inputs another host held past --lock-timeout, and nothing else wrong: as for a locked output.
  if (summary.failures.length > 0 && summary.failures.every((f) => f.code === 'input-locked')) return EXIT.locked;
  return summary.failures.length > 0 ? EXIT.failed : EXIT.ok;
}

/**
 * SIGINT and SIGTERM stop the run after the batch in hand: what was read is written and flushed, and the exit code
 * is 130. A second signal gives up at once.
 */
function interruptOnSignals(): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const onSignal = (): void => {
    if (controller.signal.aborted) process.exit(EXIT.interrupted);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
