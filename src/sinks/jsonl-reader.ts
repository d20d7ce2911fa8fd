import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** One whole line of a JSONL file and the byte offset just past its newline. */
export interface OffsetLine {
  readonly text: string;
  readonly end: number;
}

const BLOCK = 1024 * 1024;

/**
 * Reads the whole lines of a JSONL file from a byte offset on. When the file is now shorter than the offset (it was
 * rotated or truncated), reads it from the start. A last line without its newline is not yielded: it is a torn
 * write that {@link repairTornTail} moves aside. A missing file has no lines.
 */
export function* readLinesFrom(path: string, offset: number): Generator<OffsetLine> {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return;
  }
  try {
    const size = fstatSync(fd).size;
    let position = size < offset ? 0 : offset;
    let carry = Buffer.alloc(0);
    const block = Buffer.alloc(BLOCK);
    while (position < size) {
      const read = readSync(fd, block, 0, Math.min(BLOCK, size - position), position);
      if (read === 0) break;
      const data = carry.length > 0 ? Buffer.concat([carry, block.subarray(0, read)]) : block.subarray(0, read);
      const dataStart = position - carry.length;
      position += read;
      let from = 0;
      for (let nl = data.indexOf(0x0a, from); nl !== -1; nl = data.indexOf(0x0a, from)) {
        yield { text: data.toString('utf8', from, nl), end: dataStart + nl + 1 };
        from = nl + 1;
      }
      carry = Buffer.from(data.subarray(from));
    }
  } finally {
    closeSync(fd);
  }
}
