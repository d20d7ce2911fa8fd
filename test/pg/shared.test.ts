import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { identityOf, lockKey } from '../../src/sinks/pg/gate.js';
import { SCHEMA_VERSION } from '../../src/sinks/pg/schema.js';
import { WIRE, parseLines, runCli } from '../helpers/cli.js';
import { noPostgres, usePostgres } from '../helpers/pg-test.js';
import { tempDir } from '../helpers/tmp.js';
import { articlePage, startServer } from '../helpers/web-server.js';
import { generateDump, templatedDump } from '../dedup/generate.js';
import { EDITS, HARBOUR, render } from '../dedup/stories.js';

const pg_ = usePostgres();

/** Files of near copies, updates and distinct stories, in an order that makes every kind of verdict. */
function corpus(dir: string): string[] {
  const texts: string[] = [render(HARBOUR)];
  for (const edit of Object.values(EDITS)) texts.push(render(edit(HARBOUR)));
  texts.push(
    render({ ...HARBOUR, headline: `UPDATE 1-${HARBOUR.headline}` }),
    render({ ...HARBOUR, headline: `CORRECTED-${HARBOUR.headline}`, paragraphs: HARBOUR.paragraphs.slice(0, 3) }),
  );
  const files = texts.map((text, i) => {
    const path = join(dir, `copy-${String(i).padStart(2, '0')}.txt`);
    writeFileSync(path, text);
    return path;
  });
  for (const [i, repeat] of [3, 7].entries()) {
    const path = join(dir, `dump-${i}.txt`);
    writeFileSync(path, generateDump(300, repeat));
    files.push(path);
  }
  // A template re-sent with other figures, more variants than a lead key's candidates, old variants sent again: half
  // in each run, so the second decides against the stored newest few, older identical bodies and dropped copies.
  const templated = templatedDump(3, 12).stories;
  const cut = Math.ceil(templated.length / 2);
  const [first, second] = [templated.slice(0, cut), templated.slice(cut)].map((part, i) => {
    const path = join(dir, `templated-${i}.txt`);
    writeFileSync(path, part.join('\n\f\n'));
    return path;
  });
  // A report whose figure stands in its last paragraph: its variants share lead and spread keys, so a trimmed copy of
  // an old one is past the candidates (a new story), and the old one sent again is found by its body.
  const report = (tonnes: number, trimmed = false): string =>
    [
      'Harbour tonnage report',
      'VARDO, May 4 - The harbour office said on Monday that tonnage handled at the quays over the weekend was in line with the season, and that pilots were working normal shifts.',
      'Shipping agents said the schedule for the coming week was unchanged and that no vessel was waiting at the outer anchorage.',
      ...(trimmed ? [] : ['The office publishes its figures each morning for the quays and the anchorage.']),
      `Tonnage handled over the weekend: ${tonnes} tonnes.`,
    ].join('\n\n');
  const reports = [0, 1].map((i) => join(dir, `reports-${i}.txt`));
  writeFileSync(reports[0]!, [1, 2, 3, 4, 5, 6, 7, 8].map((n) => report(4000 + 37 * n)).join('\n\f\n'));
  writeFileSync(reports[1]!, [report(4037, true), report(4074)].join('\n\f\n'));
  return [first!, reports[0]!, ...files, reports[1]!, second!];
}

function verdicts(kept: ReadonlyArray<Record<string, unknown>>, dups: ReadonlyArray<Record<string, unknown>>) {
  return {
    kept: kept.map((r) => `${String(r['id'])} v${String(r['version'])} ${String(r['replaces'])}`),
    duplicates: dups.map((r) => `${String(r['id'])} of ${String(r['duplicate_of'])} ${String(r['similarity'])}`),
  };
}

/** Waits until a `wire export --follow` is reading (its connection has run a page query). */
async function followerReady(
  server: ReturnType<typeof pg_.server>,
  url: string,
  application = 'wire export',
): Promise<void> {
  // This test's own database: an earlier test's follower on the same server may still be shown.
  const database = new URL(url).pathname.slice(1);
  for (let i = 0; i < 200; i++) {
    const found = server.sql(
      `SELECT count(*) FROM pg_stat_activity WHERE application_name = '${application}' AND datname = '${database}' AND query LIKE '%wire.records%'`,
    );
    if (found.trim() !== '0') return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the follower never started reading');
}

function spawnWire(args: readonly string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, [WIRE, ...args], { env: { ...process.env, NO_COLOR: '1', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
  return { child, done, out: () => stdout };
}

describe.skipIf(noPostgres !== null)('many hosts, one PostgreSQL', () => {
  it('gives the same kept stories, duplicates and versions as the SQLite store', async () => {
    const dir = tempDir();
    const files = corpus(dir);
    const half = Math.ceil(files.length / 2);
    const out = join(dir, 'out.jsonl');
    const dupsFile = join(dir, 'dups-file.jsonl');
    const db = pg_.database();
    const env = pg_.server().env;
    const dupsDb = join(dir, 'dups-db.jsonl');
    // Two runs each, so that the second run's stories are decided against the store, not the run's own index.
    for (const part of [files.slice(0, half), files.slice(half)]) {
      expect((await runCli(['ingest', ...part, '-o', out, '--duplicates', dupsFile])).code).toBe(0);
      const run = await runCli(['ingest', ...part, '--db', db, '--duplicates', dupsDb], { env });
      expect(run.code, run.stderr).toBe(0);
    }
    const exported = await runCli(['export', '--db', db], { env });
    const viaFile = verdicts(parseLines(readFileSync(out, 'utf8')), parseLines(readFileSync(dupsFile, 'utf8')));
    const viaDb = verdicts(exported.records, parseLines(readFileSync(dupsDb, 'utf8')));
    expect(viaFile.duplicates.length).toBeGreaterThan(20);
    expect(viaFile.kept.filter((k) => !k.endsWith('null')).length).toBeGreaterThan(0);
    expect(viaDb).toEqual(viaFile);
  });

  it('migrates an older schema and refuses a newer one', async () => {
    const server = pg_.server();
    const name = server.createDatabase();
    const url = server.url(name);
    // A database left by an older wire: version 1 only, holding the records of the samples but no fingerprints.
    const { MIGRATIONS } = await import('../../src/sinks/pg/schema.js');
    const { records } = await runCli(['ingest', 'samples/']);
    const rows = records.map((r) => `('${String(r['id'])}', 1, $j$${JSON.stringify(r)}$j$)`).join(', ');
    server.sql(
      `CREATE SCHEMA wire; CREATE TABLE wire.migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now(), wire_version text NOT NULL);
       ${MIGRATIONS[0]} INSERT INTO wire.migrations VALUES (1, now(), 'old');
       INSERT INTO wire.records (id, version, record) VALUES ${rows};`,
      name,
    );
    const run = await runCli(['ingest', 'samples/', '--db', url], { env: server.env });
    expect(run.code, run.stderr).toBe(0);
    expect(server.sql('SELECT max(version) FROM wire.migrations', name).trim()).toBe(String(SCHEMA_VERSION));
    expect(server.sql('SELECT count(*) FROM wire.inputs WHERE done', name).trim()).toBe('4');
    // The fingerprints were rebuilt from the records: the samples read again are all copies.
    expect(server.sql('SELECT count(*) FROM wire.records', name).trim()).toBe(String(records.length));
    expect(server.sql('SELECT count(*) FROM wire.stories', name).trim()).toBe(String(records.length));

    server.sql(`INSERT INTO wire.migrations VALUES (${SCHEMA_VERSION + 1}, now(), '9.9.9')`, name);
    const refused = await runCli(['ingest', 'samples/', '--db', url], { env: server.env });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      new RegExp(
        `has wire schema version ${SCHEMA_VERSION + 1}, newer than this wire knows \\(${SCHEMA_VERSION}\\): upgrade wire`,
      ),
    );
    expect((await runCli(['export', '--db', url], { env: server.env })).code).toBe(1);
  });

  it('waits for an input another host holds, gives up past --lock-timeout (exit 3), and goes on once it is free', async () => {
    const dir = tempDir();
    const server = pg_.server();
    const name = server.createDatabase();
    const url = server.url(name);
    const path = join(dir, 'shared.txt');
    writeFileSync(path, generateDump(30, 0));
    const other = new pg.Client({ connectionString: server.urlWithPassword(name) });
    await other.connect();
    try {
      await other.query('SELECT pg_advisory_lock($1::bigint)', [lockKey(identityOf({ kind: 'file', path })!)]);
      const gaveUp = await runCli(['ingest', path, 'samples/', '--db', url, '--lock-timeout', '0.5'], {
        env: server.env,
      });
      expect(gaveUp.code).toBe(3);
      expect(gaveUp.stderr).toMatch(/shared\.txt: another host is ingesting it .* waited 0\.5 s/);
      expect(gaveUp.stderr).toMatch(/7 new/); // the other inputs were still ingested
      const waiting = spawnWire(['ingest', path, '--db', url, '--lock-timeout', '30'], server.env);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await other.query('SELECT pg_advisory_unlock_all()');
      const waited = await waiting.done;
      expect(waited.code, waited.stderr).toBe(0);
      expect(waited.stderr).toMatch(/30 new/);
    } finally {
      await other.end();
    }
  });

  it('lets one of two hosts given the same input ingest it; the other finds nothing left to do', async () => {
    const dir = tempDir();
    const server = pg_.server();
    const url = pg_.database();
    const path = join(dir, 'big.txt');
    writeFileSync(path, generateDump(3000, 0));
    const runs = [0, 1].map(() => spawnWire(['ingest', path, '--db', url, '--json-summary'], server.env));
    const results = await Promise.all(runs.map((r) => r.done));
    const summaries = results.map((r) => JSON.parse(r.stderr.trim().split('\n').pop()!) as Record<string, number>);
    expect(summaries.map((s) => s['exit_code'])).toEqual([0, 0]);
    expect(summaries.map((s) => s['stories'] ?? -1).sort((a, b) => a - b)).toEqual([0, 3000]);
    expect(summaries.map((s) => s['duplicates'])).toEqual([0, 0]);
  });

  it('follows records as they are committed, each once, and exits 0 on SIGTERM', async () => {
    const dir = tempDir();
    const server = pg_.server();
    const url = pg_.database();
    const follow = spawnWire(['export', '--db', url, '--follow'], server.env);
    await followerReady(server, url);
    for (const [i, text] of [generateDump(40, 0), render(HARBOUR)].entries()) {
      const path = join(dir, `in-${i}.txt`);
      writeFileSync(path, text);
      expect((await runCli(['ingest', path, '--db', url], { env: server.env })).code).toBe(0);
    }
    for (let i = 0; i < 100 && parseLines(follow.out()).length < 41; i++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    // Printed while it follows, not only when the signal ends it (fewer than a buffer's worth were held back once).
    expect(parseLines(follow.out())).toHaveLength(41);
    follow.child.kill('SIGTERM');
    const ended = await follow.done;
    expect(ended.code).toBe(0);
    const ids = parseLines(ended.stdout).map((r) => r['id']);
    expect(ids).toHaveLength(41);
    expect(new Set(ids).size).toBe(41);
    expect(ended.stderr).toMatch(/exported 41 records/);
  });

  it('never shows a password given in the URL in the process title', async () => {
    const server = pg_.server();
    const url = server.urlWithPassword(server.createDatabase());
    const follow = spawnWire(['export', '--db', url, '--follow'], {});
    await followerReady(server, url);
    const title = readFileSync(`/proc/${follow.child.pid}/cmdline`, 'utf8');
    follow.child.kill('SIGTERM');
    const ended = await follow.done;
    expect(ended.code, ended.stderr).toBe(0);
    expect(title).toContain('export --db postgres://wire:***@');
    expect(title).not.toContain(server.password);
  });

  it('shares HTTP validators: a page fetched by one host costs the next a 304', async () => {
    const web = await startServer();
    try {
      const page = articlePage('Harbour deal signed', [
        'VALMORA, March 4 (Reuters) - The Port of Valmora signed a deal with two shipping lines on Tuesday, the port said.',
        'The lines will add weekly calls from June, lifting traffic by about 14 pct, officials said.',
      ]);
      web.route('/story', (request, response) => {
        if (request.headers['if-none-match'] === '"v1"') return void response.writeHead(304).end();
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag: '"v1"' }).end(page);
      });
      const url = pg_.database();
      const env = pg_.server().env;
      const first = await runCli(['ingest', web.url('/story'), '--db', url], { env });
      expect(first.stderr).toMatch(/1 new/);
      const second = await runCli(['ingest', web.url('/story'), '--db', url, '-v'], { env });
      expect(second.code, second.stderr).toBe(0);
      expect(second.stderr).toMatch(/unchanged since the last run \(HTTP 304\)/);
      expect(web.requests.map((r) => r.headers['if-none-match'] ?? null)).toEqual([null, '"v1"']);
    } finally {
      await web.close();
    }
  });

  it('watches a hot folder into the database', async () => {
    const dir = tempDir();
    const url = pg_.database();
    const env = pg_.server().env;
    writeFileSync(join(dir, 'a.txt'), render(HARBOUR));
    writeFileSync(join(dir, 'b.txt'), render(EDITS['retitles it']!(HARBOUR)));
    const run = await runCli(['watch', dir, '--db', url, '--once', '--settle', '100'], { env });
    expect(run.code, run.stderr).toBe(0);
    expect((await runCli(['export', '--db', url], { env })).records).toHaveLength(1);
    const both = await runCli(['watch', dir, '--db', url, '-o', join(dir, 'x.jsonl'), '--once']);
    expect(both.code).toBe(2);
  });
});
