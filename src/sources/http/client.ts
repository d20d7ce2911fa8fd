import type * as Undici from 'undici';
import type { Dispatcher } from 'undici';
import { HttpError } from '../../errors.js';
import type { HttpValidators } from '../../types.js';
import { readBody } from './body.js';
import { accepts } from './content-type.js';
import { askedWait, isRetryable, networkError, statusError } from './errors.js';
import { HostGate } from './hosts.js';
import { withDefaults, type FetchOptions, type ResolvedFetchOptions } from './options.js';
import { backoffMs, isRetryableStatus, retryAfterMs, sleep } from './retry.js';

/** What fetching one URL gave. */
export type Fetched =
  | {
      readonly kind: 'page';
      /** The URL asked for. */
      readonly requested: string;
      /** The URL after redirects. */
      readonly url: string;
      readonly contentType: string | null;
      readonly body: Buffer;
      /** Last-Modified, else Date, when the server sent one. */
      readonly modified: Date | null;
      /** Validators to remember once the page has been ingested, or null when the server sent none. */
      readonly validators: HttpValidators | null;
    }
  | { readonly kind: 'not-modified'; readonly requested: string }
  | { readonly kind: 'skipped'; readonly requested: string; readonly message: string };

/** Runs a task under some limit (the pipeline's global concurrency). */
export type Limit = <T>(task: () => Promise<T>) => Promise<T>;

/** Fetches URLs over keep-alive pools with the limits, timeouts, redirects and retries of `FetchOptions`. */
export interface HttpClient {
  fetch(url: string): Promise<Fetched>;
  close(): Promise<void>;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;

/**
 * Creates a client. undici is imported here, on first need, so a run over local files never loads it.
 * `limit` is the global concurrency limit; the per-host limit and delay are applied inside, before it.
 */
export async function createHttpClient(options: FetchOptions, limit: Limit = (task) => task()): Promise<HttpClient> {
  const undici = await import('undici');
  const resolved = withDefaults(options);
  // EnvHttpProxyAgent honours HTTP_PROXY, HTTPS_PROXY and NO_PROXY (and their lower-case forms).
  const agent = new undici.EnvHttpProxyAgent({
    connect: { timeout: resolved.timeoutMs },
    headersTimeout: resolved.timeoutMs,
    bodyTimeout: resolved.timeoutMs,
    keepAliveTimeout: 10_000,
  });
  return new Client(resolved, agent, undici.request, limit);
}

type RequestFn = typeof Undici.request;

class Client implements HttpClient {
  private readonly gate: HostGate;

  constructor(
    private readonly options: ResolvedFetchOptions,
    private readonly agent: Dispatcher,
    private readonly request: RequestFn,
    private readonly limit: Limit,
  ) {
    this.gate = new HostGate(options.perHost, options.perHostDelayMs);
  }

  async fetch(url: string): Promise<Fetched> {
    const known = this.options.validators?.get(url) ?? null;
    const host = new URL(url).host;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.gate.run(host, () => this.limit(() => this.follow(url, known, attempt)));
      } catch (error) {
        if (attempt > this.options.retries || !isRetryable(error, isRetryableStatus)) {
          throw networkError(url, error, this.options.timeoutMs, attempt);
        }
        const { retryDelayMs, maxRetryWaitMs } = this.options;
        await sleep(backoffMs(attempt, retryDelayMs, maxRetryWaitMs, askedWait(error)));
      }
    }
  }

  /**
   * Closes the pool. Requests still in flight (inputs fetched ahead of a run stopped by a signal) are cut off
   * rather than waited for: nobody will read them.
   */
  close(): Promise<void> {
    return this.agent.destroy();
  }

  /** One attempt: follows up to five redirects, refusing a loop or a scheme other than http(s). */
  private async follow(requested: string, known: HttpValidators | null, attempt: number): Promise<Fetched> {
    const visited = [requested];
    for (let current = requested; ;) {
      const controller = new AbortController();
      const response = await this.request(current, {
        dispatcher: this.agent,
        method: 'GET',
        headers: this.headersFor(known),
        signal: controller.signal,
      });
      const { statusCode: status, headers } = response;
      const location = header(headers, 'location');
      if (REDIRECTS.has(status) && location !== null) {
        discard(response.body);
        current = this.nextHop(requested, current, location, visited);
        continue;
      }
      if (status === 304) {
        discard(response.body);
        return { kind: 'not-modified', requested };
      }
      if (status < 200 || status > 299) {
        discard(response.body);
        throw statusError(requested, status, retryAfterMs(headers['retry-after'], Date.now()), attempt);
      }
      const contentType = header(headers, 'content-type');
      if (!accepts(contentType)) {
        discard(response.body);
        const message = `${requested}: skipped: its content type is ${contentType ?? 'missing'}, not a web page or feed`;
        return { kind: 'skipped', requested, message };
      }
      const body = await this.readWithin(response, current, controller);
      return {
        kind: 'page',
        requested,
        url: current,
        contentType,
        body,
        modified: dateHeader(headers, 'last-modified') ?? dateHeader(headers, 'date'),
        validators: validatorsOf(headers),
      };
    }
  }

  private nextHop(requested: string, current: string, location: string, visited: string[]): string {
    let next: URL;
    try {
      next = new URL(location, current);
    } catch {
      throw new HttpError('bad-redirect', `${requested}: redirected to an invalid address: ${location.slice(0, 200)}`, {
        url: requested,
      });
    }
    if (next.protocol !== 'http:' && next.protocol !== 'https:') {
      throw new HttpError(
        'bad-redirect',
        `${requested}: redirected to ${next.protocol} (only http and https are fetched)`,
        {
          url: requested,
        },
      );
    }
    next.hash = '';
    if (visited.includes(next.href)) {
      throw new HttpError('redirect-loop', `${requested}: redirect loop: ${[...visited, next.href].join(' → ')}`, {
        url: requested,
      });
    }
    if (visited.length > MAX_REDIRECTS) {
      throw new HttpError('too-many-redirects', `${requested}: more than ${MAX_REDIRECTS} redirects`, {
        url: requested,
      });
    }
    visited.push(next.href);
    return next.href;
  }

  /** Reads the body, giving it `timeoutMs` in all: a server dripping one byte a second cannot hold a slot forever. */
  private async readWithin(
    response: Dispatcher.ResponseData<unknown>,
    url: string,
    controller: AbortController,
  ): Promise<Buffer> {
    const seconds = this.options.timeoutMs / 1000;
    const timeout = new HttpError('timeout', `${url}: the body took longer than ${seconds} s (raise --timeout)`, {
      url,
    });
    const timer = setTimeout(() => controller.abort(timeout), this.options.timeoutMs);
    try {
      return await readBody(response.body, {
        url,
        maxBytes: this.options.maxBytes,
        encoding: header(response.headers, 'content-encoding'),
      });
    } catch (error) {
      throw controller.signal.aborted ? timeout : error;
    } finally {
      clearTimeout(timer);
      discard(response.body);
    }
  }

  private headersFor(known: HttpValidators | null): Record<string, string> {
    const headers: Record<string, string> = {
      'user-agent': this.options.userAgent,
      accept:
        'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,*/*;q=0.8',
      'accept-encoding': 'gzip, deflate, br',
    };
    if (known?.etag) headers['if-none-match'] = known.etag;
    if (known?.lastModified) headers['if-modified-since'] = known.lastModified;
    return headers;
  }
}

/** One header as a string: the first value of a repeated header, or null. Headers are outside input. */
function header(headers: Record<string, unknown>, name: string): string | null {
  const value = headers[name];
  const first: unknown = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first.trim() !== '' ? first.trim() : null;
}

function dateHeader(headers: Record<string, unknown>, name: string): Date | null {
  const value = header(headers, name);
  const date = value === null ? Number.NaN : Date.parse(value);
  return Number.isNaN(date) ? null : new Date(date);
}

function validatorsOf(headers: Record<string, unknown>): HttpValidators | null {
  const etag = header(headers, 'etag');
  const lastModified = header(headers, 'last-modified');
  return etag === null && lastModified === null ? null : { etag, lastModified };
}

/** Drops a body we will not read. An error listener first: undici reports the abort as an error event. */
function discard(body: Dispatcher.ResponseData['body']): void {
  body.on('error', () => undefined);
  body.destroy();
}
