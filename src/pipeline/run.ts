import { Emitter, type Emitted } from './emit.js';
import { describeError, isHttpError, isInputError, isStateError } from '../errors.js';
import { frameStream } from '../formats/frame.js';
import type { Format } from '../formats/format.js';
import { FORMATS } from '../formats/index.js';
import { collect, type Outcome } from './outcome.js';
import { counted, prepend, readHead } from './read.js';
import type { WebStage } from './web.js';
import { SpareCores } from './cores.js';
import {
  PARALLEL_AFTER,
  WARM_PARALLEL_AFTER,
  canUseWorkers,
  sharedPool,
  warmPool,
  workersFor,
  type ParsePool,
} from './pool.js';
import { openFile } from '../sources/file.js';
import { expandInputs, type InputItem } from '../sources/inputs.js';
import { openStdin } from '../sources/stdin.js';
import { BATCH_BYTES, BATCH_UNITS, runBatch, type Batch, type BatchResult } from './batch.js';
import { dropFirst, type BatchEmitter, type Claim } from './ledger.js';
import type { IngestCounts, IngestOptions, IngestSummary, InputFailure } from './options.js';
import type { Diagnostic, EmittedBatch, FormatName, RawInput } from '../types.js';

export type {
  DedupMode,
  IngestCounts,
  IngestOptions,
  IngestSummary,
  InputFailure,
  InputReport,
  OutputFormat,
} from './options.js';

const DEFAULT_MAX_STORY_BYTES = 16 * 1024 * 1024;
// Batches a run with a pool lets run ahead of the oldest one still being parsed, before it waits for that one.
const IN_FLIGHT = Number(process.env['WIRE_IN_FLIGHT'] ?? 12);
// Batches each worker is kept busy with; beyond that the main thread parses the batch itself.
const DEPTH = 3;

/**
 * Runs the pipeline — source → format → normalize → dedup → sink — over every input, in input order. URLs are
 * fetched ahead of their turn, concurrently (global and per-host limits), and their records wait for it, so the
 * output is the same however the fetches finish. One bad input never stops the others: its failure is reported
 * through `onDiagnostic` and counted in the summary.
 */
export async function ingest(options: IngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  const run = new Run(options);
  const stdinText = (): Promise<string> => readAllText(options.stdin ?? process.stdin);
  let interrupted = false;
  try {
    // Expanded first, so that progress can show how many inputs there are.
    const items: InputItem[] = [];
    // Loaded only by runs that write files of their own: a run to standard output has none.
    const own = options.ownFiles?.length ? new (await import('../sources/own.js')).OwnFiles(options.ownFiles) : null;
    for await (const item of expandInputs(options.inputs, options.inputList ?? null, stdinText, own)) {
      if (item.kind === 'skipped') run.passOver(item);
      else items.push(item);
    }
    run.counts.total = items.length;
    run.counts.totalBytes = items.every((i) => i.kind === 'file' && i.size !== undefined)
      ? items.reduce((sum, i) => sum + (i.kind === 'file' ? (i.size ?? 0) : 0), 0)
      : null;
    // How many inputs may be fetched ahead of the one being written.
    const lookahead = Math.max(32, (options.fetch?.concurrency ?? 8) * 4);
    const fetches: Array<Promise<Outcome[]> | null> = [];
    for (const [index, item] of items.entries()) {
      if (options.signal?.aborted) break;
      while (fetches.length < Math.min(items.length, index + 1 + lookahead)) {
        fetches.push(run.prefetch(items[fetches.length]!));
      }
      await run.ingestItem(item, fetches[index] ?? null);
    }
  } finally {
    await run.close();
    interrupted = options.signal?.aborted === true;
  }
  return { ...run.counts, failures: run.failures, seconds: (performance.now() - started) / 1000, interrupted };
}

/** Per-input bookkeeping while its batches come back. */
interface InputState {
  readonly location: string;
  /** Stories parsed from the input. */
  stories: number;
  /** Of those, written and dropped as duplicates. */
  written: number;
  duplicates: number;
  failed: boolean;
  warned: boolean;
  /** Set when the input is empty on purpose (a page unchanged since the last run, a skipped PDF). */
  quiet?: boolean;
  /** The input as claimed from the gate (shared inputs: its lock and progress), or null. */
  claim?: Claim | null;
}

/**
 * Work queued in input order: a batch being parsed, a failure met while reading, or the end of an input. The queue
 * runs across inputs, so the next file is read while the last one's batches are still being parsed; everything is
 * absorbed (written, reported) strictly in order.
 */
type Pending =
  | { readonly kind: 'batch'; readonly input: InputState; readonly result: Promise<BatchResult>; ready: boolean }
  | { readonly kind: 'web'; readonly input: InputState; readonly outcomes: Promise<Outcome[]> }
  | {
      readonly kind: 'fail';
      readonly input: InputState;
      readonly code: string;
      readonly message: string;
      readonly line?: number;
    }
  | { readonly kind: 'end'; readonly input: InputState };

class Run {
  readonly counts: IngestCounts = {
    total: 0,
    inputs: 0,
    stories: 0,
    duplicates: 0,
    versions: 0,
    failed: 0,
    bytes: 0,
    totalBytes: null,
  };
  readonly failures: InputFailure[] = [];
  private readonly emitter: BatchEmitter;
  private readonly now: () => Date;
  private pool: ParsePool | null = null;
  private readonly spare = new SpareCores();
  private bytesParsed = 0;
  private readonly queue: Pending[] = [];
  private batchesQueued = 0;
  private webStage: Promise<WebStage> | null = null;
  /** The emit still in flight when the emitter overlaps (see BatchEmitter.overlaps), counted once it is done. */
  private inflight: Promise<void> | null = null;

  constructor(private readonly options: IngestOptions) {
    this.now = options.now ?? (() => new Date());
    this.emitter =
      options.emitter ??
      new Emitter({
        sink: options.sink,
        duplicates: options.duplicates ?? null,
        dedup: options.dedup ?? 'near',
        store: options.store ?? null,
        validators: options.validators ?? null,
      });
  }

  /** Says that one of the run's own files was met among the inputs and not read (a warning when named on its own). */
  passOver(item: Extract<InputItem, { kind: 'skipped' }>): void {
    this.report({
      severity: item.named ? 'warning' : 'info',
      code: 'own-file',
      message: `${item.path}: skipped: it is this run's ${item.role}`,
      input: item.path,
    });
  }

  /** Starts fetching a URL input now, ahead of its turn; other inputs are opened when their turn comes. */
  prefetch(item: InputItem): Promise<Outcome[]> | null {
    // A shared input is fetched only once its lock is held: another host may be fetching it now.
    return item.kind === 'url' && !this.options.gate ? this.web().then((web) => web.url(item.url)) : null;
  }

  /** Ingests one input; `fetched` holds the outcomes of a URL fetched ahead. */
  async ingestItem(item: InputItem, fetched: Promise<Outcome[]> | null = null): Promise<void> {
    const name = item.kind === 'error' ? (item.error.input ?? '?') : itemName(item);
    const input: InputState = { location: name, stories: 0, written: 0, duplicates: 0, failed: false, warned: false };
    try {
      if (item.kind === 'error') throw item.error;
      if (this.options.gate) {
        input.claim = await this.options.gate.claim(item, () => this.settle(0));
        // Ingested whole already (by this or another host): nothing left to do, and nothing to say every cron run.
        if (input.claim?.done === true) input.quiet = true;
      }
      if (input.claim?.done === true) {
        // Nothing is read: the 'end' below closes the input's account.
      } else if (item.kind === 'url') {
        this.queue.push({ kind: 'web', input, outcomes: fetched ?? this.web().then((web) => web.url(item.url)) });
      } else {
        const raw = item.kind === 'stdin' ? openStdin(this.options.stdin) : await openFile(item.path);
        await this.ingestRaw(
          counted(raw, (n) => (this.counts.bytes = (this.counts.bytes ?? 0) + n)),
          input,
        );
      }
    } catch (error) {
      // The output or the store failed: that is the run's failure, not this input's, and the run stops here.
      if (this.emitter.failed || isStateError(error)) throw error;
      const known = isInputError(error) || isHttpError(error);
      const code = known ? error.code : 'failed';
      const message = known ? error.message : `${name}: ${describeError(error)}`;
      this.queue.push({ kind: 'fail', input, code, message });
    }
    this.queue.push({ kind: 'end', input });
    await this.settle(this.pool ? IN_FLIGHT : 0);
  }

  /**
   * Absorbs everything still queued and makes it durable; the worker pool stays for the process's next run (see
   * sharedPool). After a failed write nothing more is written or committed: the error that stopped the run is the
   * one reported.
   */
  async close(): Promise<void> {
    try {
      if (!this.emitter.failed) {
        await this.settle(0);
        await this.drain();
        await this.emitter.checkpoint();
      }
    } finally {
      this.pool = null;
      if (this.webStage) await (await this.webStage).close();
    }
  }

  private async ingestRaw(raw: RawInput, input: InputState): Promise<void> {
    const head = await readHead(raw, this.forced());
    const format = this.chooseFormat(head.sniffed);
    if (format.decodeDocument || format.parseBytes) {
      // Pages and feeds: whole documents that name their own charset, parsed on this thread (see WebStage).
      const web = await this.web();
      const outcomes = collect(web.guarded(raw.location, web.document(raw, head, format, null)));
      this.queue.push({ kind: 'web', input, outcomes });
      return;
    }
    const now = this.now().toISOString();
    const base = {
      format: format.name,
      output: this.options.output ?? 'jsonl',
      sketch: this.options.dedup !== 'off',
      detectLanguage: this.options.detectLanguage !== false,
      type: raw.type,
      location: raw.location,
      now,
      reference: this.referenceFor(raw, now),
      ...(this.options.timezone === undefined ? {} : { timezone: this.options.timezone }),
      // UTF-16 was re-encoded as UTF-8 for framing: the record names the charset the input was written in.
      ...(head.bom?.startsWith('utf-16') ? { charset: head.bom } : {}),
    };
    let units: Array<Batch['units'][number]> = [];
    let size = 0;
    let ordinal = 0;
    const submit = (): void => {
      if (units.length > 0) {
        const pending = { kind: 'batch' as const, input, result: this.process({ ...base, units }, size), ready: false };
        const done = (): void => void (pending.ready = true);
        pending.result.then(done, done);
        this.queue.push(pending);
        this.batchesQueued++;
      }
      units = [];
      size = 0;
    };
    const maxUnitBytes = this.options.maxStoryBytes ?? DEFAULT_MAX_STORY_BYTES;
    for await (const event of frameStream(prepend(head.first, head.rest), format.boundary, { maxUnitBytes })) {
      if (event.kind === 'diagnostic') {
        submit();
        const message = `${raw.location}:${event.line}: ${event.message}`;
        this.queue.push({ kind: 'fail', input, code: event.code, message, line: event.line });
        continue;
      }
      units.push({ bytes: event.bytes, line: event.line, ordinal: ordinal++ });
      size += event.bytes.length;
      if (units.length >= BATCH_UNITS || size >= BATCH_BYTES) {
        submit();
        await this.settle(this.pool ? IN_FLIGHT : 0);
        if (this.options.signal?.aborted) break;
      }
    }
    submit();
  }

  /** Whether a worker of the pool has fewer than {@link DEPTH} batches to parse. */
  private hungry(): boolean {
    return this.pool !== null && !this.pool.broken && !this.pool.busy(DEPTH);
  }

  /** Absorbs queued work, oldest first, until at most `keep` batches are still out and the oldest is not done. */
  private async settle(keep: number): Promise<void> {
    while (this.queue.length > 0) {
      const head = this.queue[0]!;
      // Up to `keep` batches out, a worker that has run dry is fed before anything is absorbed (framing its next batch
      // costs this thread little), and a batch still being parsed is not waited for: this thread parses the next.
      if (head.kind === 'batch' && this.batchesQueued <= keep && (!head.ready || this.hungry())) break;
      const next = this.queue.shift()!;
      if (next.kind === 'batch') {
        this.batchesQueued--;
        await this.absorb(await next.result, next.input);
      } else if (next.kind === 'web') {
        for (const outcome of await next.outcomes) await this.apply(outcome, next.input);
      } else if (next.kind === 'fail') {
        next.input.failed = true;
        this.fail(next.input.location, next.code, next.message, next.line);
      } else {
        await this.finish(next.input);
      }
    }
  }

  /** Closes an input's account: one that gave no story at all has failed, and cron should hear of it. */
  private async finish(input: InputState): Promise<void> {
    if (input.stories === 0 && !input.failed && input.quiet !== true && !this.options.signal?.aborted) {
      input.failed = true;
      this.fail(input.location, 'no-stories', `${input.location}: no stories found`);
    }
    // A shared input is let go once all its batches are committed; whole and without failure, it is done for good.
    await this.drain();
    if (input.claim) {
      const whole = !input.failed && !this.options.signal?.aborted;
      await this.options.gate?.release(input.claim.identity, whole, input.stories);
    }
    if (input.failed) this.counts.failed++;
    this.counts.inputs++;
    this.options.onInput?.({
      input: input.location,
      stories: input.written,
      duplicates: input.duplicates,
      failed: input.failed,
    });
    this.options.onProgress?.(this.counts);
  }

  /** Writes, reports or remembers what a page or feed produced. */
  private async apply(outcome: Outcome, input: InputState): Promise<void> {
    if (outcome.kind === 'records') {
      await this.emit(outcome.batch, input);
    } else if (outcome.kind === 'commit') {
      this.emitter.remember(outcome.url, outcome.validators);
    } else if (outcome.fails) {
      const { input: where, code, message, line } = outcome.diagnostic;
      input.failed = true;
      this.fail(where, code, message, line);
    } else {
      if (outcome.empty === true) input.quiet = true;
      this.report(outcome.diagnostic);
    }
  }

  /** The web stage, loaded (with undici, p-limit and the page parsers behind it) only when a run meets the web. */
  private web(): Promise<WebStage> {
    this.webStage ??= import('./web.js').then(
      ({ WebStage }) =>
        new WebStage({
          fetch: this.options.fetch ?? {},
          fetchLinks: this.options.fetchLinks !== false,
          validators: this.options.validators ?? null,
          maxUnitBytes: this.options.maxStoryBytes ?? DEFAULT_MAX_STORY_BYTES,
          output: this.options.output ?? 'jsonl',
          sketch: this.options.dedup !== 'off',
          detectLanguage: this.options.detectLanguage !== false,
          now: () => this.now().toISOString(),
          referenceFor: (raw, now) => this.referenceFor(raw, now),
          chooseFormat: (sniffed) => this.chooseFormat(sniffed),
          forced: this.forced(),
          timezone: this.options.timezone ?? 'UTC',
        }),
    );
    return this.webStage;
  }

  /**
   * Parses a batch here, or on the worker pool once the run has shown it is large enough to pay for one (from its
   * first batch when the files' sizes say so, so that the workers start while this thread reads and parses) and the
   * machine has a core to spare: the spare cores are read every tenth of a second until the pool starts.
   */
  private process(batch: Batch, size: number): Promise<BatchResult> {
    this.bytesParsed += size;
    const total = this.counts.totalBytes ?? null;
    // Large: past the threshold, with half of it still to come when the size is known (a worker started for the last
    // few megabytes of a run, once other programs leave it a core, would not pay for its start).
    // A warm pool (an earlier run of this process started it) pays for itself much sooner.
    const after = warmPool() === null ? PARALLEL_AFTER : WARM_PARALLEL_AFTER;
    const large = total === null ? this.bytesParsed > after : total > after && total - this.bytesParsed > after / 2;
    if (this.pool === null && this.options.parallel !== false && canUseWorkers && large) {
      const spare = this.spare.since(100);
      // An emitter that overlaps keeps a third thread busy while this one parses: the database server, which starts
      // working only once the first batch reaches it, so its core is counted out from the first reading.
      const workers = spare === null ? 0 : workersFor(this.emitter.overlaps === true ? spare - 1 : spare);
      if (workers > 0) this.pool = sharedPool(workers);
    }
    // Keep each worker DEPTH batches deep; beyond that the main thread parses the batch itself, so every core works.
    if (this.pool && !this.pool.busy(DEPTH)) return this.pool.run(batch);
    // While an emit is in flight, the parse lets the server's answers in between its slices, so that the batch is
    // decided and sent on as soon as they come, not once this one is parsed.
    return runBatch(batch, this.emitter.overlaps === true);
  }

  private async absorb(result: BatchResult, input: InputState): Promise<void> {
    const where = input.location;
    if (result.fallbackLine !== null && !input.warned) {
      input.warned = true;
      this.report({
        severity: 'warning',
        code: 'decode-fallback',
        message: `${where}:${result.fallbackLine}: not valid UTF-8; read as windows-1252`,
        input: where,
        line: result.fallbackLine,
      });
    }
    for (const d of result.diagnostics) {
      const message = d.line === undefined ? `${where}: ${d.message}` : `${where}:${d.line}: ${d.message}`;
      if (d.severity === 'error') {
        input.failed = true;
        this.fail(where, d.code, message, d.line);
      } else this.report({ ...d, message, input: where });
    }
    // Stories an earlier run committed (its progress says how many) are passed over, not counted as duplicates.
    const committed = input.claim?.committed ?? 0;
    const records = committed > input.stories ? dropFirst(result.records, committed - input.stories) : result.records;
    input.stories += result.records.keys.length - records.keys.length;
    await this.emit(records, input, input.claim ? input.claim.identity : null);
  }

  /**
   * Writes a batch through the dedup stage and counts what it added. An emitter that overlaps is left working on it
   * (the run goes on to parse the next batch), once the one before it is done.
   */
  private async emit(batch: EmittedBatch, input: InputState, tracked: string | null = null): Promise<void> {
    input.stories += batch.keys.length;
    const progress = tracked === null ? undefined : { identity: tracked, stories: input.stories };
    if (this.emitter.overlaps !== true) {
      this.count(await this.emitter.emit(batch, progress), input);
      return;
    }
    await this.drain();
    const inflight = this.emitter.emit(batch, progress).then((added) => this.count(added, input));
    // Its failure is thrown by the next drain; until then it must not count as unhandled.
    inflight.catch(() => undefined);
    this.inflight = inflight;
  }

  /** Waits for the emit in flight, if any (its failure is thrown here). */
  private async drain(): Promise<void> {
    const inflight = this.inflight;
    this.inflight = null;
    if (inflight) await inflight;
  }

  private count(added: Emitted, input: InputState): void {
    this.counts.stories += added.stories;
    this.counts.duplicates += added.duplicates;
    this.counts.versions += added.versions;
    input.written += added.stories;
    input.duplicates += added.duplicates;
    this.options.onProgress?.(this.counts);
  }

  private forced(): boolean {
    return this.options.format !== undefined && this.options.format !== 'auto';
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
  return item.kind === 'file' || item.kind === 'skipped' ? item.path : item.kind === 'url' ? item.url : '-';
}

async function readAllText(stream: AsyncIterable<Uint8Array>): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(Buffer.from(chunk));
  return Buffer.concat(parts).toString('utf8');
}
