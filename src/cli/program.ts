import { Command, CommanderError, Option } from 'commander';
import { wantColor } from './terminal.js';
import { EXIT } from './exit.js';
import { packageVersion } from '../package-file.js';
import type { IngestFlags } from './ingest.js';
import type { StatsFlags } from './stats.js';
import type { ValidateFlags } from './validate.js';
import { DISPLAY, FOLDER, INPUT, OUTPUT, option, positiveInteger, storyOptions, webOptions } from './options.js';
import type { WatchFlags } from './watch.js';
import type { ExportFlags } from './export.js';

const INGEST_HELP = `
Examples:
  $ wire ingest samples/                          print every story under samples/ as JSON lines
  $ wire ingest story.txt | jq -r .headline       just the headlines
  $ cat story.txt | wire ingest                   standard input, when no input is named
  $ wire ingest stories/ -o wire.jsonl            append to wire.jsonl (run it from cron)
  $ find in/ -name '*.txt' | wire ingest --input-list -
  $ wire ingest archive.txt.gz                    gzip is decompressed as it is read
  $ wire ingest --explain story.txt               which field each line went to (why a sign-off stayed in the body)
  $ wire ingest feed.anpa --output-format ninjs   a framed ANPA-1312 stream as ninjs 2.1 items
  $ wire ingest https://example.com/news/rss.xml  every item of a feed, each page fetched and extracted
  $ wire ingest --input-list urls.txt --per-host-delay 1000
  $ wire ingest stories/ --db postgres://wire@db1/wire  into a database shared by several hosts

Exit codes: 0 every input ingested, 1 some input failed (the rest were written), 2 usage error,
3 another run holds the output's lock (with --db: an input's), 130 interrupted (what was read is written).`;

const WATCH_HELP = `
Examples:
  $ wire watch /srv/ftp/incoming -o wire.jsonl            run as a service; stop with Ctrl-C or SIGTERM
  $ wire watch incoming/ -o wire.jsonl --once --settle 500 take what is there now and exit (from cron)

Files are complete when their size and time stay the same for --settle ms; names ending in .part, .tmp or ~ and
hidden files are left alone until renamed. A restart never ingests a moved file again.
Exit codes: 0 done (or stopped by Ctrl-C / SIGTERM), 1 with --once when a file failed, 2 usage error,
3 another run holds the output's lock.`;

/** Writes commander's own errors in wire's words: one prefix, `wire: error:`, as every other error. */
function outputError(text: string, write: (text: string) => void): void {
  const label = wantColor(process.stderr, true, process.env) ? '\u001b[31merror\u001b[39m' : 'error';
  write(text.replace(/^error: /, `wire: ${label}: `));
}

/** A subcommand with wire's error style and a hint naming its own help. */
function subcommand(wire: Command, name: string, description: string): Command {
  return wire
    .command(name)
    .description(description)
    .showHelpAfterError(`(run wire help ${name} for usage and examples)`);
}

/** Adds options in help-group order, the help option last among the display ones. */
function withOptions(command: Command, ...groups: ReadonlyArray<readonly Option[]>): Command {
  for (const group of groups) for (const o of group) command.addOption(o);
  return command.optionsGroup(DISPLAY).helpOption('-h, --help', 'show this help');
}

/** Builds the command line, each command loading its code only when it runs. */
function program(setExit: (code: number) => void): Command {
  const wire = new Command('wire')
    .description('Ingest news-wire copy into clean, deduplicated, normalized JSON lines.')
    .version(packageVersion(), '-V, --version')
    .configureOutput({ outputError })
    .showSuggestionAfterError(true)
    .showHelpAfterError('(run wire help for usage)')
    .exitOverride();

  const ingest = subcommand(
    wire,
    'ingest',
    'read wire stories from files, directories, URLs and standard input; write JSON lines',
  ).argument(
    '[inputs...]',
    'files (.gz too), directories (walked recursively), http(s) URLs of pages or feeds, or - for standard input',
  );
  const shared = storyOptions('the dedup state (default: <output>.state beside -o; none for standard output)');
  withOptions(
    ingest,
    [
      option('--input-list <file>', 'read more inputs from this file, one per line (- for standard input)', INPUT),
      ...shared.input,
    ],
    [
      option('-o, --output <file>', 'append JSON lines to this file instead of standard output', OUTPUT),
      ...shared.output,
      option(
        '--explain',
        "print each story's lines marked with the field they went to (coloured on a terminal), instead of records; writes nothing to -o, --db or the state",
        OUTPUT,
      ),
    ],
    shared.dedup,
    webOptions(),
    shared.display,
  );
  ingest.addHelpText('after', INGEST_HELP).action(async (inputs: string[], flags: IngestFlags) => {
    const { runIngest } = await import('./ingest.js');
    setExit(await runIngest(inputs, flags));
  });

  const watch = subcommand(
    wire,
    'watch',
    'ingest files dropped into a hot folder once complete, moving each to .done/ or .failed/',
  ).argument('<dir>', 'the folder to watch');
  const watched = storyOptions('the dedup state (default: <output>.state)');
  withOptions(
    watch,
    [
      option('--interval <ms>', 'how often to look for new files', FOLDER).argParser(positiveInteger).default(1000),
      option('--settle <ms>', 'how long a file must stay unchanged to count as complete', FOLDER)
        .argParser(positiveInteger)
        .default(2000),
      option('--once', 'ingest what is ready (waiting for files still being written) and exit', FOLDER),
    ],
    watched.input,
    [option('-o, --output <file>', 'append JSON lines to this file (or --db URL)', OUTPUT), ...watched.output],
    watched.dedup,
    watched.display,
  );
  watch.addHelpText('after', WATCH_HELP).action(async (dir: string, flags: WatchFlags) => {
    const { runWatch } = await import('./watch.js');
    setExit(await runWatch(dir, flags));
  });

  subcommand(wire, 'export', 'print the records of a --db database as JSON lines, in commit order')
    .addOption(
      option(
        '--db [url]',
        'the database: postgres://user@host:port/db (default $WIRE_DB, then the PG* variables)',
        INPUT,
      ),
    )
    .addOption(
      option('--after <cursor>', 'start after this cursor (the last one is printed at the end of each export)', INPUT),
    )
    .addOption(option('--follow', 'keep printing records as they are committed, until SIGINT or SIGTERM', INPUT))
    .addOption(
      option('--output-format <name>', 'wire records, or IPTC ninjs 2.1 items, one JSON object a line', OUTPUT)
        .choices(['jsonl', 'ninjs'])
        .default('jsonl'),
    )
    .addOption(
      option('--json-summary', 'end with one JSON object (records, cursor, exit code) on standard error', DISPLAY),
    )
    .addOption(option('-q, --quiet', 'print only errors on standard error', DISPLAY))
    .addOption(option('--no-color', 'never colour standard error (also NO_COLOR=1)', DISPLAY))
    .helpOption('-h, --help', 'show this help')
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

  subcommand(wire, 'stats', 'what is in files of wire records: stories by agency, language, format, day and hour')
    .argument('[files...]', 'JSON lines wire wrote (outputs and --duplicates files; .gz too), or - for standard input')
    .addOption(option('--json', 'print the counts as one JSON object, for scripts', DISPLAY))
    .addOption(
      option('--top <n>', 'show this many agencies, languages and formats; the rest as other', DISPLAY)
        .argParser(positiveInteger)
        .default(10),
    )
    .helpOption('-h, --help', 'show this help')
    .addHelpText(
      'after',
      `
Examples:
  $ wire stats wire.jsonl                             bar charts on the terminal
  $ wire stats wire.jsonl dups.jsonl                  with the duplicates dropped
  $ wire stats --json wire.jsonl | jq .by_agency      the counts, for a script`,
    )
    .action(async (files: string[], flags: StatsFlags) => {
      const { runStats } = await import('./stats.js');
      setExit(await runStats(files, flags));
    });

  subcommand(wire, 'validate', 'check every line of files of wire records against the record schema')
    .argument('[files...]', 'JSON lines wire wrote (outputs and --duplicates files; .gz too), or - for standard input')
    .addOption(option('-q, --quiet', 'print nothing; only the exit code says', DISPLAY))
    .helpOption('-h, --help', 'show this help')
    .addHelpText(
      'after',
      `
Examples:
  $ wire validate wire.jsonl                          FILE:LINE: problem for each bad line, then a line per file
  $ wire validate -q wire.jsonl || echo broken        from a script

Exit codes: 0 every line is a valid record, 1 some line is not (or a file cannot be read), 2 usage error.`,
    )
    .action(async (files: string[], flags: ValidateFlags) => {
      const { runValidate } = await import('./validate.js');
      setExit(await runValidate(files, flags));
    });

  subcommand(wire, 'schema', 'print the JSON Schema of the records wire writes')
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
