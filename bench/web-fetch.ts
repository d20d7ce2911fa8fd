import { Worker } from 'node:worker_threads';
import { createHttpClient } from '../src/sources/url.js';
import { isMain } from './web-corpus.js';

/** Fetch throughput figures. */
export interface FetchFigures {
  readonly latencyPagesPerSecond: number;
  readonly bareUndiciPagesPerSecond: number;
  readonly idealPagesPerSecond: number;
  readonly shareOfIdeal: number;
  readonly loopbackWire1: number;
  readonly loopbackFetch1: number;
  readonly loopbackWire16: number;
  readonly loopbackFetch16: number;
}

const PAGES = 1000;
const LATENCY_MS = 50;
const CONCURRENCY = 16;

// The server runs on its own thread, so that serving does not steal the client's event loop.
const SERVER = `
const { createServer } = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
const page = '<!doctype html><html><head><title>Bench page</title></head><body><article>' +
  '<p>'.concat('The committee said the new rules would apply from January. '.repeat(40), '</p>').repeat(5) + '</article></body></html>';
const server = createServer((req, res) => {
  const send = () => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  if (workerData.latency > 0) setTimeout(send, workerData.latency); else send();
});
server.keepAliveTimeout = 10000;
server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));
parentPort.on('message', () => server.close(() => process.exit(0)));
`;

async function startServer(latency: number): Promise<{ port: number; stop: () => Promise<void> }> {
  const worker = new Worker(SERVER, { eval: true, workerData: { latency } });
  const port = await new Promise<number>((resolve) => worker.once('message', resolve));
  return {
    port,
    stop: async () => {
      worker.postMessage('stop');
      await new Promise((resolve) => worker.once('exit', resolve));
    },
  };
}

/** Requests per second of `count` fetches with at most `concurrency` at once. */
async function rate(count: number, concurrency: number, fetchOne: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const started = performance.now();
  const lane = async (): Promise<void> => {
    for (let i = next++; i < count; i = next++) await fetchOne(i);
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return (count / (performance.now() - started)) * 1000;
}

async function wireRate(port: number, count: number, concurrency: number): Promise<number> {
  // Distinct paths on one host: --per-host must not be the limit being measured.
  const client = await createHttpClient({ concurrency, perHost: concurrency, retries: 0 });
  const url = (i: number): string => `http://127.0.0.1:${port}/page/${i}`;
  await rate(50, concurrency, (i) => client.fetch(url(i))); // warm-up: connections and JIT
  const result = await rate(count, concurrency, (i) => client.fetch(url(i)));
  await client.close();
  return result;
}

async function undiciRate(port: number, count: number, concurrency: number): Promise<number> {
  const { Agent, request } = await import('undici');
  const agent = new Agent();
  const get = async (i: number): Promise<void> => {
    const response = await request(`http://127.0.0.1:${port}/page/${i}`, { dispatcher: agent });
    await response.body.arrayBuffer();
  };
  await rate(50, concurrency, get);
  const result = await rate(count, concurrency, get);
  await agent.close();
  return result;
}

async function fetchRate(port: number, count: number, concurrency: number): Promise<number> {
  const get = async (i: number): Promise<void> => {
    const response = await fetch(`http://127.0.0.1:${port}/page/${i}`);
    await response.arrayBuffer();
  };
  await rate(50, concurrency, get);
  return rate(count, concurrency, get);
}

/**
 * Fetching throughput: 1,000 pages from a local server that adds 50 ms to every response, fetched at concurrency 16
 * (the ideal is 16 / 50 ms = 320 pages/s); and on plain loopback, requests per second of wire's client against a
 * loop over Node's built-in fetch, one at a time and 16 at a time.
 */
export async function run(): Promise<FetchFigures> {
  const slow = await startServer(LATENCY_MS);
  const ideal = CONCURRENCY / (LATENCY_MS / 1000);
  const latencyRate = await wireRate(slow.port, PAGES, CONCURRENCY);
  // What this machine's timers and loopback allow at all: bare undici requests, same latency, same concurrency.
  const ceiling = await undiciRate(slow.port, PAGES, CONCURRENCY);
  await slow.stop();
  const fast = await startServer(0);
  const loopbackWire1 = await wireRate(fast.port, 2000, 1);
  const loopbackFetch1 = await fetchRate(fast.port, 2000, 1);
  const loopbackWire16 = await wireRate(fast.port, 4000, CONCURRENCY);
  const loopbackFetch16 = await fetchRate(fast.port, 4000, CONCURRENCY);
  await fast.stop();
  const figures = {
    latencyPagesPerSecond: latencyRate,
    bareUndiciPagesPerSecond: ceiling,
    idealPagesPerSecond: ideal,
    shareOfIdeal: latencyRate / ideal,
    loopbackWire1,
    loopbackFetch1,
    loopbackWire16,
    loopbackFetch16,
  };
  console.log(
    `web-fetch: ${PAGES} pages, ${LATENCY_MS} ms latency, concurrency ${CONCURRENCY}: ${latencyRate.toFixed(0)} pages/s = ${(figures.shareOfIdeal * 100).toFixed(1)}% of the ideal ${ideal.toFixed(0)} (bar 95%); bare undici requests on the same server: ${ceiling.toFixed(0)} pages/s = ${((ceiling / ideal) * 100).toFixed(1)}%`,
  );
  console.log(
    `web-fetch: loopback, one at a time: wire ${loopbackWire1.toFixed(0)} req/s, fetch loop ${loopbackFetch1.toFixed(0)} req/s: ${(loopbackWire1 / loopbackFetch1).toFixed(2)}x`,
  );
  console.log(
    `web-fetch: loopback, 16 at a time: wire ${loopbackWire16.toFixed(0)} req/s, fetch ${loopbackFetch16.toFixed(0)} req/s: ${(loopbackWire16 / loopbackFetch16).toFixed(2)}x`,
  );
  return figures;
}

if (isMain(import.meta.url)) await run();
