import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeStoryFile } from '../bench/generate.js';
import { tempDir } from './helpers/tmp.js';

// The built pipeline (workers run the built JavaScript only), with one worker whatever the machine's load.
process.env['WIRE_WORKERS'] = '1';
const { ingest } = await import('../dist/pipeline/run.js');
const { MemorySink } = await import('../dist/sinks/memory.js');
const pool = await import('../dist/pipeline/pool.js');

describe('the process pool, warm from an earlier run', () => {
  it('takes a later run of a few megabytes, which a cold pool would not, with the same records', async () => {
    const dir = tempDir();
    const large = join(dir, 'large.txt');
    const small = join(dir, 'small.txt');
    await writeStoryFile(large, pool.PARALLEL_AFTER + 4 * 1024 * 1024, 3);
    await writeStoryFile(small, pool.WARM_PARALLEL_AFTER * 2, 4);
    expect(pool.warmPool()).toBeNull();
    const read = async (input: string, parallel: boolean): Promise<string[]> => {
      const sink = new MemorySink();
      await ingest({ inputs: [input], sink, parallel, dedup: 'off', now: () => new Date('2026-12-01T00:00:00Z') });
      return sink.records.map((record) => JSON.stringify(record));
    };
    const alone = await read(small, false);
    expect(pool.warmPool()).toBeNull();
    await read(large, true);
    const warm = pool.warmPool();
    expect(warm).not.toBeNull();
    const before = warm?.batches ?? 0;
    expect(await read(small, true)).toEqual(alone);
    expect(warm?.batches ?? 0).toBeGreaterThan(before);
  }, 60_000);
});
