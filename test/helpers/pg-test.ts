import { afterAll, beforeAll } from 'vitest';
import { postgresMissing, startPostgres, type PgServer } from './pg-server.js';

/** Why this machine cannot run the PostgreSQL tests (they are skipped), or null; under CI=true it throws instead. */
export const noPostgres = postgresMissing();

/**
 * One throwaway server for a test file: started before its tests, destroyed after. `database()` gives each test a
 * fresh database's URL (no password in it: pass `server().env` to the process).
 */
export function usePostgres(): { server: () => PgServer; database: () => string } {
  let server: PgServer | null = null;
  beforeAll(async () => {
    if (noPostgres === null) server = await startPostgres();
  }, 120_000);
  afterAll(() => server?.destroy());
  const get = (): PgServer => {
    if (server === null) throw new Error('no PostgreSQL server');
    return server;
  };
  return { server: get, database: () => get().url(get().createDatabase()) };
}
