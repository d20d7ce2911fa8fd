import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeStoryFile } from '../bench/generate.js';
import { WIRE, runCli } from './helpers/cli.js';
import { hasScript, inTerminal } from './helpers/terminal.js';
import { tempDir } from './helpers/tmp.js';

const dir = tempDir();
const ESC = '\u001b';

const sample = join(dir, 'story.txt');
writeFileSync(sample, 'Exports rise\n\nSEOUL, Nov. 27 (Yonhap) -- Exports rose for a fourth month.\n');

describe.skipIf(!hasScript)('on a terminal', () => {
  it('colours the summary on standard error', () => {
    const shown = inTerminal(`node ${WIRE} ingest ${sample} 2>&1 >/dev/null`);
    expect(shown).toContain(`${ESC}[32m1 new`);
  });

  it('does not colour with NO_COLOR or --no-color', () => {
    // No colour (SGR) sequences; a run that lasts long enough for the progress line may still wipe it (`ESC[2K`).
    const colour = new RegExp(`${ESC}\\[[\\d;]*m`);
    expect(inTerminal(`node ${WIRE} ingest ${sample} 2>&1 >/dev/null`, { NO_COLOR: '1' })).not.toMatch(colour);
    expect(inTerminal(`node ${WIRE} ingest --no-color ${sample} 2>&1 >/dev/null`)).not.toMatch(colour);
  });

  it('shows a live progress line during a long run, with bytes, percent and time left, and wipes it at the end', async () => {
    const big = join(dir, 'big.txt');
    await writeStoryFile(big, 40 * 1024 * 1024, 5);
    const shown = inTerminal(`node ${WIRE} ingest ${big} -o ${join(dir, 'big.jsonl')} --dedup off`);
    const lines = shown.split('\r\u001b[2K').filter((line) => line.startsWith('wire: '));
    // One file: its bytes say how far along it is (not `0/1 inputs`), and once there is a rate, the time left.
    const progress = lines.filter((line) => / of 40 MB \(\d+%\)/.test(line));
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.join('\n')).not.toMatch(/inputs/);
    expect(progress.join('\n')).toMatch(
      /^wire: \d+ MB of 40 MB \(\d+%\) · about \d+ (?:s|min) left · \u001b\[32m\d+ new\u001b\[39m · 0 dropped · 0 failed · \d+\/s$/m,
    );
    const percents = progress.map((line) => Number(/\((\d+)%\)/.exec(line)?.[1]));
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    // The summary starts on a wiped line: no progress text left before it.
    expect(shown).toMatch(/\r\u001b\[2Kwire: 1 input, \u001b\[32m\d+ new/);
  });

  it('counts inputs too when there are several, and bytes read when the whole is not known', async () => {
    const big = join(dir, 'big-piped.txt');
    await writeStoryFile(big, 24 * 1024 * 1024, 6);
    const shown = inTerminal(`cat ${big} | node ${WIRE} ingest - ${sample} --dedup off >/dev/null`);
    expect(shown).toMatch(/\r\u001b\[2Kwire: 0\/2 inputs · \d+ MB read · \u001b\[32m\d+ new/);
  });
});

describe('off a terminal', () => {
  it('never colours or draws progress when standard error is a pipe', async () => {
    const result = await runCli(['ingest', sample], { env: { NO_COLOR: undefined } });
    expect(result.stderr).not.toContain(ESC);
    expect(result.stderr).toMatch(/^wire: 1 input, 1 new, 0 duplicates, 0 failed in [\d.]+ s\n$/);
  });

  it('colours a pipe only when FORCE_COLOR asks', async () => {
    const result = await runCli(['ingest', sample], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(result.stderr).toContain(`${ESC}[32m`);
  });
});

describe('escape sequences in input', () => {
  it('never reach the terminal raw, from a story or from a file name', async () => {
    const hostile = join(dir, `evil${ESC}]0;owned\u0007${ESC}[31m.txt`);
    writeFileSync(hostile, `${ESC}]0;owned\u0007${ESC}[31mRed alert headline${ESC}[0m\n\nBody text${ESC}[2J here.\n`);
    const result = await runCli(['ingest', hostile, join(dir, `missing${ESC}[31m.txt`)], {
      env: { NO_COLOR: undefined },
    });
    expect(result.records[0]).toMatchObject({ headline: 'Red alert headline', body: 'Body text here.' });
    expect(result.stdout).not.toContain(ESC);
    expect(result.stderr).not.toContain(ESC);
    expect(result.stderr).toContain('missing\\u001b[31m.txt');
  });
});

describe('pipes and signals', () => {
  it('ends quietly with exit 0 when the reader goes away (| head -1)', async () => {
    const big = join(dir, 'pipe.txt');
    await writeStoryFile(big, 8 * 1024 * 1024, 9);
    const result = spawnSync('sh', ['-c', `node ${WIRE} ingest ${big} | head -1; exit \${PIPESTATUS:-0}`], {
      encoding: 'utf8',
    });
    expect(JSON.parse(result.stdout.trim())).toHaveProperty('headline');
    const direct = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [WIRE, 'ingest', big], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.stdout.once('data', () => child.stdout.destroy());
      child.on('close', (code) => resolve({ code, stderr }));
    });
    expect(direct.code).toBe(0);
    expect(direct.stderr).not.toMatch(/EPIPE|Error/);
    // Help piped into head too.
    const help = spawnSync('sh', ['-c', `node ${WIRE} help ingest | head -1 >/dev/null`], { encoding: 'utf8' });
    expect(help.stderr).toBe('');
  });

  it('stops on SIGINT with exit 130 after writing whole lines, and a rerun adds each missing story once', async () => {
    const big = join(dir, 'sigint.txt');
    const out = join(dir, 'sigint.jsonl');
    const stories = await writeStoryFile(big, 64 * 1024 * 1024, 13);
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [WIRE, 'ingest', big, '-o', out], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      // Interrupted once it is writing (a fixed delay could fall before it has even started, on a busy machine).
      const poll = setInterval(() => {
        if (existsSync(out) && statSync(out).size > 0) {
          clearInterval(poll);
          child.kill('SIGINT');
        }
      }, 20);
      child.on('close', (code) => resolve({ code, stderr }));
    });
    expect(result.code).toBe(130);
    expect(result.stderr).toMatch(/\(interrupted\)/);
    const { readFileSync } = await import('node:fs');
    const first = readFileSync(out, 'utf8');
    expect(first.endsWith('\n')).toBe(true);
    const written = first.split('\n').filter(Boolean).length;
    expect(written).toBeLessThan(stories);
    const rerun = await runCli(['ingest', big, '-o', out]);
    expect(rerun.code).toBe(0);
    const indexes = readFileSync(out, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { origin: { index: number } }).origin.index)
      .sort((a, b) => a - b);
    expect(indexes).toEqual(Array.from({ length: stories }, (_, i) => i));
  });
});

describe('help and typos', () => {
  it('shows examples in wire help ingest', async () => {
    const result = await runCli(['help', 'ingest']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Examples:');
    expect(result.stdout).toContain('wire ingest stories/ -o wire.jsonl');
  });

  it('suggests the right command for a typo, with exit 2', async () => {
    const result = await runCli(['ingset', 'x.txt']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown command 'ingset'[\s\S]*Did you mean ingest\?/);
  });

  it('prints the record schema with wire schema, and the ninjs extension with --output-format ninjs', async () => {
    const result = await runCli(['schema']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ title: 'wire record' });
    const ninjs = await runCli(['schema', '--output-format', 'ninjs']);
    expect(ninjs.code).toBe(0);
    expect(JSON.stringify(JSON.parse(ninjs.stdout))).toContain('allOf');
  });

  it('answers --version', async () => {
    const result = await runCli(['--version']);
    expect(result.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
