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
  // The bytes not yet framed: what the finder left last time, then the chunks read since. They become text only when
  // the finder looks, as one latin1 string of one buffer: appending each chunk's text to a string instead made every
  // look flatten a copy of the whole text, which cost as much as the conversion itself.
  let rest: Uint8Array = EMPTY;
  let held: Uint8Array[] = [];
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
  const emit = (unit: string, next: string, events: FrameEvent[]): void => {
    if (skipping) {
      events.push(tooLarge(skippedFrom, options.maxUnitBytes));
      skipping = false;
    } else if (unit.trim() !== '') {
      events.push({ kind: 'unit', bytes: unit, line });
    }
    line += countLines(unit) + countLines(next);
  };
  const drain = (final: boolean): FrameEvent[] => {
    const bytes =
      held.length === 0 ? rest : rest.length === 0 && held.length === 1 ? held[0]! : Buffer.concat([rest, ...held]);
    held = [];
    const pending = latin1(bytes);
    const events: FrameEvent[] = [];
    const trusted = final ? pending.length : complete;
    let from = 0;
    for (let boundary = find(pending, from, trusted); boundary; boundary = find(pending, from, trusted)) {
      if (boundary.next <= from) break;
      emit(pending.slice(from, boundary.unitEnd), pending.slice(boundary.unitEnd, boundary.next), events);
      from = boundary.next;
    }
    // Latin1 text has one char a byte: what is left of the text is what is left of the bytes.
    rest = bytes.subarray(from);
    pendingLength = rest.length;
    complete = Math.max(0, complete - from);
    waitFor = 2 * complete;
    if (final && (pendingLength > 0 || skipping)) emit(pending.slice(from), '', events);
    else if (pendingLength > options.maxUnitBytes) {
      // Too big to be a story: drop what we hold, remember where it began, and skip to the next separator.
      if (!skipping) skippedFrom = line;
      skipping = true;
      line += countLines(pending.slice(from));
      rest = EMPTY;
      pendingLength = 0;
      complete = waitFor = 0;
    }
    return events;
  };
  for await (const chunk of chunks) {
    const newline = lastNewline(chunk);
    if (newline !== -1) complete = pendingLength + newline + 1;
    held.push(chunk);
    pendingLength += chunk.length;
    if ((complete > 0 && complete >= waitFor) || pendingLength > options.maxUnitBytes) {
      for (const event of drain(false)) yield event;
    }
  }
  for (const event of drain(true)) yield event;
}

const EMPTY = new Uint8Array(0);

function lastNewline(chunk: Uint8Array): number {
  return (Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)).lastIndexOf(
    0x0a,
  );
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
