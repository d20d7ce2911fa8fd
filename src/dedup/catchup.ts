import type { Story } from '../types.js';
import { decodeSketch, fingerprintStory } from './fingerprint.js';
import { exactKey, type FingerprintStore, type StoredStory } from './store.js';

const COMMIT_EVERY = 10_000;

/** What catching up found. */
export interface CatchUp {
  /** Records read from the output and added to the store. */
  readonly absorbed: number;
  /** Lines that were not records of ours (left alone). */
  readonly skipped: number;
}

/**
 * Brings the store up to date with the output it caches: adds every record past the store's offset (all of them
 * when the store is new or was deleted). Records carry their fingerprints; one without (written by an older
 * version) is fingerprinted again from its text.
 */
export function catchUp(
  store: FingerprintStore,
  lines: Iterable<{ readonly text: string; readonly end: number }>,
): CatchUp {
  let batch: StoredStory[] = [];
  let absorbed = 0;
  let skipped = 0;
  let offset: number | null = null;
  for (const line of lines) {
    offset = line.end;
    const stored = line.text.trim() === '' ? null : fromLine(line.text);
    if (stored === null) {
      skipped++;
      continue;
    }
    batch.push(stored);
    absorbed++;
    if (batch.length >= COMMIT_EVERY) {
      store.commit(batch, offset);
      batch = [];
    }
  }
  if (offset !== null) store.commit(batch, offset);
  return { absorbed, skipped };
}

/** The store's view of one output line, or null when the line is not a record. */
export function fromLine(text: string): StoredStory | null {
  let record: Partial<Story>;
  try {
    record = JSON.parse(text) as Partial<Story>;
  } catch {
    return null;
  }
  if (typeof record !== 'object' || record === null || typeof record.id !== 'string') return null;
  if (!/^[0-9a-f]{24}$/.test(record.id)) return null;
  const version = typeof record.version === 'number' && record.version >= 1 ? record.version : 1;
  const given = record.fingerprint;
  const sketch = given && typeof given.near === 'string' ? decodeSketch(given.near) : null;
  if (given && typeof given.exact === 'string' && sketch !== null)
    return { id: record.id, exact: exactKey(given.exact), version, sketch };
  if (typeof record.body !== 'string' || typeof record.headline !== 'string') return null;
  const fingerprint = fingerprintStory({
    headline: record.headline,
    body: record.body,
    dateline: record.dateline ?? null,
  });
  return { id: record.id, exact: exactKey(fingerprint.exact), version, sketch: fingerprint.sketch };
}
