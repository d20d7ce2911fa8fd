import { describeError, isHttpError, isInputError } from '../errors.js';
import { decodeUnit } from '../formats/decode.js';
import { mergeFeedItem } from '../formats/feed/merge.js';
import { frameStream } from '../formats/frame.js';
import type { Format, ParseResult, UnitContext } from '../formats/format.js';
import { collect, emptyNote, failure, note, type Outcome } from './outcome.js';
import { toNinjs } from '../sinks/ninjs.js';
import { prepend, readHead, type Head } from './read.js';
import type { FetchOptions, HttpClient, pageInput } from '../sources/url.js';
import { normalizeLoading, serialize } from './batch.js';
import type { EmittedBatch, FormatName, Origin, ParsedStory, RawInput, Story, ValidatorCache } from '../types.js';

/** What the web stage needs from the run. */
export interface WebContext {
  readonly fetch: FetchOptions;
  readonly validators: ValidatorCache | null;
  readonly maxUnitBytes: number;
  /** How records are serialized: wire's JSON lines, or ninjs. */
  readonly output: 'jsonl' | 'ninjs';
  /** Compute near sketches (dedup not off). */
  readonly sketch: boolean;
  /** Detect the language of stories that do not declare one. */
  readonly detectLanguage: boolean;
  /** Fetch the pages feed items link to (false: `--no-fetch-links`). */
  readonly fetchLinks?: boolean;
  now(): string;
  referenceFor(raw: RawInput, now: string): string | null;
  chooseFormat(sniffed: FormatName): Format;
  /** A format was named with `--format`: markup no reader knows is then read with it, not refused. */
  readonly forced?: boolean;
  /** IANA zone for times without an offset (`--timezone`). */
  readonly timezone?: string;
}

/**
 * The web half of the pipeline: URLs fetched (ahead of their turn, within the limits) and whole documents —
 * pages and feeds, from a URL or a file — decoded by their own charset rules, parsed, normalized and serialized on
 * the main thread. A feed's items are fetched at once and come out in feed order.
 */
export class WebStage {
  private client: Promise<{ client: HttpClient; pageInput: typeof pageInput }> | null = null;

  constructor(private readonly context: WebContext) {}

  private get timezone(): string {
    return this.context.timezone ?? 'UTC';
  }

  /** Starts fetching a URL now; its outcomes wait in the promise for the URL's turn. */
  url(url: string): Promise<Outcome[]> {
    return collect(this.fetched(url, null));
  }

  /** A page or feed whose head has been read: decode, parse, normalize, serialize; feed items are fetched. */
  async *document(raw: RawInput, head: Head, format: Format, feedItem: ParsedStory | null): AsyncGenerator<Outcome> {
    await format.load?.();
    const context: UnitContext = {
      type: raw.type,
      location: raw.location,
      contentType: raw.contentType ?? null,
      bom: head.bom,
    };
    const now = this.context.now();
    const reference = this.context.referenceFor(raw, now);
    let index = 0;
    const frames = frameStream(prepend(head.first, head.rest), format.boundary, {
      maxUnitBytes: this.context.maxUnitBytes,
    });
    for await (const event of frames) {
      if (event.kind === 'diagnostic') {
        yield failure(raw.location, event.code, `${raw.location}:${event.line}: ${event.message}`, event.line);
        continue;
      }
      const bytes = event.bytes;
      let parsed: { stories: readonly ParsedStory[]; outcomes: Outcome[] };
      // The charset the document was read in; formats that read their bytes themselves (e-mail: a charset per MIME
      // part) say it for each story.
      let charset: string | null = null;
      if (format.parseBytes) {
        parsed = await parseBytesUnit(format.parseBytes.bind(format), bytes, event.line, context);
      } else {
        const decoded = format.decodeDocument
          ? format.decodeDocument(bytes, context)
          : format.decode
            ? format.decode(bytes)
            : decodeUnit(bytes);
        if (decoded.fallback) {
          const message = `${raw.location}:${event.line}: not valid UTF-8 and no charset declared; read as windows-1252`;
          yield note(raw.location, 'warning', 'decode-fallback', message, event.line);
        }
        charset = decoded.charset;
        parsed = parseUnit(format, decoded.text, event.line, context);
      }
      yield* parsed.outcomes;
      if (format.name === 'feed' && feedItem === null) {
        index += parsed.stories.length;
        yield* this.feedItems(parsed.stories, raw, charset, now, reference);
        continue;
      }
      const stories: Story[] = [];
      for (const story of parsed.stories) {
        const origin: Origin = {
          type: raw.type,
          location: raw.location,
          format: format.name,
          index: index++,
          charset: format.parseBytes ? (story.charset ?? null) : charset,
        };
        stories.push(
          await normalizeLoading(feedItem ? mergeFeedItem(feedItem, story) : story, {
            origin,
            now,
            referenceDate: reference,
            timezone: this.timezone,
            detectLanguage: this.context.detectLanguage,
          }),
        );
      }
      if (stories.length > 0) yield { kind: 'records', batch: this.serialize(stories) };
    }
    // A page of a feed's item answers for itself; a whole input's emptiness is judged by the pipeline.
    if (index === 0 && feedItem !== null)
      yield failure(raw.location, 'no-stories', `${raw.location}: no stories found`);
  }

  /** Turns an error thrown while processing `location` into a failure outcome, so that it is reported in turn. */
  async *guarded(location: string, outcomes: AsyncIterable<Outcome>): AsyncGenerator<Outcome> {
    try {
      yield* outcomes;
    } catch (error) {
      yield isInputError(error)
        ? failure(location, error.code, error.message)
        : failure(location, 'failed', `${location}: ${describeError(error)}`);
    }
  }

  async close(): Promise<void> {
    if (this.client) await (await this.client).client.close();
  }

  /**
   * Fetches a URL and processes the page. A 304 yields an info note and nothing else; a skipped content type a
   * warning; a failed fetch an error. The validators are yielded last, and only when records were written and
   * nothing failed, so that a page that failed (or gave nothing) is fetched in full next time.
   */
  private async *fetched(url: string, feedItem: ParsedStory | null): AsyncGenerator<Outcome> {
    const { client, pageInput } = await this.open();
    let result;
    try {
      result = await client.fetch(url);
    } catch (error) {
      yield isHttpError(error)
        ? failure(url, error.code, error.message)
        : failure(url, 'fetch-failed', `${url}: ${describeError(error)}`);
      return;
    }
    if (result.kind === 'not-modified') {
      yield emptyNote(url, 'info', 'not-modified', `${url}: unchanged since the last run (HTTP 304)`);
      return;
    }
    if (result.kind === 'skipped') {
      yield emptyNote(url, 'warning', 'skipped-content-type', result.message);
      return;
    }
    const raw = pageInput(result);
    let failed = false;
    let written = false;
    try {
      const head = await readHead(raw, this.context.forced === true);
      const format = this.context.chooseFormat(head.sniffed);
      for await (const outcome of this.document(raw, head, format, feedItem)) {
        if (outcome.kind === 'report' && outcome.fails) failed = true;
        if (outcome.kind === 'records') written = true;
        yield outcome;
      }
    } catch (error) {
      failed = true;
      yield isInputError(error)
        ? failure(raw.location, error.code, error.message)
        : failure(raw.location, 'failed', `${raw.location}: ${describeError(error)}`);
    }
    if (written && !failed && result.validators !== null) yield { kind: 'commit', url, validators: result.validators };
  }

  /** Fetches every item's link at once (the limits apply) and yields the results in feed order. */
  private async *feedItems(
    items: readonly ParsedStory[],
    feed: RawInput,
    charset: string | null,
    now: string,
    reference: string | null,
  ): AsyncGenerator<Outcome> {
    const follow = this.context.fetchLinks !== false;
    const fetches = items.map((item) =>
      follow && item.url && /^https?:\/\//i.test(item.url) ? collect(this.fetched(item.url, item)) : null,
    );
    const ownText = async (item: ParsedStory, index: number): Promise<Outcome> => {
      const origin: Origin = { type: feed.type, location: feed.location, format: 'feed', index, charset };
      const context = {
        origin,
        now,
        referenceDate: reference,
        timezone: this.timezone,
        detectLanguage: this.context.detectLanguage,
      };
      return { kind: 'records', batch: this.serialize([await normalizeLoading(item, context)]) };
    };
    for (const [index, item] of items.entries()) {
      const fetched = fetches[index];
      if (fetched) {
        const outcomes = await fetched;
        if (item.paragraphs.length > 0 && fellThrough(outcomes)) {
          // The page could not be had, but the feed carries the item's text: that is written, and the failure said.
          for (const outcome of outcomes) yield insteadOfPage(outcome);
          yield await ownText(item, index);
        } else yield* outcomes;
      } else if (item.paragraphs.length > 0) {
        // An item without a fetchable link still has its own text.
        yield await ownText(item, index);
      } else if (!follow && item.url) {
        const what = item.headline ?? item.url;
        const message = `${feed.location}: item ${index + 1} (${what}) has no text of its own; its page was not fetched (--no-fetch-links)`;
        yield note(feed.location, 'warning', 'item-not-fetched', message);
      }
    }
  }

  private serialize(stories: readonly Story[]): EmittedBatch {
    return serialize(stories, {
      ...(this.context.output === 'ninjs' ? { as: toNinjs } : {}),
      sketch: this.context.sketch,
    });
  }

  /** Loads undici and p-limit (only runs that meet a URL get here) and opens one client for the run. */
  private open(): Promise<{ client: HttpClient; pageInput: typeof pageInput }> {
    this.client ??= (async () => {
      const [{ createHttpClient, pageInput }, { default: pLimit }] = await Promise.all([
        import('../sources/url.js'),
        import('p-limit'),
      ]);
      // The global limit, shared by every fetch of the run; per-host limits live in the client.
      const limit = pLimit(this.context.fetch.concurrency ?? 8);
      const client = await createHttpClient({ ...this.context.fetch, validators: this.context.validators }, (task) =>
        limit(task),
      );
      return { client, pageInput };
    })();
    return this.client;
  }
}

/** A feed item's page gave no records because it failed or was no page (a PDF); not because it is unchanged (304). */
function fellThrough(outcomes: readonly Outcome[]): boolean {
  if (outcomes.some((outcome) => outcome.kind === 'records')) return false;
  return outcomes.some(
    (outcome) => outcome.kind === 'report' && (outcome.fails || outcome.diagnostic.code === 'skipped-content-type'),
  );
}

/** A report about an item's page, as a warning that the feed's own text of the item was written instead. */
function insteadOfPage(outcome: Outcome): Outcome {
  if (outcome.kind !== 'report') return outcome;
  const { diagnostic } = outcome;
  return note(
    diagnostic.input,
    'warning',
    diagnostic.code,
    `${diagnostic.message}; wrote the item's own text from the feed instead`,
  );
}

/** A parse from bytes, with what it says (or its failure) as outcomes, as parseUnit does for text. */
async function parseBytesUnit(
  parse: NonNullable<Format['parseBytes']>,
  bytes: Uint8Array,
  line: number,
  context: UnitContext,
): Promise<{ stories: readonly ParsedStory[]; outcomes: Outcome[] }> {
  try {
    return outcomesOf(await parse(bytes, line, context), line, context.location);
  } catch (error) {
    const message = `${context.location}:${line}: could not parse this input (${describeError(error)})`;
    return { stories: [], outcomes: [failure(context.location, 'parse-failed', message, line)] };
  }
}

function outcomesOf(
  result: ParseResult,
  line: number,
  input: string,
): { stories: readonly ParsedStory[]; outcomes: Outcome[] } {
  const outcomes = result.diagnostics.map((d) =>
    d.severity === 'error'
      ? failure(input, d.code, `${input}:${d.line ?? line}: ${d.message}`, d.line ?? line)
      : note(input, d.severity, d.code, `${input}:${d.line ?? line}: ${d.message}`, d.line ?? line),
  );
  return { stories: result.stories, outcomes };
}

function parseUnit(
  format: Format,
  text: string,
  line: number,
  context: UnitContext,
): { stories: readonly ParsedStory[]; outcomes: Outcome[] } {
  const input = context.location;
  try {
    return outcomesOf(format.parse(text, line, context), line, input);
  } catch (error) {
    // A parser bug must not cost the rest of the input: report it against this document and go on.
    return {
      stories: [],
      outcomes: [
        failure(input, 'parse-failed', `${input}:${line}: could not parse this page (${describeError(error)})`, line),
      ],
    };
  }
}
