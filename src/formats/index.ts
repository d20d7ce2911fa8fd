import type { FormatName, ParsedStory, Severity } from '../types.js';
import { anpa } from './anpa.js';
import type { Decoded } from './decode.js';
import type { BoundaryFinder } from './frame.js';
import { iptc7901 } from './iptc7901.js';
import { newsml } from './newsml.js';
import { nitf } from './nitf.js';
import { plain } from './plain-format.js';
import { rcv1 } from './rcv1.js';
import { sgml } from './sgml.js';

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
  /**
   * Decodes a unit (a latin1 string, one char per byte) when the format knows its character set better than the
   * pipeline's UTF-8 → windows-1252 fallback does (latin-1 SGML, XML that declares its encoding).
   */
  decode?(bytesAsLatin1: string): Decoded;
}

/** The formats `--format` can name, by name. */
export const FORMATS: ReadonlyMap<FormatName, Format> = new Map<FormatName, Format>([
  ['plain', plain],
  ['anpa', anpa],
  ['iptc7901', iptc7901],
  ['nitf', nitf],
  ['newsml', newsml],
  ['rcv1', rcv1],
  ['sgml', sgml],
  // The web work adds `html` and `feed` here.
]);

/** The names `--format` accepts. */
export const FORMAT_NAMES: readonly string[] = ['auto', ...FORMATS.keys()];

export { PARSER_NAMES } from './names.js';
