import { readFileSync } from 'node:fs';
import { monthNumber } from '../src/normalize/months.js';
import type { Story } from '../src/types.js';
import { decodeEntities, tokenF1, type ReutersDoc } from './corpus.js';

/** Per-field agreement of records with the Reuters-21578 tags, as fractions (`stories`, `records` are counts). */
export interface FieldAgreement {
  readonly stories: number;
  readonly records: number;
  readonly headline: number;
  readonly location: number;
  readonly monthDay: number;
  readonly signoff: number;
  readonly bodyF1: number;
  readonly slug: number;
  readonly priority: number;
}

type Field = 'headline' | 'location' | 'monthDay' | 'signoff' | 'slug' | 'priority';

/** The ANPA slug line of a story (`u f BC-AMR-<AMR>-AIRCRAFT-F   03-03 0109`): its priority and its slug words. */
export interface SlugLine {
  readonly priority: string;
  readonly slug: string;
}

/**
 * Scores each document's record against the document's own tags: headline (TITLE), dateline location and month-day
 * (DATELINE), sign-off and body token F1 (BODY), slug and priority (UNKNOWN). Prints the figures and returns them.
 */
export function scoreRecords(
  docs: readonly ReutersDoc[],
  recordOf: (doc: ReutersDoc, index: number) => Story | null,
  slugLines: ReadonlyMap<string, SlugLine>,
  records: number,
): FieldAgreement {
  const hits: Record<Field, number> = { headline: 0, location: 0, monthDay: 0, signoff: 0, slug: 0, priority: 0 };
  const totals: Record<Field, number> = { headline: 0, location: 0, monthDay: 0, signoff: 0, slug: 0, priority: 0 };
  const misses: string[] = [];
  let f1 = 0;
  let bodies = 0;
  const score = (doc: ReutersDoc, field: Field, want: string | null, got: string | null): void => {
    totals[field]++;
    if (want === got) hits[field]++;
    else if (misses.length < 60) misses.push(`${doc.newid} ${field}: want ${show(want)} got ${show(got)}`);
  };
  docs.forEach((doc, index) => {
    const story = recordOf(doc, index);
    if (doc.title !== null) score(doc, 'headline', tidy(doc.title), headlineOf(story, tidy(doc.title)));
    if (doc.dateline !== null) {
      const truth = datelineTruth(doc.dateline);
      score(doc, 'location', truth.location, story?.dateline?.location ?? null);
      score(doc, 'monthDay', truth.monthDay, story?.dateline?.date?.slice(-5) ?? null);
    }
    if (doc.body !== null) {
      const truth = bodyTruth(doc.body);
      score(doc, 'signoff', truth.signoff, story?.source?.text ?? null);
      f1 += tokenF1(story?.body ?? '', truth.body);
      bodies++;
    }
    const slugLine = slugLines.get(doc.newid);
    if (slugLine) {
      const envelope = story?.envelope ?? {};
      const take = typeof envelope['take'] === 'string' ? ` ${envelope['take']}` : '';
      score(doc, 'slug', slugLine.slug, typeof envelope['slug'] === 'string' ? `${envelope['slug']}${take}` : null);
      score(doc, 'priority', slugLine.priority, typeof envelope['priority'] === 'string' ? envelope['priority'] : null);
    }
  });
  const rate = (field: Field): number => (totals[field] === 0 ? 1 : hits[field] / totals[field]);
  const result: FieldAgreement = {
    stories: docs.length,
    records,
    headline: rate('headline'),
    location: rate('location'),
    monthDay: rate('monthDay'),
    signoff: rate('signoff'),
    bodyF1: bodies === 0 ? 1 : f1 / bodies,
    slug: rate('slug'),
    priority: rate('priority'),
  };
  if (process.env['BENCH_VERBOSE']) for (const miss of misses) console.log(`    ${miss}`);
  console.log(`  stories (SGML docs)     ${result.stories}`);
  console.log(`  records out             ${result.records}`);
  for (const field of ['headline', 'location', 'monthDay', 'signoff', 'bodyF1', 'slug', 'priority'] as const) {
    const n = field === 'bodyF1' ? bodies : totals[field];
    console.log(`  ${field.padEnd(22)}  ${(100 * result[field]).toFixed(2)} %   (${n} stories)`);
  }
  return result;
}

function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function show(value: string | null): string {
  return JSON.stringify(value);
}

/** Our headline, counted as the title when the only difference is a marker we moved out (`CORRECTED-`). */
function headlineOf(story: Story | null, title: string): string | null {
  if (!story) return null;
  const prefix = title.endsWith(story.headline) ? title.slice(0, title.length - story.headline.length) : null;
  const markersOnly =
    prefix !== null && prefix.replace(/[-:\s()]/g, '') === story.markers.join('').replace(/[-:\s()]/g, '');
  return markersOnly && story.markers.length > 0 ? title : story.headline;
}

/** `    COMMACK, N.Y., Feb 26 - ` → location `COMMACK, N.Y.`, month-day `02-26`; `, Reuter` is the agency. */
function datelineTruth(dateline: string): { location: string; monthDay: string | null } {
  const head = (tidy(dateline).split(/\s-+(?:\s|$)|-+$/)[0] ?? '')
    .replace(/,?\s*Reuters?$/i, '')
    .replace(/,$/, '')
    .trim();
  const date = /^(.*?),?\s*\b([A-Za-z]{3,9})\.?\s*(\d{1,3})$/.exec(head);
  const month = date?.[2] ? monthNumber(date[2]) : undefined;
  if (!date || month === undefined) return { location: head, monthDay: null };
  return {
    location: (date[1] ?? '').replace(/,$/, '').trim(),
    monthDay: `${String(month).padStart(2, '0')}-${(date[3] ?? '').padStart(2, '0')}`,
  };
}

/** The BODY without its closing ETX, split into text and the `Reuter` sign-off on its last line. */
function bodyTruth(body: string): { body: string; signoff: string | null } {
  const lines = body
    .replace(/\u0003\s*$/, '')
    .trimEnd()
    .split('\n');
  const last = (lines[lines.length - 1] ?? '').trim();
  // The sign-off glued to the last sentence (`... a tenth of an ounce. REUTER`) is the sign-off too.
  const glued = /^(.*[.!?"'])\s+(reuters?)$/i.exec(last);
  if (glued?.[1] && glued[2]) return { body: [...lines.slice(0, -1), glued[1]].join('\n'), signoff: glued[2] };
  const signoff = /^reuter/i.test(last) ? last : null;
  return { body: (signoff === null ? lines : lines.slice(0, -1)).join('\n'), signoff };
}

/** The ANPA slug line of every story's UNKNOWN blocks (`u f BC-AMR-<AMR>-AIRCRAFT-F   03-03 0109`), by NEWID. */
export function readSlugLines(files: readonly string[]): Map<string, SlugLine> {
  const out = new Map<string, SlugLine>();
  for (const file of files) {
    const text = readFileSync(file, 'latin1');
    for (const match of text.matchAll(/<REUTERS[^>]*NEWID="(\d+)"[^>]*>([\s\S]*?)<\/REUTERS>/g)) {
      const unknown = [...(match[2] ?? '').matchAll(/<UNKNOWN>([\s\S]*?)<\/UNKNOWN>/g)]
        .map((m) => decodeEntities(m[1] ?? ''))
        .join('\n');
      const line = /^\s*(\S+)[ \t]+(\S)[ \t]+(.+?)[ \t]+\d{1,2}-\d{1,2}[ \t]+\d{1,5}[ \t]*$/m.exec(unknown);
      if (line) out.set(match[1] ?? '', { priority: line[1] ?? '', slug: tidy(line[3] ?? '') });
    }
  }
  return out;
}
