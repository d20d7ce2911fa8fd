import { parsePlain } from '../../src/formats/plain.js';
import { normalizeStory } from '../../src/normalize/story.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Story } from '../../src/types.js';
import { generateDump } from './generate.js';

/** Wire copy written for these tests: a headline, a dateline and paragraphs. */
export interface Copy {
  readonly headline: string;
  readonly dateline: string;
  readonly paragraphs: readonly string[];
}

/** A five-paragraph agency story, inverted pyramid. */
export const HARBOUR: Copy = {
  headline: 'Port of Valmora expands container terminal',
  dateline: 'VALMORA, March 4 (Reuters) -',
  paragraphs: [
    'The Port of Valmora said on Tuesday it would spend 240 mln dlrs to double the size of its northern container terminal, betting that shipping lines will keep moving routes away from congested hubs.',
    'Harbour master Ines Caldera told reporters the first of four new berths would open in 2028, lifting capacity to 3.1 million containers a year from 1.6 million.',
    'Volumes through Valmora rose 14 pct last year, the port said, as carriers looked for quicker turnarounds and cheaper handling fees than at the larger ports to the north.',
    'Dock workers have asked for guarantees that automated cranes will not cost jobs, and their union said talks with the port authority would resume next week.',
    'The port authority is owned by the regional government, which approved the spending plan in a vote last month.',
  ],
};

/** Renders copy as plain wire text, as an agency file would hold it. */
export function render(copy: Copy): string {
  const [first = '', ...rest] = copy.paragraphs;
  return `${copy.headline}\n\n${copy.dateline} ${first}\n\n${rest.join('\n\n')}\n`;
}

/** Parses and normalizes wire text as the pipeline does. */
export function storyOf(text: string): Story {
  const parsed = parsePlain(text);
  if (!parsed) throw new Error('no story parsed');
  const origin = { type: 'file', location: 'test', format: 'plain', index: 0, charset: 'utf-8' } as const;
  return normalizeStory(parsed, { origin, now: '2026-11-27T12:00:00.000Z', referenceDate: null });
}

/** The republishing edits outlets make to wire copy. */
export const EDITS: Readonly<Record<string, (copy: Copy) => Copy>> = {
  'trims the bottom paragraphs': (c) => ({ ...c, paragraphs: c.paragraphs.slice(0, 2) }),
  'keeps only the lead paragraph': (c) => ({ ...c, paragraphs: c.paragraphs.slice(0, 1) }),
  'retitles it': (c) => ({ ...c, headline: 'Valmora bets big on bigger ships' }),
  'adds a copyright trailer': (c) => ({
    ...c,
    paragraphs: [...c.paragraphs, 'Copyright 2026 Reuters. All rights reserved.'],
  }),
  'adds a read-more trailer': (c) => ({
    ...c,
    paragraphs: [...c.paragraphs, 'Read more:', 'Shipping lines rethink their routes'],
  }),
  'writes pct as percent and mln dlrs as million dollars': (c) => ({
    ...c,
    paragraphs: c.paragraphs.map((p) => p.replace(/\bpct\b/g, 'percent').replace(/mln dlrs/g, 'million dollars')),
  }),
  'adds an agency tag to the dateline': (c) => ({ ...c, dateline: 'VALMORA, March 4 (AFP) -' }),
  'drops the agency tag from the dateline': (c) => ({ ...c, dateline: 'VALMORA, March 4 -' }),
  'changes punctuation and case': (c) => ({
    ...c,
    headline: c.headline.toUpperCase(),
    // Commas dropped, sentence stops doubled up, straight quotes curled; decimal points are left alone.
    paragraphs: c.paragraphs.map((p) =>
      p
        .replace(/,(?= )/g, '')
        .replace(/\.(?= |$)/g, ' ...')
        .replace(/'/g, '’')
        .replace(/ said/g, ' SAID'),
    ),
  }),
  'trims, retitles and restyles at once': (c) => ({
    headline: 'Valmora to double container terminal',
    dateline: 'VALMORA, March 4 (AFP) -',
    paragraphs: c.paragraphs.slice(0, 3).map((p) => p.replace(/\bpct\b/g, '%')),
  }),
};

/**
 * Four input files that make every kind of verdict: an original, a trimmed and restyled copy of it, an update
 * (`(LEAD)`), and a dump of 20 stories with 4 sent again (22 stories, 5 duplicates, 1 version in all).
 */
export function verdictInputs(dir: string): string[] {
  const files = {
    'a-original.txt': render(HARBOUR),
    'b-trimmed.txt': render(EDITS['trims, retitles and restyles at once']!(HARBOUR)),
    'c-lead.txt': render({
      ...HARBOUR,
      headline: '(LEAD) Port of Valmora expands container terminal',
      paragraphs: [...HARBOUR.paragraphs, 'Two shipping lines said they would add weekly calls at Valmora.'],
    }),
    'd-dump.txt': generateDump(20, 5),
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return Object.keys(files).map((name) => join(dir, name));
}
