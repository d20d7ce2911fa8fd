// What a run takes and gives back: the options the CLI builds, the counts it shows, the summary it ends with.
import type { FingerprintStore } from '../dedup/store.js';
import type { DedupMode } from '../dedup/verdict.js';
import type { Sink } from '../sinks/sink.js';
import type { OwnFile } from '../sources/own.js';
import type { FetchOptions } from '../sources/url.js';
import type { Diagnostic, FormatName, ValidatorCache } from '../types.js';
import type { BatchEmitter, InputGate } from './ledger.js';

export type { DedupMode } from '../dedup/verdict.js';

/** How records are written: wire's own JSON lines (`jsonl`), or IPTC ninjs 2.1 JSON lines (`ninjs`). */
export type OutputFormat = 'jsonl' | 'ninjs';

/** Everything a run needs; the CLI builds this from its options. */
export interface IngestOptions {
  readonly inputs: readonly string[];
  readonly inputList?: string | null;
  /** A format name to force, or `auto` to sniff each input. */
  readonly format?: FormatName | 'auto';
  /** `jsonl` (the default) or `ninjs`. */
  readonly output?: OutputFormat;
  /** `near` (the default: copies and republished variants), `exact` (same body) or `off`. */
  readonly dedup?: DedupMode;
  /** Fingerprints of earlier runs; without one, duplicates are recognized within this run only. */
  readonly store?: FingerprintStore | null;
  /** Where dropped duplicates go, each with `duplicate_of` and `similarity` (`--duplicates FILE`). */
  readonly duplicates?: Sink | null;
  /** `mtime`, `now`, an ISO date, or null: what a dateline without a year is dated against. */
  readonly referenceDate?: string | null;
  /** IANA zone for times without an offset whose agency has no home zone (`--timezone`); UTC when absent. */
  readonly timezone?: string;
  readonly maxStoryBytes?: number;
  readonly sink: Sink;
  readonly stdin?: AsyncIterable<Uint8Array>;
  readonly now?: () => Date;
  readonly onDiagnostic?: (diagnostic: Diagnostic) => void;
  /** Called with the running counts after each batch of stories and each input (for progress display). */
  readonly onProgress?: (counts: IngestCounts) => void;
  /** Called when an input is done, with what it gave. */
  readonly onInput?: (report: InputReport) => void;
  /** Stops the run between batches: the stories in hand are written, the rest of the input is not read. */
  readonly signal?: AbortSignal;
  /**
   * Parse large inputs on worker threads when the machine has a core to spare (default true; WIRE_WORKERS=N sets
   * how many whatever the load); records come out in the same order either way.
   */
  readonly parallel?: boolean;
  /** Detect the language of stories that do not declare one (default true; `--no-detect-language`). */
  readonly detectLanguage?: boolean;
  /**
   * Fetch the page each feed item links to (default true); false writes every item from the feed's own text
   * (`--no-fetch-links`), and a feed on disk then never touches the network.
   */
  readonly fetchLinks?: boolean;
  /** Limits, timeouts and retries for URLs and feed items. */
  readonly fetch?: FetchOptions;
  /** Where ETag / Last-Modified are remembered between runs, so an unchanged page costs a 304 and emits nothing. */
  readonly validators?: ValidatorCache;
  /**
   * Where records go and what is remembered, instead of `sink` + `store` (the database path: one transaction per
   * batch); `sink` is then not written.
   */
  readonly emitter?: BatchEmitter;
  /** Inputs shared with other hosts: each is locked while read, and its progress recorded (the database path). */
  readonly gate?: InputGate;
  /**
   * The files this run writes (its output, state, lock, rejected lines, duplicates): met among the inputs, they are
   * passed over with a note (a warning when named on their own), never read back.
   */
  readonly ownFiles?: readonly OwnFile[];
}

/** Running counts of a run. */
export interface IngestCounts {
  /** Inputs named or found (known once the inputs are expanded). */
  total: number;
  /** Inputs done. */
  inputs: number;
  /** Records written, new versions included. */
  stories: number;
  duplicates: number;
  /** Records written as a new version of an earlier story (`version` > 1, `replaces`). */
  versions: number;
  failed: number;
  /** Bytes read so far, over all inputs (compressed bytes of a gzipped file). */
  bytes?: number;
  /** Bytes there are to read when every input is a file of known size; null when some are not (URLs, stdin). */
  totalBytes?: number | null;
}

/** What one input gave. */
export interface InputReport {
  readonly input: string;
  readonly stories: number;
  readonly duplicates: number;
  readonly failed: boolean;
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
  /** True when the signal stopped the run before every input was read. */
  readonly interrupted: boolean;
}
