import pg from 'pg';
import { DatabaseError, describeError } from '../../errors.js';
import { redact, where, type DbTarget } from './target.js';

// How long to wait for a server that does not answer (a host that drops packets) before saying so.
const CONNECT_TIMEOUT_MS = Number(process.env['WIRE_DB_CONNECT_TIMEOUT_MS'] ?? 10_000);

/** A connection and the error that ended it, if the server went away between two queries. */
export interface Connection {
  readonly client: pg.Client;
  readonly target: DbTarget;
  /**
   * Runs a parameterized statement (prepared once on this connection when it is `named`); a failure becomes a
   * DatabaseError saying what was being done.
   */
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(
    doing: string,
    text: string,
    values?: readonly unknown[],
    named?: string,
  ): Promise<pg.QueryResult<R>>;
  close(): Promise<void>;
}

/**
 * Connects to the database, or throws a DatabaseError that names the server (host and port) and says what to do:
 * start it, fix the URL, or give the right password. The password is never part of a message.
 */
export async function connect(
  target: DbTarget,
  role: string,
  options: { readonly pipeline?: boolean } = {},
): Promise<Connection> {
  const client = new pg.Client({
    pipeline: options.pipeline === true,
    ...(target.url === null ? {} : { connectionString: target.url }),
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    application_name: `wire ${role}`,
  });
  let lost: unknown = null;
  // A server that goes away while the connection is idle is reported by the next query; without a listener the
  // event would end the process.
  client.on('error', (error) => {
    lost = error;
  });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw connectError(target, error);
  }
  return {
    client,
    target,
    async query<R extends pg.QueryResultRow>(
      doing: string,
      text: string,
      values: readonly unknown[] = [],
      named?: string,
    ) {
      if (lost !== null) throw lostError(target, doing, lost);
      try {
        const config: pg.QueryConfig = { text, values: values as unknown[] };
        return await client.query<R>(named === undefined ? config : { ...config, name: named });
      } catch (error) {
        throw lostError(target, doing, lost ?? error);
      }
    },
    close: () => client.end().catch(() => undefined),
  };
}

/** Why a connection could not be made, for people: the server named, the fix suggested, no password. */
export function connectError(target: DbTarget, error: unknown): DatabaseError {
  const server = `PostgreSQL at ${where(target)}`;
  const code = (error as { code?: unknown }).code;
  const user = target.user === null ? 'the user' : `user "${target.user}"`;
  let message: string;
  if (code === '28P01' || code === '28000' || /password/i.test(describeError(error))) {
    message =
      `${server} refused the credentials of ${user} (${describeError(error)}); give the right password ` +
      '(PGPASSWORD, ~/.pgpass, or the --db URL) or allow the user in pg_hba.conf';
  } else if (code === '3D000') {
    message = `${server} has no database "${target.database ?? '?'}"; create it (createdb) or fix the --db URL`;
  } else {
    message =
      `cannot connect to ${server} (${describeError(error)}); is the server running and listening there? ` +
      'Check the --db URL (or WIRE_DB, PGHOST, PGPORT)';
  }
  return new DatabaseError(redact(message, target), { cause: error });
}

/** A statement that failed: the server went away, or refused it. */
function lostError(target: DbTarget, doing: string, error: unknown): DatabaseError {
  const message =
    `the database at ${where(target)} failed while ${doing} (${describeError(error)}); ` +
    'nothing of the batch in hand was committed: run again once it is back, and it goes on where this run stopped';
  return new DatabaseError(redact(message, target), { cause: error });
}
