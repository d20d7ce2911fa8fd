import type { Writable } from 'node:stream';
import { isDatabaseError } from '../errors.js';
import { connect, type Connection } from '../sinks/pg/connect.js';
import { START, exportPages, formatCursor, parseCursor, type Cursor } from '../sinks/pg/export.js';
import { migrate } from '../sinks/pg/schema.js';
import { dbTarget, isDbUrl, redact } from '../sinks/pg/target.js';
import { toNinjs } from '../sinks/ninjs.js';
import type { Story } from '../types.js';
import { EXIT } from './exit.js';
import { Reporter, paintFor, wantColor } from './report.js';

/** Options of `wire export` as commander parsed them. */
export interface ExportFlags {
  db?: string | boolean;
  after?: string;
  follow?: boolean;
  outputFormat: 'jsonl' | 'ninjs';
  jsonSummary?: boolean;
  quiet?: boolean;
  color: boolean;
}

/**
 * `wire export --db URL`: the database's records as JSON lines on standard output, in commit order, from the start
 * or `--after` a cursor; `--follow` goes on printing records as they are committed until SIGINT or SIGTERM (exit 0).
 * The closing line on standard error (or `--json-summary`) gives the last cursor, for the next `--after`.
 */
export async function runExport(flags: ExportFlags): Promise<number> {
  const reporter = new Reporter(process.stderr, {
    quiet: flags.quiet === true,
    verbose: false,
    json: flags.jsonSummary === true,
    paint: await paintFor(wantColor(process.stderr, flags.color, process.env)),
    command: 'export',
  });
  const url = typeof flags.db === 'string' ? flags.db : (process.env['WIRE_DB'] ?? null);
  if (url !== null && url !== '' && !isDbUrl(url)) {
    reporter.fatal(`--db expects a URL such as postgres://user@host:5432/wire, not ${redact(url).slice(0, 60)}`);
    return EXIT.usage;
  }
  const after = flags.after === undefined ? START : parseCursor(flags.after);
  if (after === null) {
    reporter.fatal(
      `--after expects a cursor such as 7461.1024 (printed at the end of wire export), not ${flags.after}`,
    );
    return EXIT.usage;
  }
  const target = dbTarget(url === '' ? null : url);
  // Listened for from the start: a signal while it connects ends the export as one while it reads does, not the
  // process by the signal's default.
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  let db: Connection | null = null;
  try {
    db = await connect(target, 'export');
    await migrate(db);
  } catch (error) {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await db?.close();
    if (!isDatabaseError(error)) throw error;
    reporter.fatal(error.message);
    return EXIT.failed;
  }
  const connected = db;
  const startedAt = new Date();
  const started = performance.now();
  let cursor: Cursor = after;
  let records = 0;
  let code: number = EXIT.ok;
  try {
    const options = { after, follow: flags.follow === true, signal: controller.signal };
    // Each page is written as soon as it is read: held back for a fuller buffer, the last records of a busy spell
    // stayed unprinted under --follow until more came, or the signal.
    for await (const page of exportPages(connected, options)) {
      await write(process.stdout, flags.outputFormat === 'ninjs' ? page.records.map(asNinjs) : page.records);
      cursor = page.cursor;
      records += page.records.length;
    }
    // Without --follow a signal cuts the listing short; with it, a signal is how it ends.
    if (controller.signal.aborted && flags.follow !== true) code = EXIT.interrupted;
  } catch (error) {
    if (!isDatabaseError(error)) throw error;
    reporter.fatal(error.message);
    code = EXIT.failed;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await connected.close();
  }
  const seconds = (performance.now() - started) / 1000;
  const last = formatCursor(cursor);
  if (flags.jsonSummary === true) {
    const summary = {
      command: 'export',
      started_at: startedAt.toISOString(),
      seconds: Number(seconds.toFixed(3)),
      records,
      cursor: last,
      exit_code: code,
    };
    process.stderr.write(`${JSON.stringify(summary)}\n`);
  } else if (flags.quiet !== true) {
    const what = `${records} record${records === 1 ? '' : 's'}`;
    process.stderr.write(
      `wire: exported ${what} in ${seconds.toFixed(2)} s; cursor ${last} (wire export --after ${last})\n`,
    );
  }
  return code;
}

function asNinjs(record: string): string {
  return JSON.stringify(toNinjs(JSON.parse(record) as Story));
}

/** Writes lines, waiting when the reader is slower (`wire export | jq` on a large table). */
async function write(stream: Writable, lines: readonly string[]): Promise<void> {
  if (lines.length === 0) return;
  if (stream.write(`${lines.join('\n')}\n`)) return;
  await new Promise<void>((resolve) => {
    const done = (): void => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}
