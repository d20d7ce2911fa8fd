import type pg from 'pg';
import type { Connection } from './connect.js';
import { EXPORT_PAGE } from './statements.js';

const PAGE = 2000;
// How often --follow looks again without a notification: a transaction holding back others may end quietly.
const POLL_MS = 500;

/** A position in the records: `txid.seq` of the last record read (`0.0` before the first). */
export interface Cursor {
  readonly txid: string;
  readonly seq: string;
}

/** A row of {@link EXPORT_PAGE}. */
interface PageRow {
  readonly at_txid: string;
  readonly at_seq: string;
  readonly record: string;
}

/** The cursor before every record. */
export const START: Cursor = { txid: '0', seq: '0' };

/** Reads `txid.seq`; null when the text is not a cursor. */
export function parseCursor(text: string): Cursor | null {
  const match = /^(\d{1,20})\.(\d{1,19})$/.exec(text.trim());
  return match ? { txid: match[1]!, seq: match[2]! } : null;
}

/** The cursor as `--after` takes it. */
export function formatCursor(cursor: Cursor): string {
  return `${cursor.txid}.${cursor.seq}`;
}

/** What {@link exportRecords} does. */
export interface ExportOptions {
  readonly after: Cursor;
  /** Keep reading records as they are committed, until the signal. */
  readonly follow: boolean;
  readonly signal: AbortSignal;
}

/** A page of records read at once, and the cursor of its last. */
export interface ExportPage {
  readonly cursor: Cursor;
  readonly records: readonly string[];
}

/**
 * The records after a cursor in commit-safe order (see {@link EXPORT_PAGE}), a page at a time: the caller writes
 * each page before the next is handed out (after a full page the next is read meanwhile), so that with `follow` every record committed is printed before the wait for
 * more (a notification from each committing batch, or a short poll) until the signal.
 */
export async function* exportPages(db: Connection, options: ExportOptions): AsyncGenerator<ExportPage> {
  let cursor = options.after;
  let wake: (() => void) | null = null;
  const onNotice = (): void => wake?.();
  if (options.follow) {
    db.client.on('notification', onNotice);
    await db.query('listening for new records', 'LISTEN wire_records');
  }
  const read = (after: Cursor): Promise<pg.QueryResult<PageRow>> =>
    db.query<PageRow>('reading records', EXPORT_PAGE, [after.txid, after.seq, PAGE]);
  let ahead: Promise<pg.QueryResult<PageRow>> | null = null;
  try {
    while (!options.signal.aborted) {
      const page = await (ahead ?? read(cursor));
      ahead = null;
      const last = page.rows.at(-1);
      const full = page.rows.length === PAGE;
      if (last !== undefined) cursor = { txid: last.at_txid, seq: last.at_seq };
      // After a full page the next is asked for at once, so that the server reads it while this one is written.
      if (full) {
        ahead = read(cursor);
        // A failure is thrown when it is awaited; a reader that stops first never awaits it.
        ahead.catch(() => undefined);
      }
      if (last !== undefined) yield { cursor, records: page.rows.map((row) => row.record) };
      if (full) continue;
      if (!options.follow) return;
      await new Promise<void>((resolve) => {
        const done = (): void => {
          clearTimeout(timer);
          options.signal.removeEventListener('abort', done);
          wake = null;
          resolve();
        };
        const timer = setTimeout(done, POLL_MS);
        options.signal.addEventListener('abort', done);
        wake = done;
      });
    }
  } finally {
    db.client.off('notification', onNotice);
  }
}
