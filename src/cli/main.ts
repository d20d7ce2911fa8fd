import { readFileSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { EXIT } from './exit.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive whole number.');
  return n;
}

function nonNegative(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError('expected a number of seconds, 0 or more.');
  return n;
}

function referenceDate(value: string): string {
  if (value === 'mtime' || value === 'now' || /^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(value))
    return value;
  throw new InvalidArgumentError('expected mtime, now, or a date like 2026-11-27.');
}

const program = new Command('wire')
  .description('Ingest news-wire copy into clean, deduplicated, normalized JSON lines.')
  .version(pkg.version, '-V, --version')
  .showSuggestionAfterError(true)
  .exitOverride();

program
  .command('ingest')
  .description('read wire stories from files, directories, standard input and input lists; write JSON lines')
  .argument('[inputs...]', 'files, directories (walked recursively) or - for standard input')
  .option('-o, --output <file>', 'append JSON lines to this file instead of standard output')
  .option('--input-list <file>', 'read more inputs from this file, one per line (- for standard input)')
  .addOption(
    new Option('--format <name>', 'force a format instead of detecting it').choices(['auto', 'plain']).default('auto'),
  )
  .addOption(
    new Option('--dedup <mode>', 'drop copies: near (also republished variants), exact (same body) or off')
      .choices(['near', 'exact', 'off'])
      .default('near'),
  )
  .option('--duplicates <file>', 'append each dropped duplicate here, with duplicate_of and similarity')
  .option('--state <path>', 'the dedup state file (default: <output>.state; none when writing to standard output)')
  .option('--lock-timeout <seconds>', 'wait this long for another run on the same output', nonNegative, 60)
  .option('--reference-date <when>', 'date a dateline without a year against: mtime, now or YYYY-MM-DD', referenceDate)
  .option('--max-story-bytes <n>', 'skip stories larger than this many bytes', positiveInteger, 16 * 1024 * 1024)
  .option('-q, --quiet', 'print only errors on standard error')
  .option('--no-color', 'never colour standard error')
  .addHelpText(
    'after',
    `
Examples:
  $ wire ingest samples/                          print every story under samples/ as JSON lines
  $ wire ingest story.txt | jq -r .headline       just the headlines
  $ wire ingest stories/ -o wire.jsonl            append to wire.jsonl (run it from cron)
  $ find in/ -name '*.txt' | wire ingest --input-list -

Exit codes: 0 every input ingested, 1 some input failed (the rest were written), 2 usage error,
3 another run holds the output's lock.`,
  )
  .action(async (inputs: string[], options: Record<string, unknown>) => {
    const { runIngest } = await import('./ingest.js');
    process.exitCode = await runIngest(inputs, options);
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Help and version exit 0; every other commander error is a usage error.
    process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  } else {
    process.stderr.write(`wire: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = EXIT.failed;
  }
}
