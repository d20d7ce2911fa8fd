import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseLines, runCli } from './helpers/cli.js';
import { HARBOUR, render } from './dedup/stories.js';
import { tempDir } from './helpers/tmp.js';

const dir = tempDir();
const out = join(dir, 'wire.jsonl');
const dups = join(dir, 'dups.jsonl');

const story = (headline: string, dateline: string): string =>
  `${headline}\n\n${dateline} -- ${headline}, officials said on Friday.\n\nMore details followed later.\n`;

/** Stories of three agencies; two Yonhap stories come twice (dropped as duplicates), one is an update. */
function inputs(): string[] {
  const files: Record<string, string> = {
    'a.txt': story('Exports rise for a fourth month', 'SEOUL, Nov. 27 (Yonhap)'),
    'b.txt': story('Rail strike ends after two days', 'TOKYO, Nov. 27 (Kyodo)'),
    'c.txt': story('Harbour reopens after the storm', 'BUSAN, Nov. 26 (Yonhap)'),
    'd.txt': story('Parliament passes the budget', 'BEIJING, Nov. 26 (Xinhua)'),
    'e.txt': story('Exports rise for a fourth month', 'SEOUL, Nov. 27 (Yonhap)'),
    'f.txt': story('Harbour reopens after the storm', 'BUSAN, Nov. 26 (Yonhap)'),
    // A story and its update (LEAD, one paragraph more): two stories, one of them an update.
    'g.txt': render(HARBOUR),
    'h.txt': render({
      ...HARBOUR,
      headline: `(LEAD) ${HARBOUR.headline}`,
      paragraphs: [...HARBOUR.paragraphs, 'Two shipping lines said they would add weekly calls there.'],
    }),
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return Object.keys(files).map((name) => join(dir, name));
}

beforeAll(async () => {
  const result = await runCli([
    'ingest',
    ...inputs(),
    '-o',
    out,
    '--duplicates',
    dups,
    '--reference-date',
    '2026-12-01',
  ]);
  expect(result.code, result.stderr).toBe(0);
  // Published times of their own, so that the hours are known: 08:xx for the first two, 21:xx for the others.
  const records = parseLines(readFileSync(out, 'utf8')).map((r, i) => ({
    ...r,
    published: `2026-11-2${6 + (i % 2)}T${i < 2 || i > 3 ? '08' : '21'}:1${i}:00Z`,
  }));
  writeFileSync(out, records.map((r) => `${JSON.stringify(r)}\n`).join(''));
});

describe('wire stats', () => {
  it('counts stories by agency, language, format, day and hour, with duplicates, as JSON for scripts', async () => {
    const result = await runCli(['stats', '--json', out, dups]);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      records: 8,
      stories: 6,
      duplicates: 2,
      versions: 1,
      not_records: 0,
      from: '2026-11-26',
      to: '2026-11-27',
      by_agency: { Yonhap: 2, Kyodo: 1, Xinhua: 1, Reuters: 2 },
      by_language: { en: 6 },
      by_format: { plain: 6 },
      by_day: { '2026-11-26': 3, '2026-11-27': 3 },
      by_hour: { '08': 4, '21': 2 },
    });
  });

  it('draws bar charts scaled to the largest count', async () => {
    const result = await runCli(['stats', out, dups]);
    expect(result.code, result.stderr).toBe(0);
    const text = result.stdout;
    expect(text.split('\n')[0]).toBe(
      `${out}, ${dups}: 6 stories from 2026-11-26 to 2026-11-27; 1 of them an update; 2 duplicates`,
    );
    for (const heading of ['By agency', 'By language', 'By format', 'By day', 'By hour, UTC'])
      expect(text).toContain(`\n${heading}`);
    const bar = (label: string): number => {
      const row = new RegExp(`^ {2}${label} +([█▏▎▍▌▋▊▉]*) (\\d+)$`, 'm').exec(text);
      if (!row) throw new Error(`no row for ${label} in\n${text}`);
      return [...row[1]!].length;
    };
    expect(bar('Yonhap')).toBeGreaterThan(bar('Kyodo'));
    expect(bar('Kyodo')).toBe(bar('Xinhua'));
    expect(bar('08')).toBeGreaterThan(bar('21'));
    expect(text).toMatch(/^ {2}13 +0$/m);
  });

  it('reads gzip and standard input, warns about lines that are not records, and fails on a missing file', async () => {
    const gz = join(dir, 'wire.jsonl.gz');
    writeFileSync(gz, gzipSync(readFileSync(out)));
    expect(JSON.parse((await runCli(['stats', '--json', gz])).stdout)).toMatchObject({ stories: 6 });
    const piped = await runCli(['stats', '--json'], { stdin: `${readFileSync(out, 'utf8')}not json\n` });
    expect(JSON.parse(piped.stdout)).toMatchObject({ stories: 6, not_records: 1 });
    expect(piped.stderr).toMatch(/wire: warning: 1 line was not wire records/);
    const missing = await runCli(['stats', join(dir, 'nowhere.jsonl'), out]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nowhere\.jsonl: no such file or directory/);
    expect(missing.stdout).toMatch(/: 6 stories/);
    expect((await runCli(['stats'], { stdin: null })).code).toBe(2);
  });
});
