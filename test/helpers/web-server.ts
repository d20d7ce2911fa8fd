import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

/** A route's handler; it may answer at once or take its time. */
export type Handler = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

/** A local test server: 127.0.0.1, a free port, routes by path, and a log of what was asked. */
export interface TestServer {
  /** `http://127.0.0.1:PORT` + path. */
  url(path: string): string;
  route(path: string, handler: Handler): void;
  /** Requests received, in order, with their headers. */
  readonly requests: Array<{ readonly path: string; readonly headers: IncomingMessage['headers'] }>;
  /** Requests being answered right now, and the most there ever were at once. */
  readonly inFlight: { now: number; max: number };
  close(): Promise<void>;
}

/** Starts a server on 127.0.0.1, port 0 (never the internet). Unknown paths get 404. */
export async function startServer(): Promise<TestServer> {
  const routes = new Map<string, Handler>();
  const requests: TestServer['requests'] = [];
  const inFlight = { now: 0, max: 0 };
  const server: Server = createServer((request, response) => {
    // A proxy request carries the absolute URL (`GET http://news.example/a`); routes use the path either way.
    const path = request.url?.startsWith('http')
      ? new URL(request.url).pathname + new URL(request.url).search
      : (request.url ?? '/');
    requests.push({ path: request.url ?? path, headers: request.headers });
    inFlight.now++;
    inFlight.max = Math.max(inFlight.max, inFlight.now);
    response.on('close', () => inFlight.now--);
    const handler = routes.get(path.split('?')[0] ?? path);
    if (!handler) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    Promise.resolve(handler(request, response)).catch((error: unknown) => {
      response.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  // Playing an HTTP proxy: a CONNECT for any host is tunnelled back to this same server, and logged.
  server.on('connect', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    requests.push({ path: `CONNECT ${request.url ?? ''}`, headers: request.headers });
    const upstream = connect(port, '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    route: (path, handler) => void routes.set(path, handler),
    requests,
    inFlight,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A handler that sends a body with a status and headers. */
export function send(
  body: string | Buffer,
  headers: Record<string, string> = {},
  status = 200,
): (request: IncomingMessage, response: ServerResponse) => void {
  return (_request, response) => {
    response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers }).end(body);
  };
}

/** A news page in the shape most sites use, for tests that need any good page. */
export function articlePage(headline: string, paragraphs: readonly string[], head = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${headline} | Test Wire</title>${head}</head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>${headline}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article>
<footer>© 2026 Test Wire</footer></body></html>`;
}

/** Resolves after `ms` milliseconds. */
export function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
