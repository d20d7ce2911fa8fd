import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

// Datelines in the agencies' shapes (FORMATS.md), our own wording.
const DATELINES = [
  'SEOUL, Nov. 27 (Yonhap) -- ',
  'NEW YORK, Aug 10 (Reuters) - ',
  'JACKSON, Ga. (AP) — ',
  'BEIJING, March 31 (Xinhua) -- ',
  'Berlin (dpa) - ',
  'MADRID (AFP) - ',
  'New Delhi, Jul 14 (PTI) ',
  'KUALA LUMPUR, Aug 6 (Bernama) -- ',
  '    NEW BEDFORD, Mass., March 4 - ',
];
const SIGNOFFS = ['(END)', 'Reuter', '-- AFP', 'Enditem', 'Source: Yonhap News Agency', ''];
const WORDS = (
  'the minister said on monday that talks would resume next week after officials from both sides met in the ' +
  'capital to discuss trade tariffs exports growth inflation rates central bank market shares rose fell percent ' +
  'company quarter profit analysts expected government parliament vote election police reported storm weather'
).split(' ');

/** A small deterministic random number generator (mulberry32), so generated files are the same on every run. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentence(rand: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(rand() * WORDS.length)] ?? 'news');
  const text = out.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** One generated plain-text story: about 2 KB with 6 paragraphs, 1.1 KB with 3. */
export function story(rand: () => number, n: number, count = 6): string {
  const dateline = DATELINES[n % DATELINES.length] ?? '';
  const paragraphs = Array.from({ length: count }, () => `${sentence(rand, 25)} ${sentence(rand, 20)}`);
  const signoff = SIGNOFFS[n % SIGNOFFS.length] ?? '';
  return `Story ${n}: ${sentence(rand, 8)}\n\n${dateline}${paragraphs.join('\n\n')}\n\n${signoff}\n`;
}

/**
 * Writes a form-feed-separated multi-story file of at least `bytes` bytes, of stories with `paragraphs` paragraphs
 * (6: about 2 KB; 3: about 1.1 KB, the size of a Reuters story); returns the number of stories.
 */
export async function writeStoryFile(path: string, bytes: number, seed = 1, paragraphs = 6): Promise<number> {
  const rand = random(seed);
  const out = createWriteStream(path);
  let written = 0;
  let n = 0;
  while (written < bytes) {
    const text = `${story(rand, n++, paragraphs)}\f\n`;
    written += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'close');
  return n;
}
