import { asBuffer, countLines, isBlank, lastByte, LF } from './bytes.js';

/**
 * A piece of an input that holds one story (or, for XML, one document), as its bytes, or a framing problem. The bytes
 * are a view of the buffer framing read them into: copy them to keep them long.
 */
export type FrameEvent =
  | { readonly kind: 'unit'; readonly bytes: Buffer; readonly line: number }
  | { readonly kind: 'diagnostic'; readonly code: string; readonly message: string; readonly line: number };

/** Where a separator sits in the bytes, and which side keeps it. */
export interface Boundary {
  /** End of the unit before the separator (the separator is kept in that unit when this is past `start`). */
  readonly unitEnd: number;
  /** Where the next unit begins. */
  readonly next: number;
}

/**
 * Finds the next separator at or after byte `from`. `complete` is the number of bytes in which separators may be
 * trusted (bytes after it may continue in the next chunk); the finder must not report a boundary past it. Finders
 * look at bytes (`Buffer#indexOf`, see bytes.ts) and decode no more than a line here and there.
 */
export type BoundaryFinder = (bytes: Buffer, from: number, complete: number) => Boundary | null;

/** Limits for framing. */
export interface FrameOptions {
  /** A unit larger than this is skipped with a diagnostic instead of being held in memory. */
  readonly maxUnitBytes: number;
}

/**
 * Splits a byte stream into units at the separators a finder reports, holding at most one unit (plus one chunk) in
 * memory, so a 1 GB multi-story file streams through in bounded memory. Units stay bytes: framing only looks at ASCII
 * separators, and each unit is decoded once, on its own, afterwards.
 */
export async function* frameStream(
  chunks: AsyncIterable<Uint8Array>,
  find: BoundaryFinder,
  options: FrameOptions,
): AsyncGenerator<FrameEvent> {
  // The bytes not yet framed: what the finder left last time, then the chunks read since, joined into one buffer only
  // when the finder looks.
  let rest: Buffer = EMPTY;
  let held: Buffer[] = [];
  let pendingLength = 0;
  // How much of the pending text ends with a whole line: finders trust no text after it.
  let complete = 0;
  // Finders are asked again only once the trusted text has doubled since they last found nothing: asking at every
  // chunk made a long unit (a 15 MB story, a 100 MB line) cost a rescan, and a flattened copy, per 256 KB chunk.
  let waitFor = 0;
  let line = 1;
  let skipping = false;
  let skippedFrom = 0;
  // Events are gathered in an array and yielded from the generator itself: `yield*` into a sync generator from an
  // async one wraps each event in promises of its own.
  // The unit is bytes[start, end); the separator after it runs to `next`.
  const emit = (bytes: Buffer, start: number, end: number, next: number, events: FrameEvent[]): void => {
    if (skipping) {
      events.push(tooLarge(skippedFrom, options.maxUnitBytes));
      skipping = false;
    } else if (!isBlank(bytes, start, end)) {
      events.push({ kind: 'unit', bytes: bytes.subarray(start, end), line });
    }
    line += countLines(bytes, start, next);
  };
  const drain = (final: boolean): FrameEvent[] => {
    const events: FrameEvent[] = [];
    const trusted = final ? pendingLength : complete;
    // The bytes framed now, `base` bytes into the pending ones. Joining the rest and a 256 KB chunk into one buffer
    // cost a third of framing (a fresh allocation each time): when the rest is short, the unit that straddles them
    // is looked for in a copy of the rest and the chunk's start only (`partial`), and the chunk is then framed where
    // it lies. Finders are never shown a buffer that starts elsewhere than the pending bytes or the chunk's start
    // after a unit, nor the end of a prefix as if it were the end of the bytes.
    const chunk = held.length === 1 ? held[0]! : null;
    const prefix = rest.length + Math.max(PREFIX, rest.length);
    let partial = chunk !== null && rest.length > 0 && prefix < pendingLength;
    let bytes =
      held.length === 0
        ? rest
        : chunk && rest.length === 0
          ? chunk
          : Buffer.concat(partial ? [rest, chunk!.subarray(0, prefix - rest.length)] : [rest, ...held]);
    let base = 0;
    let limit = partial ? Math.min(trusted, lastByte(bytes, LF, bytes.length - 2) + 1) : trusted;
    let from = 0;
    for (;;) {
      const boundary = find(bytes, from, limit);
      if (boundary === null || boundary.next <= from) {
        if (!partial) break;
        // The unit runs on past the prefix: frame the pending bytes as one buffer after all.
        bytes = Buffer.concat([rest, chunk!]);
        partial = false;
        limit = trusted;
        continue;
      }
      emit(bytes, from, boundary.unitEnd, boundary.next, events);
      from = boundary.next;
      if (partial && from > rest.length) {
        bytes = chunk!;
        base = rest.length;
        from -= base;
        partial = false;
        limit = trusted - base;
      }
    }
    held = [];
    rest = bytes.subarray(from);
    pendingLength = rest.length;
    complete = Math.max(0, complete - base - from);
    waitFor = 2 * complete;
    if (final && (pendingLength > 0 || skipping)) emit(bytes, from, bytes.length, bytes.length, events);
    else if (pendingLength > options.maxUnitBytes) {
      // Too big to be a story: drop what we hold, remember where it began, and skip to the next separator.
      if (!skipping) skippedFrom = line;
      skipping = true;
      line += countLines(bytes, from, bytes.length);
      rest = EMPTY;
      pendingLength = 0;
      complete = waitFor = 0;
    }
    return events;
  };
  for await (const bytes of chunks) {
    const chunk = asBuffer(bytes);
    const newline = chunk.lastIndexOf(0x0a);
    if (newline !== -1) complete = pendingLength + newline + 1;
    held.push(chunk);
    pendingLength += chunk.length;
    if ((complete > 0 && complete >= waitFor) || pendingLength > options.maxUnitBytes) {
      for (const event of drain(false)) yield event;
    }
  }
  for (const event of drain(true)) yield event;
}

const EMPTY = Buffer.alloc(0);
// Bytes of the next chunk copied with a short rest to find the unit that straddles them (see drain).
const PREFIX = 16 * 1024;

function tooLarge(line: number, max: number): FrameEvent {
  return {
    kind: 'diagnostic',
    code: 'story-too-large',
    message: `a story starting at line ${line} is larger than ${Math.round(max / 1048576)} MB and was skipped (raise --max-story-bytes to keep it)`,
    line,
  };
}

/** A finder for formats that are parsed whole (XML documents, HTML pages): the stream is one unit. */
export const wholeInput: BoundaryFinder = () => null;
