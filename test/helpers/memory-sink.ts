import type { Sink } from '../../src/sinks/sink.js';
import type { Emitted, Story } from '../../src/types.js';

/** Collects records in memory, parsed back from the JSON lines the pipeline serialized. */
export class MemorySink implements Sink {
  readonly records: Story[] = [];

  write(record: Emitted): void {
    this.records.push(JSON.parse(record.line) as Story);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
