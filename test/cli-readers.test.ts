import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLines, runCli } from './helpers/cli.js';
import { tempDir } from './helpers/tmp.js';
import { startServer, type TestServer } from './helpers/web-server.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const fixture = (path: string): string => join(FIXTURES, path);
const formatOf = (record: Record<string, unknown>): string => (record['origin'] as { format: string }).format;

describe('wire ingest reads each of the desk formats by its content', () => {
  it.each([
    ['newsml1/nested-components/input.xml', 'newsml1', 1],
    ['ninjs/v2-array/input.json', 'ninjs', 1],
    ['ninjs/api-list/input.json', 'ninjs', 1],
    ['apmedia/feed/input.json', 'apmedia', 2],
    ['email/latin1-signature/input.eml', 'email', 1],
    ['email/json-form/input.eml', 'email', 1],
    ['wxr/posts/input.xml', 'wxr', 2],
    ['iptc7901/zczc-codes/input.txt', 'iptc7901', 2],
    ['newsml/package-with-item/input.xml', 'newsml', 1],
    ['ritzau/queue/input.xml', 'ritzau', 2],
    ['ntbinfo/release/input.xml', 'ntbinfo', 1],
    ['article-json/newsapi-list/input.json', 'article-json', 2],
    ['article-json/json-lines/input.jsonl', 'article-json', 2],
  ])('reads %s with the %s reader', async (path, format, count) => {
    const result = await runCli(['ingest', fixture(path), '--dedup', 'off']);
    expect(result.code).toBe(0);
    expect(result.records).toHaveLength(count);
    for (const record of result.records) expect(formatOf(record)).toBe(format);
  });

  it('takes the headline of an e-mail from its RFC 2047 subject, in its charset, without the Fwd: prefix', async () => {
    const result = await runCli(['ingest', fixture('email/latin1-signature/input.eml')]);
    expect(result.records[0]?.['headline']).toBe('Bürgermeister eröffnet die neue Brücke');
    expect(result.records[0]?.['body']).not.toContain('Freier Mitarbeiter');
  });

  it('reads every message of an mbox file, one record each', async () => {
    const dir = tempDir();
    const box = join(dir, 'desk.mbox');
    const message = (n: number, subject: string): string =>
      `From s${n}@example.org Mon Mar  2 1${n}:00:00 2026\nFrom: s${n}@example.org\nSubject: ${subject}\n` +
      `Date: Mon, 2 Mar 2026 1${n}:00:00 +0000\n\nThe text of story ${n}.\n\n`;
    writeFileSync(box, message(1, 'Harbour reopens') + message(2, 'Ferry fares rise'));
    const result = await runCli(['ingest', box, '--dedup', 'off']);
    expect(result.code).toBe(0);
    expect(result.records.map((r) => r['headline'])).toEqual(['Harbour reopens', 'Ferry fares rise']);
    expect(result.records.map(formatOf)).toEqual(['email', 'email']);
  });

  it("detects an e-mail's language as any story's, and leaves it null with --no-detect-language", async () => {
    const dir = tempDir();
    const path = join(dir, 'desk.eml');
    // Danish: a language the glance does not settle, so the detector must be loaded for it.
    writeFileSync(
      path,
      'From: desk@example.org\nSubject: Ny bro over havnen åbner i weekenden\nDate: Mon, 2 Mar 2026 10:00:00 +0000\n\n' +
        'Den nye cykelbro over havnen åbner for trafik på lørdag, et halvt år før planen, oplyser kommunen. ' +
        'Broen er 180 meter lang og har kostet 95 millioner kroner at bygge.\n',
    );
    const detected = await runCli(['ingest', path]);
    expect(detected.records.map((r) => r['language'])).toEqual(['da']);
    const off = await runCli(['ingest', path, '--no-detect-language']);
    expect(off.records.map((r) => r['language'])).toEqual([null]);
  });

  it('keeps an IPTC 7901 take key line out of the headline and puts it in the envelope', async () => {
    const result = await runCli(['ingest', fixture('iptc7901/take-key-lines/input.txt')]);
    expect(result.records.map((r) => r['headline'])).toEqual([
      'Dock workers end strike at northern port',
      'Race schedule',
    ]);
    expect(result.records.map((r) => (r['envelope'] as Record<string, unknown>)['take'])).toEqual([
      'REFILE 1ST LEAD',
      '(Achtung)',
    ]);
  });

  it("takes AP's headline from the ^ line after the keyword line, and the keyword to the envelope", async () => {
    const result = await runCli(['ingest', fixture('anpa/ap-keyword-line/input.anpa')]);
    expect(result.records[0]?.['headline']).toBe('Coastal town wins fight over lighthouse');
    expect((result.records[0]?.['envelope'] as Record<string, unknown>)['keyword']).toBe('BC-US--Lighthouse Sale');
  });
});

describe('markup, JSON and mail no reader applies to', () => {
  const dir = tempDir();

  it('refuses XML of an unknown root, naming it, writes nothing for it, and goes on with the other inputs', async () => {
    const results = join(dir, 'results.xml');
    writeFileSync(results, '<results>\n  <result><id>a1</id></result>\n  <result><id>a2</id></result>\n</results>\n');
    const result = await runCli(['ingest', results, fixture('ninjs/api-list/input.json'), '--dedup', 'off']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('unknown XML root <results>');
    expect(result.records).toHaveLength(1);
    expect(result.records[0]?.['headline']).toBe('Library adds Sunday opening hours');
  });

  it('reads a Cision release from a news API dump as a PR Newswire press release, its dateline found', async () => {
    const result = await runCli(['ingest', fixture('article-json/cision-release/input.json')]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.records[0]).toMatchObject({
      dateline: { text: 'DALLAS, Aug. 28, 2020 /PRNewswire/ --', location: 'DALLAS', date: '2020-08-28' },
      agency: 'PR Newswire',
      press_release: true,
      published: '2020-08-28T20:45:00+00:00',
      origin: { format: 'article-json' },
    });
  });

  /** Writes `json` to `name` and runs the CLI on it, which must refuse it as JSON of an unknown shape with `keys`. */
  async function expectRefusedJson(name: string, json: string, keys: string): Promise<string> {
    const file = join(dir, name);
    writeFileSync(file, `${json}\n`);
    const result = await runCli(['ingest', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`JSON of an unknown shape (keys: ${keys})`);
    expect(result.stdout).toBe('');
    return file;
  }

  it('refuses JSON with a title but no body, naming its keys, and reads its headline when told to', async () => {
    const links = await expectRefusedJson(
      'links.json',
      '{"title": "Quarterly report", "url": "https://x.example/r"}',
      'title, url',
    );
    const forced = await runCli(['ingest', links, '--format', 'article-json']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.records.map((r) => [r['headline'], r['body']])).toEqual([['Quarterly report', '']]);
  });

  it('refuses JSON of an unknown shape, naming its keys', async () => {
    await expectRefusedJson(
      'mock.json',
      '{"requests": {"http://x.example/a.jpg": {"get": {"binary": "a.jpg"}}}}',
      'requests',
    );
  });

  it('refuses a NewsML-G2 package of references only, naming the references', async () => {
    const pkg = join(dir, 'package.xml');
    const ref = (id: string, headline: string): string =>
      `<itemRef residref="${id}"><itemClass qcode="ninat:text"/><headline>${headline}</headline></itemRef>`;
    writeFileSync(
      pkg,
      `<?xml version="1.0"?><packageItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:pkg:1"><groupSet root="G"><group id="G">` +
        `${ref('urn:item:1', 'Dam opens')}${ref('urn:item:2', 'River rises')}</group></groupSet></packageItem>`,
    );
    const result = await runCli(['ingest', pkg]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('package of references only');
    expect(result.stderr).toContain('urn:item:1 (Dam opens)');
    expect(result.stdout).toBe('');
  });

  it('refuses a mail message that carries only an attachment', async () => {
    const mail = join(dir, 'scan.eml');
    writeFileSync(
      mail,
      'From: a@example.org\r\nTo: b@example.org\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n' +
        'Content-Type: application/pdf; name="scan.pdf"\r\nContent-Disposition: attachment; filename="scan.pdf"\r\n' +
        'Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n',
    );
    const result = await runCli(['ingest', mail]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('a mail message with only attachments (scan.pdf)');
  });
});

describe("wire's own JSON lines and ninjs, read back", () => {
  const dir = tempDir();

  it('merges two outputs with dedup: the same records, the same ids, each once', async () => {
    const a = join(dir, 'a.jsonl');
    const b = join(dir, 'b.jsonl');
    const all = join(dir, 'all.jsonl');
    const plain = (name: string): string => fixture(`plain/${name}/input.txt`);
    const first = ['reuters-update-bullets', 'ap-ednote-byline-credits', 'yonhap-lead'].map(plain);
    expect((await runCli(['ingest', ...first, '-o', a, '-q'])).code).toBe(0);
    expect((await runCli(['ingest', plain('yonhap-lead'), plain('kyodo-dash'), '-o', b, '-q'])).code).toBe(0);
    const merged = await runCli(['ingest', a, b, '-o', all]);
    expect(merged.code).toBe(0);
    const ids = (path: string): string[] => parseLines(readFileSync(path, 'utf8')).map((r) => String(r['id']));
    expect(ids(all)).toEqual([...new Set([...ids(a), ...ids(b)])]);
    expect(merged.stderr).toContain('1 already in');
    const written = parseLines(readFileSync(all, 'utf8'));
    const original = parseLines(readFileSync(a, 'utf8'));
    // Every field survives the trip, the optional ones (byline_title, update_notes, summary, ednote...) included.
    expect(written.slice(0, original.length)).toEqual(original);
    expect(original.some((r) => 'byline_title' in r && 'ednote' in r)).toBe(true);
    expect(original.some((r) => 'update_notes' in r && 'summary' in r)).toBe(true);
  });

  it('converts its JSON lines to ninjs, and reads its ninjs back as the same records', async () => {
    const jsonl = fixture('wire/jsonl/input.jsonl');
    const ninjs = join(dir, 'out.ninjs.jsonl');
    expect((await runCli(['ingest', jsonl, '--output-format', 'ninjs', '-o', ninjs, '-q'])).code).toBe(0);
    const items = parseLines(readFileSync(ninjs, 'utf8'));
    expect(items.map((i) => i['uri'])).toEqual(
      parseLines(readFileSync(jsonl, 'utf8')).map((r) => `urn:wire:${String(r['id'])}`),
    );
    const back = await runCli(['ingest', ninjs, '--dedup', 'off']);
    expect(back.code).toBe(0);
    const original = parseLines(readFileSync(jsonl, 'utf8'));
    expect(back.records.map((r) => [r['id'], r['headline'], r['body'], r['dateline']])).toEqual(
      original.map((r) => [r['id'], r['headline'], r['body'], r['dateline']]),
    );
  });
});

describe('--timezone', () => {
  const dir = tempDir();

  it('reads a time without an offset in the zone named, when the agency has no home zone', async () => {
    const api = fixture('ninjs/api-list/input.json');
    const utc = await runCli(['ingest', api]);
    expect(utc.records[0]?.['published']).toBe('2026-01-20T09:05:00Z');
    const helsinki = await runCli(['ingest', api, '--timezone', 'Europe/Helsinki']);
    expect(helsinki.records[0]?.['published']).toBe('2026-01-20T09:05:00+02:00');
  });

  it("reads it in the agency's home zone when the agency has one (BusinessDesk: Pacific/Auckland)", async () => {
    const result = await runCli(['ingest', fixture('newsml/nitf-inside/input.xml'), '--timezone', 'America/Chicago']);
    expect(result.records[0]?.['published']).toBe('2026-01-15T09:00:00+13:00');
  });

  it('rejects a zone name the runtime does not know, as a usage error, and writes nothing', async () => {
    const out = join(dir, 'never.jsonl');
    const result = await runCli([
      'ingest',
      fixture('ninjs/api-list/input.json'),
      '--timezone',
      'Mars/Olympus',
      '-o',
      out,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('IANA time zone');
  });
});

describe('a WordPress export served over HTTP', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer();
    const wxr = readFileSync(fixture('wxr/posts/input.xml'), 'utf8').replaceAll(
      'https://gazette.example/',
      server.url('/'),
    );
    server.route('/export.xml', (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
      response.end(wxr);
    });
  });
  afterAll(() => server.close());

  it('gives the stories that are in the file and fetches none of the item links', async () => {
    const result = await runCli(['ingest', server.url('/export.xml'), '--dedup', 'off']);
    expect(result.code).toBe(0);
    expect(result.records.map((r) => r['headline'])).toEqual([
      'Bridge repairs to close Main Street for two weeks',
      'Library reading week',
    ]);
    expect(result.records.map(formatOf)).toEqual(['wxr', 'wxr']);
    expect(server.requests.map((r) => r.path)).toEqual(['/export.xml']);
  });
});
