import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the shared evaluation corpus sits (a sibling of the work tree); absent on a user's machine. */
export const CORPUS = process.env['WIRE_CORPUS'] ?? fileURLToPath(new URL('../shared/corpus/', findRoot()));

function findRoot(): URL {
  // Run from bench/ (sources) or .bench-build/bench/ (compiled): look upwards for package.json.
  for (let url = new URL('./', import.meta.url); url.pathname !== '/'; url = new URL('../', url)) {
    if (existsSync(fileURLToPath(new URL('package.json', url)))) return url;
  }
  return new URL('../', import.meta.url);
}

/** One page to extract, with its ground truth. */
export interface Page {
  readonly corpus: 'readability' | 'trafilatura';
  readonly name: string;
  readonly bytes: Buffer;
  readonly url: string | null;
  /** The full expected text (Readability pages), or null. */
  readonly text: string | null;
  /** Snippets that must appear / must not appear (trafilatura pages). */
  readonly with: readonly string[];
  readonly without: readonly string[];
  readonly title: string | null;
  readonly byline: string | null;
  /** `YYYY-MM-DD`, or null. */
  readonly date: string | null;
}

/** The corpus pages, or null when the corpus is not on this machine. */
export function loadPages(htmlToText: (html: string) => string): Page[] | null {
  const readability = join(CORPUS, 'readability-test-pages');
  const trafilatura = join(CORPUS, 'trafilatura-eval-subset');
  if (!existsSync(readability) || !existsSync(trafilatura)) return null;
  const pages: Page[] = [];
  for (const name of readdirSync(readability).sort()) {
    const dir = join(readability, name);
    if (!existsSync(join(dir, 'source.html')) || !existsSync(join(dir, 'expected.html'))) continue;
    const meta = readJson(join(dir, 'expected-metadata.json'));
    pages.push({
      corpus: 'readability',
      name,
      bytes: readFileSync(join(dir, 'source.html')),
      url: 'http://fakehost/test/page.html',
      text: htmlToText(readFileSync(join(dir, 'expected.html'), 'utf8')),
      with: [],
      without: [],
      title: str(meta['title']),
      byline: str(meta['byline']),
      date: str(meta['publishedTime'])?.slice(0, 10) ?? null,
    });
  }
  const entries = readJson(join(trafilatura, 'evaldata-subset.json'));
  for (const [url, raw] of Object.entries(entries).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const entry = raw as Record<string, unknown>;
    const file = str(entry['file']);
    if (file === null || !existsSync(join(trafilatura, 'html', file))) continue;
    pages.push({
      corpus: 'trafilatura',
      name: file,
      bytes: readFileSync(join(trafilatura, 'html', file)),
      url,
      text: null,
      with: strings(entry['with']),
      without: strings(entry['without']),
      title: str(entry['title']),
      byline: str(entry['author']),
      date: str(entry['date']),
    });
  }
  return pages;
}

function readJson(path: string): Record<string, unknown> {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>) : {};
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** True when this module is the script node was started with. */
export function isMain(url: string): boolean {
  return process.argv[1] !== undefined && fileURLToPath(url) === process.argv[1];
}
