/**
 * Typed errors. Stages return these (or throw them at an input's edge); the CLI turns them into messages and exit
 * codes. Each subclass sets `name` to a literal so that `err.name` is a stable discriminant.
 */
/** Base class of every error `wire` raises on purpose. */
export class WireError extends Error {
    name = 'WireError';
    /** The input (path, `-`, URL) the error belongs to, when there is one. */
    input;
    constructor(message, options = {}) {
        super(message, options.cause === undefined ? undefined : { cause: options.cause });
        this.input = options.input;
    }
}
/** A bad command line: unknown option, bad value, nothing to read. Exit code 2. */
export class UsageError extends WireError {
    name = 'UsageError';
}
/** An input could not be read: missing, unreadable, a directory loop, not text. */
export class InputError extends WireError {
    name = 'InputError';
    /** Short machine-readable kind, as in diagnostics (`not-found`, `binary-input`, ...). */
    code;
    constructor(code, message, options = {}) {
        super(message, options);
        this.code = code;
    }
}
/** The output (file or stream) could not be written. */
export class OutputError extends WireError {
    name = 'OutputError';
}
/** Another run holds the output's lock. Exit code 3. */
export class LockError extends WireError {
    name = 'LockError';
}
/** True for any error raised by `wire` on purpose. */
export function isWireError(error) {
    return error instanceof WireError;
}
/** True for a command-line usage error. */
export function isUsageError(error) {
    return error instanceof UsageError;
}
/** True for an unreadable or unusable input. */
export function isInputError(error) {
    return error instanceof InputError;
}
/** True for a failure to write the output. */
export function isOutputError(error) {
    return error instanceof OutputError;
}
/** True when another run holds the lock. */
export function isLockError(error) {
    return error instanceof LockError;
}
/** A short description of any thrown value, for messages: `EACCES: permission denied`. */
export function describeError(error) {
    if (error instanceof Error) {
        const code = error.code;
        return typeof code === 'string' && !error.message.startsWith(code) ? `${code}: ${error.message}` : error.message;
    }
    return String(error);
}
