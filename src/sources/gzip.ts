import { InputError, describeError } from '../errors.js';

/** True when bytes start with the gzip magic number (1f 8b), whatever the file is called. */
export function isGzip(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

/**
 * A byte stream, decompressed as it is read when it is gzip (archives of wire copy are gzipped: `.gz` files, a
 * `zcat`-less pipe, a download), else passed through untouched. Concatenated members (`cat a.gz b.gz`) are read
 * one after the other. Damaged gzip data is an InputError naming the input.
 */
export async function* gunzipped(chunks: AsyncIterable<Uint8Array>, location: string): AsyncGenerator<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  // The magic number may arrive split across chunks from a pipe: gather two bytes first.
  const head: Uint8Array[] = [];
  let size = 0;
  while (size < 2) {
    const next = await iterator.next();
    if (next.done) break;
    head.push(next.value);
    size += next.value.length;
  }
  const first = head.length === 1 ? head[0]! : Buffer.concat(head);
  const rest = (async function* (): AsyncGenerator<Uint8Array> {
    try {
      if (size > 0) yield first;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    } finally {
      // Left early (a binary file found by its first bytes): close the source, a file's handle with it.
      await iterator.return?.(undefined);
    }
  })();
  if (!isGzip(first)) {
    yield* rest;
    return;
  }
  // Loaded on first need: most runs never meet gzip, and cold start matters.
  const [{ Readable }, { createGunzip }] = await Promise.all([import('node:stream'), import('node:zlib')]);
  const source = Readable.from(rest);
  const inflater = source.pipe(createGunzip());
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) yield chunk;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError('bad-gzip', `${location}: damaged gzip data (${describeError(error)})`, {
      input: location,
      cause: error,
    });
  } finally {
    // Both ends: destroying the source returns `rest`, which closes the input.
    inflater.destroy();
    source.destroy();
  }
}
