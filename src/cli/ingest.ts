import { isLockError, isOutputError, isWireError } from '../errors.js';
import { ingest, type DedupMode } from '../pipeline.js';
import { JsonlFileSink, JsonlStreamSink, repairTornTail } from '../sinks/jsonl.js';
import type { Sink } from '../sinks/sink.js';
import type { FormatName } from '../types.js';
import { EXIT } from './exit.js';
import { Reporter, wantColor } from './report.js';
import { openState, type RunState } from './state.js';

/** Options of `wire ingest` as commander parsed them (checked there: choices and number parsers). */
interface IngestFlags {
  output?: string;
  inputList?: string;
  format: FormatName | 'auto';
  dedup: DedupMode;
  duplicates?: string;
  state?: string;
  lockTimeout: number;
  referenceDate?: string;
  maxStoryBytes: number;
  quiet?: boolean;
  color: boolean;
}

/** Runs `wire ingest` and returns the exit code. */
export async function runIngest(inputs: string[], raw: Record<string, unknown>): Promise<number> {
  const flags = raw as unknown as IngestFlags;
  const reporter = new Reporter(process.stderr, {
    quiet: flags.quiet === true,
    color: wantColor(process.stderr, flags.color, process.env),
  });
  if (inputs.length === 0 && flags.inputList === undefined) {
    process.stderr.write(
      'wire: error: nothing to ingest: name files, directories, - for standard input, or --input-list\n',
    );
    return EXIT.usage;
  }
  if (inputs.filter((i) => i === '-').length + (flags.inputList === '-' ? 1 : 0) > 1) {
    process.stderr.write('wire: error: standard input can be read only once (- named twice)\n');
    return EXIT.usage;
  }
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    // The reader went away (`wire ingest big/ | head -1`): stop quietly, as other Unix tools do.
    if (error.code === 'EPIPE') process.exit(EXIT.ok);
  });
  const output = flags.output === undefined || flags.output === '-' ? null : flags.output;
  let state: RunState;
  let sink: Sink;
  let duplicates: Sink | null;
  try {
    // The lock comes first: the torn-tail repair and the store's catch-up must not race another run's writes.
    state = await openState({
      output,
      state: flags.state ?? null,
      dedup: flags.dedup,
      lockTimeout: flags.lockTimeout,
      reporter,
    });
  } catch (error) {
    process.stderr.write(`wire: error: ${error instanceof Error ? error.message : String(error)}\n`);
    return isLockError(error) ? EXIT.locked : EXIT.failed;
  }
  try {
    sink = openSink(output ?? undefined, reporter);
    duplicates = flags.duplicates === undefined ? null : new JsonlFileSink(flags.duplicates);
  } catch (error) {
    state.close();
    process.stderr.write(`wire: error: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.failed;
  }
  try {
    const summary = await ingest({
      inputs,
      inputList: flags.inputList ?? null,
      format: flags.format,
      dedup: flags.dedup,
      store: state.store,
      duplicates,
      ...(state.store ? { validators: state.store } : {}),
      referenceDate: flags.referenceDate ?? null,
      maxStoryBytes: flags.maxStoryBytes,
      sink,
      onDiagnostic: (d) => reporter.diagnostic(d),
    });
    await sink.close();
    await duplicates?.close();
    reporter.summary(summary);
    return summary.failures.length > 0 ? EXIT.failed : EXIT.ok;
  } catch (error) {
    if (!isOutputError(error) && !isWireError(error)) throw error;
    process.stderr.write(`wire: error: ${error.message}\n`);
    return EXIT.failed;
  } finally {
    state.close();
  }
}

function openSink(output: string | undefined, reporter: Reporter): Sink {
  if (output === undefined || output === '-') return new JsonlStreamSink(process.stdout);
  const torn = repairTornTail(output);
  if (torn !== null) {
    reporter.diagnostic({
      severity: 'warning',
      code: 'torn-line',
      message: `${output}: its last line was incomplete (an interrupted run); moved it to ${output}.rejected`,
      input: output,
    });
  }
  return new JsonlFileSink(output);
}
