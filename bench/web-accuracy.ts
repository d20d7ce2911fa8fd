import { isMain, loadPages, type Page } from './web-corpus.js';
import { htmlText, readability, wire, type Extraction } from './web-extractors.js';
import { compareSnippets, compareText, summarize, type Counts } from './web-metric.js';

/** Figures of one extractor on one corpus. */
export interface AccuracyFigures {
  readonly pages: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly title: number;
  readonly byline: number;
  readonly date: number;
}

type Extractor = (bytes: Buffer, url: string | null) => Extraction;

/**
 * Body F1 (Zyte's shingle metric) and metadata agreement of wire and of Readability.js, on Readability's test
 * pages and trafilatura's English-news subset. Prints a table and returns the figures; skips when the corpus is
 * absent.
 */
export async function run(): Promise<Record<string, AccuracyFigures> | null> {
  const pages = loadPages(htmlText);
  if (pages === null) {
    console.log('web-accuracy: skipped (no ../shared/corpus on this machine)');
    return null;
  }
  const figures: Record<string, AccuracyFigures> = {};
  const corpora = {
    readability: pages.filter((p) => p.corpus === 'readability'),
    trafilatura: pages.filter((p) => p.corpus === 'trafilatura'),
    all: pages,
  };
  const extractors: Record<string, Extractor> = { wire, readability };
  const results = new Map<string, Map<Page, Extraction>>();
  for (const [name, extract] of Object.entries(extractors)) {
    const out = new Map<Page, Extraction>();
    for (const page of pages) {
      try {
        out.set(page, extract(page.bytes, page.url));
      } catch {
        out.set(page, { text: '', title: null, byline: null, published: null });
      }
    }
    results.set(name, out);
  }
  console.log('web-accuracy: body F1 (Zyte shingles), precision, recall; headline/byline/date agreement');
  for (const [corpus, list] of Object.entries(corpora)) {
    for (const [name, out] of results) {
      const f = score(list, out);
      figures[`${corpus}/${name}`] = f;
      const pct = (x: number): string => `${(x * 100).toFixed(0)}%`;
      console.log(
        `  ${corpus.padEnd(12)} ${name.padEnd(12)} pages ${String(f.pages).padStart(3)}  F1 ${f.f1.toFixed(3)}  P ${f.precision.toFixed(3)}  R ${f.recall.toFixed(3)}  headline ${pct(f.title)}  byline ${pct(f.byline)}  date ${pct(f.date)}`,
      );
    }
  }
  return Promise.resolve(figures);
}

function score(pages: readonly Page[], out: ReadonlyMap<Page, Extraction>): AccuracyFigures {
  const counts: Counts[] = [];
  const agree = { title: [0, 0], byline: [0, 0], date: [0, 0] };
  for (const page of pages) {
    const got = out.get(page)!;
    counts.push(
      page.text !== null ? compareText(page.text, got.text) : compareSnippets(page.with, page.without, got.text),
    );
    tally(agree.title, page.title, got.title, sameText);
    tally(agree.byline, page.byline, got.byline, sameByline);
    tally(agree.date, page.date, got.published, (a, b) => b.slice(0, 10) === a);
  }
  const ratio = ([hit, all]: number[]): number => (all === 0 ? 0 : hit! / all!);
  return {
    pages: pages.length,
    ...summarize(counts),
    title: ratio(agree.title),
    byline: ratio(agree.byline),
    date: ratio(agree.date),
  };
}

function tally(
  into: number[],
  truth: string | null,
  got: string | null,
  same: (a: string, b: string) => boolean,
): void {
  if (truth === null) return;
  into[1]!++;
  if (got !== null && same(truth, got)) into[0]!++;
}

function key(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function sameText(a: string, b: string): boolean {
  return key(a) === key(b);
}

function sameByline(a: string, b: string): boolean {
  const x = key(a.replace(/^\s*by\s+/i, ''));
  const y = key(b.replace(/^\s*by\s+/i, ''));
  return x !== '' && y !== '' && (x === y || x.includes(y) || y.includes(x));
}

if (isMain(import.meta.url)) await run();
