import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { expectValidRecord } from './helpers/schema.js';
import { tempDir } from './helpers/tmp.js';
import { articlePage, send, startServer, type TestServer } from './helpers/web-server.js';

let server: TestServer;
const dir = tempDir();
const LEAD =
  'SEOUL, Nov. 27 (Yonhap) -- South Korea will extend its fuel tax cut by two more months to ease the burden on households, the finance ministry said Friday.';
const MORE =
  'The cut, first introduced in 2021, lowers the tax on gasoline by 20 percent and on diesel by 30 percent, officials said at a briefing in Sejong.';
// No proxy from the machine's environment may catch the test's requests to 127.0.0.1.
const NO_PROXY_ENV = { HTTP_PROXY: undefined, HTTPS_PROXY: undefined, http_proxy: undefined, https_proxy: undefined };

beforeAll(async () => {
  server = await startServer();
  server.route('/a', send(articlePage('Fuel tax cut extended', [LEAD, MORE])));
  server.route(
    '/b',
    send(articlePage('Exports rise for a fifth month', [LEAD.replace('fuel tax cut', 'export aid'), MORE])),
  );
});
afterAll(() => server.close());

describe('wire ingest with URLs', () => {
  it('writes the story of each URL as a JSON line', async () => {
    const result = await runCli(['ingest', server.url('/a')], { env: NO_PROXY_ENV });
    expect(result.code).toBe(0);
    expect(result.records).toHaveLength(1);
    const record = result.records[0]!;
    expectValidRecord(record);
    expect(record).toMatchObject({
      headline: 'Fuel tax cut extended',
      agency: 'Yonhap',
      url: server.url('/a'),
      origin: { type: 'url', format: 'html', charset: 'utf-8' },
    });
  });

  it('exits 1 when one URL fails, after writing the others in order', async () => {
    const result = await runCli(
      // /a and /b differ in three words of the lead: copies to near dedup, so exact here.
      ['ingest', '--dedup', 'exact', '--retries', '0', server.url('/a'), server.url('/missing'), server.url('/b')],
      {
        env: NO_PROXY_ENV,
      },
    );
    expect(result.code).toBe(1);
    expect(result.records.map((r) => r['headline'])).toEqual([
      'Fuel tax cut extended',
      'Exports rise for a fifth month',
    ]);
    expect(result.stderr).toContain(`${server.url('/missing')}: HTTP 404 Not Found`);
    expect(result.stderr).toMatch(/3 inputs, 2 new, 0 duplicates, 1 failed/);
  });

  it('reads URLs from an input list', async () => {
    const list = join(dir, 'urls.txt');
    writeFileSync(list, `# morning run\n${server.url('/b')}\n${server.url('/a')}\n`);
    const result = await runCli(['ingest', '--dedup', 'exact', '--input-list', list, '--concurrency', '1'], {
      env: NO_PROXY_ENV,
    });
    expect(result.code).toBe(0);
    expect(result.records.map((r) => r['headline'])).toEqual([
      'Exports rise for a fifth month',
      'Fuel tax cut extended',
    ]);
  });

  it('goes through the proxy HTTP_PROXY names', async () => {
    // The test server plays the proxy: it receives the absolute URL of a host that does not exist.
    const result = await runCli(['ingest', '--retries', '0', '--timeout', '5', 'http://wire-test.invalid/a'], {
      env: { ...NO_PROXY_ENV, HTTP_PROXY: server.url(''), NO_PROXY: '' },
    });
    expect(result.stderr).toMatch(/^wire: 1 input, 1 new, 0 duplicates, 0 failed in [\d.]+ s\n$/);
    expect(result.code).toBe(0);
    expect(result.records[0]).toMatchObject({ headline: 'Fuel tax cut extended', url: 'http://wire-test.invalid/a' });
    expect(server.requests.some((r) => r.path === 'CONNECT wire-test.invalid:80')).toBe(true);
  });

  it('rejects a scheme other than http and https with a clear message', async () => {
    const result = await runCli(['ingest', 'ftp://example.com/story.txt']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('ftp://example.com/story.txt: only http:// and https:// URLs can be fetched');
  });
});

describe('wire ingest with a saved page', () => {
  it("writes a feed item's own text when its page cannot be had, and says so", async () => {
    // The first item's page answers 404; the second's is served. The feed file carries both items' full text.
    const item = (path: string, title: string, text: string): string =>
      `<item><title>${title}</title><link>${server.url(path)}</link><pubDate>Fri, 27 Nov 2026 06:00:00 GMT</pubDate>` +
      `<content:encoded><![CDATA[<p>${text}</p><p>${MORE}</p>]]></content:encoded></item>`;
    const path = join(dir, 'full-text.rss');
    writeFileSync(
      path,
      `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">` +
        `<channel><title>Test wire</title><language>en</language>` +
        item('/gone', 'Port reopens after storm', LEAD.replace('fuel tax cut', 'port closure')) +
        item('/a', 'Fuel tax cut extended', LEAD) +
        `</channel></rss>`,
    );
    const result = await runCli(['ingest', '--retries', '0', '--dedup', 'exact', path], { env: NO_PROXY_ENV });
    expect(result.code).toBe(0);
    expect(result.records.map((r) => r['headline'])).toEqual(['Port reopens after storm', 'Fuel tax cut extended']);
    expect(result.records[0]).toMatchObject({ agency: 'Yonhap', url: server.url('/gone'), origin: { format: 'feed' } });
    expect(String(result.records[0]!['body'])).toContain('port closure');
    expect(result.stderr).toContain(
      `warning: ${server.url('/gone')}: HTTP 404 Not Found (check the address); wrote the item's own text from the feed instead`,
    );
    expect(result.stderr).toMatch(/1 input, 2 new, 0 duplicates, 0 failed/);
  });

  it('with --no-fetch-links writes a feed file from its own text and asks the network for nothing', async () => {
    const before = server.requests.length;
    const path = join(dir, 'no-fetch.rss');
    writeFileSync(
      path,
      `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">` +
        `<channel><title>Test wire</title>` +
        `<item><title>Fuel tax cut extended</title><link>${server.url('/a')}</link>` +
        `<content:encoded><![CDATA[<p>${LEAD}</p><p>${MORE}</p>]]></content:encoded></item>` +
        `<item><title>Headline only</title><link>${server.url('/b')}</link></item>` +
        `</channel></rss>`,
    );
    const result = await runCli(['ingest', '--no-fetch-links', path], { env: NO_PROXY_ENV });
    expect(result.code).toBe(0);
    expect(server.requests.length).toBe(before);
    expect(result.records.map((r) => [r['headline'], r['url'], r['agency']])).toEqual([
      ['Fuel tax cut extended', server.url('/a'), 'Yonhap'],
    ]);
    expectValidRecord(result.records[0]!);
    expect(result.stderr).toContain(
      `warning: ${path}: item 2 (Headline only) has no text of its own; its page was not fetched (--no-fetch-links)`,
    );
  });

  it('extracts a page from a file', async () => {
    const path = join(dir, 'page.html');
    writeFileSync(path, articlePage('Fuel tax cut extended', [LEAD, MORE]));
    const result = await runCli(['ingest', path]);
    expect(result.code).toBe(0);
    expect(result.records[0]).toMatchObject({
      headline: 'Fuel tax cut extended',
      dateline: { text: 'SEOUL, Nov. 27 (Yonhap) --', agency: 'Yonhap' },
      url: null,
      origin: { type: 'file', format: 'html' },
    });
  });
});
