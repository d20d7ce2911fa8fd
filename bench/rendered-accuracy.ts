import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureSet, readLabels } from './agency-accuracy.js';
import { corpusDir } from './corpus.js';

/** Every-field-right share of agencies-dev as each rendering prints it. */
export type RenderedAccuracy = Record<string, number>;

/**
 * The same story as desks receive it printed differently: line ends, hard-wrapped lines, paragraph indents, a
 * headline over two lines or over its first paragraph. Each takes a story file's text (headline, blank line, blocks
 * separated by blank lines) and gives it printed so; the labels hold for every rendering.
 */
const RENDERINGS: ReadonlyArray<readonly [string, (text: string) => string]> = [
  ['as printed', (text) => text],
  ['CRLF line ends', (text) => text.replace(/\n/g, '\r\n')],
  ['hard-wrapped at 68 columns', (text) => withBlocks(text, (block) => wrapLines(block, 68, '').join('\n'))],
  [
    'wrapped at 68, paragraphs indented, no blank lines',
    (text) => {
      const [headline, ...blocks] = text.split('\n\n');
      const body = blocks.filter((block) => block.trim() !== '').map((block) => wrapLines(block, 68, '   ').join('\n'));
      return `${headline}\n\n${body.join('\n')}\n`;
    },
  ],
  ['headline wrapped at 40 columns', (text) => onHeadline(text, (headline) => wrap(headline, 40).join('\n'))],
  ['headline over the first paragraph, no blank line', (text) => text.replace('\n\n', '\n')],
  [
    'flattened: the blocks under the headline run into one paragraph, as scrapers keep it',
    (text) => {
      const [headline, ...blocks] = text.split('\n\n');
      const body = blocks.map((block) => block.replace(/\s+/g, ' ').trim()).filter((block) => block !== '');
      return `${headline}\n\n${body.join(' ')}\n`;
    },
  ],
  ['a web page: <h1> and a <p> a block, in a site template', webPage],
  ['an e-mail: the headline its subject, the story its text', eMail],
  ['an ANPA-1312 take: SOH header, STX, the story, ETX', anpaTake],
];

/** The story as a wire's teletype stream frames it: an ANPA-1312 header line, then the text, CRLF line ends. */
function anpaTake(text: string): string {
  return `\u0001a0412 r i BC-Story-Slug  12-01 0500\r\n\u0002${text.replace(/\n/g, '\r\n')}\u0003`;
}

/** The story as a stringer or an agency mails it: its headline the subject, the rest the text, UTF-8. */
function eMail(text: string): string {
  const at = text.indexOf('\n\n');
  const subject = text
    .slice(0, at === -1 ? text.length : at)
    .replace(/\s+/g, ' ')
    .trim();
  const encoded = `=?UTF-8?B?${Buffer.from(subject).toString('base64')}?=`;
  return (
    `From: Desk <desk@example.org>\nTo: wire@example.org\nSubject: ${encoded}\nDate: Mon, 2 Mar 2026 10:00:00 +0000\n` +
    `MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n` +
    `${at === -1 ? '' : text.slice(at + 2)}`
  );
}

/** The story as a site prints it: an `<article>` with its headline in `<h1>` and a `<p>` a block, among furniture. */
function webPage(text: string): string {
  const [headline = '', ...blocks] = text.split('\n\n');
  const paragraphs = blocks
    .filter((block) => block.trim() !== '')
    .map((block) => `<p>${escapeHtml(block.replace(/\s+/g, ' ').trim())}</p>`);
  const title = escapeHtml(headline.replace(/\s+/g, ' ').trim());
  return [
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>' + title + ' | Example News</title></head><body>',
    '<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav></header>',
    `<main><article><h1>${title}</h1>`,
    ...paragraphs,
    '</article></main><footer>© Example News. All rights reserved.</footer></body></html>',
  ].join('\n');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Renders every story of agencies-dev (or the set WIRE_AGENCY_SET names) in each way above, runs each rendering through the whole pipeline as
 * agency-accuracy.ts does, and prints the share of stories with every field right and which fields any story missed.
 * Writes the rendered copies to a temporary folder only (the corpus is read, never changed).
 */
export async function run(): Promise<RenderedAccuracy | null> {
  const set = process.env['WIRE_AGENCY_SET'] ?? 'agencies-dev';
  console.log(`${set} as desks print it: every field right, by rendering (whole pipeline)`);
  const dir = corpusDir(set);
  if (dir === null) return null;
  const labels = readLabels(dir);
  const temp = mkdtempSync(join(tmpdir(), 'wire-rendered-'));
  const figures: RenderedAccuracy = {};
  try {
    for (const [name, render] of RENDERINGS) {
      const out = join(temp, String(Object.keys(figures).length));
      mkdirSync(out);
      copyFileSync(join(dir, 'labels.json'), join(out, 'labels.json'));
      for (const label of labels)
        writeFileSync(join(out, label.file), render(readFileSync(join(dir, label.file), 'utf8')));
      const { result, misses } = await measureSet(out);
      figures[name] = result.allRight;
      const fields = [...new Set(misses.map((miss) => miss.split(' ')[1]?.replace(/:$/, '')))].join(' ');
      console.log(`  ${name.padEnd(52)} ${(100 * result.allRight).toFixed(1).padStart(5)} %  ${fields}`);
      if (process.env['BENCH_VERBOSE']) for (const miss of misses) console.log(`    ${miss}`);
    }
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  return figures;
}

/** The text with each block after the headline (blank-line separated) rewritten; the headline kept as it is. */
function withBlocks(text: string, rewrite: (block: string) => string): string {
  const [headline, ...blocks] = text.split('\n\n');
  return [headline, ...blocks.map((block) => (block.trim() === '' ? block : rewrite(block)))].join('\n\n');
}

function onHeadline(text: string, rewrite: (headline: string) => string): string {
  const at = text.indexOf('\n\n');
  return at === -1 ? text : rewrite(text.slice(0, at)) + text.slice(at);
}

/** Each line of a block wrapped on its own (a list or a notebook keeps its lines); `indent` opens the block. */
function wrapLines(block: string, width: number, indent: string): string[] {
  return block.split('\n').flatMap((line, i) => wrap(line, width, i === 0 ? indent : ''));
}

/**
 * A line's text filled into lines of at most `width` columns, breaking at spaces and
 * after a hyphen between letters, as word processors and wire terminals wrap; `indent` opens the first line.
 */
function wrap(block: string, width: number, indent = ''): string[] {
  const words = block
    .replace(/\s+/g, ' ')
    .trim()
    .split(' ')
    .flatMap((word) =>
      word.split(/(?<=\p{L}-)(?=\p{L})/u).map((part, i, all) => (i < all.length - 1 ? part : `${part} `)),
    );
  const lines: string[] = [];
  let line = indent;
  for (const piece of words) {
    const word = piece.trimEnd();
    if (line.trim() !== '' && (line + word).length > width) {
      lines.push(line.trimEnd());
      line = '';
    }
    line += piece;
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
