import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
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
