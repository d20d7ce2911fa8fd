import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WIRE, parseLines, runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';
import { storyDump } from './generate.js';

const TRIALS = 30;

/** Starts the CLI and kills it with SIGKILL after `delayMs` (or lets it finish first). */
function runAndKill(args: readonly string[], delayMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WIRE, ...args], { stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    child.on('error', reject);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** A seeded generator, so a failing trial can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('exactly-once output under kill -9', () => {
  it(`leaves every story in the output exactly once after a SIGKILL at a random point, ${TRIALS} times`, async () => {
    const dir = tempDir();
    const input = join(dir, 'dump.txt');
    const dump = storyDump(1100, 10);
    writeFileSync(input, dump.text);
    // The clean run: what the output must hold, and how long a run takes (to spread the kills over it).
    const cleanOut = join(dir, 'clean.jsonl');
    const started = Date.now();
    // Language detection is left off: it loads a model in every process, and this test starts some seventy of them.
    const clean = await runCli(['ingest', input, '-o', cleanOut, '-q', '--no-detect-language']);
    const runMs = Date.now() - started;
    expect(clean.code).toBe(0);
    const expected = parseLines(readFileSync(cleanOut, 'utf8')).map((r) => r['id']);
    expect(new Set(expected).size).toBe(dump.distinct);
    const next = random(20261127);
    for (let trial = 0; trial < TRIALS; trial++) {
      const out = join(dir, `out-${trial}.jsonl`);
      const args = ['ingest', input, '-o', out, '-q', '--lock-timeout', '5', '--no-detect-language'];
      await runAndKill(args, next() * runMs * 1.2);
      // Half the time the first rerun is killed too, so that catching up is interrupted as well.
      if (next() < 0.5) await runAndKill(args, next() * runMs);
      const rerun = await runCli(args);
      expect(rerun.code, rerun.stderr).toBe(0);
      const ids = parseLines(readFileSync(out, 'utf8')).map((r) => r['id']);
      expect(ids.length, `trial ${trial}: ${ids.length} lines`).toBe(expected.length);
      expect(new Set(ids)).toEqual(new Set(expected));
      // Whatever a torn line held was moved aside, never glued to the next line.
      if (existsSync(`${out}.rejected`)) expect(readFileSync(`${out}.rejected`, 'utf8').endsWith('\n')).toBe(true);
    }
  }, 120_000);
});
