import { readFileSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { PARSER_NAMES } from '../formats/names.js';
import { isTimeZone } from '../normalize/time.js';
import { EXIT } from './exit.js';
import type { IngestFlags } from './ingest.js';
import type { WatchFlags } from './watch.js';
import type { ExportFlags } from './export.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive whole number.');
  return n;
}

function waitSeconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError('expected a number of seconds, 0 or more.');
  return n;
}

function wholeNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number (0 or more).');
  return n;
}

function seconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new InvalidArgumentError('expected a number of seconds above 0, like 30 or 0.5.');
  return n;
}

function timezone(value: string): string {
  if (isTimeZone(value)) return value;
  throw new InvalidArgumentError('expected an IANA time zone name, like UTC, Europe/Helsinki or America/New_York.');
}

function referenceDate(value: string): string {
  if (value === 'mtime' || value === 'now' || /^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(value))
    return value;
  throw new InvalidArgumentError('expected mtime, now, or a date like 2026-11-27.');
}

/** The options `wire ingest` and `wire watch` share: how stories are read, deduplicated and reported. */
function withStoryOptions(command: Command, stateHelp: string): Command {
  return command
    .addOption(
      new Option('--format <name>', 'force a format instead of detecting it from the content')
        .choices(['auto', ...PARSER_NAMES])
        .default('auto'),
    )
    .addOption(
      new Option('--output-format <name>', 'write wire records, or IPTC ninjs 2.1 items, one JSON object a line')
        .choices(['jsonl', 'ninjs'])
        .default('jsonl'),
    )
    .addOption(
      new Option('--dedup <mode>', 'drop copies: near (also republished variants), exact (same body) or off')
        .choices(['near', 'exact', 'off'])
        .default('near'),
    )
    .option('--state <path>', stateHelp)
    .option(
      '--db [url]',
      'ingest into a shared PostgreSQL database (postgres://user@host:port/db; alone: $WIRE_DB, PG* variables)',
    )
    .option(
      '--lock-timeout <seconds>',
      'wait this long for another run on the same output (with --db: on the same input)',
      waitSeconds,
      60,
    )
    .option(
      '--reference-date <when>',
      'date a dateline without a year against: mtime, now or YYYY-MM-DD',
      referenceDate,
    )
    .option(
      '--timezone <zone>',
      'read times without an offset in this IANA zone when the agency has no home zone (default UTC)',
      timezone,
    )
    .option('--max-story-bytes <n>', 'skip stories larger than this many bytes', positiveInteger, 16 * 1024 * 1024)
    .option('--no-detect-language', 'leave language null when the input does not declare it (no detection)')
    .option('-q, --quiet', 'print only errors on standard error')
    .option('-v, --verbose', 'print a line for every input as it is done')
    .option('--no-color', 'never colour standard error');
}

/** Builds the command line: `wire ingest`, `wire watch` and `wire schema`, each loading its code only when it runs. */
function program(setExit: (code: number) => void): Command {
  const wire = new Command('wire')
    .description('Ingest news-wire copy into clean, deduplicated, normalized JSON lines.')
    .version(pkg.version, '-V, --version')
    .showSuggestionAfterError(true)
    .showHelpAfterError('(run wire help for usage)')
    .exitOverride();

  withStoryOptions(
    wire
      .command('ingest')
      .description('read wire stories from files, directories, standard input and input lists; write JSON lines')
      .argument(
        '[inputs...]',
        'files, directories (walked recursively), http(s) URLs of pages or feeds, or - for standard input',
      )
      .option('-o, --output <file>', 'append JSON lines to this file instead of standard output')
      .option('--input-list <file>', 'read more inputs from this file, one per line (- for standard input)'),
    'the dedup state (default: <output>.state beside -o; none for standard output)',
  )
    .option('--duplicates <file>', 'append each dropped duplicate here, with duplicate_of and similarity')
    .option('--concurrency <n>', 'URLs fetched at once, over all hosts', positiveInteger, 8)
    .option('--per-host <n>', 'URLs fetched at once from one host', positiveInteger, 2)
    .option('--per-host-delay <ms>', 'milliseconds between two requests to one host', wholeNumber, 0)
    .option('--timeout <seconds>', 'seconds allowed to connect, to get the headers, and to read the body', seconds, 30)
    .option(
      '--max-bytes <n>',
      'skip pages larger than this many bytes (on the wire and decompressed)',
      positiveInteger,
      10 * 1024 * 1024,
    )
    .option('--retries <n>', 'retries after a network error, 429 or 5xx (other 4xx fail at once)', wholeNumber, 3)
    .option('--retry-delay <ms>', 'first wait before a retry; it doubles each time, with jitter', wholeNumber, 500)
    .option('--json-summary', 'end with one JSON object of counts, exit code and failures on standard error')
    .addHelpText(
      'after',
      `
Examples:
  $ wire ingest samples/                          print every story under samples/ as JSON lines
  $ wire ingest story.txt | jq -r .headline       just the headlines
  $ wire ingest stories/ -o wire.jsonl            append to wire.jsonl (run it from cron)
  $ find in/ -name '*.txt' | wire ingest --input-list -
  $ wire ingest feed.anpa --output-format ninjs   a framed ANPA-1312 stream as ninjs 2.1 items
  $ wire ingest https://example.com/news/rss.xml  every item of a feed, each page fetched and extracted
  $ wire ingest --input-list urls.txt --per-host-delay 1000

Exit codes: 0 every input ingested, 1 some input failed (the rest were written), 2 usage error,
3 another run holds the output's lock, 130 interrupted (what was read is written).`,
    )
    .action(async (inputs: string[], flags: IngestFlags) => {
      const { runIngest } = await import('./ingest.js');
      setExit(await runIngest(inputs, flags));
    });

  withStoryOptions(
    wire
      .command('watch')
      .description('ingest files dropped into a hot folder once complete, moving each to .done/ or .failed/')
      .argument('<dir>', 'the folder to watch')
      .option('-o, --output <file>', 'append JSON lines to this file (or --db)')
      .option('--interval <ms>', 'how often to look for new files', positiveInteger, 1000)
      .option('--settle <ms>', 'how long a file must stay unchanged to count as complete', positiveInteger, 2000)
      .option('--once', 'ingest what is ready (waiting for files still being written) and exit'),
    'the dedup state (default: <output>.state)',
  )
    .addHelpText(
      'after',
      `
Examples:
  $ wire watch /srv/ftp/incoming -o wire.jsonl            run as a service; stop with Ctrl-C or SIGTERM
  $ wire watch incoming/ -o wire.jsonl --once --settle 500 take what is there now and exit (from cron)

Files are complete when their size and time stay the same for --settle ms; names ending in .part, .tmp or ~ and
hidden files are left alone until renamed. A restart never ingests a moved file again.`,
    )
    .action(async (dir: string, flags: WatchFlags) => {
      const { runWatch } = await import('./watch.js');
      setExit(await runWatch(dir, flags));
    });

  wire
    .command('export')
    .description('print the records of a --db database as JSON lines, in commit order')
    .option('--db [url]', 'the database: postgres://user@host:port/db (default $WIRE_DB, then the PG* variables)')
    .option('--after <cursor>', 'start after this cursor (the last one is printed at the end of each export)')
    .option('--follow', 'keep printing records as they are committed, until SIGINT or SIGTERM')
    .addOption(
      new Option('--output-format <name>', 'wire records, or IPTC ninjs 2.1 items, one JSON object a line')
        .choices(['jsonl', 'ninjs'])
        .default('jsonl'),
    )
    .option('--json-summary', 'end with one JSON object (records, cursor, exit code) on standard error')
    .option('-q, --quiet', 'print only errors on standard error')
    .option('--no-color', 'never colour standard error')
    .addHelpText(
      'after',
      `
Examples:
  $ wire export --db postgres://wire@db1:5432/wire > all.jsonl     every record, then the cursor on stderr
  $ wire export --after 7461.1024                                  only what came after (WIRE_DB set)
  $ wire export --follow | jq -r .headline                         headlines as hosts commit them`,
    )
    .action(async (flags: ExportFlags) => {
      const { runExport } = await import('./export.js');
      setExit(await runExport(flags));
    });

  wire
    .command('schema')
    .description('print the JSON Schema of the records wire writes')
    .addOption(
      new Option('--output-format <name>', 'the schema of this output format')
        .choices(['jsonl', 'ninjs'])
        .default('jsonl'),
    )
    .addHelpText(
      'after',
      `
Examples:
  $ wire schema > record.schema.json                  the record's JSON Schema (draft 2020-12)
  $ wire schema --output-format ninjs                 the ninjs 2.1 extension that --output-format ninjs follows`,
    )
    .action(async (flags: { outputFormat: 'jsonl' | 'ninjs' }) => {
      const { printSchema } = await import('./schema.js');
      setExit(printSchema(flags.outputFormat));
    });

  return wire;
}

/** Runs the command line and returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  let code: number = EXIT.ok;
  try {
    await program((c) => (code = c)).parseAsync(argv);
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    // Help and version exit 0; every other commander error is a usage error.
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  return code;
}
