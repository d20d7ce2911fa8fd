import { isMain, loadPages } from './web-corpus.js';
import { htmlText, readability, wire } from './web-extractors.js';

/** Pages per second of each extractor, and wire's ratio over Readability.js + linkedom. */
export interface SpeedFigures {
  readonly pages: number;
  readonly wirePagesPerSecond: number;
  readonly readabilityPagesPerSecond: number;
  readonly ratio: number;
}

const ROUNDS = 3;

/**
 * Extraction speed over the corpus pages, wire against Readability.js on linkedom, measured in the same run with
 * the same decoded input (decoding included for both). Each extractor gets a warm-up round, then `ROUNDS` timed
 * rounds; the best round counts, to keep garbage-collection noise out of the ratio.
 */
export async function run(): Promise<SpeedFigures | null> {
  const pages = loadPages(htmlText);
  if (pages === null) {
    console.log('web-speed: skipped (no ../shared/corpus on this machine)');
    return null;
  }
  const time = (extract: typeof wire): number => {
    let best = Infinity;
    for (let round = 0; round <= ROUNDS; round++) {
      const started = performance.now();
      for (const page of pages) {
        try {
          extract(page.bytes, page.url);
        } catch {
          // A crash costs its time like any other page.
        }
      }
      if (round > 0) best = Math.min(best, performance.now() - started);
    }
    return (pages.length / best) * 1000;
  };
  const ours = time(wire);
  const theirs = time(readability);
  const figures = {
    pages: pages.length,
    wirePagesPerSecond: ours,
    readabilityPagesPerSecond: theirs,
    ratio: ours / theirs,
  };
  console.log(
    `web-speed: ${pages.length} pages: wire ${ours.toFixed(0)} pages/s, Readability.js+linkedom ${theirs.toFixed(0)} pages/s: ${figures.ratio.toFixed(2)}x (bar 2x, goal 5x)`,
  );
  return Promise.resolve(figures);
}

if (isMain(import.meta.url)) await run();
