import { latin1 } from './decode.js';

/** A piece of an input that holds one story (or, for XML, one document), as latin1 text, or a framing problem. */
export type FrameEvent =
  | { readonly kind: 'unit'; readonly bytes: string; readonly line: number }
  | { readonly kind: 'diagnostic'; readonly code: string; readonly message: string; readonly line: number };

/** Where a separator sits in the text, and which side keeps it. */
export interface Boundary {
  /** End of the unit before the separator (the separator is kept in that unit when this is past `start`). */
  readonly unitEnd: number;
  /** Where the next unit begins. */
  readonly next: number;
}

/**
 * Finds the next separator at or after `from`. `complete` is the length of text in which separators may be
 * trusted (text after it may continue in the next chunk); the finder must not report a boundary past it.
 */
export type BoundaryFinder = (text: string, from: number, complete: number) => Boundary | null;

/** Limits for framing. */
export interface FrameOptions {
  /** A unit larger than this is skipped with a diagnostic instead of being held in memory. */
  readonly maxUnitBytes: number;
}

/**
 * Splits a byte stream into units at the separators a finder reports, holding at most one unit (plus one chunk) in
 * memory, so a 1 GB multi-story file streams through in bounded memory. Units are latin1 strings: framing only
 * looks at ASCII separators, and each unit is decoded on its own afterwards.
 */
export async function* frameStream(
  chunks: AsyncIterable<Uint8Array>,
  find: BoundaryFinder,
  options: FrameOptions,
): AsyncGenerator<FrameEvent> {
  let pending = '';
  // How much of `pending` ends with a whole line: finders trust no text after it.
  let complete = 0;
  // Finders are asked again only once the trusted text has doubled since they last found nothing: asking at every
  // chunk made a long unit (a 15 MB story, a 100 MB line) cost a rescan, and a flattened copy, per 256 KB chunk.
  let waitFor = 0;
  let line = 1;
  let skipping = false;
  let skippedFrom = 0;
  const emit = function* (unit: string, next: string): Generator<FrameEvent> {
    if (skipping) {
      yield tooLarge(skippedFrom, options.maxUnitBytes);
      skipping = false;
    } else if (unit.trim() !== '') {
      yield { kind: 'unit', bytes: unit, line };
    }
    line += countLines(unit) + countLines(next);
  };
  const drain = function* (final: boolean): Generator<FrameEvent> {
    const trusted = final ? pending.length : complete;
    let from = 0;
    for (let boundary = find(pending, from, trusted); boundary; boundary = find(pending, from, trusted)) {
      if (boundary.next <= from) break;
      yield* emit(pending.slice(from, boundary.unitEnd), pending.slice(boundary.unitEnd, boundary.next));
      from = boundary.next;
    }
    pending = pending.slice(from);
    complete = Math.max(0, complete - from);
    waitFor = 2 * complete;
    if (final && (pending !== '' || skipping)) yield* emit(pending, '');
    else if (pending.length > options.maxUnitBytes) {
      // Too big to be a story: drop what we hold, remember where it began, and skip to the next separator.
      if (!skipping) skippedFrom = line;
      skipping = true;
      line += countLines(pending);
      pending = '';
      complete = waitFor = 0;
    }
  };
  for await (const chunk of chunks) {
    const text = latin1(chunk);
    const newline = text.lastIndexOf('\n');
    if (newline !== -1) complete = pending.length + newline + 1;
    pending += text;
    if ((complete > 0 && complete >= waitFor) || pending.length > options.maxUnitBytes) yield* drain(false);
  }
  yield* drain(true);
}

function tooLarge(line: number, max: number): FrameEvent {
  return {
    kind: 'diagnostic',
    code: 'story-too-large',
    message: `a story starting at line ${line} is larger than ${Math.round(max / 1048576)} MB and was skipped (raise --max-story-bytes to keep it)`,
    line,
  };
}

function countLines(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/** A finder for formats that are parsed whole (XML documents, HTML pages): the stream is one unit. */
export const wholeInput: BoundaryFinder = () => null;
