import type { Format, ParseResult } from './format.js';
import { asObject, jsonBoundary, readJson } from './json-value.js';
import { wireRecordOf } from './wire-record.js';

/**
 * wire's own JSON lines, read back: each line is the record it was (same id, same fields), so that
 * `wire ingest a.jsonl b.jsonl -o all.jsonl` merges with dedup and `--output-format ninjs` converts. A line that is
 * not a whole record is an error for that line; the other lines go on.
 */
export const wire: Format = { name: 'wire', boundary: jsonBoundary, parse: parseWireLine };

function parseWireLine(text: string, line: number): ParseResult {
  const read = readJson(text, line);
  if (read.diagnostic) return { stories: [], diagnostics: [read.diagnostic] };
  const record = wireRecordOf(asObject(read.value) ?? {});
  if (record === null) {
    const message = 'not a wire record (a JSON line wire writes has id, headline, body, origin and fingerprint)';
    return { stories: [], diagnostics: [{ severity: 'error', code: 'not-a-record', message, line }] };
  }
  return {
    stories: [{ headline: record.headline, paragraphs: record.body.split('\n\n'), record, line }],
    diagnostics: [],
  };
}
