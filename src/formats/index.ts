import type { FormatName, ParsedStory, Severity } from '../types.js';
import type { BoundaryFinder } from './frame.js';
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

/**
 * A wire format: how its stream is cut into units, and a pure parser for one unit. Adding a format is adding one
 * of these, one line in `FORMATS` and one in `detect`.
 */
export interface Format {
  readonly name: FormatName;
  readonly boundary: BoundaryFinder;
  /** Parses one unit of decoded text; `line` is where the unit starts in its input (1-based). */
  parse(text: string, line: number): ParseResult;
}

/** The formats `--format` can name, by name. */
export const FORMATS: ReadonlyMap<FormatName, Format> = new Map<FormatName, Format>([['plain', plain]]);

/** The names `--format` accepts. */
export const FORMAT_NAMES: readonly string[] = ['auto', ...FORMATS.keys()];
