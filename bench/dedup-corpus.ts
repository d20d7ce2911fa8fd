import { plain } from '../src/formats/plain-format.js';
import { normalizeStory } from '../src/normalize/story.js';
import type { Story } from '../src/types.js';
import { readReuters, type ReutersDoc } from './corpus.js';

/** A Reuters-21578 story as `wire` normalizes it, with its NEWID and the wire copy it was rendered from. */
export interface CorpusStory {
  readonly newid: string;
  readonly date: string;
  readonly text: string;
  readonly story: Story;
}

const ORIGIN = { type: 'file', location: 'bench', format: 'plain', index: 0, charset: 'utf-8' } as const;

/** Renders a Reuters-21578 document as the wire printed it: title, blank line, dateline running into the body. */
export function renderWire(doc: Pick<ReutersDoc, 'title' | 'dateline' | 'body'>): string {
  const body = (doc.body ?? '').replace(/\u0003\s*$/, '');
  return `${(doc.title ?? '').trim()}\n\n${doc.dateline ?? ''}${body}`;
}

/** Parses and normalizes one piece of plain wire copy, as the pipeline would. */
export function normalizeWire(text: string): Story | null {
  const parsed = plain.parse(text, 1).stories[0];
  return parsed ? normalizeStory(parsed, { origin: ORIGIN, now: '2026-11-27T00:00:00Z', referenceDate: null }) : null;
}

/** Every full story (title, dateline and body) of the corpus folder, normalized. */
export function corpusStories(dir: string): CorpusStory[] {
  const out: CorpusStory[] = [];
  for (const doc of readReuters(dir)) {
    if (doc.title === null || doc.dateline === null || doc.body === null) continue;
    const text = renderWire(doc);
    const story = normalizeWire(text);
    if (story) out.push({ newid: doc.newid, date: doc.date.trim(), text, story });
  }
  return out;
}

/** A candidate pair: the share of the shorter story's word 4-grams that the other has. */
export interface CandidatePair {
  readonly a: string;
  readonly b: string;
  readonly containment: number;
}

const SHINGLE = 4;
// A 4-gram printed in more stories than this is boilerplate and says nothing about a pair.
const COMMON = 50;

/**
 * Candidate near-duplicate pairs by word 4-gram containment, computed on plain lower-cased words (not on the
 * fingerprint's canonical tokens, so that the candidates do not lean towards what the fingerprint sees).
 */
export function candidatePairs(stories: readonly CorpusStory[], minContainment: number): CandidatePair[] {
  const sets = stories.map((s) => shingles(s.story.body));
  const postings = new Map<string, number[]>();
  sets.forEach((set, i) => {
    for (const g of set) {
      const list = postings.get(g);
      if (list) list.push(i);
      else postings.set(g, [i]);
    }
  });
  const pairs: CandidatePair[] = [];
  sets.forEach((set, i) => {
    const shared = new Map<number, number>();
    for (const g of set) {
      const list = postings.get(g) ?? [];
      if (list.length > COMMON) continue;
      for (const j of list) if (j > i) shared.set(j, (shared.get(j) ?? 0) + 1);
    }
    for (const [j, count] of shared) {
      const other = sets[j];
      if (!other) continue;
      const containment = count / Math.max(1, Math.min(set.size, other.size));
      const a = stories[i];
      const b = stories[j];
      if (a && b && containment >= minContainment) pairs.push({ a: a.newid, b: b.newid, containment });
    }
  });
  return pairs;
}

function shingles(text: string): Set<string> {
  const words = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  const set = new Set<string>();
  for (let i = 0; i + SHINGLE <= words.length; i++) set.add(words.slice(i, i + SHINGLE).join(' '));
  if (set.size === 0 && words.length > 0) set.add(words.join(' '));
  return set;
}
