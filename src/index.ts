/**
 * The library API of `wire`: the pipeline and its pure stages, without the command line.
 * @packageDocumentation
 */
export { ingest } from './pipeline/run.js';
export type {
  DedupMode,
  OutputFormat,
  IngestCounts,
  IngestOptions,
  IngestSummary,
  InputFailure,
  InputReport,
} from './pipeline/run.js';
export { parsePlain } from './formats/plain.js';
export { explainPlain } from './formats/plain-explain.js';
export { explainLines } from './normalize/explain.js';
export type { ExplainedLine, LinePart, StoryField } from './normalize/explain.js';
export { loadLanguageDetector } from './normalize/language.js';
export { FORMATS, PARSER_NAMES } from './formats/index.js';
export type { Format, FormatDiagnostic, ParseResult, UnitContext } from './formats/format.js';
export { sniff } from './formats/detect.js';
export { normalizeStory, normalizeWithTrace, storyId } from './normalize/story.js';
export type { ParagraphTrace, TracePart } from './normalize/trace.js';
export { parseDateline } from './normalize/dateline.js';
export { exactFingerprint } from './dedup/exact.js';
export { fingerprintStory, decodeSketch } from './dedup/fingerprint.js';
export type { Fingerprint as NearFingerprint } from './dedup/fingerprint.js';
export { Deduper, itemOf } from './dedup/deduper.js';
export type { DedupItem } from './dedup/deduper.js';
export type { Verdict } from './dedup/verdict.js';
export { SqliteStore } from './dedup/sqlite-store.js';
export type { FingerprintStore, StoredStory } from './dedup/store.js';
export type { NearSketch } from './dedup/sketch.js';
export { JsonlFileSink, JsonlStreamSink } from './sinks/jsonl.js';
export type { Sink } from './sinks/sink.js';
export type { OwnFile } from './sources/own.js';
export { MemorySink } from './sinks/memory.js';
export { toNinjs } from './sinks/ninjs.js';
export type { NinjsRecord } from './sinks/ninjs.js';
export * from './errors.js';
export type * from './types.js';
