import type { FormatName, OriginType, ParsedStory, Severity } from '../types.js';
import type { Decoded } from './decode.js';
import type { BoundaryFinder } from './frame.js';

// What every format parser is: the registry (index.ts) imports the parsers, the parsers import only this.

/** A problem a parser met in one unit; the pipeline attaches the input's name. */
export interface FormatDiagnostic {
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
  readonly line?: number;
}

/** What a parser found in one unit. */
export interface ParseResult {
  readonly stories: readonly ParsedStory[];
  readonly diagnostics: readonly FormatDiagnostic[];
}

/** What a parser may know about the input a unit came from. */
export interface UnitContext {
  readonly type: OriginType;
  /** Path, `-` or the final URL of a fetched page (relative links resolve against it). */
  readonly location: string;
  /** The Content-Type header of a fetched input. */
  readonly contentType: string | null;
  /** The charset a byte-order mark named (`utf-8`, `utf-16le`), or null. */
  readonly bom: string | null;
}

/**
 * The story a parser just built, with the line it starts at. The parser's own fresh object gets the field: a copy,
 * `{ ...story, line }`, made V8 (Node 20) build a new hidden class for every story, which cost microseconds there and
 * made every later read of the story slow.
 */
export function atLine(story: ParsedStory, line: number): ParsedStory {
  (story as { line?: number }).line = line;
  return story;
}

/**
 * A wire format: how its stream is cut into units, and a pure parser for one unit. Adding a format is adding one
 * of these, one line in `FORMATS` and one in `detect`.
 */
export interface Format {
  readonly name: FormatName;
  readonly boundary: BoundaryFinder;
  /**
   * Parses one unit of decoded text; `line` is where the unit starts in its input (1-based). Whole web documents
   * also get their input's context (a page's URL resolves its relative links).
   */
  parse(text: string, line: number, context?: UnitContext): ParseResult;
  /**
   * Decodes a unit's bytes when the format knows its character set better than the pipeline's UTF-8 →
   * windows-1252 fallback does (latin-1 SGML, XML that declares its encoding).
   */
  decode?(bytes: Uint8Array): Decoded;
  /**
   * For web documents (pages, feeds): decodes the bytes with what the input says of them (a byte-order mark, the
   * Content-Type charset, `<meta charset>`). Formats that have this are parsed whole on the main thread, URLs and
   * feed items fetched there too.
   */
  decodeDocument?(bytes: Uint8Array, context: UnitContext): Decoded;
  /**
   * Parses a whole input from its bytes, asynchronously, for formats whose parts name their own charsets and whose
   * parser is asynchronous (e-mail through postal-mime). Such formats are parsed on the main thread, like web
   * documents; `parse` is then only a fallback that says so.
   */
  parseBytes?(bytes: Uint8Array, line: number, context: UnitContext): Promise<ParseResult>;
  /** Loads the parser's heavy dependencies (cheerio) on first use, so runs that never need them start fast. */
  load?(): Promise<void>;
}

/**
 * Stories from a document's items, one each, with a note for each item that holds none, and an error when the
 * document holds no item at all (`none` says what is missing).
 */
export function itemStories<T>(
  items: readonly T[],
  read: (item: T) => ParsedStory | null,
  line: number,
  none: { readonly code: string; readonly message: string },
): ParseResult {
  const stories: ParsedStory[] = [];
  const diagnostics: FormatDiagnostic[] = [];
  for (const item of items) {
    const story = read(item);
    if (story) stories.push({ ...story, line });
    else diagnostics.push({ severity: 'info', code: 'not-a-story', message: 'skipped an item without text', line });
  }
  if (items.length === 0) diagnostics.push({ severity: 'error', ...none, line });
  return { stories, diagnostics };
}
