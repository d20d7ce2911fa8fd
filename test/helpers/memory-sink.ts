import type { Sink } from '../../src/sinks/sink.js';
import type { Story } from '../../src/types.js';

/** Collects records in memory, round-tripped through JSON as the JSONL sink would write them. */
export class MemorySink implements Sink {
  readonly records: Story[] = [];

  write(story: Story): void {
    this.records.push(JSON.parse(JSON.stringify(story)) as Story);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
