import { STATUS_CODES } from 'node:http';
import { HttpError, describeError, isHttpError } from '../../errors.js';

/** An HTTP error status, with the wait the server asked for before a retry (429, 503). */
export function statusError(url: string, status: number, retryAfter: number | null, attempts: number): HttpError {
  const reason = STATUS_CODES[status] ?? 'error';
  const hint =
    status === 404
      ? ' (check the address)'
      : status === 410
        ? ' (the page was removed for good)'
        : status === 401 || status === 403
          ? ' (the site refuses wire; it may need a login)'
          : attempts > 1
            ? ` after ${attempts} attempts (raise --retries, or try later)`
            : '';
  const error = new HttpError('http-status', `${url}: HTTP ${status} ${reason}${hint}`, { url, status });
  return Object.assign(error, { retryAfterMs: retryAfter });
}

/** The wait a failed attempt asked for, when its server sent `Retry-After`. */
export function askedWait(error: unknown): number | null {
  const wait = (error as { retryAfterMs?: unknown }).retryAfterMs;
  return typeof wait === 'number' ? wait : null;
}

// Network failures worth another attempt; a missing host name (ENOTFOUND) will not fix itself in seconds.
const TRANSIENT = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED',
]);

/** True when another attempt might succeed: a transient network error, a timeout, 429 or 5xx. */
export function isRetryable(error: unknown, retryableStatus: (status: number) => boolean): boolean {
  if (isHttpError(error)) return error.code === 'timeout' || (error.status !== null && retryableStatus(error.status));
  const code = errorCode(error);
  return code !== null && TRANSIENT.has(code);
}

/** Turns what undici or the network threw into an HttpError with a message that says what to do. */
export function networkError(url: string, error: unknown, timeoutMs: number, attempts: number): HttpError {
  if (isHttpError(error)) return error;
  const code = errorCode(error);
  const tries = attempts > 1 ? ` (${attempts} attempts)` : '';
  const seconds = `${timeoutMs / 1000} s`;
  const timeouts: Record<string, string> = {
    UND_ERR_CONNECT_TIMEOUT: `could not connect within ${seconds}`,
    UND_ERR_HEADERS_TIMEOUT: `no response headers within ${seconds}`,
    UND_ERR_BODY_TIMEOUT: `the body stalled for ${seconds}`,
  };
  const timeout = code === null ? undefined : timeouts[code];
  if (timeout !== undefined) {
    return new HttpError('timeout', `${url}: ${timeout}${tries} (raise --timeout)`, { url, cause: error });
  }
  if (code === 'ENOTFOUND') {
    return new HttpError('network', `${url}: no such host (check the address)`, { url, cause: error });
  }
  const plain = code === null ? undefined : PLAIN[code];
  const what = plain ?? describeError(error);
  return new HttpError('network', `${url}: ${what}${tries}`, { url, cause: error });
}

// What the common socket errors mean, said plainly.
const PLAIN: Record<string, string> = {
  ECONNREFUSED: 'connection refused (is the server up, and the port right?)',
  ECONNRESET: 'the server reset the connection',
  EPIPE: 'the server closed the connection',
  ETIMEDOUT: 'the connection timed out',
  EAI_AGAIN: 'the host name could not be looked up (a temporary DNS failure)',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  UND_ERR_SOCKET: 'the connection closed before the response was complete',
  UND_ERR_CLOSED: 'the connection closed before the response was complete',
  CERT_HAS_EXPIRED: "the site's TLS certificate has expired",
  DEPTH_ZERO_SELF_SIGNED_CERT: "the site's TLS certificate is self-signed",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "the site's TLS certificate cannot be verified",
  ERR_TLS_CERT_ALTNAME_INVALID: "the site's TLS certificate is for another name",
};

function errorCode(error: unknown): string | null {
  // undici wraps the socket error: `fetch failed` with `cause.code === 'ECONNREFUSED'`.
  for (let current: unknown = error, depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}
