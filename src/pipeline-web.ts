import type { Outcome } from './outcome.js';
import { describeError, isHttpError } from './errors.js';
import type { FetchOptions, HttpClient, pageInput as PageInput } from './sources/url.js';
import type { HttpValidators, ParsedStory, RawInput, ValidatorCache } from './types.js';

/** The web half of the pipeline: one HTTP client for the run, and a URL's fetch turned into outcomes. */
export class Web {
  private readonly started: Promise<{ client: HttpClient; pageInput: typeof PageInput }>;

  /**
   * Loads undici and p-limit (only runs that meet a URL get here) and opens the client. The global concurrency
   * limit is a p-limit shared by every fetch of the run; per-host limits live in the client.
   */
  constructor(options: FetchOptions, validators: ValidatorCache | null) {
    this.started = (async () => {
      const [{ createHttpClient, pageInput }, { default: pLimit }] = await Promise.all([
        import('./sources/url.js'),
        import('p-limit'),
      ]);
      const limit = pLimit(options.concurrency ?? 8);
      const client = await createHttpClient({ ...options, validators }, (task) => limit(task));
      return { client, pageInput };
    })();
  }

  /**
   * Fetches a URL and hands the page to `page` (the pipeline's parse and normalize), yielding what it yields. A 304
   * yields an info note and nothing else; a skipped content type a warning; a failed fetch an error. The page's
   * validators are yielded last, and only when nothing failed, so that a failed page is fetched in full next time.
   */
  async *outcomes(
    url: string,
    item: ParsedStory | null,
    page: (raw: RawInput, item: ParsedStory | null) => AsyncIterable<Outcome>,
  ): AsyncGenerator<Outcome> {
    const { client, pageInput } = await this.started;
    let fetched;
    try {
      fetched = await client.fetch(url);
    } catch (error) {
      const code = isHttpError(error) ? error.code : 'fetch-failed';
      yield failure(url, code, isHttpError(error) ? error.message : `${url}: ${describeError(error)}`);
      return;
    }
    if (fetched.kind === 'not-modified') {
      yield note(url, 'info', 'not-modified', `${url}: unchanged since the last run (HTTP 304)`);
      return;
    }
    if (fetched.kind === 'skipped') {
      yield note(url, 'warning', 'skipped-content-type', fetched.message);
      return;
    }
    let failed = false;
    for await (const outcome of page(pageInput(fetched), item)) {
      if (outcome.kind === 'report' && outcome.fails) failed = true;
      yield outcome;
    }
    if (!failed && fetched.validators !== null) yield commit(url, fetched.validators);
  }

  async close(): Promise<void> {
    const { client } = await this.started;
    await client.close();
  }
}

function failure(input: string, code: string, message: string): Outcome {
  return { kind: 'report', fails: true, diagnostic: { severity: 'error', code, message, input } };
}

function note(input: string, severity: 'info' | 'warning', code: string, message: string): Outcome {
  return { kind: 'report', fails: false, diagnostic: { severity, code, message, input } };
}

function commit(url: string, validators: HttpValidators): Outcome {
  return { kind: 'commit', url, validators };
}

/** Runs an outcome stream to its end and keeps what it yielded, so that it can be replayed in input order. */
export async function collect(outcomes: AsyncIterable<Outcome>): Promise<Outcome[]> {
  const out: Outcome[] = [];
  for await (const outcome of outcomes) out.push(outcome);
  return out;
}
