import type { NearSketch } from './sketch.js';

/** Two sketches at least this similar are copies of one story. */
export const NEAR_THRESHOLD = 0.7;
/** An update at least this similar (numbers and date aside) is a new version of the story. */
export const UPDATE_THRESHOLD = 0.5;
// An edit can move a chunk by a position or two (a word split into two chunks); look that far either side.
const WINDOW = 2;
const MIN_NUMBERS_FOR_SLIP = 4;

/**
 * How alike two sketches are, from 0 to 1: the share of the shorter text's opening chunks found near the same
 * position in the other's. The shorter text may be a trimmed copy, so its last chunk (cut mid-way by the trim) is
 * not counted. Returns 0 when the texts disagree on their first numbers, since copies keep their numbers and
 * template stories (`Fed adds reserves via customer repurchases`) differ in little else, or on their dateline day.
 */
export function sketchSimilarity(a: NearSketch, b: NearSketch): number {
  if (!sameNumbers(a.numbers, b.numbers) || !closeDays(a.day, b.day) || !sameTitleIfShort(a, b)) return 0;
  if (!sameSubject(a, b)) return 0;
  return openingOverlap(a, b);
}

/**
 * The similarity reported for a copy whose body is not identical (1 is kept for identical bodies): how much of its
 * opening matched, scaled by how much of the longer text the shorter one covers, and never 1. A copy trimmed to 36
 * of 47 words matches all of its opening but covers about three quarters of the original: 0.77, not 1.
 */
export function textSimilarity(a: NearSketch, b: NearSketch, overlap: number): number {
  const longer = Math.max(a.chunks, b.chunks);
  const covered = longer === 0 ? 1 : Math.min(a.chunks, b.chunks) / longer;
  return Math.min(MOST_SIMILAR, overlap * covered);
}
// Below 1 by more than the rounding of `similarity` to three decimals.
const MOST_SIMILAR = 0.999;

/**
 * Template stories share everything but who they are about, which the first words say (`Atari Corp said it filed
 * ... convertible subordinated debentures due 2012` / `Thermo Electron Corp said it filed ...`): a copy keeps its
 * first chunk, or at least its headline.
 */
function sameSubject(a: NearSketch, b: NearSketch): boolean {
  return a.opening[0] === b.opening[0] || a.title === b.title;
}

/**
 * A body too short to say which story it is (`Qtly div six cts vs six cts prior`, printed for many companies) is a
 * copy only under the same headline; a short trimmed copy of a long story keeps its headline too.
 */
function sameTitleIfShort(a: NearSketch, b: NearSketch): boolean {
  return !(a.short || b.short) || a.title === b.title;
}

/**
 * Similarity for a story that says it updates an earlier one: only the opening chunks count, since an update may
 * correct a figure or move to the next day.
 */
export function updateSimilarity(a: NearSketch, b: NearSketch): number {
  if (!closeDays(a.day, b.day) || !sameSubject(a, b)) return 0;
  // A correction changes a figure or two, not the whole table: `Shr 22 cts vs 16 cts` of another company is not it.
  if (a.title !== b.title && numberAgreement(a.numbers, b.numbers) < 0.5) return 0;
  return openingOverlap(a, b);
}

function numberAgreement(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return 1;
  let same = 0;
  for (let i = 0; i < n; i++) if (a[i] === b[i]) same++;
  return same / n;
}

function openingOverlap(a: NearSketch, b: NearSketch): number {
  const [short, long] = a.chunks <= b.chunks ? [a, b] : [b, a];
  let scored = short.opening.length;
  // A shorter text whose every chunk is in its opening may end in a chunk its trim cut short.
  if (short.chunks < long.chunks && short.chunks <= short.opening.length && scored > 1) scored--;
  if (scored === 0) return long.opening.length === 0 ? 1 : 0;
  const used = new Array<boolean>(long.opening.length).fill(false);
  let matched = 0;
  for (let i = 0; i < scored; i++) {
    const at = partner(short.opening[i] ?? 0, i, long.opening, used);
    if (at === -1) continue;
    used[at] = true;
    matched++;
  }
  return matched / scored;
}

/**
 * Datelines at most a day apart (a next-day re-run), or one unknown. The same template text on two different days
 * (`FED ADDS RESERVES VIA CUSTOMER REPURCHASES`, every morning) is two stories.
 */
function closeDays(a: number, b: number): boolean {
  const apart = Math.abs(a - b) % 255;
  return a === 0 || b === 0 || Math.min(apart, 255 - apart) <= 1;
}

/**
 * The first numbers agree as far as both texts have them (a trimmed copy has a prefix of its original's), but for
 * one slip among four or more: a re-sent table that corrects one figure is still the same report.
 */
function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  const n = Math.min(a.length, b.length);
  let slips = 0;
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) slips++;
  return slips === 0 || (slips === 1 && n >= MIN_NUMBERS_FOR_SLIP);
}

function partner(code: number, i: number, codes: readonly number[], used: readonly boolean[]): number {
  const from = Math.max(0, i - WINDOW);
  const to = Math.min(codes.length - 1, i + WINDOW);
  for (let j = from; j <= to; j++) if (!used[j] && codes[j] === code) return j;
  return -1;
}
