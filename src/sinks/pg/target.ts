/**
 * Where the database is: a `postgres://user@host:port/db` URL (from `--db` or `WIRE_DB`), with libpq's `PG*`
 * variables filling what it leaves out, as node-postgres itself does. Only what a message may name is kept here:
 * host, port, user and database — never the password.
 */
export interface DbTarget {
  /** The URL to connect with, or null to take everything from the `PG*` variables. */
  readonly url: string | null;
  readonly host: string;
  readonly port: number;
  readonly user: string | null;
  readonly database: string | null;
  /** Passwords that must never be shown (the URL's and PGPASSWORD), for {@link redact}. */
  readonly secrets: readonly string[];
}

const SCHEME = /^postgres(?:ql)?:\/\//i;

/** True when `text` looks like a database URL wire can use. */
export function isDbUrl(text: string): boolean {
  return SCHEME.test(text);
}

/** Reads a `postgres://` URL (or none: the `PG*` variables) into what messages may say of it. */
export function dbTarget(url: string | null, env: NodeJS.ProcessEnv = process.env): DbTarget {
  let parsed: URL | null = null;
  if (url !== null) {
    try {
      parsed = new URL(url);
    } catch {
      parsed = null;
    }
  }
  const query = (name: string): string | null => parsed?.searchParams.get(name) ?? null;
  const host = decode(parsed?.hostname) || query('host') || env['PGHOST'] || 'localhost';
  const port = Number(parsed?.port || query('port') || env['PGPORT'] || 5432);
  const user = decode(parsed?.username) || env['PGUSER'] || null;
  const database = decode(parsed?.pathname.replace(/^\//, '')) || env['PGDATABASE'] || user;
  const secrets = [decode(parsed?.password), env['PGPASSWORD'] ?? ''].filter((s) => s.length > 0);
  return { url, host, port, user, database, secrets };
}

/** `127.0.0.1:5432`, as messages name the server. */
export function where(target: DbTarget): string {
  return `${target.host.includes(':') ? `[${target.host}]` : target.host}:${target.port}`;
}

/** The text with every password of the target, and any password written in a URL, masked. */
export function redact(text: string, target: DbTarget | null = null): string {
  let out = maskUrls(text);
  for (const secret of target?.secrets ?? []) out = out.split(secret).join('***');
  return out;
}

/** `postgres://user:secret@host/db` → `postgres://user:***@host/db`, anywhere in a text. */
export function maskUrls(text: string): string {
  return text.replace(/(postgres(?:ql)?:\/\/[^:/@\s]*):[^@\s]*@/gi, '$1:***@');
}

function decode(part: string | undefined): string {
  if (part === undefined || part === '') return '';
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
