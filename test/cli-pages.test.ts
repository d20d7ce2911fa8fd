import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { send, startServer } from './helpers/web-server.js';
import { tempDir } from './helpers/tmp.js';

const dir = tempDir();

const PROSE = [
  'PORTVILLE, March 3 (Example) -- The harbour at Portville reopened on Tuesday after a storm closed it for three days, the port authority said.',
  'Ships waiting offshore began to enter the port in the morning, and officials expected the backlog to clear by the weekend.',
  'The storm brought winds of more than 100 kilometres an hour to the coast and cut power to several villages.',
];

/** An article page with `extra` paragraphs put before, between or after the story's own. */
function page(extra: { before?: string[]; between?: string[]; after?: string[] }): string {
  const p = (texts: readonly string[] = []): string => texts.map((t) => `<p>${t}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><title>Harbour reopens after storm | Example News</title>
<meta property="og:title" content="Harbour reopens after storm"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Harbour reopens after storm</h1>
${p(extra.before)}
<p>${PROSE[0]}</p><p>${PROSE[1]}</p>
${p(extra.between)}
<p>${PROSE[2]}</p>
${p(extra.after)}
</article><footer>Copyright 2026 Example News</footer></body></html>`;
}

/** Every text a record holds: a paragraph of the page must be in one of these. */
function fieldsOf(record: Record<string, unknown>): string[] {
  const dateline = record['dateline'] as { text: string } | null;
  const source = record['source'] as { text: string } | null;
  return [
    String(record['headline']),
    String(record['body']),
    ...(record['stripped'] as string[]),
    ...[record['byline'], record['credits'], record['copyright'], dateline?.text, source?.text].map((v) =>
      typeof v === 'string' ? v : '',
    ),
  ];
}

describe('an article page', () => {
  it.each([
    { where: 'before the story', extra: { before: ['abc/xyz/def'] } },
    { where: 'between its paragraphs', extra: { between: ['abc/xyz/def'] } },
    { where: 'after the story', extra: { after: ['abc/xyz/def'] } },
    {
      where: 'as labels and promos',
      extra: { before: ['Advertisement'], after: ['Sign up for our daily briefing newsletter'] },
    },
  ])('keeps a short paragraph $where in a field or in stripped, never drops it', async ({ extra }) => {
    const path = join(dir, `page-${Object.keys(extra).join('-')}-${Math.random().toString(36).slice(2)}.html`);
    writeFileSync(path, page(extra));
    const result = await runCli(['ingest', path]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.records).toHaveLength(1);
    const record = result.records[0]!;
    expect(record['headline']).toBe('Harbour reopens after storm');
    const texts = fieldsOf(record);
    for (const paragraph of [...(extra.before ?? []), ...(extra.between ?? []), ...(extra.after ?? [])])
      expect(
        texts.some((text) => text.includes(paragraph)),
        `${paragraph} in ${JSON.stringify(record)}`,
      ).toBe(true);
  });
});

/** An Apache-style directory listing: a table of file names, dates and sizes, with no sentence in it. */
function listing(folder: string, files: readonly string[]): string {
  const rows = files
    .map(
      (f, i) =>
        `<tr><td><a href="${f}">${f}</a></td><td>2026-03-0${(i % 9) + 1} 10:0${i % 10}</td><td>${i + 1}.2K</td></tr>`,
    )
    .join('\n');
  return `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2 Final//EN"><html><head><title>Index of ${folder}</title></head>
<body><h1>Index of ${folder}</h1><table><tr><th><a href="?C=N;O=D">Name</a></th><th>Last modified</th><th>Size</th></tr>
<tr><td><a href="/wire/">Parent Directory</a></td><td></td><td>-</td></tr>
${rows}</table><address>Apache/2.4.57 (Debian) Server at wire.example Port 80</address></body></html>`;
}

describe('a page that is not an article', () => {
  it('is refused with a clear diagnostic and exit 1, and the article beside it is still written', async () => {
    const index = join(dir, 'index.html');
    writeFileSync(index, listing('/wire/2026', ['a.txt', 'b.txt', 'c.txt', 'd.txt']));
    const article = join(dir, 'article.html');
    writeFileSync(article, page({}));
    const result = await runCli(['ingest', index, article]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/index\.html:1: not an article: the page has no paragraph of running text/);
    expect(result.records.map((r) => r['headline'])).toEqual(['Harbour reopens after storm']);
  });

  it('is refused by URL too', async () => {
    const server = await startServer();
    try {
      server.route('/wire/', send(listing('/wire/', ['0001.txt', '0002.txt', '0003.txt'])));
      const result = await runCli(['ingest', server.url('/wire/')]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/\/wire\/:1: not an article/);
      expect(result.records).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
