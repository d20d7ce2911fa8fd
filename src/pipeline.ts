import { Deduper, type Fingerprinted } from './dedup/deduper.js';
import { fingerprintStory } from './dedup/fingerprint.js';
import type { FingerprintStore } from './dedup/store.js';
import type { DedupMode, Verdict } from './dedup/verdict.js';
import { InputError, describeError, isInputError } from './errors.js';
import { decodeUnit, withoutBom } from './formats/decode.js';
import { sniff } from './formats/detect.js';
import { frameStream } from './formats/frame.js';
import { FORMATS, type Format } from './formats/index.js';
import { normalizeStory } from './normalize/story.js';
import type { Sink } from './sinks/sink.js';
import { openFile } from './sources/file.js';
import { expandInputs, type InputItem } from './sources/inputs.js';
import { openStdin } from './sources/stdin.js';
import type { Diagnostic, DuplicateRecord, FormatName, RawInput, Story, ValidatorCache } from './types.js';

export type { DedupMode } from './dedup/verdict.js';

/** Everything a run needs; the CLI builds this from its options. */
export interface IngestOptions {
  readonly inputs: readonly string[];
  readonly inputList?: string | null;
  /** A format name to force, or `auto` to sniff each input. */
  readonly format?: FormatName | 'auto';
  /** `near` (the default), `exact` or `off`. */
  readonly dedup?: DedupMode;
  /** Fingerprints of earlier runs; without one, duplicates are recognized within this run only. */
  readonly store?: FingerprintStore | null;
  /** Where dropped duplicates go, each with `duplicate_of` and `similarity` (`--duplicates FILE`). */
  readonly duplicates?: Sink | null;
  /** HTTP validators remembered between runs, for sources that fetch URLs. */
  readonly validators?: ValidatorCache;
  /** `mtime`, `now`, an ISO date, or null: what a dateline without a year is dated against. */
  readonly referenceDate?: string | null;
  readonly maxStoryBytes?: number;
  readonly sink: Sink;
  readonly stdin?: AsyncIterable<Uint8Array>;
  readonly now?: () => Date;
  readonly onDiagnostic?: (diagnostic: Diagnostic) => void;
  /** Called after each input with the running counts (for progress display). */
  readonly onProgress?: (counts: IngestCounts) => void;
}

/** Running counts of a run. */
export interface IngestCounts {
  inputs: number;
  /** Records written, versions included. */
  stories: number;
  duplicates: number;
  /** Records written as a new version of an earlier story. */
  versions: number;
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
// Stories are deduplicated in batches (one store query per batch) and made durable every few batches.
const BATCH = 256;
const CHECKPOINT_STORIES = 1024;

/**
 * Runs the pipeline — source → format → normalize → dedup → sink — over every input, in input order. One bad input
 * never stops the others: its failure is reported through `onDiagnostic` and counted in the summary.
 */
export async function ingest(options: IngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  const run = new Run(options);
  const stdinText = (): Promise<string> => readAllText(options.stdin ?? process.stdin);
  for await (const item of expandInputs(options.inputs, options.inputList ?? null, stdinText)) {
    await run.ingestItem(item);
  }
  await run.finish();
  return { ...run.counts, failures: run.failures, seconds: (performance.now() - started) / 1000 };
}

class Run {
  readonly counts: IngestCounts = { inputs: 0, stories: 0, duplicates: 0, versions: 0, failed: 0 };
  readonly failures: InputFailure[] = [];
  private readonly now: () => Date;
  private readonly deduper: Deduper;
  private batch: Fingerprinted[] = [];

  constructor(private readonly options: IngestOptions) {
    this.now = options.now ?? (() => new Date());
    this.deduper = new Deduper(options.dedup ?? 'near', options.store ?? null);
  }

  /** Decides and writes what is still batched, and makes it durable. */
  async finish(): Promise<void> {
    await this.drain();
    await this.checkpoint();
  }

  async ingestItem(item: InputItem): Promise<void> {
    this.counts.inputs++;
    const failuresBefore = this.failures.length;
    try {
      if (item.kind === 'error') throw item.error;
      if (item.kind === 'url') {
        throw new InputError('unsupported-scheme', `${item.url}: fetching URLs is not available in this build`, {
          input: item.url,
        });
      }
      const raw = item.kind === 'stdin' ? openStdin(this.options.stdin) : await openFile(item.path);
      await this.ingestRaw(raw);
      await this.drain();
    } catch (error) {
      const input = item.kind === 'error' ? (item.error.input ?? '?') : itemName(item);
      this.fail(
        input,
        isInputError(error) ? error.code : 'failed',
        isInputError(error) ? error.message : `${input}: ${describeError(error)}`,
      );
    }
    if (this.failures.length > failuresBefore) this.counts.failed++;
    this.options.onProgress?.(this.counts);
  }

  private async ingestRaw(raw: RawInput): Promise<void> {
    const iterator = withoutBom(raw.chunks)[Symbol.asyncIterator]();
    let first = await iterator.next();
    while (!first.done && first.value.length === 0) first = await iterator.next();
    if (first.done) throw new InputError('empty', `${raw.location}: is empty (0 bytes)`, { input: raw.location });
    const sniffed = sniff(first.value);
    if ('binary' in sniffed) {
      throw new InputError('binary-input', `${raw.location}: not wire text: looks like ${sniffed.binary}`, {
        input: raw.location,
      });
    }
    const format = this.chooseFormat(sniffed.format);
    const ingestedAt = this.now().toISOString();
    const reference = this.referenceFor(raw, ingestedAt);
    const chunks = prepend(first.value, iterator);
    const maxUnitBytes = this.options.maxStoryBytes ?? DEFAULT_MAX_STORY_BYTES;
    let index = 0;
    let warnedFallback = false;
    for await (const event of frameStream(chunks, format.boundary, { maxUnitBytes })) {
      if (event.kind === 'diagnostic') {
        this.fail(raw.location, event.code, `${raw.location}:${event.line}: ${event.message}`, event.line);
        continue;
      }
      const decoded = decodeUnit(event.bytes);
      if (decoded.fallback && !warnedFallback) {
        warnedFallback = true;
        this.report({
          severity: 'warning',
          code: 'decode-fallback',
          message: `${raw.location}:${event.line}: not valid UTF-8; read as windows-1252`,
          input: raw.location,
          line: event.line,
        });
      }
      for (const parsed of this.parseUnit(format, decoded.text, event.line, raw.location)) {
        const origin = {
          type: raw.type,
          location: raw.location,
          format: format.name,
          index: index++,
          charset: decoded.charset,
        };
        await this.emit(normalizeStory(parsed, { origin, now: ingestedAt, referenceDate: reference }));
      }
    }
    if (index === 0) throw new InputError('no-stories', `${raw.location}: no stories found`, { input: raw.location });
  }

  private parseUnit(format: Format, text: string, line: number, input: string): ReturnType<Format['parse']>['stories'] {
    try {
      const result = format.parse(text, line);
      for (const d of result.diagnostics) {
        this.report({ ...d, message: `${input}:${d.line ?? line}: ${d.message}`, input });
        if (d.severity === 'error') this.failures.push({ input, code: d.code, message: d.message });
      }
      return result.stories;
    } catch (error) {
      // A parser bug must not cost the rest of the input: report it against this story and go on.
      this.fail(input, 'parse-failed', `${input}:${line}: could not parse this story (${describeError(error)})`, line);
      return [];
    }
  }

  private async emit(story: Story): Promise<void> {
    this.batch.push({ story, fingerprint: fingerprintStory(story) });
    if (this.batch.length >= BATCH) await this.drain();
  }

  /** Decides the batched stories in order and writes each where it belongs. */
  private async drain(): Promise<void> {
    if (this.batch.length === 0) return;
    const batch = this.batch;
    this.batch = [];
    const verdicts = this.deduper.decide(batch);
    for (const [i, item] of batch.entries()) await this.write(item, verdicts[i] ?? { kind: 'new' });
    if (this.deduper.uncommitted() >= CHECKPOINT_STORIES) await this.checkpoint();
  }

  private async write({ story, fingerprint }: Fingerprinted, verdict: Verdict): Promise<void> {
    const record: Story = {
      ...story,
      fingerprint: { exact: fingerprint.exact, near: fingerprint.near },
      version: verdict.kind === 'version' ? verdict.version : 1,
      replaces: verdict.kind === 'version' ? verdict.replaces : null,
    };
    if (verdict.kind === 'duplicate') {
      this.counts.duplicates++;
      const dropped: DuplicateRecord = { ...record, duplicate_of: verdict.of, similarity: verdict.similarity };
      await this.options.duplicates?.write(dropped);
      return;
    }
    await this.options.sink.write(record);
    this.counts.stories++;
    if (verdict.kind === 'version') this.counts.versions++;
  }

  /** Output first, store second: the store never records a story the output might not have. */
  private async checkpoint(): Promise<void> {
    if (this.deduper.uncommitted() === 0 && !this.options.store) return;
    const offset = this.options.sink.checkpoint ? await this.options.sink.checkpoint() : null;
    this.deduper.commit(offset);
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

  private fail(input: string, code: string, message: string, line?: number): void {
    this.failures.push({ input, code, message });
    this.report({ severity: 'error', code, message, input, ...(line === undefined ? {} : { line }) });
  }

  private report(diagnostic: Diagnostic): void {
    this.options.onDiagnostic?.(diagnostic);
  }
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
