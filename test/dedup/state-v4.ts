import Database from 'better-sqlite3';
import { packStory } from '../../src/dedup/pack.js';
import type { StoredStory } from '../../src/dedup/store.js';

/**
 * Writes a dedup state as wire wrote it with schema version 4 (before the key filter; the spread table named its
 * story instead of holding a copy): the stories in order, each lead key's newest four in `story` and the rest in
 * `archive`, as that version's commits left them.
 */
export function writeVersion4State(path: string, stories: readonly StoredStory[], absorbed: number): void {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.exec(`
    CREATE TABLE story (lead INTEGER NOT NULL, seq INTEGER NOT NULL, exact INTEGER NOT NULL, data BLOB NOT NULL,
      version INTEGER NOT NULL, PRIMARY KEY (lead, seq)) WITHOUT ROWID;
    CREATE TABLE archive (lead INTEGER NOT NULL, exact INTEGER NOT NULL, seq INTEGER NOT NULL, data BLOB NOT NULL,
      version INTEGER NOT NULL, PRIMARY KEY (lead, exact, seq)) WITHOUT ROWID;
    CREATE TABLE spread (key INTEGER PRIMARY KEY, lead INTEGER NOT NULL, seq INTEGER NOT NULL, exact INTEGER NOT NULL);
    CREATE TABLE copy (exact INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (exact, data)) WITHOUT ROWID;
    CREATE TABLE meta (name TEXT PRIMARY KEY, value) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS validator (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT);
    PRAGMA user_version = 4;
  `);
  const insert = db.prepare('INSERT INTO story VALUES (?, ?, ?, ?, ?)');
  const spread = db.prepare('INSERT OR REPLACE INTO spread VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    stories.forEach((story, i) => {
      const { lead, spread: key } = story.sketch;
      insert.run(lead, i + 1, story.exact, packStory(story), story.version);
      if (key !== 0) spread.run(key, lead, i + 1, story.exact);
    });
    for (const { lead } of db.prepare<[], { lead: number }>('SELECT DISTINCT lead FROM story').all()) {
      const newest = db
        .prepare<[number], { seq: number }>('SELECT seq FROM story WHERE lead = ? ORDER BY seq DESC LIMIT -1 OFFSET 4')
        .get(lead)?.seq;
      if (newest === undefined) continue;
      db.prepare(
        'INSERT INTO archive SELECT lead, exact, seq, data, version FROM story WHERE lead = ? AND seq <= ?',
      ).run(lead, newest);
      db.prepare('DELETE FROM story WHERE lead = ? AND seq <= ?').run(lead, newest);
    }
    db.prepare("INSERT INTO meta VALUES ('seq', ?), ('absorbed', ?)").run(stories.length, absorbed);
  })();
  db.close();
}
