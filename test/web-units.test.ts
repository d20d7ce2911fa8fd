import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDate } from '../src/formats/html/dates.js';
import { articleFromJsonLd } from '../src/formats/html/jsonld.js';
import { parseHtml } from '../src/formats/html/index.js';
import { decodeWeb, prescan } from '../src/formats/html/charset.js';
import { sniffWeb } from '../src/formats/web-sniff.js';
import { normalizeStory } from '../src/normalize/story.js';
import { HostGate } from '../src/sources/http/hosts.js';
import { backoffMs, retryAfterMs } from '../src/sources/http/retry.js';
import { expectValidRecord } from './helpers/schema.js';

const bytes = (text: string): Uint8Array => Buffer.from(text, 'utf8');

describe('Retry-After and backoff', () => {
  const now = Date.parse('2026-11-27T12:00:00Z');
  it('reads delay-seconds and HTTP dates, and ignores anything else', () => {
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('Fri, 27 Nov 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs(['7', '9'], now)).toBe(7000);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs(undefined, now)).toBeNull();
  });

  it('doubles the wait with each attempt, with jitter between half and all of it, never past the cap', () => {
    expect(backoffMs(1, 500, 30_000, null, () => 0)).toBe(250);
    expect(backoffMs(3, 500, 30_000, null, () => 1)).toBe(2000);
    expect(backoffMs(10, 500, 30_000, null, () => 1)).toBe(30_000);
    expect(backoffMs(1, 500, 30_000, 120_000)).toBe(30_000);
    expect(backoffMs(1, 500, 30_000, 2000)).toBe(2000);
  });
});

describe('the per-host gate', () => {
  it('lets one request at a time through to a host when perHost is 1, in the order they came', async () => {
    const gate = new HostGate(1, 0);
    const events: string[] = [];
    const task = (name: string) => async (): Promise<void> => {
      events.push(`start ${name}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      events.push(`end ${name}`);
    };
    await Promise.all([
      gate.run('a.example', task('1')),
      gate.run('a.example', task('2')),
      gate.run('b.example', task('3')),
    ]);
    expect(events.indexOf('end 1')).toBeLessThan(events.indexOf('start 2'));
    expect(events.indexOf('start 3')).toBeLessThan(events.indexOf('end 1'));
  });
});

describe('sniffing pages and feeds', () => {
  it.each([
    ['<!DOCTYPE html><html><body>x</body></html>', null, 'html'],
    ['  <!-- saved --><html lang="en">', null, 'html'],
    ['<?xml version="1.0"?><rss version="2.0"><channel>', null, 'feed'],
    ['<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">', null, 'feed'],
    ['{"version": "https://jsonfeed.org/version/1.1", "items": []}', null, 'feed'],
    ['Story text that mentions <html> in passing.', 'text/plain', null],
    ['Plain words served as a page', 'text/html; charset=utf-8', 'html'],
    ['<feed><entry>not Atom</entry></feed>', null, null],
  ] as const)('%j (%s) is %s', (text, type, expected) => {
    expect(sniffWeb(bytes(text), type)).toBe(expected);
  });
});

describe('charset declarations', () => {
  it('finds <meta charset>, http-equiv and the XML declaration in the first bytes', () => {
    expect(prescan(bytes('<html><head><meta charset="EUC-KR">'))).toBe('euc-kr');
    expect(prescan(bytes('<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">'))).toBe('shift_jis');
    expect(prescan(bytes('<?xml version="1.0" encoding="GB2312"?><rss>'))).toBe('gb2312');
    expect(prescan(bytes('<html><head><title>none</title>'))).toBeNull();
  });

  it('falls back to windows-1252 with a warning flag when nothing fits', () => {
    const decoded = decodeWeb(Buffer.from([0x3c, 0x70, 0x3e, 0x93, 0x48, 0x69, 0x94]), {});
    expect(decoded.text).toContain('<p>');
    expect(decoded.charset).not.toBe('utf-8');
  });
});

describe('JSON-LD', () => {
  it('finds the article in a @graph, with an @type array and CDATA around the JSON', () => {
    const block = `//<![CDATA[
{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},
 {"@type":["NewsArticle","Article"],"headline":"Storm hits coast","author":[{"name":"Jane Doe"},"John Roe"],
  "datePublished":"2026-11-27T08:00:00Z","publisher":{"name":"Daily Planet"}}]}
//]]>`;
    expect(articleFromJsonLd([block])).toMatchObject({
      headline: 'Storm hits coast',
      authors: ['Jane Doe', 'John Roe'],
      published: '2026-11-27T08:00:00Z',
      publisher: 'Daily Planet',
    });
  });

  it('follows an author given by @id to the Person elsewhere in the graph', () => {
    const block = JSON.stringify({
      '@graph': [
        { '@type': 'NewsArticle', headline: 'H', author: { '@id': '#person-1' } },
        { '@type': 'Person', '@id': '#person-1', name: 'Bryan Walsh' },
      ],
    });
    expect(articleFromJsonLd([block])?.authors).toEqual(['Bryan Walsh']);
  });

  it('reads JSON-LD with a trailing comma, and skips what is not JSON at all', () => {
    expect(articleFromJsonLd(['not json', '{"@type":"BlogPosting","headline":"Kept",}'])?.headline).toBe('Kept');
  });
});

describe('published dates', () => {
  it.each([
    ['2026-11-27', '2026-11-27'],
    ['2026-11-27 10:05:12', '2026-11-27T10:05:12'],
    ['2026-11-27T08:15:00.000Z', '2026-11-27T08:15:00Z'],
    ['2020-02-24T21:25:54-0500', '2020-02-24T21:25:54-05:00'],
    ['Mon, 24 Feb 2020 21:25:54 -0500', '2020-02-24T21:25:54-05:00'],
    ['Thu, 26 Nov 2026 08:30:00 GMT', '2026-11-26T08:30:00Z'],
    ['20261126', '2026-11-26'],
    ['Jan 18, 2019', '2019-01-18'],
    ['Updated 18 January 2019, 6:01 am', '2019-01-18'],
    ['2020/02/24', '2020-02-24'],
    ['Tue, 1 Dec 2026 9:00:00 EST', '2026-12-01T09:00:00-05:00'],
    ['Tue, 01 Dec 2026 09:00:00 PDT', '2026-12-01T09:00:00-07:00'],
    ['mar., 01 déc. 2026 09:00:00 +0100', '2026-12-01T09:00:00+01:00'],
    ['Fr, 27 Nov 2026 10:00:00 +0100', '2026-11-27T10:00:00+01:00'],
    ['2020-02-19 20:29', '2020-02-19T20:29:00'],
    ['2020年02月19日 20:29', '2020-02-19'],
    ['2020년 2월 19일', '2020-02-19'],
    ['19.02.2020, 18:30 Uhr', '2020-02-19'],
    ['02/10/2020', null],
    ['yesterday', null],
    ['2026-13-40', null],
  ])('%s → %s, the page’s own clock kept', (text, expected) => {
    expect(isoDate(text)).toBe(expected);
  });
});

describe('the HTML parser', () => {
  const origin = { type: 'file' as const, location: 'x.html', format: 'html' as const, index: 0, charset: 'utf-8' };
  const tags = [
    'p',
    'div',
    'article',
    'section',
    'ul',
    'li',
    'a',
    'h1',
    'h2',
    'span',
    'br',
    'table',
    'td',
    'script',
    'nav',
  ];
  const html = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.string({ maxLength: 80 }),
      fc
        .tuple(
          fc.constantFrom(...tags),
          fc.constantFrom('', ' class="content"', ' class="related"', ' id="byline"'),
          fc.array(tie('node'), { maxLength: 4 }),
        )
        .map(([tag, attrs, children]) => `<${tag}${attrs}>${(children as string[]).join('')}</${tag}>`),
    ),
  })).node;

  it('never throws, and what it finds normalizes to records that match the schema', () => {
    fc.assert(
      fc.property(html, fc.string({ maxLength: 200 }), (body, junk) => {
        const result = parseHtml(`<html><head><title>t</title></head><body>${body}</body></html>${junk}`, 1);
        for (const story of result.stories) {
          expectValidRecord(
            JSON.parse(
              JSON.stringify(normalizeStory(story, { origin, now: '2026-11-27T00:00:00Z', referenceDate: null })),
            ),
          );
        }
      }),
      { numRuns: 300 },
    );
  });
});
