import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frameStream, type BoundaryFinder } from '../src/formats/frame.js';
import { FORMATS } from '../src/formats/index.js';
import { documents } from './helpers/arbitraries.js';

/**
 * Framing on bytes (src/formats/frame.ts): a unit that straddles two chunks is looked for in a copy of the rest and
 * the next chunk's first 16 KB, and the chunk is then framed where it lies. Streams of many kilobytes, read in
 * file-sized chunks, must be cut exactly where one buffer of the whole stream is cut.
 */

async function units(chunks: readonly Buffer[], find: BoundaryFinder, maxUnitBytes = 16 * 1024 * 1024) {
  const out: string[] = [];
  for await (const event of frameStream(Readable.from(chunks), find, { maxUnitBytes }))
    out.push(event.kind === 'unit' ? `${event.line}:${event.bytes.toString('latin1')}` : `${event.line}!${event.code}`);
  return out;
}

function chunksOf(bytes: Buffer, size: number): Buffer[] {
  return Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));
}

/** A long stream of the format's documents (damaged ones among them), the same on every run. */
function stream(name: string, bytes: number): Buffer {
  const samples = fc.sample(documents[name]!, { numRuns: 300, seed: 13 });
  const parts: string[] = [];
  for (let size = 0, i = 0; size < bytes; i++) {
    const part = `${samples[i % samples.length]!}\n`;
    parts.push(part);
    size += part.length;
  }
  return Buffer.from(parts.join(''), 'latin1');
}

describe('framing a stream of many chunks', () => {
  it.each(['anpa', 'iptc7901', 'sgml', 'ninjs', 'wire'])(
    'cuts a %s stream read in 256 KB or 20 KB chunks where it cuts the whole stream',
    async (name) => {
      const find = FORMATS.get(name as never)!.boundary;
      const bytes = stream(name, 700 * 1024);
      const whole = await units([bytes], find);
      expect(whole.length).toBeGreaterThan(20);
      for (const size of [256 * 1024, 20_000]) expect(await units(chunksOf(bytes, size), find)).toEqual(whole);
    },
  );

  it('cuts plain stories the same in chunks, after form feeds, marker lines and pasted stories', async () => {
    const story = (i: number): string =>
      i % 3 === 0
        ? `Harbour ${i} reopens after storm\n\nPORTVILLE, March 3 (Reuters) - The harbour reopened on Friday.\n\n(END)\n`
        : `Story ${i}\n\nBERLIN (dpa) - ${'Talks resumed on Monday and the ministry said so. '.repeat(i % 40)}\n\f\n`;
    const bytes = Buffer.from(Array.from({ length: 6000 }, (_, i) => story(i)).join(''), 'latin1');
    const find = FORMATS.get('plain')!.boundary;
    const whole = await units([bytes], find);
    expect(whole.length).toBe(6000);
    for (const size of [256 * 1024, 20_000, 4_000]) expect(await units(chunksOf(bytes, size), find)).toEqual(whole);
  });

  it('keeps end matter with its story where the first 16 KB of a chunk end inside it', async () => {
    // The story that straddles the second 40 KB chunk is looked for in a copy of the rest and the chunk's first
    // 16 KB (up to byte 56,384 of the stream). Its (END) and source lines are put just before that end and across it,
    // which must not read as the end of the stream.
    const find = FORMATS.get('plain')!.boundary;
    const line = 'The ministry said talks would resume next week.\n';
    for (let end = 56_384 - 300; end < 56_384; end += 23) {
      let text = '';
      for (let i = 0; text.length < 39_000; i++) text += `Story ${i}\n\nBERLIN (dpa) - ${line.repeat(12)}\f\n`;
      text += 'Long story\n\nSEOUL, Nov. 27 (Yonhap) -- ';
      while (text.length < end - 6) text += line.slice(0, Math.min(line.length, end - 6 - text.length - 1)) + '\n';
      text += `(END)\n${'Source: Yonhap News Agency\n'.repeat(12)}\nLast story\n\nIt has a body.\n`;
      const bytes = Buffer.from(text, 'latin1');
      expect(await units(chunksOf(bytes, 40_000), find)).toEqual(await units([bytes], find));
    }
  });

  it('skips a story larger than the limit in the middle of a chunked stream, and keeps the line count', async () => {
    const big = `Big story\n\n${'x'.repeat(60_000)}\n\f\n`;
    const text = `First\n\nOne.\n\f\n${big}Last\n\nTwo.\n`;
    const cut = await units(chunksOf(Buffer.from(text, 'latin1'), 20_000), FORMATS.get('plain')!.boundary, 30_000);
    // Each unit's line is where it starts: the line feed after a form feed opens the next unit.
    const heads = cut.map((unit) => unit.replace(/^(\d+[:!])\s*/, '$1').replace(/\n[\s\S]*/, ''));
    expect(heads).toEqual(['1:First', '4!story-too-large', '8:Last']);
  });
});
