import { fstatSync } from 'node:fs';

// Facts about the process's standard streams: is there data piped in, may standard error be coloured.

/**
 * True when standard input holds data to read: a pipe, a file or a socket (`cat f | wire ingest`,
 * `wire ingest < f`). A terminal is someone typing, and /dev/null (a character device) is nothing: in both cases a
 * command without inputs is a usage error, as with jq and rg.
 */
export function stdinHasData(): boolean {
  try {
    const info = fstatSync(0);
    return info.isFIFO() || info.isFile() || info.isSocket();
  } catch {
    return false; // Closed.
  }
}

/** The inputs named, or `-` (standard input) when none is named and data is piped in; null when there is nothing. */
export function namedOrPiped(names: readonly string[]): string[] | null {
  if (names.length > 0) return [...names];
  return stdinHasData() ? ['-'] : null;
}

/** Colour when standard error is a terminal, unless NO_COLOR or --no-color says otherwise; FORCE_COLOR forces it. */
export function wantColor(stream: NodeJS.WriteStream, flag: boolean, env: NodeJS.ProcessEnv): boolean {
  if (!flag) return false;
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  if (env['FORCE_COLOR'] !== undefined && env['FORCE_COLOR'] !== '0') return true;
  return stream.isTTY === true;
}
