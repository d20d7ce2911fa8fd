/** Statuses worth another attempt: rate limiting and server trouble. Other 4xx mean the request itself is wrong. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 408 || (status >= 500 && status <= 599);
}

/**
 * Milliseconds a `Retry-After` header asks for: delay-seconds (`120`) or an HTTP date
 * (`Wed, 21 Oct 2026 07:28:00 GMT`), measured from `now`. Null when absent or unreadable.
 */
export function retryAfterMs(header: unknown, now: number): number | null {
  const value = Array.isArray(header) ? (header[0] as unknown) : header;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const when = Date.parse(text);
  return Number.isNaN(when) ? null : Math.max(0, when - now);
}

/**
 * The wait before attempt `attempt` (1 for the first retry): exponential from `base`, with jitter between half and
 * all of it so that many clients do not retry in step, or what the server asked for; never more than `cap`.
 */
export function backoffMs(
  attempt: number,
  base: number,
  cap: number,
  asked: number | null,
  random = Math.random,
): number {
  if (asked !== null) return Math.min(asked, cap);
  const exponential = base * 2 ** (attempt - 1);
  return Math.min(cap, exponential * (0.5 + random() / 2));
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
