import { InvalidArgumentError, Option } from 'commander';
import { PARSER_NAMES } from '../formats/names.js';
import { isTimeZone } from '../normalize/time.js';

// The groups `--help` lists options under.
export const FOLDER = 'Folder:';
export const INPUT = 'Input:';
export const OUTPUT = 'Output:';
export const DEDUP = 'Dedup:';
export const WEB = 'Web:';
export const DISPLAY = 'Display:';

const MIB = 1024 * 1024;

/** An option in a help group. */
export function option(flags: string, description: string, group: string): Option {
  return new Option(flags, description).helpGroup(group);
}

export function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive whole number.');
  return n;
}

export function waitSeconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError('expected a number of seconds, 0 or more.');
  return n;
}

export function wholeNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number (0 or more).');
  return n;
}

export function seconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new InvalidArgumentError('expected a number of seconds above 0, like 30 or 0.5.');
  return n;
}

const UNITS: Readonly<Record<string, number>> = { '': 1, b: 1, k: 1024, m: MIB, g: 1024 * MIB };

/** A size in bytes: `1048576`, `512K`, `10M`, `1G` (also `10MB`, `10MiB`; K, M and G are powers of 1024). */
export function size(value: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?$/i.exec(value.trim());
  const unit = UNITS[match?.[2]?.toLowerCase() ?? 'x'];
  const n = match && unit !== undefined ? Math.round(Number(match[1]) * unit) : NaN;
  if (!Number.isSafeInteger(n) || n <= 0) throw new InvalidArgumentError('expected a size like 10M, 512K or 1048576.');
  return n;
}

export function timezone(value: string): string {
  if (isTimeZone(value)) return value;
  throw new InvalidArgumentError('expected an IANA time zone name, like UTC, Europe/Helsinki or America/New_York.');
}

export function referenceDate(value: string): string {
  if (value === 'mtime' || value === 'now' || /^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(value))
    return value;
  throw new InvalidArgumentError('expected mtime, now, or a date like 2026-11-27.');
}

/** What `wire ingest` and `wire watch` share, by help group: how stories are read, written, deduplicated, shown. */
export function storyOptions(stateHelp: string): Readonly<Record<'input' | 'output' | 'dedup' | 'display', Option[]>> {
  return {
    input: [
      option('--format <name>', 'force a format instead of detecting it from the content', INPUT)
        .choices(['auto', ...PARSER_NAMES])
        .default('auto'),
      option(
        '--reference-date <when>',
        'date a dateline without a year against: mtime, now or YYYY-MM-DD',
        INPUT,
      ).argParser(referenceDate),
      option(
        '--timezone <zone>',
        'read times without an offset in this IANA zone when the agency has no home zone (default UTC)',
        INPUT,
      ).argParser(timezone),
      option('--no-detect-language', 'leave language null when the input does not declare it (no detection)', INPUT),
      option('--max-story-bytes <size>', 'skip stories larger than this (like 16M)', INPUT)
        .argParser(size)
        .default(16 * MIB, '16M'),
    ],
    output: [
      option('--output-format <name>', 'write wire records, or IPTC ninjs 2.1 items, one JSON object a line', OUTPUT)
        .choices(['jsonl', 'ninjs'])
        .default('jsonl'),
      option('--duplicates <file>', 'append each dropped duplicate here, with duplicate_of and similarity', OUTPUT),
    ],
    dedup: [
      option('--dedup <mode>', 'drop copies: near (also republished variants), exact (same body) or off', DEDUP)
        .choices(['near', 'exact', 'off'])
        .default('near'),
      option('--state <path>', stateHelp, DEDUP),
      option(
        '--db [url]',
        'keep the state and the records in a shared PostgreSQL database (postgres://user@host:port/db; alone: $WIRE_DB)',
        DEDUP,
      ),
      option(
        '--lock-timeout <seconds>',
        'wait this long for another run on the same output (--db: the same input)',
        DEDUP,
      )
        .argParser(waitSeconds)
        .default(60),
    ],
    display: [
      option('-q, --quiet', 'print only errors on standard error', DISPLAY),
      option('-v, --verbose', 'also print a line for every input as it is done, and notes', DISPLAY),
      option('--json-summary', 'end with one JSON object: time, counts, exit code and failures', DISPLAY),
      option('--no-color', 'never colour standard error (also NO_COLOR=1)', DISPLAY),
    ],
  };
}

/** The options of `wire ingest` for URLs and feeds. */
export function webOptions(): Option[] {
  return [
    option('--no-fetch-links', "write a feed's items from the feed's own text; fetch none of the pages they link", WEB),
    option('--concurrency <n>', 'URLs fetched at once, over all hosts', WEB).argParser(positiveInteger).default(8),
    option('--per-host <n>', 'URLs fetched at once from one host', WEB).argParser(positiveInteger).default(2),
    option('--per-host-delay <ms>', 'milliseconds between two requests to one host', WEB)
      .argParser(wholeNumber)
      .default(0),
    option('--timeout <seconds>', 'seconds allowed to connect, to get the headers, and to read the body', WEB)
      .argParser(seconds)
      .default(30),
    option('--max-bytes <size>', 'skip pages larger than this, on the wire and decompressed (like 10M)', WEB)
      .argParser(size)
      .default(10 * MIB, '10M'),
    option('--retries <n>', 'retries after a network error, 429 or 5xx (other 4xx fail at once)', WEB)
      .argParser(wholeNumber)
      .default(3),
    option('--retry-delay <ms>', 'first wait before a retry; it doubles each time, with jitter', WEB)
      .argParser(wholeNumber)
      .default(500),
  ];
}
