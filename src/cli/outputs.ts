import { createWriteStream, type WriteStream } from 'node:fs';
import { UsageError } from '../errors.js';
import { JsonlFileSink, JsonlStreamSink, repairTornTail } from '../sinks/jsonl.js';
import type { Sink } from '../sinks/sink.js';
import { checkDistinct, checkOutputPath, type OutputPath } from './paths.js';
import type { Reporter } from './report.js';

/** Where a run writes, every path checked before anything is created; null where it writes nothing (or stdout). */
export interface RunOutputs {
  /** `-o FILE`; null for standard output (no `-o`, or `-o -`). */
  readonly output: OutputPath | null;
  readonly duplicates: OutputPath | null;
  readonly state: string | null;
}

/**
 * Checks `-o`, `--duplicates` and `--state` together, before the lock, the state or any file is created: a path
 * that cannot be written is a usage error (exit 2) with one message, and nothing is left behind.
 */
export function checkOutputs(flags: {
  readonly output?: string | undefined;
  readonly duplicates?: string | undefined;
  readonly state?: string | undefined;
}): RunOutputs {
  const output = flags.output === undefined || flags.output === '-' ? null : checkOutputPath('-o', flags.output);
  const duplicates = flags.duplicates === undefined ? null : checkOutputPath('--duplicates', flags.duplicates);
  const state = flags.state === undefined ? null : checkOutputPath('--state', flags.state);
  if (state?.kind === 'stream')
    throw new UsageError(`--state ${state.path}: is not a regular file (the dedup state is a database file)`);
  checkDistinct([
    ['-o', output?.kind === 'file' ? output.path : null],
    ['--duplicates', duplicates?.kind === 'file' ? duplicates.path : null],
    ['--state', state?.path ?? null],
  ]);
  return { output, duplicates, state: state?.path ?? null };
}

/** The file a run locks and keeps its state beside, or null when it writes to a stream. */
export function outputFile(output: OutputPath | null): string | null {
  return output?.kind === 'file' ? output.path : null;
}

/**
 * Opens an output. A file: a torn last line (an interrupted run) is moved aside first, then lines are appended.
 * A stream — standard output, `/dev/stdout`, a named pipe, a terminal — is written like standard output.
 */
export function openOutput(output: OutputPath | null, reporter: Reporter): Sink {
  if (output === null) return new JsonlStreamSink(process.stdout);
  if (output.kind === 'stream') return streamSink(output.path);
  const torn = repairTornTail(output.path);
  if (torn !== null) {
    reporter.diagnostic({
      severity: 'warning',
      code: 'torn-line',
      message: `${output.path}: its last line was incomplete (an interrupted run); moved it to ${output.path}.rejected`,
      input: output.path,
    });
  }
  return new JsonlFileSink(output.path);
}

/** Opens `--duplicates`: a file appended to, or a stream. */
export function openDuplicates(duplicates: OutputPath | null): Sink | null {
  if (duplicates === null) return null;
  return duplicates.kind === 'file' ? new JsonlFileSink(duplicates.path) : streamSink(duplicates.path);
}

const STDOUT = /^\/(?:dev\/stdout|dev\/fd\/1|proc\/self\/fd\/1)$/;
const STDERR = /^\/(?:dev\/stderr|dev\/fd\/2|proc\/self\/fd\/2)$/;

function streamSink(path: string): Sink {
  if (STDOUT.test(path)) return new JsonlStreamSink(process.stdout);
  if (STDERR.test(path)) return new JsonlStreamSink(process.stderr);
  const stream = createWriteStream(path, { flags: 'a' });
  // A reader that goes away (a named pipe's reader closed) ends the run quietly, as on standard output.
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const sink = new JsonlStreamSink(stream);
  return {
    write: (lines) => sink.write(lines),
    checkpoint: () => sink.checkpoint(),
    close: async () => {
      await sink.close();
      await endStream(stream);
    },
  };
}

function endStream(stream: WriteStream): Promise<void> {
  return new Promise((resolve) => stream.end(resolve));
}
