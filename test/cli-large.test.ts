import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { writeStoryFile } from '../bench/generate.js';
import { WIRE } from './helpers/cli.js';
import { tempDir } from './helpers/tmp.js';

const MAXRSS = fileURLToPath(new URL('./helpers/maxrss.mjs', import.meta.url));

/** Runs the CLI with the peak-RSS reporter preloaded; resolves with exit code, stderr and peak RSS in MB. */
function runMeasured(args: string[]): Promise<{ code: number | null; stderr: string; peakMB: number }> {
  return new Promise((resolve, reject) => {
    // One worker whatever the machine's load (a busy CI machine would leave the run none), so that this covers the pool.
    const child = spawn(process.execPath, ['--import', MAXRSS, WIRE, ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, WIRE_WORKERS: '1' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const kb = Number(/maxrss-kb (\d+)/.exec(stderr)?.[1] ?? NaN);
      resolve({ code, stderr, peakMB: kb / 1024 });
    });
  });
}

describe('a large multi-story file', () => {
  it('streams through the parallel parser in bounded memory, every story once and in order', async () => {
    const dir = tempDir();
    const input = join(dir, 'big.txt');
    const output = join(dir, 'big.jsonl');
    const stories = await writeStoryFile(input, 48 * 1024 * 1024, 7);
    const result = await runMeasured(['ingest', input, '-o', output, '--dedup', 'off']);
    expect(result.code).toBe(0);
    expect(result.peakMB).toBeLessThan(256);
    let expected = 0;
    const lines = createInterface({ input: createReadStream(output) });
    for await (const line of lines) {
      const record = JSON.parse(line) as { headline: string; origin: { index: number } };
      expect(record.origin.index).toBe(expected);
      expect(record.headline.startsWith(`Story ${expected}:`)).toBe(true);
      expected++;
    }
    expect(expected).toBe(stories);
  });
});
