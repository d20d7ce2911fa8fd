import { isMain, loadPages } from './web-corpus.js';
import { htmlText, readability, wire } from './web-extractors.js';

/** Pages per second of each extractor, and wire's ratio over Readability.js + linkedom. */
export interface SpeedFigures {
  readonly pages: number;
  readonly wirePagesPerSecond: number;
  readonly readabilityPagesPerSecond: number;
  readonly ratio: number;
}

const ROUNDS = 5;

/**
 * Extraction speed over the corpus pages, wire against Readability.js on linkedom, measured in the same run with
 * the same input (decoding included for both). Each extractor gets a warm-up round, then `ROUNDS` timed rounds
 * taken in turn with the other's; the best round of each counts, to keep load and garbage-collection noise out.
 */
export async function run(): Promise<SpeedFigures | null> {
  const pages = loadPages(htmlText);
  if (pages === null) {
    console.log('web-speed: skipped (no ../shared/corpus on this machine)');
    return null;
  }
  const round = (extract: typeof wire): number => {
    const started = performance.now();
    for (const page of pages) {
      try {
        extract(page.bytes, page.url);
      } catch {
        // A crash costs its time like any other page.
      }
    }
    return performance.now() - started;
  };
  // A warm-up round each, then rounds taken in turn, so that a burst of load on the machine hits both alike.
  round(wire);
  round(readability);
  let ourBest = Infinity;
  let theirBest = Infinity;
  for (let r = 0; r < ROUNDS; r++) {
    ourBest = Math.min(ourBest, round(wire));
    theirBest = Math.min(theirBest, round(readability));
  }
  const ours = (pages.length / ourBest) * 1000;
  const theirs = (pages.length / theirBest) * 1000;
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
