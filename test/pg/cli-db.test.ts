import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLines, runCli } from '../helpers/cli.js';
import { freePort } from '../helpers/pg-server.js';
import { noPostgres, usePostgres } from '../helpers/pg-test.js';
import { expectValidRecord } from '../helpers/schema.js';
import { tempDir } from '../helpers/tmp.js';
import { HARBOUR, render, verdictInputs } from '../dedup/stories.js';

const pg = usePostgres();

describe.skipIf(noPostgres !== null)('wire ingest --db and wire export', () => {
  it('writes records to the database once, drops copies, writes versions, and a rerun adds nothing', async () => {
    const dir = tempDir();
    const files = verdictInputs(dir);
    const db = pg.database();
    const env = pg.server().env;
    const dups = join(dir, 'dups.jsonl');
    const first = await runCli(['ingest', ...files, '--db', db, '--duplicates', dups, '--json-summary'], { env });
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stderr)).toMatchObject({ stories: 22, duplicates: 5, versions: 1, exit_code: 0 });
    expect(first.stdout).toBe('');
    const exported = await runCli(['export', '--db', db], { env });
    expect(exported.code, exported.stderr).toBe(0);
    const records = exported.records;
    expect(records).toHaveLength(22);
    for (const record of records) expectValidRecord(record);
    expect(records[1]).toMatchObject({ version: 2, replaces: records[0]?.['id'], markers: ['LEAD'] });
    expect(parseLines(readFileSync(dups, 'utf8'))[0]).toMatchObject({ duplicate_of: records[0]?.['id'] });

    // The same files again: every one is known to be done, so nothing is read, written or counted.
    const again = await runCli(['ingest', ...files, '--db', db], { env });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/4 inputs, 0 new, 0 already seen/);
    // The same stories in other files: all of them duplicates.
    const copies = join(dir, 'copies.txt');
    writeFileSync(copies, files.map((f) => readFileSync(f, 'utf8')).join('\n\f\n'));
    const copied = await runCli(['ingest', copies, '--db', db], { env });
    expect(copied.stderr).toMatch(/0 new, 27 already seen/);
    expect((await runCli(['export', '--db', db], { env })).records).toHaveLength(22);
  });

  it('exports after a cursor, and as ninjs', async () => {
    const dir = tempDir();
    const db = pg.database();
    const env = pg.server().env;
    const files = verdictInputs(dir);
    await runCli(['ingest', files[0]!, files[3]!, '--db', db], { env });
    const first = await runCli(['export', '--db', db, '--json-summary'], { env });
    const { cursor, records } = JSON.parse(first.stderr) as { cursor: string; records: number };
    expect(records).toBe(first.records.length);
    await runCli(['ingest', files[2]!, '--db', db], { env });
    const after = await runCli(['export', '--db', db, '--after', cursor], { env });
    expect(after.records.map((r) => r['headline'])).toEqual(['Port of Valmora expands container terminal']);
    expect(after.stderr).toMatch(/exported 1 record in .* cursor \d+\.\d+ \(wire export --after \d+\.\d+\)/);
    const ninjs = await runCli(['export', '--db', db, '--after', cursor, '--output-format', 'ninjs'], { env });
    expect(ninjs.records[0]).toMatchObject({ uri: `urn:wire:${String(after.records[0]?.['id'])}` });
  });

  it('exports a table of several pages in order, each record once, and goes on after a cursor', async () => {
    const dir = tempDir();
    const db = pg.database();
    const env = pg.server().env;
    const story = (n: number): string =>
      `Harbour report number ${n} filed\n\nVALMORA, Nov. 2 - Report ${n}: ship ${n * 7} berthed at quay ${n % 13} ` +
      `with cargo lot ${n * 31} and crew list ${n * 17}.\n`;
    const write = (name: string, from: number, to: number): string => {
      const path = join(dir, name);
      writeFileSync(path, Array.from({ length: to - from }, (_, i) => story(from + i)).join('\f\n'));
      return path;
    };
    const numbers = (records: ReadonlyArray<Record<string, unknown>>): number[] =>
      records.map((r) => Number(/number (\d+)/.exec(String(r['headline']))?.[1]));
    const upTo = (count: number): number[] => Array.from({ length: count }, (_, n) => n);
    await runCli(['ingest', write('first.txt', 0, 2500), '--db', db, '--dedup', 'off'], { env });
    const first = await runCli(['export', '--db', db, '--json-summary'], { env });
    expect(numbers(first.records)).toEqual(upTo(2500));
    const { cursor } = JSON.parse(first.stderr) as { cursor: string };
    await runCli(['ingest', write('second.txt', 2500, 4500), '--db', db, '--dedup', 'off'], { env });
    // Three pages of 2,000: the next is read while the last is written.
    const whole = await runCli(['export', '--db', db], { env });
    expect(whole.code, whole.stderr).toBe(0);
    expect(numbers(whole.records)).toEqual(upTo(4500));
    const rest = await runCli(['export', '--db', db, '--after', cursor], { env });
    expect(numbers(rest.records)).toEqual(upTo(4500).slice(2500));
  });

  it('stores a headline written as SQL as the text it is', async () => {
    const dir = tempDir();
    const db = pg.database();
    const env = pg.server().env;
    const path = join(dir, 'sql.txt');
    const headline = "'); DROP TABLE stories; --";
    writeFileSync(path, render({ ...HARBOUR, headline: `${headline} $1 \\' E'\\x00'` }));
    const run = await runCli(['ingest', path, '--db', db], { env });
    expect(run.code, run.stderr).toBe(0);
    const exported = await runCli(['export', '--db', db], { env });
    expect(exported.records[0]?.['headline']).toBe(`${headline} $1 \\' E'\\x00'`);
    expect(pg.server().sql('SELECT count(*) FROM wire.stories', db.split('/').pop())).toBe('1\n');
  });

  it('refuses -o, --state and ninjs together with --db (exit 2), and a URL that is not one', async () => {
    const db = pg.database();
    for (const extra of [
      ['-o', 'x.jsonl'],
      ['--state', 'x.state'],
      ['--output-format', 'ninjs'],
    ]) {
      const run = await runCli(['ingest', 'samples/', '--db', db, ...extra]);
      expect(run.code, extra.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/--db/);
    }
    const bad = await runCli(['ingest', 'samples/', '--db', 'mysql://x@y/z']);
    expect(bad.code).toBe(2);
  });

  it('names host and port when the server is unreachable, exits 1 and reads no input', async () => {
    const port = await freePort();
    const run = await runCli(['ingest', 'no-such-file.txt', '-', '--db', `postgres://wire@127.0.0.1:${port}/wire`], {
      stdin: 'Headline\n\nSEOUL, Nov. 27 (Yonhap) -- A story.\n',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`cannot connect to PostgreSQL at 127\\.0\\.0\\.1:${port}`));
    expect(run.stderr).not.toMatch(/no-such-file/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('says the credentials were refused, names the server, and never shows the password', async () => {
    const server = pg.server();
    const url = server.url();
    const wrong = 'not-the-pw-9f3e';
    const viaEnv = await runCli(['ingest', 'samples/', '--db', url], { env: { PGPASSWORD: wrong } });
    expect(viaEnv.code).toBe(1);
    expect(viaEnv.stderr).toMatch(new RegExp(`PostgreSQL at 127\\.0\\.0\\.1:${server.port} refused the credentials`));
    expect(viaEnv.stderr).not.toContain(wrong);
    const inUrl = url.replace('wire@', `wire:${wrong}@`);
    const viaUrl = await runCli(['export', '--db', inUrl, '--json-summary']);
    expect(viaUrl.code).toBe(1);
    expect(viaUrl.stderr).toMatch(/refused the credentials/);
    expect(viaUrl.stderr).not.toContain(wrong);
  });

  it('takes the URL from WIRE_DB and the password from PGPASSWORD or the URL, and shows it nowhere', async () => {
    const server = pg.server();
    const name = server.createDatabase();
    const dir = tempDir();
    const files = verdictInputs(dir);
    const viaEnv = await runCli(['ingest', files[0]!, '--json-summary'], {
      env: { WIRE_DB: server.url(name), PGPASSWORD: server.password },
    });
    expect(viaEnv.code, viaEnv.stderr).toBe(0);
    const withPassword = server.urlWithPassword(name);
    const run = await runCli(['ingest', files[3]!, '--db', withPassword, '--json-summary', '-v'], {
      env: { PGPASSWORD: '' },
    });
    expect(run.code, run.stderr).toBe(0);
    const exported = await runCli(['export', '--db', withPassword]);
    expect(exported.records).toHaveLength(21);
    for (const text of [viaEnv.stderr, run.stderr, run.stdout, exported.stdout, exported.stderr])
      expect(text).not.toContain(server.password);
  });
});
