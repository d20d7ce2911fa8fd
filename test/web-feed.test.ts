import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../src/pipeline/run.js';
import type { Diagnostic, HttpValidators, ValidatorCache } from '../src/types.js';
import { MemorySink } from '../src/sinks/memory.js';
import { expectValidRecord } from './helpers/schema.js';
import { tempDir } from './helpers/tmp.js';
import { articlePage, send, startServer, wait, type TestServer } from './helpers/web-server.js';

let server: TestServer;
const dir = tempDir();
const fast = { retries: 0, retryDelayMs: 1 };

const STORIES = [
  [
    'Harbour strike ends after pay deal',
    'ROTTERDAM, Nov. 26 (Reuters) - Dock workers at Europe’s largest port returned to work on Thursday after unions accepted a pay offer that ends a week-long strike, the port authority said.',
  ],
  [
    'Rail line reopens after landslide',
    'ZURICH, Nov. 26 (Reuters) - A main rail line through the Alps reopened on Thursday, three days after a landslide buried part of the track near the Gotthard tunnel, the operator said.',
  ],
  [
    'Airline adds winter routes to the Canaries',
    'DUBLIN, Nov. 26 (Reuters) - A budget airline said on Thursday it would add 14 winter routes to the Canary Islands, betting on demand from travellers escaping colder weather in northern Europe.',
  ],
] as const;

const MORE =
  'Officials said the change would take effect at once, and that further details would follow next week after talks with the unions and local authorities.';

beforeAll(async () => {
  server = await startServer();
  // Later items answer sooner, so any output in feed order is ordering by the pipeline, not by luck.
  STORIES.forEach(([headline, lead], i) => {
    server.route(`/story/${i}`, async (_req, res) => {
      await wait((STORIES.length - i) * 20);
      send(articlePage(headline, [lead, MORE]))(_req, res);
    });
  });
});
afterAll(() => server.close());

function rss(items: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Test Wire: Business</title><language>en</language>
${items}</channel></rss>`;
}

function rssItem(i: number, extra = ''): string {
  return `<item><title>Feed title ${i}</title><link>${server.url(`/story/${i}`)}</link>
<pubDate>Thu, 26 Nov 2026 0${i}:30:00 GMT</pubDate><dc:creator>Desk ${i}</dc:creator>${extra}</item>`;
}

async function run(inputs: string[], validators?: ValidatorCache) {
  const sink = new MemorySink();
  const diagnostics: Diagnostic[] = [];
  const summary = await ingest({
    inputs,
    sink,
    fetch: fast,
    onDiagnostic: (d) => diagnostics.push(d),
    ...(validators ? { validators } : {}),
  });
  for (const record of sink.records) expectValidRecord(record);
  return { records: sink.records, diagnostics, summary };
}

describe('an RSS feed by URL', () => {
  it('fetches every item page and writes the stories in feed order, the feed filling what pages lack', async () => {
    server.route(
      '/feed.rss',
      send(rss([0, 1, 2].map((i) => rssItem(i)).join('\n')), { 'content-type': 'application/rss+xml' }),
    );
    const { records, summary } = await run([server.url('/feed.rss')]);
    expect(summary.failures).toEqual([]);
    expect(records.map((r) => r.headline)).toEqual(STORIES.map(([headline]) => headline));
    const first = records[0]!;
    expect(first.url).toBe(server.url('/story/0'));
    expect(first.origin).toMatchObject({ type: 'url', format: 'html', location: server.url('/story/0') });
    // The page has no date or byline of its own: the item's pubDate and dc:creator fill them.
    expect(first.published).toBe('2026-11-26T00:30:00Z');
    expect(first.byline).toBe('Desk 0');
    expect(first.dateline).toMatchObject({ location: 'ROTTERDAM', agency: 'Reuters', date: '2026-11-26' });
  });

  it('reports an item whose page fails, and still writes the others', async () => {
    const items = [
      rssItem(0),
      `<item><title>Gone</title><link>${server.url('/story/missing')}</link></item>`,
      rssItem(2),
    ];
    server.route('/partly-broken.rss', send(rss(items.join('\n')), { 'content-type': 'application/rss+xml' }));
    const { records, summary } = await run([server.url('/partly-broken.rss')]);
    expect(records.map((r) => r.headline)).toEqual([STORIES[0][0], STORIES[2][0]]);
    expect(summary.failures).toHaveLength(1);
    expect(summary.failures[0]).toMatchObject({ code: 'http-status', input: server.url('/story/missing') });
    expect(summary.failed).toBe(1);
  });

  it('emits nothing and fails nothing when the feed has not changed since the last run', async () => {
    server.route('/etag.rss', (req, res) => {
      if (req.headers['if-none-match'] === '"feed-v1"') res.writeHead(304).end();
      else send(rss(rssItem(1)), { 'content-type': 'application/rss+xml', etag: '"feed-v1"' })(req, res);
    });
    const store = new Map<string, HttpValidators>();
    const cache: ValidatorCache = { get: (url) => store.get(url) ?? null, put: (url, v) => void store.set(url, v) };
    const first = await run([server.url('/etag.rss')], cache);
    expect(first.records).toHaveLength(1);
    expect(store.get(server.url('/etag.rss'))).toEqual({ etag: '"feed-v1"', lastModified: null });
    const second = await run([server.url('/etag.rss')], cache);
    expect(second.records).toEqual([]);
    expect(second.summary.failures).toEqual([]);
    expect(second.diagnostics.map((d) => d.code)).toEqual(['not-modified']);
  });
});

describe('feeds from files', () => {
  it('reads an Atom file and fetches its entries', async () => {
    const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Test Wire</title><author><name>Wire Desk</name></author>
<entry><title>Entry one</title><link rel="alternate" href="${server.url('/story/1')}"/><updated>2026-11-26T08:00:00Z</updated></entry>
<entry><title>Entry two</title><link href="${server.url('/story/2')}"/><published>2026-11-26T09:00:00Z</published></entry>
</feed>`;
    const path = join(dir, 'feed.atom');
    writeFileSync(path, atom);
    const { records, summary } = await run([path]);
    expect(summary.failures).toEqual([]);
    expect(records.map((r) => [r.headline, r.byline, r.published])).toEqual([
      [STORIES[1][0], 'Wire Desk', '2026-11-26T08:00:00Z'],
      [STORIES[2][0], 'Wire Desk', '2026-11-26T09:00:00Z'],
    ]);
  });

  it('writes a JSON Feed item without a link from its own text', async () => {
    const feed = {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Test Wire briefs',
      items: [
        {
          id: '1',
          title: 'Briefly: port strike over',
          content_text:
            'ROTTERDAM (Reuters) - The strike at the port is over, the union said.\n\nShips began unloading within the hour.',
          date_published: '2026-11-26T10:00:00Z',
          authors: [{ name: 'Briefs Desk' }],
        },
      ],
    };
    const path = join(dir, 'feed.json');
    writeFileSync(path, JSON.stringify(feed));
    const { records } = await run([path]);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      headline: 'Briefly: port strike over',
      byline: 'Briefs Desk',
      body: 'The strike at the port is over, the union said.\n\nShips began unloading within the hour.',
      agency: 'Reuters',
      origin: { type: 'file', format: 'feed', index: 0 },
    });
  });

  it("takes FeedBurner's origLink for the item's address, and fetches nothing without fetchLinks", async () => {
    const before = server.requests.length;
    const path = join(dir, 'feedburner.rss');
    writeFileSync(
      path,
      `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0">` +
        `<channel><title>Test Wire</title><item><title>${STORIES[0][0]}</title>` +
        `<link>${server.url('/story/0')}</link><feedburner:origLink>https://news.example/harbour</feedburner:origLink>` +
        `<description><![CDATA[<p>${STORIES[0][1]}</p><p>${MORE}</p>]]></description></item></channel></rss>`,
    );
    const sink = new MemorySink();
    await ingest({ inputs: [path], sink, fetch: fast, fetchLinks: false });
    expect(server.requests.length).toBe(before);
    expect(sink.records.map((r) => [r.headline, r.url])).toEqual([[STORIES[0][0], 'https://news.example/harbour']]);
  });
});
