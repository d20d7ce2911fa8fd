import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { random } from '../../bench/generate.js';
import { plainStories } from './corpus.js';
import { size, verdict, type Case } from './matrix.js';
import { checkOutput, checkStore, storyNumber } from './verify.js';
import { runAndKill, startWire, type WireResult } from './wire.js';

const SET = size(3000, 5000);
const TRIALS = size(3, 30);

/** Writes input sets 0..count-1 of SET stories each; set i holds stories i*SET .. (i+1)*SET - 1. */
function writeSets(dir: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const path = join(dir, `set-${i}.txt`);
    writeFileSync(path, plainStories(i * SET, SET));
    return path;
  });
}

/**
 * Reads the output as the sets its records came from, in order, and finds what would show two writers at once:
 * a set whose records are not in one unbroken block, a record twice, or a torn line.
 */
function interleaving(output: string): { sets: number[]; problems: string[] } {
  const problems: string[] = [];
  const blocks: number[] = [];
  const seen = new Set<number>();
  for (const line of readFileSync(output, 'utf8').split('\n')) {
    if (line === '') continue;
    let n: number | null = null;
    try {
      n = storyNumber(JSON.parse(line) as Record<string, unknown>);
    } catch {
      problems.push(`a torn line: ${line.slice(0, 60)}`);
      continue;
    }
    if (n === null) continue;
    if (seen.has(n)) problems.push(`story ${n} twice`);
    seen.add(n);
    const set = Math.floor(n / SET);
    if (blocks.at(-1) !== set) blocks.push(set);
  }
  if (new Set(blocks).size !== blocks.length) problems.push(`records of two runs interleaved: ${blocks.join(',')}`);
  return { sets: [...new Set(blocks)], problems };
}

/** A set that is in the output must be whole (a run that got the lock finished), and the store must agree. */
function wholeSets(output: string, sets: readonly number[]): string[] {
  const check = checkOutput(output, { count: SET * 8, key: storyNumber });
  const problems: string[] = [];
  const stored = checkStore(`${output}.state`, check.ids);
  if (stored !== null && (stored.ahead > 0 || stored.absorbed !== check.bytes))
    problems.push('store differs from output');
  if (check.lines !== sets.length * SET) problems.push(`${check.lines} lines for ${sets.length} whole sets`);
  return problems;
}

function overlapCase(name: string, runs: number, lockTimeout: string, sameInputs: boolean): Case {
  return {
    name,
    async run(dir) {
      const inputs = writeSets(dir, sameInputs ? 1 : runs);
      const problems: string[] = [];
      const exits = new Map<string, number>();
      for (let trial = 0; trial < TRIALS; trial++) {
        const out = join(dir, `out-${trial}.jsonl`);
        const started = Array.from({ length: runs }, (_, i) =>
          startWire(['ingest', inputs[sameInputs ? 0 : i] ?? '', '-o', out, '--lock-timeout', lockTimeout]),
        );
        const results = await Promise.all(started.map((r) => r.done));
        for (const r of results) exits.set(String(r.code), (exits.get(String(r.code)) ?? 0) + 1);
        problems.push(...trialProblems(out, results, sameInputs).map((p) => `trial ${trial}: ${p}`));
      }
      const said = [...exits].map(([code, n]) => `${n}× exit ${code}`).join(', ');
      return verdict(
        `${TRIALS} trials of ${runs} runs together: ${said}`,
        'never two writers, lost 0, dup 0',
        problems,
      );
    },
  };
}

function trialProblems(out: string, results: readonly WireResult[], sameInputs: boolean): string[] {
  const problems: string[] = [];
  for (const r of results) {
    if (r.code === 3 && !/is locked by another wire run \(pid \d+ on .+, started .+\)/.test(r.stderr))
      problems.push(`exit 3 without naming the holder: ${r.stderr.slice(0, 200)}`);
    if (r.code !== 0 && r.code !== 3) problems.push(`exit ${r.code}: ${r.stderr.slice(0, 200)}`);
  }
  if (!results.some((r) => r.code === 0)) problems.push('no run got the lock');
  const { sets, problems: mixed } = interleaving(out);
  problems.push(...mixed);
  const winners = results.filter((r) => r.code === 0).length;
  if (!sameInputs && sets.length !== winners) problems.push(`${sets.length} sets written by ${winners} runs`);
  problems.push(...wholeSets(out, sets));
  return problems;
}

/**
 * A run killed with -9 leaves its lock behind; several runs then start at once. Exactly one may take the stale
 * lock over at a time: every waiting run must finish, each one's records in one block.
 */
const staleLock: Case = {
  name: 'overlap: stale lock (kill -9) + 3 runs at once',
  async run(dir) {
    const inputs = writeSets(dir, 4);
    const problems: string[] = [];
    const next = random(7);
    for (let trial = 0; trial < TRIALS; trial++) {
      const out = join(dir, `out-${trial}.jsonl`);
      // Killed early in its run, while it holds the lock: the first set is partly written, or not at all.
      await runAndKill(['ingest', inputs[0] ?? '', '-o', out], 150 + next() * 300);
      const waiting = inputs.slice(1).map((input) => startWire(['ingest', input, '-o', out, '--lock-timeout', '60']));
      const results = await Promise.all(waiting.map((r) => r.done));
      for (const r of results)
        if (r.code !== 0) problems.push(`trial ${trial}: exit ${r.code}: ${r.stderr.slice(0, 200)}`);
      const { sets, problems: mixed } = interleaving(out);
      problems.push(...mixed.map((p) => `trial ${trial}: ${p}`));
      const complete = sets.filter((s) => s !== 0);
      if (complete.length !== 3) problems.push(`trial ${trial}: ${complete.length} of 3 waiting runs wrote`);
    }
    return verdict(`${TRIALS} trials`, 'each waiting run wrote once, in one block; never two writers', problems);
  },
};

/** The overlap rows: cron firing while the last run still holds the output. */
export const overlapCases: readonly Case[] = [
  overlapCase('overlap: 2 runs, --lock-timeout 60 (one waits)', 2, '60', false),
  overlapCase('overlap: 2 runs, --lock-timeout 0 (one exits 3)', 2, '0', false),
  overlapCase('overlap: 4 runs on the same inputs', 4, '60', true),
  staleLock,
];
