import { unpackStory } from './pack.js';
import type { StoredStory } from './store.js';

/**
 * How a lookup hands its rows over: every row it finds in one hex string (a single value for the whole batch), each
 * row its fixed fields, then its blob. better-sqlite3 makes an array, a number a column and a Buffer with memory of
 * its own for the blob of every row returned: at a million stored stories that cost more than the probes did.
 *
 * A row: the key it was found by when it is not one of its columns (8 hex digits), then its order (12), lead key
 * (8, as unsigned), exact bits (12), version (8), blob length (2: a packed story is at most 40 bytes) and blob.
 */
export function rowsAsHex(row: string | RowColumns, key: string | null = null): string {
  const { seq, lead, exact, version, data } = typeof row === 'string' ? columnsOf(row) : row;
  const found = key === null ? '' : `printf('%08x', ${key} & 0xffffffff) || `;
  const fields = `printf('%012x%08x%012x%08x%02x', ${seq}, ${lead} & 0xffffffff, ${exact}, ${version}, length(${data}))`;
  return `group_concat(${found}${fields} || hex(${data}), '')`;
}

/** The SQL expressions of a found row's columns (a table's own, or a join's). */
export interface RowColumns {
  readonly seq: string;
  readonly lead: string;
  readonly exact: string;
  readonly version: string;
  readonly data: string;
}

function columnsOf(table: string): RowColumns {
  const [seq, lead, exact, version, data] = ['seq', 'lead', 'exact', 'version', 'data'].map((c) => `${table}.${c}`);
  return { seq: seq!, lead: lead!, exact: exact!, version: version!, data: data! };
}

/** A row found by a lookup: the key that found it, its order, and the story. */
export interface FoundRow {
  readonly key: number;
  readonly seq: number;
  readonly story: StoredStory;
}

/** Which field of a row is the key that found it: its lead key, its exact bits, or a key of its own before it. */
export type FoundBy = 'lead' | 'exact' | 'own';

const KEY_BYTES = 4;
const FIELD_BYTES = 6 + 4 + 6 + 4 + 1;

/** Reads back the rows of {@link rowsAsHex} (null: no rows). */
export function readRows(hex: string | null, by: FoundBy): FoundRow[] {
  const rows: FoundRow[] = [];
  if (hex === null) return rows;
  const bytes = Buffer.from(hex, 'hex');
  for (let at = 0; at < bytes.length;) {
    const own = by === 'own' ? bytes.readInt32BE(at) : 0;
    if (by === 'own') at += KEY_BYTES;
    const seq = bytes.readUIntBE(at, 6);
    const lead = bytes.readInt32BE(at + 6);
    const exact = bytes.readUIntBE(at + 10, 6);
    const version = bytes.readUInt32BE(at + 16);
    const end = at + FIELD_BYTES + bytes[at + 20]!;
    const story = unpackStory(lead, exact, bytes.subarray(at + FIELD_BYTES, end), version);
    rows.push({ key: by === 'own' ? own : by === 'lead' ? lead : exact, seq, story });
    at = end;
  }
  return rows;
}

/** Rows grouped by the key that found them, newest first. */
export function grouped(rows: FoundRow[]): Map<number, StoredStory[]> {
  rows.sort((a, b) => (a.key === b.key ? b.seq - a.seq : a.key - b.key));
  const out = new Map<number, StoredStory[]>();
  for (const { key, story } of rows) {
    const list = out.get(key);
    if (list) list.push(story);
    else out.set(key, [story]);
  }
  return out;
}
