import { fstatSync } from 'node:fs';

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
