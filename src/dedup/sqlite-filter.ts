import type Database from 'better-sqlite3';
import { KeyFilter, MIN_FILTER_BYTES, PART_BYTES, filterBytes, keyHash, type KeyKind } from './key-filter.js';
import type { DroppedCopy, StoredStory } from './store.js';

/**
 * The store's {@link KeyFilter}, kept in its file and in memory. The file has the filter's bits as of its last
 * rewrite (table `keyfilter`, one row a part of {@link PART_BYTES}, the last one shorter) and the hashes of the keys
 * added since, one row a commit (table `keylog`): a commit writes a few bytes a story, in its own transaction, so
 * the filter on disk always covers the tables beside it; the bits are written again only once the log has grown to
 * a quarter of their size (a million stories' filter is 4 MB: rewritten whole by every commit, a commit of a
 * thousand stories wrote 4 KB a story). Another connection's commit (SQLite's `data_version` tells) makes this one
 * read the filter again before its next lookup or commit.
 */
export class StoredFilter {
  private filter: KeyFilter | null = null;
  private version = -1;
  // Bytes of key hashes in `keylog`.
  private logged = 0;
  private readonly sql: {
    readonly dataVersion: Database.Statement<[], number>;
    readonly parts: Database.Statement<[], [number, Buffer]>;
    readonly putPart: Database.Statement<[number, Buffer]>;
    readonly log: Database.Statement<[], Buffer>;
    readonly putLog: Database.Statement<[Buffer]>;
    readonly setKeys: Database.Statement<[number]>;
    readonly keys: Database.Statement<[], number>;
  };

  constructor(private readonly db: Database.Database) {
    this.sql = {
      dataVersion: db.prepare<[], number>('PRAGMA data_version').pluck(),
      parts: db.prepare<[], [number, Buffer]>('SELECT part, bits FROM keyfilter ORDER BY part').raw(),
      putPart: db.prepare('INSERT OR REPLACE INTO keyfilter VALUES (?, ?)'),
      log: db.prepare<[], Buffer>('SELECT hashes FROM keylog ORDER BY id').pluck(),
      putLog: db.prepare('INSERT INTO keylog (hashes) VALUES (?)'),
      setKeys: db.prepare("INSERT OR REPLACE INTO meta VALUES ('filter_keys', ?)"),
      keys: db.prepare<[], number>("SELECT value FROM meta WHERE name = 'filter_keys'").pluck(),
    };
  }

  /** The filter as the file has it now: read again when another connection has committed since. */
  current(): KeyFilter {
    const version = this.sql.dataVersion.get()!;
    if (this.filter === null || version !== this.version) {
      this.filter = this.read() ?? this.db.transaction(() => this.build(0)).immediate();
      this.version = version;
    }
    return this.filter;
  }

  /**
   * Adds the keys of stories and dropped copies just inserted and logs their hashes (or writes the bits, when the
   * log has grown, or a larger filter built from the tables, when the filter has outgrown its size). Call inside the
   * commit's transaction, after the inserts; if the transaction fails, call {@link forget}.
   */
  note(stories: readonly StoredStory[], copies: readonly DroppedCopy[]): void {
    const filter = this.current();
    for (const story of stories) {
      filter.add('lead', story.sketch.lead);
      if (story.sketch.spread !== 0) filter.add('spread', story.sketch.spread);
      filter.add('exact', story.exact);
    }
    for (const copy of copies) filter.add('exact', copy.exact);
    const added = filter.takeAdded();
    if (filter.crowded()) this.filter = this.build(filter.keys);
    else if (this.logged + 4 * added.length > filter.bits.length / 4) this.write(filter);
    else if (added.length > 0) {
      const hashes = Buffer.allocUnsafe(4 * added.length);
      added.forEach((h, i) => hashes.writeUInt32BE(h, 4 * i));
      this.sql.putLog.run(hashes);
      this.logged += hashes.length;
    }
    this.sql.setKeys.run(filter.keys);
  }

  /** Drops the filter in memory (its bits may be ahead of the file's after a failed commit): read again on need. */
  forget(): void {
    this.filter = null;
  }

  /**
   * The filter in the file (its bits, then the keys logged since), or null when there is none (a file from before
   * it) or its parts are not whole.
   */
  private read(): KeyFilter | null {
    const rows = this.sql.parts.all();
    const last = rows.at(-1);
    if (last === undefined) return null;
    const bytes = (rows.length - 1) * PART_BYTES + last[1].length;
    // A power of two no smaller than the least size (what build and write write), in whole parts.
    if (bytes < MIN_FILTER_BYTES || (bytes & (bytes - 1)) !== 0 || partsOf(bytes) !== rows.length) return null;
    const bits = new Uint8Array(bytes);
    for (const [i, [part, data]] of rows.entries()) {
      if (part !== i || data.length !== partLength(bytes, i)) return null;
      bits.set(data, i * PART_BYTES);
    }
    const filter = new KeyFilter(bits, this.sql.keys.get() ?? 0);
    this.logged = 0;
    for (const hashes of this.sql.log.all()) {
      for (let at = 0; at + 4 <= hashes.length; at += 4) filter.addHash(hashes.readUInt32BE(at));
      this.logged += hashes.length;
    }
    return filter;
  }

  /** A filter of every key in the tables, sized for at least `atLeast` keys, written over the file's. */
  private build(atLeast: number): KeyFilter {
    const db = this.db;
    // Sized for three keys a story committed (`seq` counts them), without counting the tables' rows.
    const committed = db.prepare<[], number>("SELECT value FROM meta WHERE name = 'seq'").pluck().get() ?? 0;
    const filter = new KeyFilter(new Uint8Array(filterBytes(Math.max(atLeast, 3 * committed))));
    // A column at a time, whole (far quicker than row by row: a million keys in a few hundred milliseconds).
    const scan = (kind: KeyKind, sql: string): void => {
      const keys = db.prepare<[], number>(sql).pluck().all();
      for (const key of keys) filter.addHash(keyHash(kind, key));
      filter.keys += keys.length;
    };
    // A lead key in the archive is in `story` too: only the stories past its newest few are moved there.
    scan('lead', 'SELECT lead FROM story');
    scan('spread', 'SELECT key FROM spread');
    scan('exact', 'SELECT exact FROM story');
    scan('exact', 'SELECT exact FROM archive');
    scan('exact', 'SELECT exact FROM copy');
    this.write(filter);
    this.sql.setKeys.run(filter.keys);
    return filter;
  }

  /** Writes the filter's bits over the file's, and empties the log they now cover. */
  private write(filter: KeyFilter): void {
    this.db.exec('DELETE FROM keyfilter; DELETE FROM keylog');
    for (let part = 0; part < partsOf(filter.bits.length); part++) this.sql.putPart.run(part, partOf(filter, part));
    this.logged = 0;
  }
}

function partsOf(bytes: number): number {
  return Math.ceil(bytes / PART_BYTES);
}

/** The length of a part: {@link PART_BYTES}, but for the last, which holds what is left. */
function partLength(bytes: number, part: number): number {
  return Math.min(PART_BYTES, bytes - part * PART_BYTES);
}

/** A part of the filter's bits, as a view (written at once by the statement it is given to). */
function partOf(filter: KeyFilter, part: number): Buffer {
  const { bits } = filter;
  return Buffer.from(bits.buffer, bits.byteOffset + part * PART_BYTES, partLength(bits.length, part));
}
