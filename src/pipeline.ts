import { exactFingerprint } from './dedup/exact.js';
import { InputError, describeError, isHttpError, isInputError } from './errors.js';
import { bomCharset, decodeUnit, withoutBom } from './formats/decode.js';
import { sniff } from './formats/detect.js';
import { frameStream } from './formats/frame.js';
import { FORMATS, type Format, type UnitContext } from './formats/index.js';
import { normalizeStory } from './normalize/story.js';
import type { Outcome } from './outcome.js';
import { Web, collect } from './pipeline-web.js';
import type { Sink } from './sinks/sink.js';
import { openFile } from './sources/file.js';
import { expandInputs, type InputItem } from './sources/inputs.js';
import { openStdin } from './sources/stdin.js';
import type { FetchOptions } from './sources/url.js';
import type { Diagnostic, FormatName, Origin, ParsedStory, RawInput, Story, ValidatorCache } from './types.js';

/** How duplicates are recognized: `exact` (same normalized body), or `off`. */
export type DedupMode = 'exact' | 'off';

/** Everything a run needs; the CLI builds this from its options. */
export interface IngestOptions {
  readonly inputs: readonly string[];
  readonly inputList?: string | null;
  /** A format name to force, or `auto` to sniff each input. */
  readonly format?: FormatName | 'auto';
  readonly dedup?: DedupMode;
  /** `mtime`, `now`, an ISO date, or null: what a dateline without a year is dated against. */
  readonly referenceDate?: string | null;
  readonly maxStoryBytes?: number;
  readonly sink: Sink;
  readonly stdin?: AsyncIterable<Uint8Array>;
  readonly now?: () => Date;
  readonly onDiagnostic?: (diagnostic: Diagnostic) => void;
  /** Called after each input with the running counts (for progress display). */
  readonly onProgress?: (counts: IngestCounts) => void;
  /** Limits, timeouts and retries for URLs and feed items. */
  readonly fetch?: FetchOptions;
  /** Where ETag / Last-Modified are remembered between runs, so an unchanged page costs a 304 and emits nothing. */
  readonly validators?: ValidatorCache;
}

/** Running counts of a run. */
export interface IngestCounts {
  inputs: number;
  stories: number;
  duplicates: number;
  failed: number;
}

/** An input that failed, wholly or in part. */
export interface InputFailure {
  readonly input: string;
  readonly code: string;
  readonly message: string;
}

/** What a run did. */
export interface IngestSummary extends Readonly<IngestCounts> {
  readonly failures: readonly InputFailure[];
  readonly seconds: number;
}

const DEFAULT_MAX_STORY_BYTES = 16 * 1024 * 1024;

/**
 * Runs the pipeline — source → format → normalize → dedup → sink — over every input, in input order. URLs are
 * fetched ahead, concurrently (global and per-host limits), and their records wait for their turn, so the output
 * is the same however the fetches finish. One bad input never stops the others: its failure is reported through
 * `onDiagnostic` and counted in the summary.
 */
export async function ingest(options: IngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  const run = new Run(options);
  const stdinText = (): Promise<string> => readAllText(options.stdin ?? process.stdin);
  // How many inputs may be fetched ahead of the one being written.
  const lookahead = Math.max(32, (options.fetch?.concurrency ?? 8) * 4);
  const pending: Array<() => Promise<void>> = [];
  try {
    for await (const item of expandInputs(options.inputs, options.inputList ?? null, stdinText)) {
      pending.push(run.start(item));
      while (pending.length > lookahead) await pending.shift()!();
    }
    for (let next = pending.shift(); next; next = pending.shift()) await next();
  } finally {
    await run.close();
  }
  return { ...run.counts, failures: run.failures, seconds: (performance.now() - started) / 1000 };
}

class Run {
  readonly counts: IngestCounts = { inputs: 0, stories: 0, duplicates: 0, failed: 0 };
  readonly failures: InputFailure[] = [];
  private readonly seen = new Set<string>();
  private readonly now: () => Date;
  private web: Web | null = null;

  constructor(private readonly options: IngestOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /** Starts an input: a URL is fetched now; a file or stdin is opened when its turn comes. Returns its turn. */
  start(item: InputItem): () => Promise<void> {
    if (item.kind === 'url') {
      const outcomes = collect(
        this.webAccess().outcomes(item.url, null, (raw, feedItem) => this.outcomesOf(raw, feedItem)),
      );
      return () => this.finish(item, outcomes);
    }
    return () => this.finish(item, null);
  }

  async close(): Promise<void> {
    await this.web?.close();
  }

  private async finish(item: InputItem, fetched: Promise<Outcome[]> | null): Promise<void> {
    this.counts.inputs++;
    const failuresBefore = this.failures.length;
    try {
      if (item.kind === 'error') throw item.error;
      if (fetched) {
        for (const outcome of await fetched) await this.apply(outcome);
      } else if (item.kind !== 'url') {
        const raw = item.kind === 'stdin' ? openStdin(this.options.stdin) : await openFile(item.path);
        for await (const outcome of this.outcomesOf(raw, null)) await this.apply(outcome);
      }
    } catch (error) {
      const input = item.kind === 'error' ? (item.error.input ?? '?') : itemName(item);
      await this.apply(failed(input, error));
    }
    if (this.failures.length > failuresBefore) this.counts.failed++;
    this.options.onProgress?.(this.counts);
  }

  private async apply(outcome: Outcome): Promise<void> {
    if (outcome.kind === 'story') await this.emit(outcome.story);
    else if (outcome.kind === 'commit') this.options.validators?.put(outcome.url, outcome.validators);
    else {
      const { diagnostic } = outcome;
      if (outcome.fails)
        this.failures.push({ input: diagnostic.input, code: diagnostic.code, message: diagnostic.message });
      this.options.onDiagnostic?.(diagnostic);
    }
  }

  /**
   * One input's outcomes: sniff, frame, decode, parse and normalize each unit. A feed's items are fetched (all at
   * once, within the limits) and yielded in feed order; `feedItem` is set when this input is one of those pages.
   * Errors become outcomes rather than escaping, so an input fetched ahead reports them in its turn.
   */
  private async *outcomesOf(raw: RawInput, feedItem: ParsedStory | null): AsyncGenerator<Outcome> {
    try {
      yield* this.parseInput(raw, feedItem);
    } catch (error) {
      yield failed(raw.location, error);
    }
  }

  private async *parseInput(raw: RawInput, feedItem: ParsedStory | null): AsyncGenerator<Outcome> {
    const source = raw.chunks[Symbol.asyncIterator]();
    let head = await source.next();
    while (!head.done && head.value.length === 0) head = await source.next();
    if (head.done) throw new InputError('empty', `${raw.location}: is empty (0 bytes)`, { input: raw.location });
    const bom = bomCharset(head.value);
    const iterator = withoutBom(prepend(head.value, source))[Symbol.asyncIterator]();
    const first = await iterator.next();
    if (first.done) throw new InputError('empty', `${raw.location}: is empty (0 bytes)`, { input: raw.location });
    const sniffed = sniff(first.value, raw.contentType ?? null);
    if ('binary' in sniffed) {
      throw new InputError('binary-input', `${raw.location}: not wire text: looks like ${sniffed.binary}`, {
        input: raw.location,
      });
    }
    const format = this.chooseFormat(sniffed.format);
    await format.load?.();
    const context: UnitContext = { type: raw.type, location: raw.location, contentType: raw.contentType ?? null, bom };
    const ingestedAt = this.now().toISOString();
    const reference = this.referenceFor(raw, ingestedAt);
    const maxUnitBytes = this.options.maxStoryBytes ?? DEFAULT_MAX_STORY_BYTES;
    let index = 0;
    let warnedFallback = false;
    for await (const event of frameStream(prepend(first.value, iterator), format.boundary, { maxUnitBytes })) {
      if (event.kind === 'diagnostic') {
        yield failure(raw.location, event.code, `${raw.location}:${event.line}: ${event.message}`, event.line);
        continue;
      }
      const decoded = format.decode
        ? format.decode(Buffer.from(event.bytes, 'latin1'), context)
        : decodeUnit(event.bytes);
      if (decoded.fallback && !warnedFallback) {
        warnedFallback = true;
        const message = `${raw.location}:${event.line}: not valid UTF-8 and no charset declared; read as windows-1252`;
        yield {
          kind: 'report',
          fails: false,
          diagnostic: { severity: 'warning', code: 'decode-fallback', message, input: raw.location, line: event.line },
        };
      }
      const parsed: Outcome[] = [];
      const stories = this.parseUnit(format, decoded.text, event.line, context, parsed);
      yield* parsed;
      if (format.name === 'feed' && feedItem === null) {
        index += stories.length;
        yield* this.feedItems(stories, raw, decoded.charset, ingestedAt, reference);
        continue;
      }
      for (const story of stories) {
        const merged = feedItem ? this.mergeItem(feedItem, story) : story;
        const origin: Origin = {
          type: raw.type,
          location: raw.location,
          format: format.name,
          index: index++,
          charset: decoded.charset,
        };
        yield { kind: 'story', story: normalizeStory(merged, { origin, now: ingestedAt, referenceDate: reference }) };
      }
    }
    if (index === 0) throw new InputError('no-stories', `${raw.location}: no stories found`, { input: raw.location });
  }

  /** Fetches every item's link at once (the limits apply) and yields the results in feed order. */
  private async *feedItems(
    items: readonly ParsedStory[],
    feed: RawInput,
    charset: string,
    ingestedAt: string,
    reference: string | null,
  ): AsyncGenerator<Outcome> {
    const fetches = items.map((item) =>
      item.url && /^https?:\/\//i.test(item.url)
        ? collect(this.webAccess().outcomes(item.url, item, (raw, feedItem) => this.outcomesOf(raw, feedItem)))
        : null,
    );
    for (const [index, item] of items.entries()) {
      const fetched = fetches[index];
      if (fetched) {
        yield* await fetched;
      } else if (item.paragraphs.length > 0) {
        // An item without a fetchable link still has its own text.
        const origin: Origin = { type: feed.type, location: feed.location, format: 'feed', index, charset };
        yield { kind: 'story', story: normalizeStory(item, { origin, now: ingestedAt, referenceDate: reference }) };
      }
    }
  }

  private mergeItem(item: ParsedStory, page: ParsedStory): ParsedStory {
    return {
      ...page,
      headline: page.headline ?? item.headline,
      byline: page.byline ?? item.byline ?? null,
      published: page.published ?? item.published ?? null,
      language: page.language ?? item.language ?? null,
      siteName: page.siteName ?? item.siteName ?? null,
      referenceDate: page.referenceDate ?? item.published ?? null,
    };
  }

  private parseUnit(
    format: Format,
    text: string,
    line: number,
    context: UnitContext,
    out: Outcome[],
  ): readonly ParsedStory[] {
    const input = context.location;
    try {
      const result = format.parse(text, line, context);
      for (const d of result.diagnostics) {
        const diagnostic: Diagnostic = { ...d, message: `${input}:${d.line ?? line}: ${d.message}`, input };
        out.push({ kind: 'report', fails: d.severity === 'error', diagnostic });
      }
      return result.stories;
    } catch (error) {
      // A parser bug must not cost the rest of the input: report it against this story and go on.
      out.push(
        failure(input, 'parse-failed', `${input}:${line}: could not parse this story (${describeError(error)})`, line),
      );
      return [];
    }
  }

  private async emit(story: Story): Promise<void> {
    if (this.options.dedup !== 'off') {
      const key = exactFingerprint(story);
      if (this.seen.has(key)) {
        this.counts.duplicates++;
        return;
      }
      this.seen.add(key);
    }
    await this.options.sink.write(story);
    this.counts.stories++;
  }

  private webAccess(): Web {
    this.web ??= new Web(this.options.fetch ?? {}, this.options.validators ?? null);
    return this.web;
  }

  private chooseFormat(sniffed: FormatName): Format {
    const name = this.options.format && this.options.format !== 'auto' ? this.options.format : sniffed;
    return FORMATS.get(name) ?? FORMATS.get('plain')!;
  }

  private referenceFor(raw: RawInput, ingestedAt: string): string | null {
    const choice = this.options.referenceDate ?? null;
    if (choice === 'now') return ingestedAt;
    if (choice === 'mtime') return raw.modified ? raw.modified.toISOString() : null;
    return choice;
  }
}

function failure(input: string, code: string, message: string, line?: number): Outcome {
  const diagnostic: Diagnostic = { severity: 'error', code, message, input, ...(line === undefined ? {} : { line }) };
  return { kind: 'report', fails: true, diagnostic };
}

function failed(input: string, error: unknown): Outcome {
  if (isInputError(error) || isHttpError(error)) return failure(input, error.code, error.message);
  return failure(input, 'failed', `${input}: ${describeError(error)}`);
}

function itemName(item: Exclude<InputItem, { kind: 'error' }>): string {
  return item.kind === 'file' ? item.path : item.kind === 'url' ? item.url : '-';
}

async function* prepend(first: Uint8Array, rest: AsyncIterator<Uint8Array>): AsyncGenerator<Uint8Array> {
  yield first;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

async function readAllText(stream: AsyncIterable<Uint8Array>): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(Buffer.from(chunk));
  return Buffer.concat(parts).toString('utf8');
}
