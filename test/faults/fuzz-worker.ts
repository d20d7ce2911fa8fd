import { Readable } from 'node:stream';
import { parentPort, workerData } from 'node:worker_threads';
import fc from 'fast-check';
import { decodeUnit } from '../../src/formats/decode.js';
import { frameStream } from '../../src/formats/frame.js';
import type { Format, UnitContext } from '../../src/formats/format.js';
import { FORMATS } from '../../src/formats/index.js';
import { normalizeStory } from '../../src/normalize/story.js';
import { serialize } from '../../src/pipeline/batch.js';
import type { FormatName } from '../../src/types.js';
import { documents } from '../helpers/arbitraries.js';
import { recordErrors } from '../helpers/record-schema.js';

/** What the fuzzer's main thread asks of one worker. */
export interface FuzzJob {
  readonly format: FormatName;
  readonly runs: number;
  readonly seed: number;
  /** An input that takes longer than this fails (a hang is a failure; the main thread catches a real one). */
  readonly limitMs: number;
  /** [cases started, length of the input in hand], then the input in hand as UTF-16, for a hang report. */
  readonly shared: SharedArrayBuffer;
}

/** What one worker found. */
export interface FuzzReport {
  readonly cases: number;
  readonly records: number;
  readonly slowestMs: number;
  readonly failure: {
    readonly input: string;
    readonly error: string;
    readonly seed: number;
    readonly path: string;
  } | null;
}

const job = workerData as FuzzJob;
const progress = new Int32Array(job.shared, 0, 2);
const inHand = new Uint16Array(job.shared, 8);
const format = FORMATS.get(job.format) as Format;
const context: UnitContext = { type: 'file', location: 'fuzz', contentType: null, bom: null };
const origin = { type: 'file', location: 'fuzz', format: format.name, charset: 'utf-8' } as const;
let records = 0;
let slowestMs = 0;

/**
 * One input through everything a run does with it short of I/O: framing (in two chunks, cut anywhere), decoding,
 * parsing, normalizing and serializing. Any throw fails the case, as does a record the schema rejects, a line
 * count that is not the story count, or a diagnostic of no known severity.
 */
async function check(text: string, asUtf8: boolean, cut: number): Promise<void> {
  for (let i = 0; i < Math.min(text.length, inHand.length); i++) inHand[i] = text.charCodeAt(i);
  Atomics.store(progress, 1, Math.min(text.length, inHand.length));
  Atomics.add(progress, 0, 1);
  const started = performance.now();
  const bytes = Buffer.from(text, asUtf8 ? 'utf8' : 'latin1');
  const at = cut % (bytes.length + 1);
  const chunks = [bytes.subarray(0, at), bytes.subarray(at)].filter((chunk) => chunk.length > 0);
  for await (const event of frameStream(Readable.from(chunks), format.boundary, { maxUnitBytes: 1 << 20 })) {
    if (event.kind === 'diagnostic') continue;
    const decoded = format.decodeDocument
      ? format.decodeDocument(event.bytes, context)
      : format.decode
        ? format.decode(event.bytes)
        : decodeUnit(event.bytes);
    // E-mail reads its bytes itself (a charset per MIME part), asynchronously.
    const result = format.parseBytes
      ? await format.parseBytes(event.bytes, event.line, context)
      : format.parse(decoded.text, event.line, context);
    for (const d of result.diagnostics) {
      if (!['error', 'warning', 'info'].includes(d.severity)) throw new Error(`a diagnostic of severity ${d.severity}`);
    }
    const stories = result.stories.map(
      (story, index) =>
        // wire's own records are kept as they were, as the pipeline keeps them.
        story.record ??
        normalizeStory(story, {
          origin: { ...origin, index, charset: decoded.charset },
          now: '2026-11-27T00:00:00.000Z',
          referenceDate: '2026-11-27',
        }),
    );
    const lines = Buffer.from(serialize(stories).bytes)
      .toString('utf8')
      .split('\n')
      .filter((line) => line !== '');
    if (lines.length !== stories.length) throw new Error(`${stories.length} stories became ${lines.length} lines`);
    for (const line of lines) {
      const errors = recordErrors(JSON.parse(line));
      if (errors.length > 0) throw new Error(`invalid record: ${JSON.stringify(errors.slice(0, 2))}`);
      records++;
    }
  }
  const ms = performance.now() - started;
  slowestMs = Math.max(slowestMs, ms);
  if (ms > job.limitMs) throw new Error(`took ${Math.round(ms)} ms, over the ${job.limitMs} ms limit for one input`);
}

await format.load?.();
const arbitrary = documents[job.format];
if (arbitrary === undefined) throw new Error(`no arbitrary for ${job.format} in test/helpers/arbitraries.ts`);
const details = await fc.check(
  fc.asyncProperty(arbitrary, fc.boolean(), fc.nat(), (text, asUtf8, cut) => check(text, asUtf8, cut)),
  { numRuns: job.runs, seed: job.seed, endOnFailure: true },
);
const [text] = details.counterexample ?? [''];
const report: FuzzReport = {
  cases: details.numRuns,
  records,
  slowestMs,
  failure: details.failed
    ? { input: text, error: String(details.errorInstance), seed: details.seed, path: details.counterexamplePath ?? '' }
    : null,
};
parentPort?.postMessage(report);
