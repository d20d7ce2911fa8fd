import { fromLine } from '../../dedup/catchup.js';
import { packStory } from '../../dedup/pack.js';
import type { StoredStory } from '../../dedup/store.js';
import type { Connection } from './connect.js';
import { ALL_RECORDS, INSERT_STORIES, NEXT_RECORDS } from './statements.js';

/**
 * Fills `wire.stories` again from the records, in the order they were written, inside the migration's transaction:
 * the fingerprints' layout changed at schema version 3 (exact bits as a column, 24-bit number hashes), and the
 * records are the truth the fingerprints are derived from, as the SQLite state is rebuilt from its output. A record
 * whose near sketch is of the older layout is fingerprinted again from its text.
 */
export async function rebuildStories(db: Connection): Promise<number> {
  const doing = 'rebuilding the fingerprints from the records';
  await db.query(doing, ALL_RECORDS);
  let count = 0;
  for (;;) {
    const page = await db.query<{ record: string }>(doing, NEXT_RECORDS);
    if (page.rows.length === 0) break;
    const stories = page.rows.map((row) => fromLine(row.record)).filter((s): s is StoredStory => s !== null);
    await db.query(doing, INSERT_STORIES, [
      stories.map((s) => s.sketch.lead),
      stories.map((s) => s.sketch.spread),
      stories.map((s) => s.version),
      stories.map(packStory),
      stories.map((s) => s.exact),
    ]);
    count += stories.length;
  }
  await db.query(doing, 'CLOSE wire_rebuild');
  return count;
}
