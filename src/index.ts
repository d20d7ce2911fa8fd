/**
 * The library API of `wire`: the pipeline and its pure stages, without the command line.
 * @packageDocumentation
 */
export { ingest } from './pipeline.js';
export type {
  DedupMode,
  OutputFormat,
  IngestCounts,
  IngestOptions,
  IngestSummary,
  InputFailure,
  InputReport,
} from './pipeline.js';
export { parsePlain } from './formats/plain.js';
export { FORMATS, PARSER_NAMES } from './formats/index.js';
export type { Format, FormatDiagnostic, ParseResult } from './formats/index.js';
export { sniff } from './formats/detect.js';
export { normalizeStory, storyId } from './normalize/story.js';
export { parseDateline } from './normalize/dateline.js';
export { exactFingerprint } from './dedup/exact.js';
export { JsonlFileSink, JsonlStreamSink } from './sinks/jsonl.js';
export type { Sink } from './sinks/sink.js';
export { MemorySink } from './sinks/memory.js';
export { toNinjs } from './sinks/ninjs.js';
export type { NinjsRecord } from './sinks/ninjs.js';
export * from './errors.js';
export type * from './types.js';
