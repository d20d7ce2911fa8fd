import { decodeUnit } from '../formats/decode.js';
import type { FormatDiagnostic } from '../formats/format.js';
import { FORMATS } from '../formats/index.js';
import { fingerprintStory } from '../dedup/fingerprint.js';
import { isUpdate } from '../dedup/verdict.js';
import { languageDetectorLoaded, loadLanguageDetector } from '../normalize/language.js';
import { normalizeStory } from '../normalize/story.js';
import { jsonLines } from '../sinks/json-line.js';
import { toNinjs } from '../sinks/ninjs.js';
import type {
  EmittedBatch,
  FormatName,
  NormalizeContext,
  Origin,
  OriginType,
  ParsedStory,
  Story,
  StoryKeys,
} from '../types.js';
import type { StageClock } from './clock.js';

/** A batch ends after this many units or bytes: large enough to amortize a worker's message, small enough to stream. */
export const BATCH_UNITS = 256;
export const BATCH_BYTES = 512 * 1024;

/** A run of units from one input, with what is needed to turn them into records anywhere (thread or worker). */
export interface Batch {
  readonly format: FormatName;
  /** How the records are serialized: wire's JSON lines, or ninjs 2.1 (the dedup keys are the same either way). */
  readonly output?: 'jsonl' | 'ninjs';
  /** Compute the near-duplicate sketch (false when dedup is off: `fingerprint.near` is then null). */
  readonly sketch?: boolean;
  /** Detect the language of stories that do not declare one (default true). */
  readonly detectLanguage?: boolean;
  readonly type: OriginType;
  readonly location: string;
  readonly now: string;
  readonly reference: string | null;
  /** IANA zone for times without an offset (`--timezone`); UTC when absent. */
  readonly timezone?: string;
  /** The input's charset when its stream was re-encoded before framing (UTF-16, named by its byte-order mark). */
  readonly charset?: string;
  /** Each unit's bytes as framing cut them; decoded here, once. */
  readonly units: ReadonlyArray<{ readonly bytes: Uint8Array; readonly line: number; readonly ordinal: number }>;
}

/** What a batch became. */
export interface BatchResult {
  readonly records: EmittedBatch;
  readonly diagnostics: FormatDiagnostic[];
  /** The line of the first unit that was not valid UTF-8 (read as windows-1252), or null. */
  readonly fallbackLine: number | null;
}

/** A batch's units parsed: the stories of each, with their origin, before they are normalized. */
interface ParsedBatch {
  readonly stories: ReadonlyArray<{ readonly parsed: ParsedStory; readonly origin: Origin }>;
  readonly diagnostics: FormatDiagnostic[];
  readonly fallbackLine: number | null;
}

/**
 * How many units go through the stages together. A batch is taken a slice at a time, each slice through every stage,
 * so that only a slice's intermediate text, lines and objects are alive at once, not a whole batch's: the young
 * generation's collections copy what is alive, and with whole batches of 256 stories in flight they were a fifth of a
 * worker's CPU (about a third of that with slices of 16).
 */
const SLICE_UNITS = 16;

/**
 * The pure middle of the pipeline for a batch of units, one stage at a time over each slice of the batch: decode →
 * parse → normalize → fingerprint (exact and near, so that the near sketch is computed on the worker threads too) →
 * serialize. A parser that throws costs only its own unit (reported as a diagnostic). A story's `origin.index` is
 * its unit's ordinal plus its position in the unit: streamed formats have one story per unit, whole-document
 * formats one unit. Languages that need the detector are detected only if it is loaded in this thread already
 * ({@link runBatch} loads it when a story needs it).
 */
export function processBatch(batch: Batch, clock?: StageClock): BatchResult {
  const results: BatchResult[] = [];
  for (const slice of slices(batch)) {
    const parsed = parseBatch(slice, clock);
    // A record wire wrote earlier (its JSON lines, its ninjs) is read back as it was.
    const stories = parsed.stories.map(
      ({ parsed: story, origin }) => story.record ?? normalizeStory(story, contextOf(slice, origin)),
    );
    clock?.lap('normalize');
    results.push(serializeBatch(slice, parsed, stories, clock));
  }
  return joined(results);
}

/**
 * {@link processBatch}, loading the language detector (asynchronously, once per thread) when the first story needs
 * it: one that declares no language and that a glance does not settle. Only that story is normalized again, its
 * first record dropped before: normalizing the whole batch twice held two copies of a large story at once. Runs
 * whose stories declare their language or are settled at a glance never load the detector. `yielding` lets the
 * event loop run between slices (a run whose emit is in flight on a server).
 */
export async function runBatch(batch: Batch, yielding = false): Promise<BatchResult> {
  const results: BatchResult[] = [];
  for (const slice of slices(batch)) {
    // Yielding: the event loop takes in I/O (a database's answers) between slices.
    if (yielding && results.length > 0) await new Promise(setImmediate);
    const parsed = parseBatch(slice);
    const stories: Story[] = [];
    for (const item of parsed.stories)
      stories.push(item.parsed.record ?? (await normalizeLoading(item.parsed, contextOf(slice, item.origin))));
    results.push(serializeBatch(slice, parsed, stories));
  }
  return joined(results);
}

/** The batch as batches of {@link SLICE_UNITS} units (the batch itself when it is no larger). */
function slices(batch: Batch): Batch[] {
  if (batch.units.length <= SLICE_UNITS) return [batch];
  const out: Batch[] = [];
  // Object.assign, not a spread: V8 (Node 20) builds `{ ...batch, units }` through a slow path.
  for (let at = 0; at < batch.units.length; at += SLICE_UNITS)
    out.push(Object.assign({}, batch, { units: batch.units.slice(at, at + SLICE_UNITS) }));
  return out;
}

/** The results of a batch's slices as one: records in order, in one buffer. */
function joined(results: readonly BatchResult[]): BatchResult {
  if (results.length === 1) return results[0]!;
  const keys: StoryKeys[] = [];
  const ends: number[] = [];
  const diagnostics: FormatDiagnostic[] = [];
  // One copy of each slice's lines, into a buffer of the batch's size.
  const bytes = Buffer.concat(results.map((r) => r.records.bytes));
  let at = 0;
  for (const { records, diagnostics: found } of results) {
    for (const key of records.keys) keys.push(key);
    for (const end of records.ends) ends.push(at + end);
    for (const diagnostic of found) diagnostics.push(diagnostic);
    at += records.bytes.length;
  }
  const fallbackLine = results.find((r) => r.fallbackLine !== null)?.fallbackLine ?? null;
  return { records: { keys, bytes, ends }, diagnostics, fallbackLine };
}

/**
 * A parsed story's record, the language detector loaded first when its language needs it (it declares none and a
 * glance does not settle it) and the detector is not loaded in this thread yet: the detector is loaded, once per
 * thread, and that one story normalized again. Runs that never need it never load it.
 */
export async function normalizeLoading(parsed: ParsedStory, context: NormalizeContext): Promise<Story> {
  if (languageDetectorLoaded()) return normalizeStory(parsed, context);
  let pending = false;
  // Object.assign, not a spread: V8 (Node 20) builds `{ ...context, more }` through a slow path, microseconds a story.
  const watched: NormalizeContext = Object.assign({}, context, { onLanguagePending: () => (pending = true) });
  const story = normalizeStory(parsed, watched);
  if (!pending) return story;
  await loadLanguageDetector();
  return normalizeStory(parsed, context);
}

function parseBatch(batch: Batch, clock?: StageClock): ParsedBatch {
  const format = FORMATS.get(batch.format);
  if (!format) throw new Error(`unknown format ${batch.format}`);
  const decoded = batch.units.map((unit) => (format.decode ? format.decode(unit.bytes) : decodeUnit(unit.bytes)));
  clock?.lap('decode');
  const fallback = batch.units.find((_, i) => decoded[i]?.fallback === true);
  const diagnostics: FormatDiagnostic[] = [];
  const parsed = batch.units.map((unit, i) => {
    try {
      const result = format.parse(decoded[i]!.text, unit.line);
      diagnostics.push(...result.diagnostics);
      return result.stories;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      diagnostics.push({
        severity: 'error',
        code: 'parse-failed',
        message: `could not parse this story (${reason})`,
        line: unit.line,
      });
      return [];
    }
  });
  clock?.lap('parse');
  const stories: Array<ParsedBatch['stories'][number]> = [];
  batch.units.forEach((unit, i) => {
    parsed[i]!.forEach((story, j) => {
      const origin = {
        type: batch.type,
        location: batch.location,
        format: format.name,
        index: unit.ordinal + j,
        charset: batch.charset ?? decoded[i]!.charset,
      };
      stories.push({ parsed: story, origin });
    });
  });
  return { stories, diagnostics, fallbackLine: fallback?.line ?? null };
}

/** A story's context. Built field by field: it is made for every story, and a spread takes V8's slow path. */
function contextOf(batch: Batch, origin: Origin): NormalizeContext {
  const context: Writable<NormalizeContext> = {
    origin,
    now: batch.now,
    referenceDate: batch.reference,
    detectLanguage: batch.detectLanguage !== false,
  };
  if (batch.timezone !== undefined) context.timezone = batch.timezone;
  return context;
}

function serializeBatch(batch: Batch, parsed: ParsedBatch, stories: Story[], clock?: StageClock): BatchResult {
  const records = serialize(stories, {
    ...(batch.output === 'ninjs' ? { as: toNinjs } : {}),
    sketch: batch.sketch !== false,
    ...(clock ? { clock } : {}),
    // Records normalized here, not read back whole, have bodies of tidy paragraphs (normalizeStory).
    controlFree: (i) => parsed.stories[i]?.parsed.record === undefined,
  });
  return { records, diagnostics: parsed.diagnostics, fallbackLine: parsed.fallbackLine };
}

/** How records are serialized. */
export interface SerializeOptions {
  /** Maps a record to what is written (ninjs); the dedup keys come from the record either way. */
  readonly as?: (story: Story) => unknown;
  /** Compute the near sketch (default true); without it `fingerprint.near` is null. */
  readonly sketch?: boolean;
  /** Told when the fingerprints and when the lines are done (the stage benchmark). */
  readonly clock?: StageClock;
  /** Which records `normalizeStory` made just now: their bodies hold no control character but line feeds. */
  readonly controlFree?: (index: number) => boolean;
}

/**
 * Serializes records into one buffer of JSON lines, noting where each ends, with their dedup keys. The records are
 * the caller's own, just normalized, and are completed in place: their near sketch (null when dedup is off: nothing
 * reads it), `version` 1 and `replaces` null until the dedup stage says otherwise. A copy of every record cost more
 * than the fields it added.
 */
export function serialize(normalized: readonly Story[], options: SerializeOptions = {}): EmittedBatch {
  // Every record leaves with its near sketch and version fields, whichever stage (file, page, feed) made it.
  const near = options.sketch !== false;
  const stories = normalized.map((story) => {
    const fingerprint = near ? fingerprintStory(story) : null;
    return Object.assign(story as Writable<Story>, {
      fingerprint: { exact: fingerprint?.exact ?? story.fingerprint.exact, near: fingerprint?.near ?? null },
      version: 1,
      replaces: null,
    });
  });
  const keys: StoryKeys[] = stories.map((story) => ({
    id: story.id,
    fingerprint: story.fingerprint.exact,
    near: story.fingerprint.near,
    update: isUpdate(story),
    markers: story.markers,
  }));
  options.clock?.lap('fingerprint');
  const { bytes, ends } = jsonLines(stories, { as: options.as, controlFree: options.controlFree });
  options.clock?.lap('serialize');
  return { keys, bytes, ends };
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };
