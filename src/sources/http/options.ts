import { packageVersion } from '../../package-file.js';
import type { ValidatorCache } from '../../types.js';

/** How URLs are fetched; every field has a default (see `withDefaults`). */
export interface FetchOptions {
  /** Requests in flight at once, over all hosts. */
  readonly concurrency?: number;
  /** Requests in flight at once to one host. */
  readonly perHost?: number;
  /** Milliseconds between the starts of two requests to the same host. */
  readonly perHostDelayMs?: number;
  /** Milliseconds allowed for connecting, for the response headers, and for the whole body (each). */
  readonly timeoutMs?: number;
  /** Largest body accepted, counted on the wire and again after decompression. */
  readonly maxBytes?: number;
  /** Further attempts after a network error, 429 or 5xx. */
  readonly retries?: number;
  /** First backoff wait in milliseconds; it doubles with each attempt, with jitter. */
  readonly retryDelayMs?: number;
  /** The longest wait between attempts, whatever `Retry-After` asks for. */
  readonly maxRetryWaitMs?: number;
  readonly userAgent?: string;
  /** ETag / Last-Modified remembered between runs, for conditional requests. */
  readonly validators?: ValidatorCache | null;
}

/** Fetch options with every default filled in. */
export type ResolvedFetchOptions = Required<Omit<FetchOptions, 'validators'>> & {
  readonly validators: ValidatorCache | null;
};

const MB = 1024 * 1024;

/** Fills in the defaults: 8 at once, 2 per host, 30 s timeouts, 10 MB, 3 retries from 500 ms, waits capped at 30 s. */
export function withDefaults(options: FetchOptions): ResolvedFetchOptions {
  return {
    concurrency: options.concurrency ?? 8,
    perHost: options.perHost ?? 2,
    perHostDelayMs: options.perHostDelayMs ?? 0,
    timeoutMs: options.timeoutMs ?? 30_000,
    maxBytes: options.maxBytes ?? 10 * MB,
    retries: options.retries ?? 3,
    retryDelayMs: options.retryDelayMs ?? 500,
    maxRetryWaitMs: options.maxRetryWaitMs ?? 30_000,
    userAgent: options.userAgent ?? defaultUserAgent(),
    validators: options.validators ?? null,
  };
}

let cachedAgent: string | undefined;

/** `wire/0.1.0 (+https://github.com/wire-ingest/wire)`: names the tool and its version, as polite crawlers do. */
export function defaultUserAgent(): string {
  if (cachedAgent === undefined) {
    let version = 'unknown';
    try {
      version = packageVersion();
    } catch {
      // A bundled copy without package.json still fetches; it just cannot say its version.
    }
    cachedAgent = `wire/${version} (+https://github.com/wire-ingest/wire)`;
  }
  return cachedAgent;
}
