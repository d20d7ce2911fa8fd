import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isHttpError } from '../src/errors.js';
import { createHttpClient, type FetchOptions, type HttpClient } from '../src/sources/url.js';
import type { HttpValidators, ValidatorCache } from '../src/types.js';
import { send, startServer, wait, type TestServer } from './helpers/web-server.js';

let server: TestServer;
const clients: HttpClient[] = [];

// Waits between retries are kept tiny: tests check what happens, never how long it takes.
async function client(options: FetchOptions = {}): Promise<HttpClient> {
  const created = await createHttpClient({ retryDelayMs: 1, maxRetryWaitMs: 20, timeoutMs: 2000, ...options });
  clients.push(created);
  return created;
}

async function failure(promise: Promise<unknown>): Promise<{ code: string; status: number | null; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (!isHttpError(error)) throw error;
    return { code: error.code, status: error.status, message: error.message };
  }
  throw new Error('expected the fetch to fail');
}

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await server.close();
});

describe('fetching a page', () => {
  it('returns the body, final URL, content type and validators, and names wire in the User-Agent', async () => {
    server.route('/ok', send('<p>hello</p>', { etag: '"v1"', 'last-modified': 'Fri, 27 Nov 2026 10:00:00 GMT' }));
    const got = await (await client()).fetch(server.url('/ok'));
    expect(got.kind).toBe('page');
    if (got.kind !== 'page') return;
    expect(got.body.toString()).toBe('<p>hello</p>');
    expect(got.url).toBe(server.url('/ok'));
    expect(got.contentType).toBe('text/html; charset=utf-8');
    expect(got.validators).toEqual({ etag: '"v1"', lastModified: 'Fri, 27 Nov 2026 10:00:00 GMT' });
    expect(got.modified?.toISOString()).toBe('2026-11-27T10:00:00.000Z');
    const sent = server.requests.find((r) => r.path === '/ok');
    expect(sent?.headers['user-agent']).toMatch(/^wire\/\d+\.\d+\.\d+ /);
  });

  it.each([
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync],
  ] as const)('decompresses a %s body', async (encoding, compress) => {
    server.route(`/${encoding}`, send(compress(Buffer.from('<p>squeezed</p>')), { 'content-encoding': encoding }));
    const got = await (await client()).fetch(server.url(`/${encoding}`));
    expect(got.kind === 'page' && got.body.toString()).toBe('<p>squeezed</p>');
  });

  it('follows redirects and reports the final URL', async () => {
    server.route('/old', send('', { location: '/new' }, 301));
    server.route('/new', send('<p>moved</p>'));
    const got = await (await client()).fetch(server.url('/old'));
    expect(got.kind === 'page' && got.url).toBe(server.url('/new'));
  });
});

describe('failures', () => {
  it.each([
    [404, /HTTP 404 Not Found \(check the address\)/],
    [410, /HTTP 410 Gone/],
  ])('fails at once on %i, without retrying', async (status, message) => {
    server.route(`/status-${status}`, send('gone', {}, status));
    const before = server.requests.length;
    const error = await failure((await client()).fetch(server.url(`/status-${status}`)));
    expect(error).toMatchObject({ code: 'http-status', status });
    expect(error.message).toMatch(message);
    expect(server.requests.length - before).toBe(1);
  });

  it('retries a 500 and succeeds when the server recovers', async () => {
    let calls = 0;
    server.route('/flaky', (_req, res) => {
      calls++;
      if (calls === 1) res.writeHead(500).end('oops');
      else res.writeHead(200, { 'content-type': 'text/html' }).end('<p>fine now</p>');
    });
    const got = await (await client()).fetch(server.url('/flaky'));
    expect(got.kind === 'page' && got.body.toString()).toBe('<p>fine now</p>');
    expect(calls).toBe(2);
  });

  it('honours Retry-After on a 429, then gives up after the retries with a clear message', async () => {
    let calls = 0;
    server.route('/busy', (_req, res) => {
      calls++;
      res.writeHead(429, { 'retry-after': '1' }).end('slow down');
    });
    const error = await failure((await client({ retries: 2 })).fetch(server.url('/busy')));
    expect(calls).toBe(3);
    expect(error).toMatchObject({ code: 'http-status', status: 429 });
    expect(error.message).toMatch(/after 3 attempts \(raise --retries/);
  });

  it('gives up on a body that drips too slowly', async () => {
    server.route('/drip', async (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      for (let i = 0; i < 100 && !res.destroyed; i++) {
        res.write('<p>.</p>');
        await wait(50);
      }
      res.end();
    });
    const error = await failure((await client({ timeoutMs: 300, retries: 0 })).fetch(server.url('/drip')));
    expect(error.code).toBe('timeout');
    expect(error.message).toMatch(/raise --timeout/);
  });

  it('detects a redirect loop', async () => {
    server.route('/loop-a', send('', { location: '/loop-b' }, 302));
    server.route('/loop-b', send('', { location: '/loop-a' }, 302));
    const error = await failure((await client()).fetch(server.url('/loop-a')));
    expect(error.code).toBe('redirect-loop');
    expect(error.message).toContain('/loop-a → ');
  });

  it('stops after five redirects', async () => {
    for (let i = 0; i < 8; i++) server.route(`/hop-${i}`, send('', { location: `/hop-${i + 1}` }, 307));
    const error = await failure((await client()).fetch(server.url('/hop-0')));
    expect(error.code).toBe('too-many-redirects');
  });

  it('stops reading a 50 MB body at the byte cap', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 'a');
    let sent = 0;
    server.route('/huge', async (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      for (let i = 0; i < 50 && !res.destroyed; i++) {
        sent++;
        if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
      }
      res.end();
    });
    const error = await failure((await client({ maxBytes: 2 * 1024 * 1024 })).fetch(server.url('/huge')));
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(/larger than 2 MB on the wire \(raise --max-bytes/);
    expect(sent).toBeLessThan(50);
  });

  it('stops inflating a gzip bomb at the byte cap', async () => {
    // 64 MB of zeros compress to about 64 KB: small on the wire, huge once inflated.
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024));
    server.route('/bomb', send(bomb, { 'content-encoding': 'gzip' }));
    const error = await failure((await client({ maxBytes: 1024 * 1024 })).fetch(server.url('/bomb')));
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(/larger than 1 MB decompressed/);
  });

  it('skips a content type that is not a page or a feed, without reading it', async () => {
    server.route('/report.pdf', send(Buffer.from('%PDF-1.7 ...'), { 'content-type': 'application/pdf' }));
    const got = await (await client()).fetch(server.url('/report.pdf'));
    expect(got).toMatchObject({ kind: 'skipped' });
    expect(got.kind === 'skipped' && got.message).toMatch(/content type is application\/pdf, not a web page or feed/);
  });

  it('retries a refused connection, then reports it', async () => {
    const closed = await startServer();
    const url = closed.url('/gone');
    await closed.close();
    const error = await failure((await client({ retries: 1 })).fetch(url));
    expect(error.code).toBe('network');
    expect(error.message).toMatch(/connection refused .* \(2 attempts\)$/);
  });
});

describe('conditional requests', () => {
  it('sends the remembered ETag and Last-Modified, and a 304 comes back as not-modified', async () => {
    server.route('/cached', (req, res) => {
      if (req.headers['if-none-match'] === '"abc"') res.writeHead(304).end();
      else res.writeHead(200, { 'content-type': 'text/html', etag: '"abc"' }).end('<p>x</p>');
    });
    const store = new Map<string, HttpValidators>([
      [server.url('/cached'), { etag: '"abc"', lastModified: 'Thu, 26 Nov 2026 00:00:00 GMT' }],
    ]);
    const cache: ValidatorCache = { get: (url) => store.get(url) ?? null, put: (url, v) => void store.set(url, v) };
    const got = await (await client({ validators: cache })).fetch(server.url('/cached'));
    expect(got.kind).toBe('not-modified');
    const sent = server.requests.filter((r) => r.path === '/cached').at(-1);
    expect(sent?.headers['if-modified-since']).toBe('Thu, 26 Nov 2026 00:00:00 GMT');
  });
});

describe('limits', () => {
  it('never has more than --per-host requests in flight to one host', async () => {
    server.route('/slow', async (_req, res) => {
      await wait(30);
      res.writeHead(200, { 'content-type': 'text/html' }).end('<p>slow</p>');
    });
    server.inFlight.max = 0;
    const http = await client({ perHost: 2 });
    await Promise.all(Array.from({ length: 8 }, (_, i) => http.fetch(server.url(`/slow?${i}`))));
    expect(server.inFlight.max).toBe(2);
  });
});
