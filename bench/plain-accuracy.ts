import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { plain } from '../src/formats/plain-format.js';
import { monthNumber } from '../src/normalize/months.js';
import { normalizeStory } from '../src/normalize/story.js';
import { ingest } from '../src/pipeline/run.js';
import { MemorySink } from '../src/sinks/memory.js';
import type { Story } from '../src/types.js';
import { corpusDir, readReuters, tokenF1, type ReutersDoc } from './corpus.js';

/** Figures of the plain-text accuracy benchmark, as fractions. */
export interface PlainAccuracy {
  readonly stories: number;
  readonly headline: number;
  readonly location: number;
  readonly monthDay: number;
  readonly signoff: number;
  readonly bodyF1: number;
  readonly dumpAgreement: number;
}

interface Truth {
  readonly headline: string;
  readonly location: string;
  readonly monthDay: string | null;
  readonly signoff: string | null;
  readonly body: string;
}

/**
 * Renders every full story of Reuters-21578 as the wire printed it (TITLE line, blank line, the indented DATELINE
 * running into the hard-wrapped BODY with its `Reuter` sign-off), parses it with the plain-text parser, and scores
 * each field against the SGML tags. Also runs all of them through the whole pipeline as one form-feed-separated dump.
 */
export async function run(): Promise<PlainAccuracy | null> {
  console.log('plain-text accuracy on Reuters-21578 rendered as wire copy');
  const dir = corpusDir('reuters21578');
  if (dir === null) return null;
  const docs = readReuters(dir).filter((d) => d.title !== null && d.dateline !== null && d.body !== null);
  const origin = { type: 'file', location: 'bench', format: 'plain', index: 0, charset: 'utf-8' } as const;
  const hits = { headline: 0, location: 0, monthDay: 0, signoff: 0 };
  let f1 = 0;
  const misses: string[] = [];
  const rendered: string[] = [];
  for (const doc of docs) {
    const text = render(doc);
    rendered.push(text);
    const truth = truthOf(doc);
    const parsed = plain.parse(text, 1).stories[0];
    const story = parsed ? normalizeStory(parsed, { origin, now: '2026-11-27T00:00:00Z', referenceDate: null }) : null;
    const got = {
      headline: withMarkers(story, truth.headline),
      location: story?.dateline?.location ?? '',
      monthDay: story?.dateline?.date?.slice(-5) ?? null,
      signoff: story?.source?.text ?? null,
    };
    for (const field of ['headline', 'location', 'monthDay', 'signoff'] as const) {
      if (got[field] === truth[field]) hits[field]++;
      else if (misses.length < 40)
        misses.push(`${doc.newid} ${field}: want ${JSON.stringify(truth[field])} got ${JSON.stringify(got[field])}`);
    }
    f1 += tokenF1(story?.body ?? '', truth.body);
  }
  const n = docs.length;
  const dump = await dumpAgreement(rendered, docs);
  const result: PlainAccuracy = {
    stories: n,
    headline: hits.headline / n,
    location: hits.location / n,
    monthDay: hits.monthDay / n,
    signoff: hits.signoff / n,
    bodyF1: f1 / n,
    dumpAgreement: dump,
  };
  if (process.env['BENCH_VERBOSE']) for (const miss of misses) console.log(`    ${miss}`);
  console.log(`  stories                 ${n}`);
  for (const [name, value] of Object.entries(result).slice(1))
    console.log(`  ${name.padEnd(22)}  ${(100 * value).toFixed(2)} %`);
  return result;
}

/** Our headline, counted as the title when the only difference is the markers we moved out (`CORRECTED-`, `RPT-`). */
function withMarkers(story: Story | null, title: string): string {
  if (!story) return '';
  const prefix = title.endsWith(story.headline) ? title.slice(0, title.length - story.headline.length) : null;
  const markersOnly =
    prefix !== null && prefix.replace(/[-:\s()]/g, '') === story.markers.join('').replace(/[-:\s()]/g, '');
  return markersOnly && story.markers.length > 0 ? title : story.headline;
}

function render(doc: ReutersDoc): string {
  const body = (doc.body ?? '').replace(/\u0003\s*$/, '');
  return `${(doc.title ?? '').trim()}\n\n${doc.dateline ?? ''}${body}`;
}

function truthOf(doc: ReutersDoc): Truth {
  const lines = (doc.body ?? '')
    .replace(/\u0003\s*$/, '')
    .trimEnd()
    .split('\n');
  const last = (lines[lines.length - 1] ?? '').trim();
  // The sign-off glued to the last sentence (`... a tenth of an ounce. REUTER`) is the sign-off too.
  const glued = /^(.*[.!?"'])\s+(reuters?)$/i.exec(last);
  if (glued?.[1] && glued[2]) lines[lines.length - 1] = glued[1];
  const signoff = glued?.[2] ?? (/^reuter/i.test(last) ? last : null);
  const body = signoff === null || glued ? lines.join('\n') : lines.slice(0, -1).join('\n');
  // The tag up to its separator: `    COMMACK, N.Y., Feb 26 - ` → `COMMACK, N.Y., Feb 26`.
  // A trailing `, Reuter` (`ROME, March 13, Reuter - `) is the agency, not part of the place or date.
  const head = (
    (doc.dateline ?? '')
      .replace(/\s+/g, ' ')
      .trim()
      .split(/\s-+(?:\s|$)|-+$/)[0] ?? ''
  )
    .replace(/,?\s*Reuters?$/i, '')
    .replace(/,$/, '')
    .trim();
  const date = /^(.*?),?\s*\b([A-Za-z]{3,9})\.?\s*(\d{1,3})$/.exec(head);
  const month = date?.[2] ? monthNumber(date[2]) : undefined;
  return {
    headline: (doc.title ?? '').replace(/\s+/g, ' ').trim(),
    location: (date && month !== undefined ? (date[1] ?? '') : head).replace(/,$/, '').trim(),
    monthDay:
      date && month !== undefined ? `${String(month).padStart(2, '0')}-${(date[3] ?? '').padStart(2, '0')}` : null,
    signoff,
    body,
  };
}

/** Runs the whole dump through the pipeline and returns the share of stories whose headline comes out in place. */
async function dumpAgreement(rendered: readonly string[], docs: readonly ReutersDoc[]): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'wire-bench-'));
  try {
    const path = join(dir, 'dump.txt');
    writeFileSync(path, rendered.join('\n\f\n'), 'latin1');
    const sink = new MemorySink();
    await ingest({ inputs: [path], sink, dedup: 'off' });
    const records = sink.records;
    let same = 0;
    docs.forEach((doc, i) => {
      const title = (doc.title ?? '').replace(/\s+/g, ' ').trim();
      if (withMarkers(records[i] ?? null, title) === title) same++;
    });
    return records.length === docs.length ? same / docs.length : 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
