import {
  appendFileSync,
  closeSync,
  fdatasyncSync,
  fstatSync,
  ftruncateSync,
  openSync,
  readSync,
  writeSync,
} from 'node:fs';
import type { Writable } from 'node:stream';
import { OutputError, describeError } from '../errors.js';
import type { Sink } from './sink.js';

const FLUSH_BYTES = 256 * 1024;

/**
 * Appends records to a JSONL file. Lines are buffered and written whole with `write(2)` on an `O_APPEND`
 * descriptor, so the file only ever grows by complete lines (short of a crash mid-write, which the next run repairs:
 * see {@link repairTornTail}).
 */
export class JsonlFileSink implements Sink {
  private readonly fd: number;
  private buffer: Uint8Array[] = [];
  private size = 0;

  constructor(readonly path: string) {
    try {
      this.fd = openSync(path, 'a');
    } catch (error) {
      throw new OutputError(`cannot open ${path} for appending: ${describeError(error)}`, { cause: error });
    }
  }

  write(lines: Uint8Array): void {
    this.buffer.push(lines);
    this.size += lines.length;
    if (this.size >= FLUSH_BYTES) this.flush();
  }

  /** Writes buffered lines to the file now, in one write. */
  flush(): void {
    if (this.buffer.length === 0) return;
    const bytes = this.buffer.length === 1 ? this.buffer[0]! : Buffer.concat(this.buffer);
    this.buffer = [];
    this.size = 0;
    writeFully(this.fd, bytes, this.path);
  }

  /** Writes and fsyncs buffered lines, and returns the file's length: the dedup store may now record them. */
  checkpoint(): number {
    this.flush();
    try {
      fdatasyncSync(this.fd);
      return fstatSync(this.fd).size;
    } catch (error) {
      throw new OutputError(`cannot sync ${this.path}: ${describeError(error)}${resumeHint(error)}`, { cause: error });
    }
  }

  close(): Promise<void> {
    try {
      this.flush();
    } finally {
      closeSync(this.fd);
    }
    return Promise.resolve();
  }
}

function writeFully(fd: number, bytes: Uint8Array, path: string): void {
  let offset = 0;
  try {
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
  } catch (error) {
    // Take back a partial write so that the file still ends with a whole line.
    if (offset > 0) {
      try {
        ftruncateSync(fd, fstatSync(fd).size - offset);
      } catch {
        // The next run's torn-tail repair moves it aside.
      }
    }
    throw new OutputError(`cannot write to ${path}: ${describeError(error)}${resumeHint(error)}`, { cause: error });
  }
}

/**
 * What to do when the output cannot grow. Every line in the file is whole and the store never runs ahead of it, so
 * rerunning once there is room goes on where this run stopped.
 */
function resumeHint(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const cause =
    code === 'ENOSPC'
      ? 'the disk is full'
      : code === 'EFBIG'
        ? 'the file reached a size limit (ulimit -f, or the file system)'
        : code === 'EDQUOT'
          ? 'the disk quota is used up'
          : null;
  return cause === null ? '' : ` (${cause}; make room and run again: it goes on where this run stopped)`;
}

/** Writes records to a stream (stdout), waiting when the reader is slower than we are. */
export class JsonlStreamSink implements Sink {
  private buffer: Uint8Array[] = [];
  private size = 0;

  constructor(private readonly stream: Writable) {}

  async write(lines: Uint8Array): Promise<void> {
    this.buffer.push(lines);
    this.size += lines.length;
    if (this.size >= FLUSH_BYTES) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const bytes = Buffer.concat(this.buffer);
    this.buffer = [];
    this.size = 0;
    if (!this.stream.write(bytes)) await waitForDrain(this.stream);
  }

  async checkpoint(): Promise<null> {
    await this.flush();
    return null;
  }

  async close(): Promise<void> {
    await this.flush();
  }
}

function waitForDrain(stream: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error): void => {
      stream.off('drain', done);
      stream.off('error', done);
      stream.off('close', done);
      if (error) reject(error);
      else resolve();
    };
    stream.once('drain', done);
    stream.once('error', done);
    stream.once('close', done);
  });
}

/**
 * If a JSONL file does not end with a newline (a run was killed mid-write), moves the torn last line to
 * `<file>.rejected` and cuts it off, so new lines never glue onto it. Returns the torn text, or null.
 */
export function repairTornTail(path: string): string | null {
  let fd: number;
  try {
    fd = openSync(path, 'r+');
  } catch {
    return null;
  }
  try {
    const size = fstatSync(fd).size;
    if (size === 0 || lastByte(fd, size) === 0x0a) return null;
    const start = lastLineStart(fd, size);
    const torn = Buffer.alloc(size - start);
    readSync(fd, torn, 0, torn.length, start);
    appendFileSync(`${path}.rejected`, Buffer.concat([torn, Buffer.from('\n')]));
    ftruncateSync(fd, start);
    return torn.toString('utf8');
  } finally {
    closeSync(fd);
  }
}

function lastByte(fd: number, size: number): number {
  const one = Buffer.alloc(1);
  readSync(fd, one, 0, 1, size - 1);
  return one[0] ?? 0;
}

function lastLineStart(fd: number, size: number): number {
  const block = Buffer.alloc(64 * 1024);
  for (let end = size; end > 0;) {
    const start = Math.max(0, end - block.length);
    readSync(fd, block, 0, end - start, start);
    const at = block.subarray(0, end - start).lastIndexOf(0x0a);
    if (at !== -1) return start + at + 1;
    end = start;
  }
  return 0;
}
