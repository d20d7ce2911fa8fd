import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { expectValidRecord } from './helpers/schema.js';
import { tempDir } from './helpers/tmp.js';

// Agency copy in the shapes FORMATS.md lists, invented: each story exercises a convention of issue 11.
const STORIES = {
  'ap.txt': `Small towns bet on broadband

EDITOR'S NOTE _ This story is part of a series on rural America.

By JANE DOE
AP Business Writer

MILLBROOK, Iowa (AP) _ The town council decided to build its own fiber network.

Three years later, 600 homes are connected.

___

Associated Press writer Tom Hale in Des Moines contributed to this report.
`,
  'reuters.txt': `UPDATE 1-Copper rises on supply worries

(Adds analyst comment)
* Copper up 1.2 pct
* Strike enters second week

By Ann Lee

May 4 (Reuters) - Copper rose on Tuesday as a strike at a Chilean mine raised concerns about supply.

(Reporting by Ann Lee; Editing by Tom Hall)
((ann.lee@example.com))
`,
  'release.txt': `Acme Cloud launches onboarding service

New service cuts customer setup time in half

SAN JOSE, Calif., March 3, 2026 /PRNewswire/ -- Acme Cloud, Inc. today launched Onboard.

About Acme Cloud

Acme Cloud, Inc. provides customer software to 3,000 companies.

SOURCE Acme Cloud, Inc.
`,
  'dpa.txt': `Bundestag beschließt neues Gesetz

Hamburg (dpa/lno) - Der Bundestag hat am Freitag das umstrittene Gesetz beschlossen. Die Opposition kündigte Widerstand an.

dpa ab cd
`,
  'pa.txt': `FERRY SERVICE TO RESUME NEXT WEEK

By Ian Jones, Press Association

Ferry services to the islands will resume next week after repairs to the harbour wall, the operator said.

ends
`,
};

describe('wire ingest on real agency conventions', () => {
  const dir = tempDir();
  const inputs = Object.entries(STORIES).map(([name, text]) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  });

  it('fills the lead blocks, dateline, trailers, agency and language of each story', async () => {
    const result = await runCli(['ingest', ...inputs, '--dedup', 'off']);
    expect(result.code, result.stderr).toBe(0);
    const [ap, reuters, release, dpa, pa] = result.records;
    for (const record of result.records) expectValidRecord(record);
    expect(ap).toMatchObject({
      byline: 'JANE DOE',
      byline_title: 'AP Business Writer',
      ednote: 'This story is part of a series on rural America.',
      agency: 'AP',
      credits: 'Associated Press writer Tom Hale in Des Moines contributed to this report.',
      body: 'The town council decided to build its own fiber network.\n\nThree years later, 600 homes are connected.',
      language: 'en',
    });
    expect(reuters).toMatchObject({
      update_notes: ['(Adds analyst comment)'],
      summary: ['Copper up 1.2 pct', 'Strike enters second week'],
      byline: 'Ann Lee',
      agency: 'Reuters',
      dateline: { location: null, date: '--05-04', agency: 'Reuters' },
      credits: '(Reporting by Ann Lee; Editing by Tom Hall) ((ann.lee@example.com))',
    });
    expect(release).toMatchObject({
      press_release: true,
      subheadline: 'New service cuts customer setup time in half',
      agency: 'PR Newswire',
      source: { text: 'SOURCE Acme Cloud, Inc.', name: 'Acme Cloud, Inc.' },
      body: 'Acme Cloud, Inc. today launched Onboard.',
    });
    expect(release?.['stripped']).toEqual([
      'About Acme Cloud',
      'Acme Cloud, Inc. provides customer software to 3,000 companies.',
    ]);
    expect(dpa).toMatchObject({ agency: 'dpa', source: { text: 'dpa ab cd', name: 'dpa' }, language: 'de' });
    expect(pa).toMatchObject({
      byline: 'Ian Jones',
      byline_title: 'Press Association',
      agency: 'PA',
      source: { text: 'ends' },
    });
  });

  it('leaves language null with --no-detect-language', async () => {
    const result = await runCli(['ingest', inputs[3] ?? '', '--no-detect-language']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.records[0]).toMatchObject({ agency: 'dpa', language: null });
  });
});
