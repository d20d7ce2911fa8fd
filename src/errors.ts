/**
 * Typed errors. Stages return these (or throw them at an input's edge); the CLI turns them into messages and exit
 * codes. Each subclass sets `name` to a literal so that `err.name` is a stable discriminant.
 */

/** Base class of every error `wire` raises on purpose. */
export class WireError extends Error {
  override name: string = 'WireError';
  /** The input (path, `-`, URL) the error belongs to, when there is one. */
  readonly input: string | undefined;

  constructor(message: string, options: { input?: string | undefined; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.input = options.input;
  }
}

/** A bad command line: unknown option, bad value, nothing to read. Exit code 2. */
export class UsageError extends WireError {
  override name = 'UsageError' as const;
}

/** An input could not be read: missing, unreadable, a directory loop, not text. */
export class InputError extends WireError {
  override name = 'InputError' as const;
  /** Short machine-readable kind, as in diagnostics (`not-found`, `binary-input`, ...). */
  readonly code: string;

  constructor(code: string, message: string, options: { input?: string; cause?: unknown } = {}) {
    super(message, options);
    this.code = code;
  }
}

/** The output (file or stream) could not be written. */
export class OutputError extends WireError {
  override name = 'OutputError' as const;
}

/** The dedup state file could not be opened, read or written (a full disk, a damaged file). */
export class StateError extends WireError {
  override name: 'StateError' | 'DatabaseError' = 'StateError';
}

/**
 * The database (`--db`) could not be reached, refused us, or failed mid-run. It is the run's state, so it is a
 * StateError: the run stops (exit 1), and nothing of the batch in hand is committed. Messages never hold a password.
 */
export class DatabaseError extends StateError {
  override name = 'DatabaseError' as const;
}

/** True for a failure of the database. */
export function isDatabaseError(error: unknown): error is DatabaseError {
  return error instanceof DatabaseError;
}

/** Another run holds the output's lock. Exit code 3. */
export class LockError extends WireError {
  override name = 'LockError' as const;
}

/** True for any error raised by `wire` on purpose. */
export function isWireError(error: unknown): error is WireError {
  return error instanceof WireError;
}

/** True for a command-line usage error. */
export function isUsageError(error: unknown): error is UsageError {
  return error instanceof UsageError;
}

/** True for an unreadable or unusable input. */
export function isInputError(error: unknown): error is InputError {
  return error instanceof InputError;
}

/** True for a failure to write the output. */
export function isOutputError(error: unknown): error is OutputError {
  return error instanceof OutputError;
}

/** True for a failure of the dedup state file. */
export function isStateError(error: unknown): error is StateError {
  return error instanceof StateError;
}

/** True when another run holds the lock. */
export function isLockError(error: unknown): error is LockError {
  return error instanceof LockError;
}

/** A short description of any thrown value, for messages: `EACCES: permission denied`. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' && !error.message.startsWith(code) ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}

/**
 * Fetching a URL failed: an HTTP status that is not a page (404, 410, a 5xx after the retries), a timeout, a
 * redirect loop, a body over the byte cap, or a network error. `status` is null when no response arrived.
 */
export class HttpError extends WireError {
  override name = 'HttpError' as const;
  /** Short machine-readable kind, as in diagnostics (`http-status`, `timeout`, `too-large`, ...). */
  readonly code: string;
  readonly url: string;
  readonly status: number | null;

  constructor(code: string, message: string, options: { url: string; status?: number | null; cause?: unknown }) {
    super(message, { input: options.url, cause: options.cause });
    this.code = code;
    this.url = options.url;
    this.status = options.status ?? null;
  }
}

/** True for a failed fetch. */
export function isHttpError(error: unknown): error is HttpError {
  return error instanceof HttpError;
}
