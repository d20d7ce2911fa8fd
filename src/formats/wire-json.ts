import type { Story } from '../types.js';
import type { Format, ParseResult } from './format.js';
import { asObject, jsonBoundary, readJson } from './json-value.js';

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

// What a record must hold, by type, to be written again as it is (the schema's required fields).
const STRINGS = ['id', 'headline', 'body', 'ingested_at'] as const;
const NULLABLE = ['byline', 'agency', 'credits', 'copyright', 'language', 'published', 'url'] as const;
const OBJECTS_OR_NULL = ['dateline', 'source'] as const;

/**
 * The record a JSON object is, when it has every field of one with the right types, else null. Fields a duplicates
 * file adds (`duplicate_of`, `similarity`) are dropped: the record is ingested again, not its verdict.
 */
export function wireRecordOf(object: Record<string, unknown>): Story | null {
  if (!STRINGS.every((key) => typeof object[key] === 'string')) return null;
  if (!/^[0-9a-f]{24}$/.test(object['id'] as string)) return null;
  if (!NULLABLE.every((key) => object[key] === null || typeof object[key] === 'string')) return null;
  if (!OBJECTS_OR_NULL.every((key) => object[key] === null || asObject(object[key]) !== null)) return null;
  if (!Array.isArray(object['markers']) || !Array.isArray(object['stripped'])) return null;
  if (typeof object['words'] !== 'number' || typeof object['correction'] !== 'boolean') return null;
  const origin = asObject(object['origin']);
  const fingerprint = asObject(object['fingerprint']);
  if (origin === null || typeof origin['location'] !== 'string' || typeof origin['format'] !== 'string') return null;
  if (fingerprint === null || typeof fingerprint['exact'] !== 'string') return null;
  const { duplicate_of: _of, similarity: _similarity, ...record } = object;
  return record as unknown as Story;
}
