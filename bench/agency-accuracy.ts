import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingest } from '../src/pipeline/run.js';
import { MemorySink } from '../src/sinks/memory.js';
import type { Story } from '../src/types.js';
import { corpusDir } from './corpus.js';

/** One labelled story of `agencies-dev` (see its README for what each label means). */
export interface Label {
  readonly file: string;
  /** null: the copy names no agency (a near miss), and `agency` must be null. */
  readonly agency: string | null;
  /** null: the text cannot tell (a near miss too short to detect), and `language` must be null. */
  readonly language: string | null;
  readonly headline: string;
  readonly headline_markers_removed?: string;
  readonly location: string | null;
  readonly month_day: string | null;
  readonly source_or_signoff: string | null;
  readonly credits: string | null;
  readonly body_first: string;
  readonly body_last: string;
}

const FIELDS = [
  'headline',
  'location',
  'monthDay',
  'agency',
  'signoff',
  'credits',
  'language',
  'bodyStart',
  'bodyEnd',
] as const;
type Field = (typeof FIELDS)[number];

/** Per-field accuracy on real agency copy, as fractions, plus the share of stories with every field right. */
export type AgencyAccuracy = Record<Field | 'allRight', number> & { readonly stories: number };

/**
 * Runs every story of `agencies-dev` (and of `agencies-heldout` when WIRE_AGENCY_SET names another folder) through the
 * whole pipeline, one file at a time, and scores each field by the README's rules: headline equal (or equal to its
 * marker-free form), location equal case aside, the date's month-day, the canonical agency, the sign-off in `source`
 * or `credits` and not in the body, the credits in `credits`, the language's primary subtag, and the body's first
 * and last eight words. Prints a per-field and a per-agency table; BENCH_VERBOSE=1 lists every miss.
 */
export async function run(): Promise<AgencyAccuracy | null> {
  const set = process.env['WIRE_AGENCY_SET'] ?? 'agencies-dev';
  console.log(`agency copy accuracy on ${set} (whole pipeline, one story per file)`);
  const dir = corpusDir(set);
  return dir === null ? null : scoreSet(dir);
}

/** The labels of a set shaped like `agencies-dev`: its `labels.json`, one entry per story file. */
export function readLabels(dir: string): Label[] {
  return JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as Label[];
}

/** Scores every story a `labels.json` in `dir` lists (the shape of `agencies-dev`'s), and prints the tables. */
export async function scoreSet(dir: string): Promise<AgencyAccuracy> {
  const { result, byAgency, misses } = await measureSet(dir);
  console.log(`  stories                 ${result.stories}`);
  for (const field of FIELDS) console.log(`  ${field.padEnd(22)}  ${(100 * result[field]).toFixed(1)} %`);
  console.log(`  ${'every field right'.padEnd(22)}  ${(100 * result.allRight).toFixed(1)} %`);
  console.log('  by agency: stories, every field right, fields missed');
  for (const [agency, row] of [...byAgency].sort()) {
    console.log(
      `    ${agency.padEnd(14)} ${String(row.n).padStart(3)} ${String(row.right).padStart(3)}  ${[...row.misses].join(' ')}`,
    );
  }
  if (process.env['BENCH_VERBOSE']) for (const miss of misses) console.log(`    ${miss}`);
  return result;
}

/** A set's scores, its rows by agency and every miss (`file field: want ... got ...`), without printing. */
export async function measureSet(dir: string): Promise<{
  result: AgencyAccuracy;
  byAgency: Map<string, { n: number; right: number; misses: Set<Field> }>;
  misses: string[];
}> {
  const labels = readLabels(dir);
  const hits = Object.fromEntries(FIELDS.map((f) => [f, 0])) as Record<Field, number>;
  const byAgency = new Map<string, { n: number; right: number; misses: Set<Field> }>();
  const misses: string[] = [];
  let allRight = 0;
  for (const label of labels) {
    const sink = new MemorySink();
    await ingest({ inputs: [join(dir, label.file)], sink, dedup: 'off', parallel: false });
    const story = sink.records[0] ?? null;
    const verdicts = score(story, label);
    const row = byAgency.get(label.agency ?? '(none)') ?? { n: 0, right: 0, misses: new Set<Field>() };
    row.n++;
    let all = true;
    for (const field of FIELDS) {
      if (verdicts[field].ok) hits[field]++;
      else {
        all = false;
        row.misses.add(field);
        misses.push(`${label.file} ${field}: want ${verdicts[field].want} got ${verdicts[field].got}`);
      }
    }
    if (all) {
      allRight++;
      row.right++;
    }
    byAgency.set(label.agency ?? '(none)', row);
  }
  const n = labels.length;
  const result = { stories: n, allRight: allRight / n } as AgencyAccuracy;
  for (const field of FIELDS) (result as Record<string, number>)[field] = hits[field] / n;
  return { result, byAgency, misses };
}

interface Verdict {
  readonly ok: boolean;
  readonly want: string;
  readonly got: string;
}

function score(story: Story | null, label: Label): Record<Field, Verdict> {
  const body = story?.body ?? '';
  const words = squash(body).split(' ');
  const signoff = label.source_or_signoff;
  const credits = label.credits === '' ? null : label.credits;
  const trailer = `${story?.source?.text ?? ''} ${story?.credits ?? ''}`;
  return {
    headline: verdict(
      [label.headline, label.headline_markers_removed].some(
        (h) => h !== undefined && squash(h) === squash(story?.headline ?? ''),
      ),
      label.headline,
      story?.headline,
    ),
    location: verdict(
      (label.location ?? '').toLowerCase() === (story?.dateline?.location ?? '').toLowerCase(),
      label.location,
      story?.dateline?.location,
    ),
    monthDay: verdict(
      (label.month_day ?? null) === (story?.dateline?.date?.slice(-5) ?? null),
      label.month_day,
      story?.dateline?.date,
    ),
    agency: verdict(
      (story?.agency ?? '').toLowerCase() === (label.agency ?? '').toLowerCase(),
      label.agency,
      story?.agency,
    ),
    signoff: verdict(
      signoff === null
        ? story?.source === null || story?.source === undefined || story.source.name !== null
        : squash(trailer).includes(squash(signoff)) && !squash(body).endsWith(squash(signoff)),
      signoff,
      story?.source?.text,
    ),
    credits: verdict(
      credits === null ? (story?.credits ?? null) === null : squash(story?.credits ?? '').includes(squash(credits)),
      credits,
      story?.credits,
    ),
    language: verdict(
      (story?.language ?? '').toLowerCase().split('-')[0] === (label.language ?? '').toLowerCase(),
      label.language,
      story?.language,
    ),
    bodyStart: verdict(
      squash(body).startsWith(squash(label.body_first)),
      label.body_first,
      words.slice(0, 8).join(' '),
    ),
    bodyEnd: verdict(squash(body).endsWith(squash(label.body_last)), label.body_last, words.slice(-8).join(' ')),
  };
}

function verdict(ok: boolean, want: string | null | undefined, got: string | null | undefined): Verdict {
  return { ok, want: JSON.stringify(want ?? null), got: JSON.stringify(got ?? null) };
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
