import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Emitted } from '../src/pipeline/emit.js';
import type { BatchEmitter, InputProgress } from '../src/pipeline/ledger.js';
import { ingest } from '../src/pipeline/run.js';
import { MemorySink } from '../src/sinks/memory.js';
import type { EmittedBatch } from '../src/types.js';

/** Form-feed separated stories, enough for several batches of 256. */
function stories(count: number): AsyncIterable<Uint8Array> {
  const parts: string[] = [];
  for (let n = 0; n < count; n++)
    parts.push(`Story number ${n} is filed\n\nLONDON, Nov. 2 - Story ${n} has a body of its own, number ${n}.\n\f\n`);
  return Readable.from([Buffer.from(parts.join(''))]);
}

/**
 * An emitter that overlaps (as the database's does) and answers each batch after a delay: it notes how many of its
 * emits ran at once and what order the batches came in, and fails the batch numbered `failAt`.
 */
class SlowEmitter implements BatchEmitter {
  readonly overlaps = true;
  failed = false;
  running = 0;
  mostAtOnce = 0;
  batches = 0;
  firstStories: number[] = [];
  progress: number[] = [];

  constructor(private readonly failAt = -1) {}

  async emit(batch: EmittedBatch, progress?: InputProgress): Promise<Emitted> {
    this.running++;
    this.mostAtOnce = Math.max(this.mostAtOnce, this.running);
    const number = this.batches++;
    this.firstStories.push(Number(/Story (\d+)/.exec(Buffer.from(batch.bytes).toString())?.[1] ?? -1));
    if (progress) this.progress.push(progress.stories);
    await new Promise((resolve) => setTimeout(resolve, 5));
    this.running--;
    if (number === this.failAt) {
      this.failed = true;
      throw new Error('the server went away');
    }
    return { stories: batch.keys.length, duplicates: 0, versions: 0 };
  }

  remember(): void {}

  async checkpoint(): Promise<void> {}
}

describe('an emitter that overlaps (the database path)', () => {
  it('gets every batch in order, one at a time, and the run counts them all', async () => {
    const emitter = new SlowEmitter();
    const summary = await ingest({
      inputs: ['-'],
      stdin: stories(1000),
      sink: new MemorySink(),
      emitter,
      dedup: 'off',
    });
    expect(summary.stories).toBe(1000);
    expect(emitter.mostAtOnce).toBe(1);
    expect(emitter.batches).toBe(4);
    expect(emitter.firstStories).toEqual([0, 256, 512, 768]);
  });

  it('stops at the first batch that fails: nothing after it is emitted, and the run throws its error', async () => {
    const emitter = new SlowEmitter(1);
    await expect(
      ingest({ inputs: ['-'], stdin: stories(1000), sink: new MemorySink(), emitter, dedup: 'off' }),
    ).rejects.toThrow('the server went away');
    expect(emitter.batches).toBe(2);
  });
});
