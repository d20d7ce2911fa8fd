import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { tempDir } from './helpers/tmp.js';

const dir = tempDir();
const FIXTURES = fileURLToPath(new URL('./fixtures/plain/', import.meta.url));

/** Stories as `cat a.txt b.txt > all.txt` leaves them: each file ends with one newline, nothing between. */
function cat(...stories: readonly string[]): string {
  return stories.map((story) => `${story.trim()}\n`).join('');
}

const FERRY = `Ferry crews end strike

FERRYPORT, Maine (AP) — Ferry crews ended a two-week strike on Monday, their union said.

Services resume on Wednesday.`;
const GRAIN = `Grain prices climb on dry spell

CHICAGO, March 3 (Reuters) - Wheat futures rose for a third day on Tuesday, traders said.

(Reporting by Tomas Brandt)`;
const MASKS = `Museum returns masks

LIMA, March 3, 2026 (AFP) - A museum returned eleven carved masks to coastal villages on Tuesday.

jd/mk`;

describe('stories pasted together without separators', () => {
  it('are split where a headline and a dateline paragraph start the next story, each with its own line', async () => {
    const path = join(dir, 'all.txt');
    writeFileSync(path, cat(FERRY, GRAIN, MASKS));
    const result = await runCli(['ingest', path, '--dedup', 'off']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toMatch(/warning/);
    expect(result.records.map((r) => [r['headline'], (r['dateline'] as { text: string }).text])).toEqual([
      ['Ferry crews end strike', 'FERRYPORT, Maine (AP) —'],
      ['Grain prices climb on dry spell', 'CHICAGO, March 3 (Reuters) -'],
      ['Museum returns masks', 'LIMA, March 3, 2026 (AFP) -'],
    ]);
    expect(result.records.map((r) => (r['origin'] as { index: number }).index)).toEqual([0, 1, 2]);
    expect(result.records[1]!['credits']).toBe('(Reporting by Tomas Brandt)');
  });

  it('are split from standard input too', async () => {
    const result = await runCli(['ingest', '--dedup', 'off'], { stdin: cat(GRAIN, MASKS) });
    expect(result.code, result.stderr).toBe(0);
    expect(result.records.map((r) => r['headline'])).toEqual([
      'Grain prices climb on dry spell',
      'Museum returns masks',
    ]);
  });

  it('that cannot be split are written as one story with a warning naming the lines of the datelines', async () => {
    // Headlines that end with a full stop do not read as headlines: nothing marks where the next story starts.
    const path = join(dir, 'unsplit.txt');
    const stories = [FERRY, GRAIN, MASKS].map((story) => story.replace(/^(.*)$/m, '$1.'));
    writeFileSync(path, stories.join('\n\n'));
    const result = await runCli(['ingest', path, '--dedup', 'off']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.records).toHaveLength(1);
    expect(result.stderr).toContain(
      `wire: warning: ${path}:9: the story at line 1 looks like 3 stories pasted together (datelines at lines 9, 15); `,
    );
    expect(result.stderr).toMatch(/split them with a line of \(END\), -30- or ###/);
  });

  it.each(['near-miss-quoted-dateline', 'near-miss-place-paragraph'])(
    'leave %s as one story, without a warning',
    async (name) => {
      const path = join(FIXTURES, name, 'input.txt');
      const result = await runCli(['ingest', path, '--dedup', 'off']);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).not.toMatch(/warning/);
      expect(result.records).toHaveLength(1);
      const text = readFileSync(path, 'utf8');
      expect(text.split('\n')[0]).toBe(result.records[0]!['headline']);
    },
  );
});
