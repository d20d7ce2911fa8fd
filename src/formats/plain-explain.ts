import { explainLines, type ExplainedLine } from '../normalize/explain.js';
import type { NormalizeContext, Story } from '../types.js';
import { parsePlain, plainLines } from './plain.js';

/**
 * Parses and normalizes one plain-text story and says which record field each of its lines went to (see
 * `explainLines`): the building block of `wire ingest --explain`. Lines are numbered from 0 within `text`, after
 * line ends are normalized; a text with nothing but whitespace gives no story and lines without parts.
 */
export function explainPlain(
  text: string,
  context: NormalizeContext,
): { readonly story: Story | null; readonly lines: readonly ExplainedLine[] } {
  const lines = plainLines(text);
  const parsed = parsePlain(text, { provenance: true, releasePreamble: true });
  if (parsed === null) return { story: null, lines: lines.map((line, i) => ({ line: i, text: line, parts: [] })) };
  return explainLines(parsed, context, lines);
}
