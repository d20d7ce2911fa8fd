import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { frameStream, type BoundaryFinder } from '../src/formats/frame.js';
import { plain, plainBoundary } from '../src/formats/plain-format.js';
import { parsePlain } from '../src/formats/plain.js';
import { feed, html } from '../src/formats/web-formats.js';

/**
 * Inputs that are large or deep but good (found by the fault matrix, `npm run test:faults`): each used to cost
 * minutes or a stack overflow.
 */

const CHUNK = 256 * 1024;

/** Feeds text to frameStream in 256 KB chunks, as files are read, and counts the finder's calls. */
async function frame(text: string, find: BoundaryFinder, maxUnitBytes = 16 * 1024 * 1024) {
  let calls = 0;
  const counting: BoundaryFinder = (t, from, complete) => {
    calls++;
    return find(t, from, complete);
  };
  const bytes = Buffer.from(text, 'latin1');
  const chunks = Array.from({ length: Math.ceil(bytes.length / CHUNK) }, (_, i) =>
    bytes.subarray(i * CHUNK, (i + 1) * CHUNK),
  );
  const events = [];
  for await (const event of frameStream(Readable.from(chunks), counting, { maxUnitBytes })) events.push(event);
  return { events, calls, chunks: chunks.length };
}

describe('framing a long unit', () => {
  it('asks the finder again only as the text doubles, not at every chunk (a long story is scanned a few times)', async () => {
    const story = `Headline\n\n${'the minister said the talks would resume next week.\n'.repeat(200_000)}`;
    const { events, calls, chunks } = await frame(`${story}\f\nSecond story\n\nIt has a body.\n`, plainBoundary);
    expect(events.map((e) => e.kind)).toEqual(['unit', 'unit']);
    expect(chunks).toBeGreaterThan(35);
    // Once per doubling of a 10 MB unit, plus the final drain: about log2(40) + 2, where every chunk used to be one.
    expect(calls).toBeLessThan(12);
  });

  it('skips a 40 MB line without newlines, scanning it once per limit, and reads the story after it', async () => {
    const line = 'x'.repeat(40 * 1024 * 1024);
    const { events, calls } = await frame(`${line}\n\fLast story\n\nIts body.\n`, plainBoundary);
    expect(events.map((e) => (e.kind === 'unit' ? 'unit' : e.code))).toEqual(['story-too-large', 'unit']);
    expect(calls).toBeLessThan(10);
  });
});

describe('a long story', () => {
  it('joins 100,000 wrapped lines into paragraphs without rescanning the paragraph at each line', () => {
    // Twelve minutes for 15 MB when each line was joined onto the whole paragraph so far; the suite would time out.
    const lines = Array.from({ length: 100_000 }, (_, i) => `the minister said talks would resume next week ${i}`);
    lines[5] = 'a word broken at the line end by the wire desk, Iraq-';
    lines[6] = 'backed forces said';
    const story = plain.parse(`Long story\n\nLONDON - ${lines.join('\n')}\n`, 1).stories[0];
    expect(story?.paragraphs).toHaveLength(1);
    expect(story?.paragraphs[0]).toContain('Iraq-backed forces said the minister');
    expect(story?.paragraphs[0]?.endsWith('next week 99999')).toBe(true);
  });
});

const PROSE = 'A paragraph of the story, long enough to be prose, which the agency said its site wrapped in boxes.';
const context = { type: 'file' as const, location: 'deep.html', contentType: null, bom: null };

describe('markup nested 10,000 deep', () => {
  beforeAll(async () => {
    await html.load?.();
    await feed.load?.();
  });

  it('still gives the article of a page that wraps it in 10,000 divs (the tree is kept to 512 levels, as Chromium does)', () => {
    const page =
      `<html><head><title>Deep</title></head><body>${'<div>'.repeat(10_000)}<article><h1>Deep story</h1>` +
      `<p>${PROSE}</p><p>${PROSE} Again.</p></article>${'</div>'.repeat(10_000)}</body></html>`;
    const result = html.parse(page, 1, context);
    expect(result.diagnostics).toEqual([]);
    expect(result.stories[0]?.headline).toBe('Deep story');
    expect(result.stories[0]?.paragraphs).toEqual([PROSE, `${PROSE} Again.`]);
  });

  it('reads a feed item whose HTML is nested 10,000 deep', () => {
    const json = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      items: [{ id: '1', title: 'Deep item', content_html: `${'<div>'.repeat(10_000)}<p>${PROSE}</p>` }],
    });
    const rss =
      `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>Deep item</title>` +
      `<description>${'&lt;div&gt;'.repeat(10_000)}&lt;p&gt;${PROSE}&lt;/p&gt;</description></item></channel></rss>`;
    for (const text of [json, rss]) {
      const item = feed.parse(text, 1, context).stories[0];
      expect(item?.headline).toBe('Deep item');
      expect(item?.paragraphs).toEqual([PROSE]);
    }
  });
});

describe('a story of very many paragraphs', () => {
  it('is parsed on a thread with the default stack (no spread of all its paragraphs into one call)', () => {
    // 300,000 indented one-word paragraphs in one block (ANPA's way): more than a call can take as arguments.
    const text = `HEADLINE OF A LONG FILE\n\nThe first line.\n${'   Word.\n'.repeat(300_000)}`;
    const story = parsePlain(text);
    expect(story?.paragraphs.length).toBe(300_001);
  });
});
