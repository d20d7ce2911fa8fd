import type { Story } from '../types.js';
import type { Sink } from './sink.js';

/** Collects records in memory (for library use and tests), parsed back from the JSON lines the pipeline wrote. */
export class MemorySink implements Sink {
  readonly records: Story[] = [];

  write(lines: Uint8Array): void {
    for (const line of Buffer.from(lines.buffer, lines.byteOffset, lines.byteLength).toString('utf8').split('\n')) {
      if (line !== '') this.records.push(JSON.parse(line) as Story);
    }
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
