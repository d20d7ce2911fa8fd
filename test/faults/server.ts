import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Answers one request; returns false to let the server answer 404. */
export type Route = (request: IncomingMessage, response: ServerResponse) => boolean | Promise<boolean>;

/** A local server on 127.0.0.1 (never the internet), port 0; no request log, since trials send millions. */
export interface FaultServer {
  readonly base: string;
  close(): Promise<void>;
}

/** Starts a server answering with `route`. */
export async function serve(route: Route): Promise<FaultServer> {
  const server = createServer((request, response) => {
    Promise.resolve(route(request, response))
      .then((handled) => {
        if (!handled) response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      })
      .catch((error: unknown) => response.destroy(error instanceof Error ? error : new Error(String(error))));
  });
  server.keepAliveTimeout = 2000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Sends a body with an ETag, and 304 when the client already has it: what real servers do, and what makes a
 * validator remembered too early lose a page for good.
 */
export function sendTagged(
  request: IncomingMessage,
  response: ServerResponse,
  body: string | Buffer,
  contentType: string,
): true {
  const etag = `"${request.url ?? ''}"`;
  if (request.headers['if-none-match'] === etag) {
    response.writeHead(304, { etag }).end();
    return true;
  }
  response.writeHead(200, { 'content-type': contentType, etag }).end(body);
  return true;
}
