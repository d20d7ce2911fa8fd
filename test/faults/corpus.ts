import { createWriteStream, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { random, story } from '../../bench/generate.js';

/**
 * Generated inputs whose every story carries its number in the headline (`Story 12: ...`), so that a check can
 * tell exactly which stories an output holds. Bodies are random words from a seeded generator: no two stories are
 * copies of each other, so near-duplicate detection must keep them all.
 */

/** Plain wire copy: stories `first`..`first + count - 1`, separated by form feeds. */
export function plainStories(first: number, count: number, seed = first + 1): string {
  return storiesFrom(random(seed), first, count);
}

function storiesFrom(rand: () => number, first: number, count: number): string {
  const parts: string[] = [];
  for (let n = first; n < first + count; n++) parts.push(`${story(rand, n)}\f\n`);
  return parts.join('');
}

// A file is written from one random stream, never from a stream per batch: the generator's streams are one cycle
// entered at the seed, so two seeded streams can run into each other, and a gigabyte of stories (170 million draws)
// then holds runs of identical text in distinct stories, which near dedup rightly merges.

/**
 * Writes `count` plain stories to a file, a batch at a time (10,000 stories are about 20 MB). Files of other story
 * numbers get other streams (the seed follows `first`), so that they share no text.
 */
export async function writePlain(path: string, first: number, count: number, seed = first + 1): Promise<void> {
  const rand = random(seed);
  const out = createWriteStream(path);
  for (let at = first; at < first + count; at += 500) {
    if (!out.write(storiesFrom(rand, at, Math.min(500, first + count - at)))) await once(out, 'drain');
  }
  out.end();
  await once(out, 'close');
}

/** Writes plain stories numbered from `first` until the file holds `bytes`; returns how many it wrote. */
export async function writePlainBytes(path: string, first: number, bytes: number, seed = 3): Promise<number> {
  const rand = random(seed);
  const out = createWriteStream(path);
  let written = 0;
  let n = first;
  while (written < bytes) {
    const text = storiesFrom(rand, n, 500);
    n += 500;
    written += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'close');
  return n - first;
}

const WORDS = (
  'the of and to in said for on that was with by from has will are million pct company year dlrs would shares ' +
  'billion market first quarter net profit rose fell prices government bank trade officials oil exports talks ' +
  'minister week month sales earnings output demand rates interest dollar spokesman statement expected offer'
).split(' ');
const PLACES = ['NEW YORK', 'WASHINGTON', 'LONDON', 'TOKYO', 'CHICAGO', 'PARIS', 'HOUSTON, Texas', 'SYDNEY'];

function words(rand: () => number, count: number): string {
  return Array.from({ length: count }, () => WORDS[Math.floor(rand() * WORDS.length)] ?? 'the').join(' ');
}

/** One ANPA-1312 frame in Reuters' 1987 shape, headlined `STORY n ...`. */
export function anpaFrame(n: number, rand: () => number): string {
  const day = String(1 + (n % 28)).padStart(2, '0');
  const place = PLACES[n % PLACES.length] ?? 'LONDON';
  const paragraphs = Array.from({ length: 3 + Math.floor(rand() * 3) }, (_, i) => {
    const lead = i === 0 ? `${place}, March ${Number(day)} - ` : '';
    return `    ${lead}${words(rand, 30 + Math.floor(rand() * 20))} ${n * 7 + i} dlrs.`;
  });
  return (
    `\u0005\u0005\u0005F\n\u0016\u0016\u0001f${String(n % 10000).padStart(4, '0')}\u001freute\n` +
    `u f BC-STORY-${n}   03-${day} 0321\n\u0002\nSTORY ${n} ${words(rand, 5).toUpperCase()}\n` +
    `${paragraphs.join('\n')}\n Reuter\n\u0003\n03-${day}-87 1501GMT\n`
  );
}

/** An ANPA stream of stories `first`..`first + count - 1`. */
export function anpaStories(first: number, count: number, seed = first + 7): string {
  const rand = random(seed);
  const parts: string[] = [];
  for (let n = first; n < first + count; n++) parts.push(anpaFrame(n, rand));
  return parts.join('');
}

/** A news page headlined `Story n: ...`, in the usual template of nav, article and footer. */
export function articlePage(n: number, seed = n + 11): string {
  const rand = random(seed);
  const paragraphs = Array.from(
    { length: 4 },
    (_, i) =>
      `<p>${i === 0 ? `${PLACES[n % PLACES.length] ?? 'LONDON'} (Reuters) - ` : ''}${words(rand, 40)}, ${n} ${i}.</p>`,
  );
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Story ${n}: ${words(rand, 5)} | Test Wire</title>` +
    `</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>Story ${n}: ${words(rand, 5)}</h1>` +
    `${paragraphs.join('\n')}</article><footer>© 2026 Test Wire</footer></body></html>`
  );
}

/** An RSS 2.0 feed whose items link to `link(n)` for stories `first`..`first + count - 1`. */
export function rssFeed(first: number, count: number, link: (n: number) => string): string {
  const items: string[] = [];
  for (let n = first; n < first + count; n++) {
    items.push(`<item><title>Story ${n}</title><link>${link(n)}</link><guid>${link(n)}</guid></item>`);
  }
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title>${items.join('')}</channel></rss>`;
}

export const MB = 1024 * 1024;

/** Writes one input file; returns it as command-line arguments. */
export function file(dir: string, name: string, content: string | Buffer, encoding: BufferEncoding = 'utf8'): string[] {
  const path = join(dir, name);
  writeFileSync(path, content, encoding);
  return [path];
}
