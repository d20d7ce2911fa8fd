import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WIRE, parseLines } from './helpers/cli.js';
import { hasScript, inTerminal } from './helpers/terminal.js';
import { tempDir } from './helpers/tmp.js';

const dir = tempDir();
const file = join(dir, 'two.txt');
writeFileSync(
  file,
  'Exports rise\n\nSEOUL, Nov. 27 (Yonhap) -- Exports rose for a fourth month.\n\f' +
    'Rail strike ends\n\nTOKYO, Nov. 27 (Kyodo) -- The strike ended on Friday.\n',
);

function sh(command: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('/bin/sh', ['-c', command], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('standard input without -', () => {
  it('is read when it is a pipe and no input is named (cat f | wire ingest)', () => {
    const result = sh(`cat "${file}" | "${process.execPath}" "${WIRE}" ingest`);
    expect(result.status, result.stderr).toBe(0);
    const records = parseLines(result.stdout);
    expect(records.map((r) => r['headline'])).toEqual(['Exports rise', 'Rail strike ends']);
    expect(records.map((r) => (r['origin'] as { type: string }).type)).toEqual(['stdin', 'stdin']);
  });

  it('is read when it is a file (wire ingest < f)', () => {
    const result = sh(`"${process.execPath}" "${WIRE}" ingest < "${file}"`);
    expect(result.status, result.stderr).toBe(0);
    expect(parseLines(result.stdout)).toHaveLength(2);
  });

  it('is not waited for when it is /dev/null: nothing to ingest, exit 2', () => {
    const result = sh(`"${process.execPath}" "${WIRE}" ingest < /dev/null`);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/nothing to ingest/);
  });

  it.skipIf(!hasScript)('is not waited for on a terminal: nothing to ingest, exit 2', () => {
    const shown = inTerminal(`"${process.execPath}" "${WIRE}" ingest; echo "exit=$?"`, { NO_COLOR: '1' }, 20_000);
    expect(shown).toMatch(/nothing to ingest/);
    expect(shown).toMatch(/exit=2/);
  });
});
