/**
 * Which field of the record each line of a story's text went to: the basis of "nothing disappears silently" (every
 * non-blank line ends up in exactly one field) and of `wire ingest --explain`. Built on the normalizer's own trace
 * (`normalizeWithTrace`), not on a second reading of the text.
 */
import type { NormalizeContext, ParsedStory, Story } from '../types.js';
import { normalizeWithTrace } from './story.js';
import { tidy } from './text.js';
import type { StoryField } from './trace.js';

export type { StoryField } from './trace.js';

/** A piece of a line and the record field it went to; `field` is null for text no field took (a bug to report). */
export interface LinePart {
  readonly text: string;
  readonly field: StoryField | null;
}

/** One line of the story's text (0-based), as given, and where its text went, in order. Blank lines have no parts. */
export interface ExplainedLine {
  readonly line: number;
  readonly text: string;
  readonly parts: readonly LinePart[];
}

/**
 * Normalizes a parsed story and says, for each line of its text, which field each piece of the line went to: a
 * dateline line is split into `dateline` and `body`, a sign-off glued to the last paragraph into `body` and
 * `source`. `parsed` must carry `provenance` (the plain parser gives it with `{ provenance: true }`, and
 * `explainPlain` does both steps); `lines` are the story's text split at line ends. Without provenance every line is
 * reported with no parts.
 */
export function explainLines(
  parsed: ParsedStory,
  context: NormalizeContext,
  lines: readonly string[],
): { readonly story: Story; readonly lines: readonly ExplainedLine[] } {
  const { story, paragraphs } = normalizeWithTrace(parsed, context);
  const parts: LinePart[][] = lines.map(() => []);
  const provenance = parsed.provenance;
  if (provenance) {
    for (const line of provenance.stripped ?? [])
      parts[line]?.push({ text: tidy(lines[line] ?? ''), field: 'stripped' });
    for (const line of provenance.headline) parts[line]?.push({ text: tidy(lines[line] ?? ''), field: 'headline' });
    provenance.byline.forEach((line, i) => {
      parts[line]?.push({ text: tidy(lines[line] ?? ''), field: i === 0 ? 'byline' : 'byline_title' });
    });
    let traced = 0;
    parsed.paragraphs.forEach((paragraph, i) => {
      if (tidy(paragraph) === '') return;
      const trace = paragraphs[traced++];
      if (trace) placeLines(trace, provenance.paragraphs[i] ?? [], lines, parts);
    });
  }
  return { story, lines: lines.map((text, line) => ({ line, text, parts: parts[line] ?? [] })) };
}

/** Finds each line's text in its tidy paragraph and cuts it at the trace's field boundaries. */
function placeLines(
  trace: { readonly text: string; readonly parts: readonly { from: number; to: number; field: StoryField }[] },
  lineNumbers: readonly number[],
  lines: readonly string[],
  out: LinePart[][],
): void {
  let cursor = 0;
  for (const line of lineNumbers) {
    const text = tidy(lines[line] ?? '');
    if (text === '') continue;
    const found = trace.text.indexOf(text, cursor);
    const start = found === -1 ? cursor : found;
    const end = start + text.length;
    cursor = end;
    let covered = start;
    for (const part of trace.parts) {
      if (part.to <= start || part.from >= end) continue;
      pushGap(out[line], trace.text, covered, Math.max(part.from, start));
      const piece = trace.text.slice(Math.max(part.from, start), Math.min(part.to, end)).trim();
      if (piece !== '') out[line]?.push({ text: piece, field: part.field });
      covered = Math.min(part.to, end);
    }
    pushGap(out[line], trace.text, covered, end);
  }
}

function pushGap(parts: LinePart[] | undefined, text: string, from: number, to: number): void {
  const gap = from < to ? text.slice(from, to).trim() : '';
  if (gap !== '') parts?.push({ text: gap, field: null });
}
