import { isInputError } from '../errors.js';
import { readLines } from '../sources/lines.js';
import { barChart, orderedRows, topRows, type Row } from './chart.js';
import { EXIT } from './exit.js';
import { printable } from './report.js';
import { emptyStats, tally, type Counts, type Stats } from './stats-tally.js';
import { namedOrPiped } from './terminal.js';

/** Options of `wire stats`. */
export interface StatsFlags {
  readonly json?: boolean;
  readonly top: number;
}

// Up to this many days are charted day by day; a longer span, month by month.
const DAYS_CHARTED = 31;
const HOURS = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));

/**
 * `wire stats FILE...`: what is in some files of wire's JSON lines (outputs, and `--duplicates` files): stories by
 * agency, language, format, day and hour as bar charts, with duplicates and updates; `--json` for scripts. Exits 1
 * when a file cannot be read (the others are still counted), 2 on a usage error.
 */
export async function runStats(names: string[], flags: StatsFlags): Promise<number> {
  const files = namedOrPiped(names);
  if (files === null) {
    process.stderr.write('wire: error: nothing to count: name JSON lines files, or pipe them in\n');
    return EXIT.usage;
  }
  const stats = emptyStats();
  let code: number = EXIT.ok;
  for (const file of files) {
    try {
      for await (const line of readLines(file)) {
        if (line.text.trim() === '') continue;
        let value: unknown;
        try {
          value = JSON.parse(line.text);
        } catch {
          value = undefined;
        }
        tally(stats, value);
      }
    } catch (error) {
      if (!isInputError(error)) throw error;
      process.stderr.write(`wire: error: ${printable(error.message)}\n`);
      code = EXIT.failed;
    }
  }
  if (stats.notRecords > 0) {
    const lines = stats.notRecords === 1 ? '1 line was' : `${stats.notRecords} lines were`;
    process.stderr.write(`wire: warning: ${lines} not wire records, and left out (check with wire validate)\n`);
  }
  process.stdout.write(flags.json === true ? `${JSON.stringify(asJson(stats))}\n` : report(stats, files, flags.top));
  return code;
}

/** The charts, as text for a terminal. */
function report(stats: Stats, files: readonly string[], top: number): string {
  const width = Math.min(process.stdout.columns || 80, 100);
  const range =
    stats.from === null ? '' : stats.from === stats.to ? ` on ${stats.from}` : ` from ${stats.from} to ${stats.to}`;
  const extra = [
    ...(stats.versions > 0
      ? [stats.versions === 1 ? '1 of them an update' : `${n(stats.versions)} of them updates`]
      : []),
    ...(stats.duplicates > 0 ? [`${n(stats.duplicates)} duplicates`] : []),
  ];
  const heading = `${files.map(printable).join(', ')}: ${n(stats.stories)} ${stats.stories === 1 ? 'story' : 'stories'}${range}${extra.length > 0 ? `; ${extra.join('; ')}` : ''}`;
  const days = timeRows(stats.day, stats.from, stats.to);
  const sections: Array<[string, Row[]]> = [
    ['By agency', topRows(stats.agency, top)],
    ['By language', topRows(stats.language, top)],
    ['By format', topRows(stats.format, top)],
    [`By ${days.unit} (published where known, else ingested)`, days.rows],
    ['By hour, UTC (published where known, else ingested)', orderedRows(stats.hour, HOURS)],
  ];
  const body =
    stats.stories === 0 ? [] : sections.map(([title, rows]) => [`\n${title}`, ...barChart(rows, width)].join('\n'));
  return `${[heading, ...body].join('\n')}\n`;
}

/** Days from the first to the last (zeros too), or months when the span is long. */
function timeRows(day: Counts, from: string | null, to: string | null): { unit: string; rows: Row[] } {
  if (from === null || to === null) return { unit: 'day', rows: [] };
  const days: string[] = [];
  for (let t = Date.parse(from); t <= Date.parse(to) && days.length <= DAYS_CHARTED; t += 86_400_000)
    days.push(new Date(t).toISOString().slice(0, 10));
  if (days.length <= DAYS_CHARTED) return { unit: 'day', rows: orderedRows(day, days) };
  const months: Counts = {};
  for (const [d, count] of Object.entries(day)) months[d.slice(0, 7)] = (months[d.slice(0, 7)] ?? 0) + count;
  const keys: string[] = [];
  for (let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))]; `${y}-${pad(m)}` <= to.slice(0, 7);) {
    keys.push(`${y}-${pad(m)}`);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return { unit: 'month', rows: orderedRows(months, keys) };
}

function asJson(stats: Stats): Record<string, unknown> {
  return {
    records: stats.records,
    stories: stats.stories,
    duplicates: stats.duplicates,
    versions: stats.versions,
    not_records: stats.notRecords,
    from: stats.from,
    to: stats.to,
    by_agency: stats.agency,
    by_language: stats.language,
    by_format: stats.format,
    by_day: sorted(stats.day),
    by_hour: sorted(stats.hour),
  };
}

function sorted(counts: Counts): Counts {
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1)));
}

function n(count: number): string {
  return count.toLocaleString('en');
}

function pad(m: number): string {
  return String(m).padStart(2, '0');
}
