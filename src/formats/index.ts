import type { FormatName, OriginType, ParsedStory, Severity } from '../types.js';
import type { Decoded } from './decode.js';
import type { BoundaryFinder } from './frame.js';
import { feed, html } from './web-formats.js';
import { plain } from './plain-format.js';

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
 * A wire format: how its stream is cut into units, and a pure parser for one unit. Adding a format is adding one
 * of these, one line in `FORMATS` and one in `detect`.
 */
export interface Format {
  readonly name: FormatName;
  readonly boundary: BoundaryFinder;
  /** Loads the parser's heavy dependencies (cheerio) on first use, so runs that never need them start fast. */
  load?(): Promise<void>;
  /** Decodes a unit's bytes, for formats that declare their own charset (HTML's `<meta charset>`, XML's prolog). */
  decode?(bytes: Uint8Array, context: UnitContext): Decoded;
  /** Parses one unit of decoded text; `line` is where the unit starts in its input (1-based). */
  parse(text: string, line: number, context?: UnitContext): ParseResult;
}

/** The formats `--format` can name, by name. */
export const FORMATS: ReadonlyMap<FormatName, Format> = new Map<FormatName, Format>([
  ['plain', plain],
  ['html', html],
  ['feed', feed],
]);

/** The names `--format` accepts. */
export const FORMAT_NAMES: readonly string[] = ['auto', ...FORMATS.keys()];
