import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { anpa } from '../src/formats/anpa.js';
import { parseHeader } from '../src/formats/wire-header.js';
import { parseFrameText } from '../src/formats/wire-text.js';
import { ingest } from '../src/pipeline/run.js';
import { MemorySink } from '../src/sinks/memory.js';

const frame = (n: number): string =>
  `\u0016\u0016\u0001f${String(n % 10000).padStart(4, '0')}\u001freute\r\n` +
  `r f BC-STORY-${n}   03-03 0040\r\n\u0002\r\nSTORY NUMBER ${n} FILED\r\n` +
  `    NEW YORK, March 3 - Story ${n} has its own body text, which\r\nruns over two lines.\r\n Reuter\r\n\u0003\r\n`;

/** A stream of frames, cut into chunks that split frames (and CR LF pairs) at awkward places. */
function stream(frames: number, chunk: number): AsyncIterable<Uint8Array> {
  return Readable.from(chunks(frames, chunk));
}

function* chunks(frames: number, chunk: number): Generator<Uint8Array> {
  let pending = '';
  for (let n = 0; n < frames; n++) {
    pending += frame(n);
    while (pending.length >= chunk) {
      yield Buffer.from(pending.slice(0, chunk), 'latin1');
      pending = pending.slice(chunk);
    }
  }
  if (pending !== '') yield Buffer.from(pending, 'latin1');
}

describe('ANPA-1312 streams', () => {
  it('gives one record per frame for a stream of 10,000 frames, in order', async () => {
    const sink = new MemorySink();
    const summary = await ingest({ inputs: ['-'], stdin: stream(10_000, 4093), sink, dedup: 'off' });
    expect(summary.failures).toEqual([]);
    expect(sink.records).toHaveLength(10_000);
    expect(sink.records[9_999]?.headline).toBe('STORY NUMBER 9999 FILED');
    expect(sink.records.every((r, i) => r.envelope?.['slug'] === `BC-STORY-${i}` && r.origin.format === 'anpa')).toBe(
      true,
    );
  });

  it('reads the same records whatever the chunk size', async () => {
    const read = async (chunk: number): Promise<string[]> => {
      const sink = new MemorySink();
      await ingest({ inputs: ['-'], stdin: stream(20, chunk), sink, dedup: 'off' });
      return sink.records.map((r) => `${r.headline}|${r.body}|${r.dateline?.text}|${r.source?.text}`);
    };
    const whole = await read(1 << 20);
    expect(whole).toHaveLength(20);
    for (const size of [1, 2, 7, 64, 333]) expect(await read(size)).toEqual(whole);
  });

  it('starts a new record at a SOH even when the frame before it lost its ETX', () => {
    const text = frame(1).replace('\u0003', '') + frame(2);
    const cut = anpa.boundary(Buffer.from(text, 'latin1'), 0, text.length);
    expect(cut?.unitEnd).toBe(text.indexOf('\u0016\u0016\u0001f0002'));
  });
});

describe('damaged and decorated frames', () => {
  it('ends a frame at EOT when its ETX was lost, and keeps a headline-only flash without its asterisks', () => {
    const text = '\u0001f0001\u001freute\nf f BC-STERLING   03-12 0014\n\u0002\n******STERLING TOPS 1.60 DLRS\n\u0004';
    const result = anpa.parse(text, 1);
    expect(result.diagnostics).toEqual([]);
    expect(result.stories).toEqual([
      expect.objectContaining({ headline: 'STERLING TOPS 1.60 DLRS', paragraphs: [], urgency: 1 }),
    ]);
  });

  it('drops the quad code that ends AP body lines, and reads a lower-case trailer zone', () => {
    const text =
      '\u0001a0001\u001fr a BC-X 05-17 0010\n\u0002^Headline<\n\tMIAMI (AP) _ Text goes<\non here.<\n\u0003ap-ny-05-17-96 1516edt';
    expect(anpa.parse(text, 1).stories[0]).toMatchObject({
      paragraphs: ['MIAMI (AP) _ Text goes on here.'],
      published: '1996-05-17T15:16:00-04:00',
    });
  });
});

describe('hostile frames', () => {
  it('gets through a header line of spaces and a caret line of quad codes (no quadratic regex)', () => {
    const spaces = ' '.repeat(300_000);
    const quads = '<'.repeat(300_000);
    const text = `\u0001f0001${spaces}x\nu f BC-X${spaces}1\n\u0002^Headline${quads}x\n^${quads}\n\tBody.\n\u0003`;
    const story = anpa.parse(text, 1).stories[0];
    expect(story?.headline).toBe(`Headline${quads}x`);
    expect(story?.envelope).toEqual({});
  });
});

describe('frame headers', () => {
  it('reads a Reuters header: service, story number, selector, priority, category, slug, month-day, words', () => {
    const { fields } = parseHeader('f0119\u001freute\nu f BC-DIAMOND-SHAMROCK-(DIA   02-26 0097');
    expect(fields).toEqual({
      service: 'f',
      story_number: '0119',
      selector: 'reute',
      priority: 'u',
      priority_name: 'urgent',
      category: 'f',
      category_name: 'financial',
      slug: 'BC-DIAMOND-SHAMROCK-(DIA',
      cycle: 'BC',
      month_day: '02-26',
      words: 97,
    });
  });

  it('keeps the version words after the slug as the take key', () => {
    const { fields } = parseHeader('u f PM-YUGOSLAVIA 1STLD-(WRITETHROUGH)  03-24 0140');
    expect(fields['slug']).toBe('PM-YUGOSLAVIA');
    expect(fields['take']).toBe('1STLD-(WRITETHROUGH)');
  });

  it('reads a one-line AP header with DC format identifiers', () => {
    const { fields } = parseHeader('a0217\u001fr a\u0013\u0011 BC-Ferry-Strike 1stLd-Writethru 05-17 0188');
    expect(fields).toMatchObject({ priority: 'r', category: 'a', slug: 'BC-Ferry-Strike', take: '1stLd-Writethru' });
  });

  it('reads an IPTC 7901 header with a digit priority and keeps the keyword line unread', () => {
    const header = parseHeader('AAP0311 1 i 0118 AAP\r\nQUAKE-NZ/\r\n');
    expect(header.iptc).toBe(true);
    expect(header.fields).toMatchObject({ service: 'AAP', priority: '1', priority_name: 'flash', words: 118 });
    expect(header.unread).toEqual(['QUAKE-NZ/']);
  });

  it('leaves the priority name out for a code it does not know', () => {
    expect(parseHeader('h f BC-SEAWAY (PIX-EXPECTED)  03-20 0130').fields).toMatchObject({ priority: 'h' });
    expect(parseHeader('h f BC-SEAWAY 03-20 0130').fields['priority_name']).toBeUndefined();
  });
});

describe('frame text', () => {
  it('takes an editors note that opens the text up to the first blank line', () => {
    const text =
      'The following information is not for publication\nPlease note embargo.\n\nHEADLINE\n\nBody text here.';
    const parsed = parseFrameText(text, false);
    expect(parsed.ednote).toBe('Please note embargo.');
    expect(parsed.headline).toBe('HEADLINE');
    expect(parsed.paragraphs).toEqual(['Body text here.']);
  });

  it('takes an editors note at the end to the end of the text', () => {
    const parsed = parseFrameText(
      'Headline\n\nBody one.\n\nThe following information is not for publication\nCall the desk.\n\nAfter.',
      true,
    );
    expect(parsed.ednote).toBe('Call the desk.\nAfter.');
    expect(parsed.paragraphs).toEqual(['Body one.']);
  });

  it('reads a 1987 Reuters byline in lower case, so that the dateline after it is found', () => {
    const parsed = parseFrameText(
      '\nSOVIET GRAINS ON SHAKY NOTE\n    by Ann Lee, Reuters\n    WASHINGTON, March 3 - Text\nruns on.\n',
      false,
    );
    expect(parsed).toMatchObject({
      byline: 'by Ann Lee, Reuters',
      paragraphs: ['WASHINGTON, March 3 - Text runs on.'],
    });
  });

  it('reads AP caret lines: slug repeat dropped, headline, byline with its title', () => {
    const parsed = parseFrameText(
      '\u0013^BC-Storms,0410<\r\n^Storms batter coast<\r\n^By ANN LEE=\r\n^AP Writer=\r\n\tMIAMI (AP) _ Text.',
      false,
    );
    expect(parsed).toMatchObject({ headline: 'Storms batter coast', byline: 'By ANN LEE, AP Writer', ednote: null });
    expect(parsed.paragraphs).toEqual(['MIAMI (AP) _ Text.']);
  });
});
