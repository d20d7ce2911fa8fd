import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../src/pipeline/run.js';
import type { Diagnostic, HttpValidators, ValidatorCache } from '../src/types.js';
import { MemorySink } from '../src/sinks/memory.js';
import { articlePage, send, startServer, wait, type TestServer } from './helpers/web-server.js';

let server: TestServer;
const BODY =
  'The committee said the new rules would apply from January, and that companies would have six months to comply with the reporting requirements set out in the law.';

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

async function run(inputs: string[], extra: { validators?: ValidatorCache; concurrency?: number } = {}) {
  const sink = new MemorySink();
  const diagnostics: Diagnostic[] = [];
  const summary = await ingest({
    inputs,
    sink,
    // These pages differ by a word or two on purpose; near dedup (the default) would call them copies.
    dedup: 'exact',
    fetch: { retries: 0, concurrency: extra.concurrency ?? 8, perHost: 16 },
    onDiagnostic: (d) => diagnostics.push(d),
    ...(extra.validators ? { validators: extra.validators } : {}),
  });
  return { records: sink.records, diagnostics, summary };
}

describe('URLs in the pipeline', () => {
  it('writes records in input order however the fetches finish', async () => {
    const urls = Array.from({ length: 12 }, (_, i) => {
      server.route(`/ordered/${i}`, async (req, res) => {
        await wait((12 - i) * 5);
        send(articlePage(`Story number ${i} of twelve`, [`WASHINGTON (AP) — Item ${i}. ${BODY}`]))(req, res);
      });
      return server.url(`/ordered/${i}`);
    });
    const { records, summary } = await run(urls);
    expect(summary.failures).toEqual([]);
    expect(records.map((r) => r.headline)).toEqual(urls.map((_, i) => `Story number ${i} of twelve`));
    expect(records.every((r) => r.dateline?.agency === 'AP' && r.origin.type === 'url')).toBe(true);
  });

  it('keeps no more than --concurrency fetches in flight', async () => {
    const urls = Array.from({ length: 10 }, (_, i) => {
      server.route(`/limited/${i}`, async (req, res) => {
        await wait(20);
        send(articlePage(`Limited ${i}`, [BODY]))(req, res);
      });
      return server.url(`/limited/${i}`);
    });
    server.inFlight.max = 0;
    await run(urls, { concurrency: 3 });
    expect(server.inFlight.max).toBe(3);
  });

  it('records the final URL and the canonical URL the page gives', async () => {
    server.route('/short', send('', { location: '/2026/11/27/long-story-name' }, 301));
    server.route(
      '/2026/11/27/long-story-name',
      send(articlePage('Canonical story', [BODY], '<link rel="canonical" href="/news/canonical-story">')),
    );
    const { records } = await run([server.url('/short')]);
    expect(records[0]).toMatchObject({
      url: server.url('/2026/11/27/long-story-name'),
      canonical_url: server.url('/news/canonical-story'),
      origin: { location: server.url('/2026/11/27/long-story-name'), format: 'html' },
    });
  });

  it('sniffs a page served with the wrong Content-Type', async () => {
    server.route('/mislabelled', send(articlePage('Sniffed story', [BODY]), { 'content-type': 'text/plain' }));
    const { records } = await run([server.url('/mislabelled')]);
    expect(records[0]?.origin.format).toBe('html');
    expect(records[0]?.headline).toBe('Sniffed story');
  });

  it('skips an image with a warning, not a failure', async () => {
    server.route('/photo.jpg', send(Buffer.from([0xff, 0xd8, 0xff, 0xe0]), { 'content-type': 'image/jpeg' }));
    const { records, summary, diagnostics } = await run([server.url('/photo.jpg')]);
    expect(records).toEqual([]);
    expect(summary.failures).toEqual([]);
    expect(diagnostics).toMatchObject([{ severity: 'warning', code: 'skipped-content-type' }]);
  });

  it('remembers validators only for a page that was ingested, and a 304 then writes nothing', async () => {
    let served = 0;
    server.route('/conditional', (req, res) => {
      if (req.headers['if-modified-since'] === 'Wed, 25 Nov 2026 08:00:00 GMT') {
        res.writeHead(304).end();
        return;
      }
      served++;
      send(articlePage('Conditional story', [BODY]), { 'last-modified': 'Wed, 25 Nov 2026 08:00:00 GMT' })(req, res);
    });
    server.route('/empty-page', send('<html><body><nav><a href="/">Home</a></nav></body></html>', { etag: '"e1"' }));
    const store = new Map<string, HttpValidators>();
    const validators: ValidatorCache = {
      get: (url) => store.get(url) ?? null,
      put: (url, v) => void store.set(url, v),
    };
    const first = await run([server.url('/conditional'), server.url('/empty-page')], { validators });
    expect(first.records).toHaveLength(1);
    expect(first.summary.failures.map((f) => f.code)).toEqual(['no-stories']);
    expect([...store.keys()]).toEqual([server.url('/conditional')]);
    const second = await run([server.url('/conditional')], { validators });
    expect(second.records).toEqual([]);
    expect(second.summary.failures).toEqual([]);
    expect(served).toBe(1);
  });

  it('remembers validators only once the output holding the page is synced (a 304 after a kill would lose it)', async () => {
    server.route('/durable', send(articlePage('Durable story', [BODY]), { etag: '"d1"' }));
    const log: string[] = [];
    const sink = {
      write: () => void log.push('write'),
      checkpoint: () => (log.push('checkpoint'), log.length),
      close: () => Promise.resolve(),
    };
    const validators: ValidatorCache = { get: () => null, put: (url) => void log.push(`put ${url}`) };
    await ingest({ inputs: [server.url('/durable')], sink, validators, fetch: { retries: 0 } });
    expect(log).toEqual(['write', 'checkpoint', `put ${server.url('/durable')}`]);
  });

  it('reports a failing URL and writes the others', async () => {
    server.route('/good-a', send(articlePage('Good story A', [BODY])));
    server.route('/good-b', send(articlePage('Good story B', [BODY.replace('January', 'March')])));
    const { records, summary } = await run([server.url('/good-a'), server.url('/nowhere'), server.url('/good-b')]);
    expect(records.map((r) => r.headline)).toEqual(['Good story A', 'Good story B']);
    expect(summary).toMatchObject({ inputs: 3, stories: 2, failed: 1 });
    expect(summary.failures[0]?.message).toMatch(/\/nowhere: HTTP 404 Not Found/);
  });
});
