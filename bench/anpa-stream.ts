import { createWriteStream, mkdirSync } from 'node:fs';
import { once } from 'node:events';
import { dirname } from 'node:path';
import { random } from './generate.js';

// Words for generated copy: common English plus wire vocabulary, so that lines wrap and tokens vary like 1987 copy.
const WORDS = (
  'the of and to in a said for on that is was it with as by at from its be has have will are an million pct ' +
  'company year dlrs would which were shares been per share billion not market but this had their also one ' +
  'first quarter net loss profit rose fell prices government bank trade officials analysts oil exports imports ' +
  'agreement talks minister week month sales earnings output demand supply rates interest dollar yen mark ' +
  'spokesman statement reported expected increase decline higher lower offer tonnes crude futures index'
).split(' ');
const PLACES = [
  'NEW YORK',
  'WASHINGTON',
  'LONDON',
  'TOKYO',
  'CHICAGO',
  'BONN',
  'PARIS',
  'HOUSTON, Texas',
  'COMMACK, N.Y.',
  'SINGAPORE',
  'SYDNEY',
  'OTTAWA',
];
const MONTHS = ['Jan', 'Feb', 'March', 'April', 'May', 'June', 'July', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];

/** One ANPA-1312 frame in Reuters' 1987 shape: ENQ routing, SYN SYN SOH header, STX, indented copy, ETX, stamp. */
function frame(n: number, next: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const month = 1 + Math.floor(next() * 12);
  const day = 1 + Math.floor(next() * 28);
  const words = (count: number): string => Array.from({ length: count }, () => pick(WORDS)).join(' ');
  const headline = words(4 + Math.floor(next() * 6)).toUpperCase();
  const paragraphs = Array.from(
    { length: 3 + Math.floor(next() * 8) },
    () => `${words(20 + Math.floor(next() * 40))}.`,
  );
  const dateline = `${pick(PLACES)}, ${MONTHS[month - 1]} ${day} - `;
  const body = paragraphs.map((p, i) => wrap(`    ${i === 0 ? dateline : ''}${p[0]?.toUpperCase()}${p.slice(1)}`));
  const count = body.join(' ').split(/\s+/).length;
  const md = `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const slug = `BC-${headline.split(' ').slice(0, 3).join('-')}`.slice(0, 24);
  const number = String(n % 10000).padStart(4, '0');
  return (
    `\u0005\u0005\u0005F\n\u0016\u0016\u0001f${number}\u001freute\n${pick(['r', 'u', 'd', 'b'])} f ${slug}   ${md} ` +
    `${String(count).padStart(4, '0')}\n\u0002\n${headline}\n${body.join('\n')}\n Reuter\n\u0003\n` +
    `${md}-87 ${String(Math.floor(next() * 24)).padStart(2, '0')}${String(Math.floor(next() * 60)).padStart(2, '0')}GMT\n`
  );
}

/** Hard-wraps a paragraph at 65 columns, as 1987 wire copy was. */
function wrap(text: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/(?<=\S) /)) {
    if (line !== '' && line.length + word.length + 1 > 65) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines.join('\n');
}

/** Writes a generated ANPA-1312 stream of at least `bytes` bytes to `path`; returns its frame and byte counts. */
export async function generateAnpaStream(path: string, bytes: number): Promise<{ frames: number; bytes: number }> {
  mkdirSync(dirname(path), { recursive: true });
  const out = createWriteStream(path, { encoding: 'latin1' });
  const next = random(1987);
  let written = 0;
  let frames = 0;
  while (written < bytes) {
    const text = frame(frames++, next);
    written += text.length;
    if (!out.write(text)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { frames, bytes: written };
}
