import { isDatabaseError } from '../errors.js';
import type { DedupMode } from '../dedup/verdict.js';
import type { Sink } from '../sinks/sink.js';
import type { OpenLedger } from '../sinks/pg/open.js';
import { dbTarget, isDbUrl, redact, type DbTarget } from '../sinks/pg/target.js';
import { EXIT } from './exit.js';
import type { Reporter } from './report.js';

/** The options that choose the database path. */
export interface DbFlags {
  /** `--db URL`, or `--db` alone (the URL from WIRE_DB or the PG* variables). */
  db?: string | boolean;
  output?: string;
  state?: string;
  outputFormat?: string;
}

/**
 * Which database a command writes to, or null for the file path: `--db URL`; `--db` alone takes `WIRE_DB` (or,
 * without it, the `PG*` variables); with neither `--db` nor `-o`, a set `WIRE_DB` chooses the database. A string is
 * a usage error to report (exit 2).
 */
export function chooseDatabase(flags: DbFlags, env: NodeJS.ProcessEnv): DbTarget | null | string {
  const fromEnv = env['WIRE_DB'] === undefined || env['WIRE_DB'] === '' ? null : env['WIRE_DB'];
  let url: string | null;
  if (typeof flags.db === 'string') url = flags.db;
  else if (flags.db === true) url = fromEnv;
  else if (fromEnv !== null && flags.output === undefined && flags.state === undefined) url = fromEnv;
  else return null;
  if (url !== null && !isDbUrl(url))
    return `--db expects a URL such as postgres://user@host:5432/wire, not ${redact(url).slice(0, 60)}`;
  if (flags.output !== undefined)
    return '-o and --db cannot be used together: with --db the records go to the database (read them with wire export)';
  if (flags.state !== undefined)
    return '--state and --db cannot be used together: with --db the database holds the dedup state';
  if (flags.outputFormat === 'ninjs')
    return 'with --db the database keeps wire records: choose ninjs when reading them (wire export --output-format ninjs)';
  return dbTarget(url, env);
}

/** Opens the database path, or reports why not and returns the exit code (1: unreachable, refused, too new). */
export async function openLedgerOrExit(
  target: DbTarget,
  flags: { readonly dedup: DedupMode; readonly lockTimeout: number },
  duplicates: Sink | null,
  reporter: Reporter,
): Promise<OpenLedger | number> {
  try {
    // Loaded only for a database run: node-postgres (and what it loads) cost every `wire ingest` a tenth of a second.
    const { openLedger } = await import('../sinks/pg/open.js');
    return await openLedger(target, { dedup: flags.dedup, duplicates, lockTimeout: flags.lockTimeout });
  } catch (error) {
    if (!isDatabaseError(error)) throw error;
    reporter.fatal(error.message);
    return EXIT.failed;
  }
}
