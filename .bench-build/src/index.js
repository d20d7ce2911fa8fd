/**
 * The library API of `wire`: the pipeline and its pure stages, without the command line.
 * @packageDocumentation
 */
export { ingest } from './pipeline.js';
export { parsePlain } from './formats/plain.js';
export { normalizeStory, storyId } from './normalize/story.js';
export { parseDateline } from './normalize/dateline.js';
export { exactFingerprint } from './dedup/exact.js';
export { JsonlFileSink, JsonlStreamSink } from './sinks/jsonl.js';
export * from './errors.js';
