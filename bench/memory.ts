import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeStoryFile } from './generate.js';

const WIRE = fileURLToPath(new URL('../../bin/wire.js', import.meta.url));
const MAXRSS = fileURLToPath(new URL('../../test/helpers/maxrss.mjs', import.meta.url));

/** Peak memory of `wire ingest` on a generated gigabyte file. */
export interface Memory {
  readonly megabytes: number;
  readonly stories: number;
  readonly peakMB: number;
  readonly seconds: number;
}

/** Generates a 1 GB multi-story file and ingests it with default options, reporting peak RSS (bar: < 256 MB). */
export async function run(megabytes = Number(process.env['BENCH_MEMORY_MB'] ?? 1024)): Promise<Memory> {
  console.log(`peak memory of wire ingest on a generated ${megabytes} MB file (bar < 256 MB)`);
  const dir = mkdtempSync(join(tmpdir(), 'wire-bench-'));
  try {
    const input = join(dir, 'big.txt');
    const stories = await writeStoryFile(input, megabytes * 1024 * 1024, 11);
    const started = performance.now();
    const stderr = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', MAXRSS, WIRE, 'ingest', input, '-o', join(dir, 'out.jsonl')], {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let text = '';
      child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve(text) : reject(new Error(`wire exited ${code}: ${text}`))));
    });
    const peakMB = Number(/maxrss-kb (\d+)/.exec(stderr)?.[1] ?? NaN) / 1024;
    const result = {
      megabytes: statSync(input).size / 1048576,
      stories,
      peakMB,
      seconds: (performance.now() - started) / 1000,
    };
    console.log(
      `  ${stories} stories, ${result.megabytes.toFixed(0)} MB in ${result.seconds.toFixed(1)} s, peak RSS ${peakMB.toFixed(0)} MB`,
    );
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
