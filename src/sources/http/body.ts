import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { HttpError, describeError } from '../../errors.js';
import { isGzip } from '../gzip.js';

/** What reading a body needs to know. */
export interface BodyLimits {
  readonly url: string;
  readonly maxBytes: number;
  /** The Content-Encoding header as received (`gzip`, `br`, `gzip, br`), or null. */
  readonly encoding: string | null;
}

/**
 * Reads a response body whole, decompressing gzip, deflate and br (and a gzip file served as itself). The byte cap is enforced twice while streaming:
 * on the bytes as they arrive, and on the bytes after decompression, so a 10 KB gzip bomb that inflates to 10 GB
 * stops at the cap having held no more than the cap in memory.
 */
export async function readBody(body: AsyncIterable<Uint8Array>, limits: BodyLimits): Promise<Buffer> {
  const decoders = decodersFor(limits);
  let decoded: Buffer;
  if (decoders.length === 0) {
    // The common case, without stream plumbing: count the bytes as they arrive.
    const chunks: Uint8Array[] = [];
    for await (const chunk of capped(body, limits)) chunks.push(chunk);
    decoded = Buffer.concat(chunks);
  } else {
    decoded = await inflate(Readable.from(capped(body, limits)), decoders, limits);
  }
  // A gzip file served as one (`application/gzip`, an archive's `.gz`): decompressed under the same cap.
  return isGzip(decoded) ? inflate(Readable.from([decoded]), [createGunzip()], limits) : decoded;
}

/** Runs bytes through decompressors, stopping at the cap on what comes out. */
async function inflate(source: Readable, decoders: NodeJS.ReadWriteStream[], limits: BodyLimits): Promise<Buffer> {
  const parts: Buffer[] = [];
  let inflated = 0;
  // The first cap hit is the error to report; the stages torn down after it fail with less useful errors.
  let overCap: HttpError | null = null;
  const collect = async (stream: AsyncIterable<Buffer>): Promise<void> => {
    for await (const chunk of stream) {
      inflated += chunk.length;
      if (inflated > limits.maxBytes) {
        overCap = tooLarge(limits, 'decompressed');
        throw overCap;
      }
      parts.push(chunk);
    }
  };
  try {
    // pipeline() destroys every stage when one fails, so an abandoned inflater never keeps working.
    await (pipeline as (...stages: unknown[]) => Promise<void>)(source, ...decoders, collect);
  } catch (error) {
    // Set inside collect(), which TypeScript cannot see from here.
    const over = overCap as HttpError | null;
    if (over !== null) throw over;
    // zlib's own errors (Z_DATA_ERROR, Z_BUF_ERROR): damaged data, not a network failure to retry.
    const code = (error as { code?: unknown }).code;
    if (typeof code !== 'string' || !code.startsWith('Z_')) throw error;
    throw new HttpError('bad-encoding', `${limits.url}: the body could not be decompressed (${describeError(error)})`, {
      url: limits.url,
      cause: error,
    });
  }
  return Buffer.concat(parts);
}

async function* capped(body: AsyncIterable<Uint8Array>, limits: BodyLimits): AsyncGenerator<Uint8Array> {
  let received = 0;
  for await (const chunk of body) {
    received += chunk.length;
    if (received > limits.maxBytes) throw tooLarge(limits, 'on the wire');
    yield chunk;
  }
}

function decodersFor(limits: BodyLimits): NodeJS.ReadWriteStream[] {
  if (limits.encoding === null) return [];
  // Encodings are listed in the order they were applied; undo them last first (`gzip, br` → un-br, then gunzip).
  const names = limits.encoding
    .toLowerCase()
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '' && name !== 'identity')
    .reverse();
  return names.map((name) => {
    if (name === 'gzip' || name === 'x-gzip') return createGunzip();
    if (name === 'deflate') return createInflate();
    if (name === 'br') return createBrotliDecompress();
    throw new HttpError(
      'unsupported-encoding',
      `${limits.url}: the server sent Content-Encoding ${name}, which wire cannot decompress`,
      {
        url: limits.url,
      },
    );
  });
}

function tooLarge(limits: BodyLimits, where: string): HttpError {
  return new HttpError(
    'too-large',
    `${limits.url}: the body is larger than ${formatBytes(limits.maxBytes)} ${where} (raise --max-bytes to accept it)`,
    {
      url: limits.url,
    },
  );
}

/** `10 MB`, `1.5 MB`, `4096 bytes`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${bytes} bytes`;
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}
