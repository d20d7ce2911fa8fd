import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { amongGood, type BadInput } from './among-good.js';
import { articlePage, rssFeed } from './corpus.js';
import type { Case } from './matrix.js';
import { sendTagged } from './server.js';

const HTML = 'text/html; charset=utf-8';
const QUICK_RETRY = ['--retries', '1', '--retry-delay', '10'];

/** 10 GB of zeros as 160 gzip members of 64 MB each (gunzip reads them as one stream): 10 MB on the wire. */
let member: Buffer | null = null;
function gzipBomb(response: ServerResponse): true {
  member ??= gzipSync(Buffer.alloc(64 * 1024 * 1024));
  response.writeHead(200, { 'content-type': HTML, 'content-encoding': 'gzip' });
  let sent = 0;
  const more = (): void => {
    while (sent < 160 && !response.destroyed) {
      sent++;
      if (!response.write(member)) return void response.once('drain', more);
    }
    response.end();
  };
  more();
  return true;
}

/** Sends a page one byte every 100 ms, for ever: only the client's own clock can stop it. */
function drip(response: ServerResponse): true {
  response.writeHead(200, { 'content-type': HTML });
  const page = articlePage(1);
  let at = 0;
  const timer = setInterval(() => response.write(page[at++ % page.length] ?? ' '), 100);
  response.on('close', () => clearInterval(timer));
  return true;
}

function status(code: number, headers: Record<string, string> = {}) {
  return (_request: IncomingMessage, response: ServerResponse): true => {
    response.writeHead(code, { 'content-type': 'text/plain', ...headers }).end(`status ${code}`);
    return true;
  };
}

function page(n: number, contentType: string) {
  return (request: IncomingMessage, response: ServerResponse): true =>
    sendTagged(request, response, articlePage(n), contentType);
}

const deepPage = (n: number): string =>
  `<!doctype html><html><head><title>Story ${n}: nested deep</title></head><body>${'<div>'.repeat(10_000)}` +
  `<article><h1>Story ${n}: nested deep</h1><p>${'A paragraph of the story, long enough to be prose, said the agency. '.repeat(6)}</p></article></body></html>`;

export const BAD_WEB: readonly BadInput[] = [
  {
    name: 'gzip bomb (10 GB of zeros)',
    make: ({ route }) => [route('/bomb.html', (_q, r) => gzipBomb(r))],
    exit: 1,
    message: /bomb\.html: the body is larger than 10 MB decompressed/,
    maxMb: 256,
  },
  {
    name: 'slow-drip server (1 byte / 100 ms)',
    make: ({ route }) => [route('/drip.html', (_q, r) => drip(r))],
    flags: ['--timeout', '2', '--retries', '0'],
    exit: 1,
    message: /drip\.html: the body took longer than 2 s/,
  },
  {
    name: 'server that never answers',
    make: ({ route }) => [route('/silent.html', () => true)],
    flags: ['--timeout', '2', '--retries', '0'],
    exit: 1,
    message: /silent\.html: no response headers within 2 s/,
  },
  {
    name: 'redirect loop',
    make: ({ route }) => {
      route('/loop-b', status(302, { location: '/loop-a' }));
      return [route('/loop-a', status(302, { location: '/loop-b' }))];
    },
    exit: 1,
    message: /loop-a: redirect loop: .*loop-a → .*loop-b → .*loop-a/,
  },
  {
    name: 'HTTP 404',
    make: ({ server }) => [`${server.base}/gone.html`],
    exit: 1,
    message: /gone\.html: HTTP 404 Not Found \(check the address\)/,
  },
  {
    name: 'HTTP 429 with Retry-After',
    make: ({ route }) => [route('/busy.html', status(429, { 'retry-after': '1' }))],
    flags: QUICK_RETRY,
    exit: 1,
    message: /busy\.html: HTTP 429 Too Many Requests after 2 attempts/,
  },
  {
    name: 'HTTP 500',
    make: ({ route }) => [route('/broken.html', status(500))],
    flags: QUICK_RETRY,
    exit: 1,
    message: /broken\.html: HTTP 500 Internal Server Error after 2 attempts/,
  },
  {
    name: 'HTTP 503 once, then the page',
    make: ({ route }) => {
      let calls = 0;
      return [route('/flaky.html', (q, r) => (calls++ === 0 ? status(503)(q, r) : page(920, HTML)(q, r)))];
    },
    flags: QUICK_RETRY,
    exit: 0,
    message: null,
    yields: [920],
  },
  {
    name: 'wrong Content-Type (a page as text/plain)',
    make: ({ route }) => [route('/as-text', page(921, 'text/plain'))],
    exit: 0,
    message: null,
    yields: [921],
  },
  {
    name: 'wrong Content-Type (a page as image/jpeg)',
    make: ({ route }) => [route('/as-image', page(922, 'image/jpeg'))],
    exit: 0,
    message: /as-image: skipped: its content type is image\/jpeg, not a web page or feed/,
  },
  {
    name: 'binary served as text/html',
    make: ({ route }) => [
      route('/noise.html', (_q, r) => (r.writeHead(200, { 'content-type': HTML }).end(Buffer.alloc(4096, 0)), true)),
    ],
    exit: 1,
    message: /noise\.html: not wire text/,
  },
  {
    name: 'unknown scheme',
    make: () => ['ftp://127.0.0.1/stories.txt'],
    exit: 1,
    message: /ftp:\/\/127\.0\.0\.1\/stories\.txt: only http:\/\/ and https:\/\/ URLs can be fetched/,
  },
  {
    name: 'connection cut mid-body',
    make: ({ route }) => [
      route('/cut.html', (_q, r) => {
        r.writeHead(200, { 'content-type': HTML, 'content-length': '100000' });
        r.write(articlePage(923).slice(0, 500), () => r.socket?.destroy());
        return true;
      }),
    ],
    flags: QUICK_RETRY,
    exit: 1,
    message: /cut\.html: the connection closed before the response was complete/,
  },
  {
    name: 'body over --max-bytes',
    make: ({ route }) => [
      route(
        '/huge.html',
        (_q, r) => (r.writeHead(200, { 'content-type': HTML }).end(Buffer.alloc(12 * 1024 * 1024, 'a')), true),
      ),
    ],
    exit: 1,
    message: /huge\.html: the body is larger than 10 MB on the wire/,
  },
  {
    name: '10,000-deep nested HTML by URL',
    make: ({ route }) => [route('/deep.html', (q, r) => sendTagged(q, r, deepPage(924), HTML))],
    exit: 0,
    message: null,
    yields: [924],
  },
  {
    name: 'feed with a missing item',
    make: ({ route, server }) => {
      route('/item-925.html', page(925, HTML));
      const feed = rssFeed(925, 2, (n) => `${server.base}/item-${n}.html`);
      return [route('/feed.xml', (q, r) => sendTagged(q, r, feed, 'application/rss+xml'))];
    },
    exit: 1,
    message: /item-926\.html: HTTP 404 Not Found/,
    yields: [925],
  },
];

/** The bad-web rows. */
export const badWebCases: readonly Case[] = BAD_WEB.map(amongGood);
