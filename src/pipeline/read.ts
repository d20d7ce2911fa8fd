import { InputError } from '../errors.js';
import { bomCharset, withoutBom } from '../formats/decode.js';
import { sniff } from '../formats/detect.js';
import { gunzipped } from '../sources/gzip.js';
import type { FormatName, RawInput } from '../types.js';

/** The start of an input: its first bytes (BOM gone, UTF-16 re-encoded), what they look like, and the rest. */
export interface Head {
  readonly first: Uint8Array;
  readonly rest: AsyncIterator<Uint8Array>;
  readonly sniffed: FormatName;
  /** The charset a byte-order mark named, or null. */
  readonly bom: string | null;
}

// Sniffing needs a frame header or an XML root element whole; a pipe may deliver the first bytes one at a time.
const SNIFF_BYTES = 1024;

/**
 * Opens an input's byte stream: decompresses gzip (known by its magic number), notes a byte-order mark, reads enough
 * bytes to sniff, and sniffs the format from them (and from the Content-Type of a fetched page). Throws an InputError
 * for an empty or binary input, and for markup or JSON no reader knows, unless a format is `forced`.
 */
export async function readHead(raw: RawInput, forced = false): Promise<Head> {
  let bom: string | null = null;
  const noted = async function* (): AsyncGenerator<Uint8Array> {
    let first = true;
    for await (const chunk of gunzipped(raw.chunks, raw.location)) {
      if (first && chunk.length > 0) {
        first = false;
        bom = bomCharset(chunk);
      }
      yield chunk;
    }
  };
  const rest = withoutBom(noted())[Symbol.asyncIterator]();
  try {
    const first = await gather(rest);
    if (first === null) throw new InputError('empty', `${raw.location}: is empty (0 bytes)`, { input: raw.location });
    const sniffed = sniff(first, raw.contentType ?? null);
    if ('binary' in sniffed) {
      throw new InputError('binary-input', `${raw.location}: not wire text: looks like ${sniffed.binary}`, {
        input: raw.location,
      });
    }
    if ('unknown' in sniffed) {
      if (!forced) {
        const message = `${raw.location}: ${sniffed.unknown}: no reader for it (force one with --format, or leave it out)`;
        throw new InputError('unknown-format', message, { input: raw.location });
      }
      return { first, rest, sniffed: 'plain', bom };
    }
    return { first, rest, sniffed: sniffed.format, bom };
  } catch (error) {
    // The rest will never be read: close the stream now (a file's handle with it), not when it is collected.
    await rest.return?.(undefined);
    throw error;
  }
}

/** The first chunks of an input, joined until there are enough bytes to sniff (or the input ends); null if empty. */
async function gather(iterator: AsyncIterator<Uint8Array>): Promise<Uint8Array | null> {
  const parts: Uint8Array[] = [];
  let size = 0;
  while (size < SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done) break;
    parts.push(next.value);
    size += next.value.length;
  }
  if (size === 0) return null;
  return parts.length === 1 ? (parts[0] ?? null) : Buffer.concat(parts);
}

/** The first chunk, then the rest of the stream. */
export async function* prepend(first: Uint8Array, rest: AsyncIterator<Uint8Array>): AsyncGenerator<Uint8Array> {
  yield first;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

/** The input, its bytes counted as they are read (for progress: bytes read of bytes to read). */
export function counted(raw: RawInput, add: (bytes: number) => void): RawInput {
  const chunks = raw.chunks;
  return {
    ...raw,
    chunks: (async function* () {
      for await (const chunk of chunks) {
        add(chunk.length);
        yield chunk;
      }
    })(),
  };
}
