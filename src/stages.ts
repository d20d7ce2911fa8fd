import { exactFingerprint } from './dedup/exact.js';
import { decodeUnit } from './formats/decode.js';
import { FORMATS, type FormatDiagnostic } from './formats/index.js';
import { normalizeStory } from './normalize/story.js';
import type { Emitted, FormatName, OriginType, Story } from './types.js';

/** A run of units from one input, with what is needed to turn them into records anywhere (thread or worker). */
export interface Batch {
  readonly format: FormatName;
  readonly type: OriginType;
  readonly location: string;
  readonly now: string;
  readonly reference: string | null;
  readonly units: ReadonlyArray<{ readonly bytes: string; readonly line: number; readonly ordinal: number }>;
}

/** What a batch became. */
export interface BatchResult {
  readonly records: Emitted[];
  readonly diagnostics: FormatDiagnostic[];
  /** The line of the first unit that was not valid UTF-8 (read as windows-1252), or null. */
  readonly fallbackLine: number | null;
}

/**
 * The pure middle of the pipeline for a batch of units: decode → parse → normalize → fingerprint → serialize. A
 * parser that throws costs only its own unit (reported as a diagnostic). A story's `origin.index` is its unit's
 * ordinal plus its position in the unit: streamed formats have one story per unit, whole-document formats one unit.
 */
export function processBatch(batch: Batch): BatchResult {
  const format = FORMATS.get(batch.format);
  if (!format) throw new Error(`unknown format ${batch.format}`);
  const records: Emitted[] = [];
  const diagnostics: FormatDiagnostic[] = [];
  let fallbackLine: number | null = null;
  for (const unit of batch.units) {
    const decoded = decodeUnit(unit.bytes);
    if (decoded.fallback && fallbackLine === null) fallbackLine = unit.line;
    let parsed;
    try {
      const result = format.parse(decoded.text, unit.line);
      diagnostics.push(...result.diagnostics);
      parsed = result.stories;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      diagnostics.push({ severity: 'error', code: 'parse-failed', message: `could not parse this story (${reason})`, line: unit.line });
      continue;
    }
    parsed.forEach((story, j) => {
      const origin = {
        type: batch.type,
        location: batch.location,
        format: format.name,
        index: unit.ordinal + j,
        charset: decoded.charset,
      };
      records.push(serialize(normalizeStory(story, { origin, now: batch.now, referenceDate: batch.reference })));
    });
  }
  return { records, diagnostics, fallbackLine };
}

/** A record with its line and dedup keys. */
export function serialize(story: Story): Emitted {
  return { id: story.id, fingerprint: exactFingerprint(story), markers: story.markers, line: `${JSON.stringify(story)}\n` };
}
