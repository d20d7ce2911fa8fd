import type { RawInput } from '../types.js';
import type { Fetched } from './http/client.js';

export { createHttpClient } from './http/client.js';
export type { Fetched, HttpClient, Limit } from './http/client.js';
export type { FetchOptions } from './http/options.js';

/** A fetched page as an input: its bytes, its final URL, its Content-Type and date. */
export function pageInput(page: Extract<Fetched, { kind: 'page' }>): RawInput {
  return {
    type: 'url',
    location: page.url,
    chunks: once(page.body),
    contentType: page.contentType,
    modified: page.modified,
  };
}

function once(body: Uint8Array): AsyncIterable<Uint8Array> {
  return (async function* () {
    yield await Promise.resolve(body);
  })();
}
