import { InputError } from './errors.js';
import { bomCharset, withoutBom } from './formats/decode.js';
import { sniff } from './formats/detect.js';
import type { FormatName, RawInput } from './types.js';

/** The start of an input: its first bytes (BOM gone, UTF-16 re-encoded), what they look like, and the rest. */
export interface Head {
  readonly first: Uint8Array;
  readonly rest: AsyncIterator<Uint8Array>;
  readonly sniffed: FormatName;
  /** The charset a byte-order mark named, or null. */
  readonly bom: string | null;
}

/**
 * Opens an input's byte stream: skips empty chunks, notes a byte-order mark, and sniffs the format from the first
 * bytes (and the Content-Type of a fetched page). Throws an InputError for an empty or binary input.
 */
export async function readHead(raw: RawInput): Promise<Head> {
  const source = raw.chunks[Symbol.asyncIterator]();
  let head = await source.next();
  while (!head.done && head.value.length === 0) head = await source.next();
  if (head.done) throw new InputError('empty', `${raw.location}: is empty (0 bytes)`, { input: raw.location });
  const bom = bomCharset(head.value);
  const rest = withoutBom(prepend(head.value, source))[Symbol.asyncIterator]();
  let first = await rest.next();
  while (!first.done && first.value.length === 0) first = await rest.next();
  if (first.done) throw new InputError('empty', `${raw.location}: is empty (0 bytes)`, { input: raw.location });
  const sniffed = sniff(first.value, raw.contentType ?? null);
  if ('binary' in sniffed) {
    throw new InputError('binary-input', `${raw.location}: not wire text: looks like ${sniffed.binary}`, {
      input: raw.location,
    });
  }
  return { first: first.value, rest, sniffed: sniffed.format, bom };
}

/** The first chunk, then the rest of the stream. */
export async function* prepend(first: Uint8Array, rest: AsyncIterator<Uint8Array>): AsyncGenerator<Uint8Array> {
  yield first;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}
