import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catchUp, fromLine } from '../../src/dedup/catchup.js';
import { decodeSketch, fingerprintStory } from '../../src/dedup/fingerprint.js';
import { SqliteStore } from '../../src/dedup/sqlite-store.js';
import { isStateError } from '../../src/errors.js';
import { RECENT_PER_LEAD, exactKey, lookupKeys, type StoredStory } from '../../src/dedup/store.js';
import type { Story } from '../../src/types.js';
import { tempDir } from '../helpers/tmp.js';
import { writeVersion4State } from './state-v4.js';
import { EDITS, HARBOUR, render, storyOf } from './stories.js';

function stored(story: Story, version = 1): StoredStory {
  const f = fingerprintStory(story);
  return { id: story.id, exact: exactKey(f.exact), version, sketch: f.sketch };
}

const keysOf = (story: Story) => {
  const f = fingerprintStory(story);
  return lookupKeys(f.sketch, f.exact);
};

/** `count` variants of one stored story sharing its lead key, each with its own id and body, oldest first. */
function variants(count: number, from = 0): StoredStory[] {
  const base = stored(original);
  return Array.from({ length: count }, (_, i) => ({
    ...base,
    id: (from + i).toString(16).padStart(24, '0'),
    exact: 1000 + from + i,
    sketch: { ...base.sketch, spread: 0 },
  }));
}

const original = storyOf(render(HARBOUR));
const retitled = storyOf(render(EDITS['retitles it']!(HARBOUR)));

describe('SqliteStore', () => {
  it('finds a stored story by the lead key of a copy, with its sketch intact', () => {
    const store = new SqliteStore(join(tempDir(), 'state'));
    store.commit([stored(original, 2)], 512);
    const keys = keysOf(retitled);
    const [found] = store.candidates([keys]).byLead.get(keys.lead) ?? [];
    expect(found?.id).toBe(original.id);
    expect(found?.version).toBe(2);
    expect(found?.exact).toBe(keysOf(original).exact);
    const { spread: _s, ...sketch } = fingerprintStory(original).sketch;
    expect(found?.sketch).toMatchObject(sketch);
    expect(store.absorbed()).toBe(512);
    store.close();
  });

  it('finds the newest story with a spread key', () => {
    const store = new SqliteStore(join(tempDir(), 'state'));
    const first = stored(original);
    const later = { ...stored(retitled), sketch: { ...stored(retitled).sketch, lead: 7, spread: first.sketch.spread } };
    store.commit([first, later], null);
    const found = store.candidates([{ lead: 1, spread: first.sketch.spread, exact: 0 }]);
    expect(found.bySpread.get(first.sketch.spread)?.id).toBe(retitled.id);
    store.close();
  });

  it('finds the newest story with a spread key after newer ones with its lead key pushed it out', () => {
    const store = new SqliteStore(join(tempDir(), 'state'));
    const first = stored(original);
    store.commit([first, ...variants(10)], null);
    const found = store.candidates([{ lead: 1, spread: first.sketch.spread, exact: 0 }]);
    expect(found.bySpread.get(first.sketch.spread)?.id).toBe(original.id);
    store.close();
  });

  it('finds nothing for an unrelated story', () => {
    const store = new SqliteStore(join(tempDir(), 'state'));
    store.commit([stored(original)], null);
    const other = storyOf('Rain delays harvest\n\nPARIS, May 2 - Heavy rain delayed the wheat harvest in the north.\n');
    const found = store.candidates([keysOf(other)]);
    expect([found.byLead.size, found.bySpread.size, found.byExact.size]).toEqual([0, 0, 0]);
    expect(store.size()).toBe(1);
    store.close();
  });

  it('gives only the newest stories of a crowded lead key, newest first, counting across reopenings', () => {
    const path = join(tempDir(), 'state');
    const first = new SqliteStore(path);
    first.commit(variants(30), 10);
    first.close();
    const again = new SqliteStore(path);
    again.commit(variants(3, 30), 20);
    const lead = stored(original).sketch.lead;
    const found = again.candidates([{ lead, spread: 0, exact: 5 }]);
    const ids = (found.byLead.get(lead) ?? []).map((s) => Number.parseInt(s.id, 16));
    expect(ids).toEqual([32, 31, 30, 29].slice(0, RECENT_PER_LEAD));
    expect(again.size()).toBe(33);
    expect(again.absorbed()).toBe(20);
    again.close();
  });

  it('finds an identical body past the newest few of its lead key by its exact bits', () => {
    const store = new SqliteStore(join(tempDir(), 'state'));
    store.commit(variants(30), null);
    const lead = stored(original).sketch.lead;
    const found = store.candidates([{ lead, spread: 0, exact: 1003 }]);
    expect(found.byExact.get(1003)?.map((s) => s.id)).toEqual([(3).toString(16).padStart(24, '0')]);
    store.close();
  });

  it('remembers HTTP validators by URL', () => {
    const path = join(tempDir(), 'state');
    const store = new SqliteStore(path);
    store.put('https://example.test/feed', { etag: '"abc"', lastModified: 'Tue, 03 Mar 2026 10:00:00 GMT' });
    store.close();
    const again = new SqliteStore(path);
    expect(again.get('https://example.test/feed')).toEqual({
      etag: '"abc"',
      lastModified: 'Tue, 03 Mar 2026 10:00:00 GMT',
    });
    expect(again.get('https://example.test/other')).toBeNull();
    again.close();
    expect(existsSync(path)).toBe(true);
  });
});

describe('the key filter of a SqliteStore', () => {
  /** Stories with keys of their own: `from`, `from + 1`, ... */
  const distinct = (count: number, from = 0): StoredStory[] => {
    const base = stored(original);
    return Array.from({ length: count }, (_, i) => ({
      ...base,
      id: (from + i).toString(16).padStart(24, '0'),
      exact: 5_000_000 + from + i,
      sketch: { ...base.sketch, lead: (from + i) * 7919, spread: (from + i) * 104729 + 1 },
    }));
  };
  const keys = (s: StoredStory) => ({ lead: s.sketch.lead, spread: s.sketch.spread, exact: s.exact });

  it('finds every story stored, across reopenings and as the filter grows past its first size', () => {
    const path = join(tempDir(), 'state');
    // Enough keys to outgrow the smallest filter twice.
    const stories = distinct(30_000);
    const store = new SqliteStore(path);
    for (let i = 0; i < stories.length; i += 5000) store.commit(stories.slice(i, i + 5000), null);
    store.close();
    const again = new SqliteStore(path);
    const found = again.candidates(stories.map(keys));
    expect(found.byLead.size).toBe(stories.length);
    expect(found.bySpread.size).toBe(stories.length);
    expect(found.bySpread.get(stories[12_345]!.sketch.spread)?.id).toBe(stories[12_345]!.id);
    again.close();
  });

  it('logs the keys of each commit, folds the log into the bits once it has grown, and finds every story', () => {
    const path = join(tempDir(), 'state');
    const logRows = (): number => {
      const db = new Database(path, { readonly: true });
      const rows = db.prepare<[], number>('SELECT count(*) FROM keylog').pluck().get() ?? 0;
      db.close();
      return rows;
    };
    const store = new SqliteStore(path);
    for (let i = 0; i < 20; i++) store.commit(distinct(2, 2 * i), null);
    // Twenty commits of two stories: 480 bytes of hashes, under a quarter of the smallest filter.
    expect(logRows()).toBe(20);
    store.close();
    const again = new SqliteStore(path);
    expect(again.candidates(distinct(40).map(keys)).byLead.size).toBe(40);
    // 1,500 stories more, 150 a commit: the log outgrows its quarter and is folded into the bits.
    for (let i = 0; i < 10; i++) again.commit(distinct(150, 40 + 150 * i), null);
    expect(logRows()).toBeLessThan(10);
    again.close();
    const third = new SqliteStore(path);
    expect(third.candidates(distinct(1540).map(keys)).byLead.size).toBe(1540);
    expect(third.candidates(distinct(1540, 1540).map(keys)).byLead.size).toBe(0);
    third.close();
  });

  it('sees the stories another connection to the same file committed after it read the filter', () => {
    const path = join(tempDir(), 'state');
    const first = new SqliteStore(path);
    const second = new SqliteStore(path);
    expect(second.candidates(distinct(50).map(keys)).byLead.size).toBe(0);
    first.commit(distinct(50), null);
    expect(second.candidates(distinct(50).map(keys)).byLead.size).toBe(50);
    // And its own commits keep the other's keys (it wrote its filter from the file's, not from its old copy).
    second.commit(distinct(50, 50), null);
    first.close();
    second.close();
    const third = new SqliteStore(path);
    expect(third.candidates(distinct(100).map(keys)).byLead.size).toBe(100);
    third.close();
  });

  it('is built again when its table was emptied, and still finds every story', () => {
    const path = join(tempDir(), 'state');
    const store = new SqliteStore(path);
    store.commit(distinct(200), null);
    store.close();
    const db = new Database(path);
    db.exec('DELETE FROM keyfilter');
    db.close();
    const again = new SqliteStore(path);
    expect(again.candidates(distinct(200).map(keys)).byLead.size).toBe(200);
    again.close();
  });
});

describe('a state file of schema version 4', () => {
  it('is migrated in place: its stories, spread keys (archived ones too) and offset are kept', () => {
    const path = join(tempDir(), 'state');
    const copy = stored(original);
    const crowd = variants(10);
    // `copy` first, then ten stories with its lead key: it is in the archive, found by its spread key and body.
    writeVersion4State(path, [copy, ...crowd], 4096);
    const store = new SqliteStore(path);
    expect(store.size()).toBe(11);
    expect(store.absorbed()).toBe(4096);
    const found = store.candidates([keysOf(original)]);
    expect(found.byLead.get(copy.sketch.lead)?.map((s) => s.id)).toEqual(
      crowd
        .slice(-RECENT_PER_LEAD)
        .reverse()
        .map((s) => s.id),
    );
    expect(found.bySpread.get(copy.sketch.spread)).toEqual({ ...copy, sketch: { ...copy.sketch, spread: 0 } });
    expect(found.byExact.get(copy.exact)?.map((s) => s.id)).toEqual([copy.id]);
    // New commits go on from the stored order.
    store.commit(variants(1, 10), 5000);
    const lead = store.candidates([{ lead: copy.sketch.lead, spread: 0, exact: 0 }]).byLead.get(copy.sketch.lead);
    expect(lead?.[0]?.id).toBe((10).toString(16).padStart(24, '0'));
    store.close();
  });
  it('is migrated when an older wire rebuilt a newer file: the key filter that older wire left behind is not trusted', () => {
    const path = join(tempDir(), 'state');
    const copy = stored(original);
    writeVersion4State(path, [copy, ...variants(3)], 10);
    // What a newer file keeps and an older wire does not know to drop: a filter that says no key is stored.
    const db = new Database(path);
    db.exec('CREATE TABLE keyfilter (part INTEGER PRIMARY KEY, bits BLOB NOT NULL)');
    db.exec('CREATE TABLE keylog (id INTEGER PRIMARY KEY, hashes BLOB NOT NULL)');
    db.prepare('INSERT INTO keyfilter VALUES (0, ?)').run(Buffer.alloc(4096));
    db.close();
    const store = new SqliteStore(path);
    expect(store.size()).toBe(4);
    expect(store.candidates([keysOf(original)]).byLead.get(copy.sketch.lead)?.length).toBe(4);
    store.close();
  });
});

describe('a damaged state file', () => {
  const many = (count: number): StoredStory[] => {
    const base = stored(original);
    return Array.from({ length: count }, (_, i) => ({
      ...base,
      id: i.toString(16).padStart(24, '0'),
      sketch: { ...base.sketch, lead: (i * 7919) | 0, spread: (i * 104729) & 0x7fffff },
    }));
  };

  it('is moved aside when SQLite cannot open it, and a new store takes its place', () => {
    const path = join(tempDir(), 'state');
    writeFileSync(path, 'this is not a database\n'.repeat(100));
    const store = new SqliteStore(path);
    expect(store.damaged).toMatch(/SQLITE_NOTADB: file is not a database; moved it to .*state\.corrupt/);
    expect(readFileSync(`${path}.corrupt`, 'utf8')).toMatch(/^this is not a database/);
    store.commit([stored(original)], 42);
    expect(store.absorbed()).toBe(42);
    store.close();
  });

  it('found damaged while in use, is a StateError saying the next run rebuilds it, and is moved aside', () => {
    const path = join(tempDir(), 'state');
    const stories = many(5000);
    const store = new SqliteStore(path);
    store.commit(stories, 1);
    store.close();
    // The leaves of the story table but its first, which opening does not read (it reads the whole key filter).
    const pages = new Database(path, { readonly: true });
    const leaves = pages
      .prepare<[], number>("SELECT pageno FROM dbstat WHERE name = 'story' AND pagetype = 'leaf' ORDER BY path")
      .pluck()
      .all()
      .slice(1);
    pages.close();
    expect(leaves.length).toBeGreaterThan(10);
    const fd = openSync(path, 'r+');
    for (const page of leaves) writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, (page - 1) * 4096);
    closeSync(fd);
    const reopened = new SqliteStore(path);
    expect(reopened.damaged).toBeNull();
    let error: unknown;
    try {
      reopened.candidates(stories.map((s) => ({ lead: s.sketch.lead, spread: s.sketch.spread, exact: s.exact })));
    } catch (caught) {
      error = caught;
    }
    expect(isStateError(error)).toBe(true);
    expect((error as Error).message).toMatch(
      /is damaged \(SQLITE_CORRUPT.*\); the next run rebuilds it from the output/,
    );
    expect(existsSync(`${path}.corrupt`)).toBe(true);
    expect(existsSync(path)).toBe(false);
    reopened.close();
  });
});

describe('catchUp', () => {
  it('absorbs records from output lines, refingerprinting records that carry none', () => {
    const store = new SqliteStore(join(tempDir(), 'state'));
    const withPrint = JSON.stringify({
      ...original,
      fingerprint: { exact: 'ab'.repeat(8), near: fingerprintStory(original).near },
    });
    const without = JSON.stringify({
      ...storyOf(
        render({
          ...HARBOUR,
          headline: 'Other',
          paragraphs: [
            'Entirely different words about a bridge that opened in Lyon on Monday after four years of work.',
          ],
        }),
      ),
    });
    const result = catchUp(store, [
      { text: withPrint, end: 100 },
      { text: 'not json', end: 109 },
      { text: without, end: 300 },
    ]);
    expect(result).toEqual({ absorbed: 2, skipped: 1 });
    expect(store.absorbed()).toBe(300);
    expect(store.size()).toBe(2);
    expect(fromLine(without)?.sketch).toEqual(fingerprintStory(JSON.parse(without) as Story).sketch);
    store.close();
  });

  it('fingerprints again a record whose sketch an older wire wrote (one byte a number)', () => {
    const { exact, near, sketch } = fingerprintStory(original);
    // The number-count byte without its wide flag, and one byte per number: the layout before 24-bit numbers.
    const count = sketch.numbers.length;
    const old = `${near.slice(0, 26)}${count.toString(16).padStart(2, '0')}${sketch.numbers
      .map((n) => (n >>> 16).toString(16).padStart(2, '0'))
      .join('')}${near.slice(28 + 6 * count)}`;
    expect(decodeSketch(old)).toBeNull();
    const line = JSON.stringify({ ...original, fingerprint: { exact, near: old } });
    expect(fromLine(line)).toEqual({ id: original.id, exact: exactKey(exact), version: 1, sketch });
  });
});
