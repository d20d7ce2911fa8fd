import { describe, expect, it } from 'vitest';
import { articleJson } from '../src/formats/article-json.js';

const parse = (value: unknown): ReturnType<typeof articleJson.parse> => articleJson.parse(JSON.stringify(value), 1);

describe('the article-json reader', () => {
  it.each([
    [{ title: 'T', pubDate: 'Fri, 28 Aug 2020 20:45:00 +0000', body: 'B' }, '2020-08-28T20:45:00+00:00'],
    [{ title: 'T', date: '20200828T204500+0000', body: 'B' }, '2020-08-28T20:45:00+00:00'],
    [{ title: 'T', datePublished: '2020-08-28', articleBody: 'B' }, '2020-08-28'],
    [
      { title: 'T', date: '2020-08-28T22:45:00', date_gmt: '2020-08-28T20:45:00', content: 'B' },
      '2020-08-28T20:45:00Z',
    ],
    [{ title: 'T', created_at: 'yesterday', body: 'B' }, null],
    // Numbers: seconds or milliseconds since 1970, told apart by size; a year or an id is no time.
    [{ title: 'T', published_at: 1764849600, body: 'B' }, '2025-12-04T12:00:00Z'],
    [{ title: 'T', published_at: 1764849600123, body: 'B' }, '2025-12-04T12:00:00.123Z'],
    [{ title: 'T', date: 2025, body: 'B' }, null],
  ])('reads the publication time of %j as %s', (item, published) => {
    expect(parse(item).stories[0]?.published).toBe(published);
  });

  it('reads text as blank-line separated paragraphs, and HTML only when it has HTML elements', () => {
    const text = parse({ title: 'T', body: 'Shares of <AMR> rose.\n\nTraders said so.' }).stories[0];
    expect(text?.paragraphs).toEqual(['Shares of <AMR> rose.', 'Traders said so.']);
    const html = parse({ title: 'T', body: '<p>One &amp; two</p><p>Three</p>' }).stories[0];
    expect(html?.paragraphs).toEqual(['One & two', 'Three']);
  });

  it("cuts NewsAPI's truncation note from the end of the text, and keeps an ellipsis the text ends with", () => {
    const cut = parse({ title: 'T', content: 'The council voted on Tuesday.… [+1830 chars]' }).stories[0];
    expect(cut).toMatchObject({ paragraphs: ['The council voted on Tuesday.'], stripped: ['… [+1830 chars]'] });
    const kept = parse({ title: 'T', content: 'And then…' }).stories[0];
    expect(kept).toMatchObject({ paragraphs: ['And then…'] });
    expect(kept?.stripped).toBeUndefined();
  });

  it('takes the byline from authors given as names or as objects, and never from a numeric author id', () => {
    expect(parse({ title: 'T', body: 'B', authors: ['Ann Lee', { name: 'Bo Li' }] }).stories[0]?.byline).toBe(
      'Ann Lee, Bo Li',
    );
    expect(parse({ title: 'T', body: 'B', author: 3 }).stories[0]?.byline).toBeNull();
    expect(
      parse({ headline: 'T', articleBody: 'B', author: { '@type': 'Person', name: 'Cy Ng' } }).stories[0]?.byline,
    ).toBe('Cy Ng');
  });

  it('makes a press release of a Cision item, with the issuing company as its source', () => {
    const story = parse({ data: { title: 'T', body: '<p>B</p>', source_company: 'ACME, LLC', release_id: 'r1' } })
      .stories[0];
    expect(story).toMatchObject({ pressRelease: true, source: 'ACME, LLC', agency: null, altids: { releaseid: 'r1' } });
  });

  it('uses the summary as the text when there is no body, and not also as the description', () => {
    const story = parse({ articles: [{ title: 'T', description: 'The summary.', content: null }] }).stories[0];
    expect(story).toMatchObject({ paragraphs: ['The summary.'], description: null });
  });

  it('reads a title alone as a headline-only record when the reader is forced', () => {
    const result = parse({ title: 'Quarterly report', url: 'https://x.example/r' });
    expect(result.stories.map((s) => [s.headline, s.paragraphs, s.url])).toEqual([
      ['Quarterly report', [], 'https://x.example/r'],
    ]);
  });

  it('skips an item without a title or text, and says when a document holds no article at all', () => {
    const skipped = parse([{ title: 'T', body: 'B' }, { id: 2 }]);
    expect(skipped.stories).toHaveLength(1);
    expect(skipped.diagnostics.map((d) => d.code)).toEqual(['not-a-story']);
    const none = parse({ requests: { a: 1 } });
    expect(none.stories).toEqual([]);
    expect(none.diagnostics).toMatchObject([{ severity: 'error', code: 'not-article-json' }]);
  });
});
