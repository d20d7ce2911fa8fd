import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingest } from '../src/pipeline/run.js';
import { MemorySink } from '../src/sinks/memory.js';
import type { Diagnostic, Story } from '../src/types.js';
import { corpusDir } from './corpus.js';
import { garbageReason } from './garbage.js';
import { check, type Expectation, type FileRun } from './superdesk-compare.js';
import { unfairReason } from './superdesk-unfair.js';

/** One entry of expectations.json: the assertions about one item of one file, by one Superdesk parser. */
interface Entry {
  readonly fixture_path: string;
  readonly parser: string | null;
  readonly parser_kind: string | null;
  readonly input_format: string;
  readonly scope: string;
  readonly item_index: number | '*' | null;
  readonly expectations: Readonly<Record<string, readonly Expectation[]>>;
}

/** The superdesk bench's figures. */
export interface SuperdeskAccuracy {
  readonly passed: number;
  readonly comparable: number;
  /** The same without the assertions judged unfair (bench/superdesk-unfair.ts). */
  readonly fairPassed: number;
  readonly fairComparable: number;
  readonly files: number;
  readonly parsed: number;
  readonly refused: number;
  readonly garbageFiles: number;
  readonly rightReader: number;
  readonly storyFiles: number;
}

// The wire formats right for each input format the corpus README names (`_can_parse` and "right reader").
const RIGHT_FORMATS: Readonly<Record<string, readonly string[]>> = {
  anpa: ['anpa'],
  iptc7901: ['iptc7901'],
  nitf: ['nitf'],
  'newsml-g2': ['newsml'],
  'newsml-1.2': ['newsml1'],
  ninjs: ['ninjs'],
  'ap-media-json': ['apmedia'],
  email: ['email'],
  // WXR is RSS with the story inside: its own reader, or a feed reader that reads content:encoded.
  'wordpress-wxr': ['wxr', 'feed'],
  atom: ['feed'],
  'xml-RBNews': ['ritzau'],
  'xml-XMLNewsQueuedResponse': ['ritzau'],
};

// Errors raised before or without a reader: they say nothing of which reader was picked.
const GENERIC_ERRORS = new Set(['unknown-format', 'no-stories', 'binary-input', 'empty', 'failed']);

/** A row of a breakdown table: passed / comparable, with and without the unfair assertions. */
class Tally {
  passed = 0;
  comparable = 0;
  fairPassed = 0;
  fairComparable = 0;

  add(pass: boolean, unfair: boolean): void {
    this.comparable++;
    if (pass) this.passed++;
    if (!unfair) {
      this.fairComparable++;
      if (pass) this.fairPassed++;
    }
  }

  format(): string {
    const pct = (a: number, b: number): string => (b === 0 ? '   -' : `${((100 * a) / b).toFixed(0).padStart(3)} %`);
    return (
      `${String(this.passed).padStart(4)} / ${String(this.comparable).padEnd(4)} ${pct(this.passed, this.comparable)}` +
      `   fair ${String(this.fairPassed).padStart(4)} / ${String(this.fairComparable).padEnd(4)} ${pct(this.fairPassed, this.fairComparable)}`
    );
  }
}

/**
 * Runs every fixture of `superdesk-core` through the whole pipeline (detection on, dedup off), one file at a time,
 * and checks Superdesk's assertions about them on wire's records by the corpus README's mapping
 * (bench/superdesk-compare.ts). Prints comparable assertions passed per field, per input format and per parser kind
 * (with and without the assertions judged unfair), files parsed or refused, garbage records, and whether the right
 * reader was picked. BENCH_VERBOSE=1 lists every failed assertion and every refusal.
 */
export async function run(): Promise<SuperdeskAccuracy | null> {
  console.log('superdesk-core ingest fixtures: Superdesk assertions checked on wire records (whole pipeline)');
  const dir = corpusDir('superdesk-core');
  if (dir === null) return null;
  const data = JSON.parse(readFileSync(join(dir, 'expectations.json'), 'utf8')) as { entries: Entry[] };
  const verbose = process.env['BENCH_VERBOSE'] !== undefined;
  const fixtures = readdirSync(join(dir, 'fixtures')).sort();
  const inputFormat = new Map(data.entries.map((e) => [basename(e.fixture_path), e]));
  const runs = new Map<string, FileRun & { readonly errors: readonly Diagnostic[] }>();
  let parsed = 0;
  let refused = 0;
  let rightReader = 0;
  let storyFiles = 0;
  const garbage: string[] = [];
  const wrong: string[] = [];
  const refusals: string[] = [];
  for (const name of fixtures) {
    const entry = inputFormat.get(name);
    const sink = new MemorySink();
    const errors: Diagnostic[] = [];
    await ingest({
      inputs: [join(dir, 'fixtures', name)],
      sink,
      dedup: 'off',
      parallel: false,
      now: () => new Date('2026-01-01T00:00:00Z'),
      onDiagnostic: (d) => void (d.severity === 'error' && errors.push(d)),
    });
    const records: Story[] = sink.records;
    const rightFormats = RIGHT_FORMATS[entry?.input_format ?? ''] ?? [];
    runs.set(name, { records, rightFormats, errors });
    if (records.length > 0) parsed++;
    else if (errors.length > 0) {
      refused++;
      refusals.push(`${name}: ${errors[0]?.message.replace(/^.*?fixtures\//, '') ?? ''}`);
    }
    const reasons = records.map(garbageReason).filter((r) => r !== null);
    if (reasons.length > 0) garbage.push(`${name}: ${reasons[0]} (${reasons.length} of ${records.length})`);
    if (entry?.scope !== 'story') continue;
    storyFiles++;
    const formats = [...new Set(records.map((r) => r.origin.format))];
    // A reader's own refusal (a package of references only) shows the right reader was picked too.
    const readerRefused = records.length === 0 && errors.length > 0 && !GENERIC_ERRORS.has(errors[0]?.code ?? '');
    const right =
      rightFormats.length === 0
        ? records.length === 0 && errors.length > 0
        : (formats.length > 0 && formats.every((f) => rightFormats.includes(f))) || readerRefused;
    if (right) rightReader++;
    else wrong.push(`${name} (${entry.input_format}): ${formats.join(',') || 'no records'}`);
  }

  const total = new Tally();
  const byField = new Map<string, Tally>();
  const byFormat = new Map<string, Tally>();
  const byKind = new Map<string, Tally>();
  const failures: string[] = [];
  const notComparable = new Map<string, number>();
  for (const entry of data.entries) {
    const name = basename(entry.fixture_path);
    const file = runs.get(name);
    if (file === undefined) continue;
    const items = entry.item_index === '*' ? [...file.records] : [file.records[entry.item_index ?? 0]];
    for (const [field, expectations] of Object.entries(entry.expectations)) {
      for (const e of expectations) {
        const v = check(field, e, items, file);
        if (!v.comparable) {
          notComparable.set(v.why, (notComparable.get(v.why) ?? 0) + 1);
          continue;
        }
        const unfair = unfairReason(name, field, e.line) !== null;
        const key = field.replace(/\[0\]\.qcode$/, '');
        for (const [map, k] of [
          [byField, key],
          [byFormat, entry.input_format],
          [byKind, entry.parser_kind ?? 'none'],
        ] as const) {
          const row = map.get(k) ?? new Tally();
          row.add(v.pass, unfair);
          map.set(k, row);
        }
        total.add(v.pass, unfair);
        if (!v.pass) {
          const want = JSON.stringify(e.value ?? null).slice(0, 100);
          failures.push(
            `${name} [${entry.parser ?? '-'}] ${field} ${e.kind} ${want} got ${v.got.slice(0, 100)}${unfair ? ' (unfair)' : ''}`,
          );
        }
      }
    }
  }

  console.log(`  comparable assertions passed   ${total.format()}`);
  console.log(
    `  files                          ${fixtures.length}: ${parsed} parsed, ${refused} refused with an error, ${fixtures.length - parsed - refused} neither`,
  );
  console.log(`  garbage records                ${garbage.length} files`);
  console.log(`  right reader                   ${rightReader} / ${storyFiles} story files`);
  printTable('per field', byField);
  printTable('per input format', byFormat);
  printTable('per parser kind', byKind);
  if (verbose) {
    console.log('  not comparable:');
    for (const [why, n] of [...notComparable].sort((a, b) => b[1] - a[1]))
      console.log(`    ${String(n).padStart(4)}  ${why}`);
    list('garbage', garbage);
    list('wrong reader', wrong);
    list('refused', refusals);
    list('failed assertions', failures);
  }
  return {
    passed: total.passed,
    comparable: total.comparable,
    fairPassed: total.fairPassed,
    fairComparable: total.fairComparable,
    files: fixtures.length,
    parsed,
    refused,
    garbageFiles: garbage.length,
    rightReader,
    storyFiles,
  };
}

function printTable(title: string, rows: ReadonlyMap<string, Tally>): void {
  console.log(`  ${title}:`);
  for (const [key, row] of [...rows].sort((a, b) => b[1].comparable - a[1].comparable || a[0].localeCompare(b[0]))) {
    console.log(`    ${key.padEnd(26)} ${row.format()}`);
  }
}

function list(title: string, lines: readonly string[]): void {
  console.log(`  ${title}:`);
  for (const line of lines) console.log(`    ${line}`);
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
