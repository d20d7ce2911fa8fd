import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Deduper, itemOf } from '../src/dedup/deduper.js';
import type { Story } from '../src/types.js';
import { corpusDir } from './corpus.js';
import { candidatePairs, corpusStories, normalizeWire, type CorpusStory } from './dedup-corpus.js';
import { COPY_EDITS, otherFacts, partsOf, renderParts } from './dedup-edits.js';

/** Precision and recall of one part of the benchmark. */
export interface Score {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly tn: number;
  readonly precision: number;
  readonly recall: number;
}

/** Figures of the near-duplicate quality benchmark. */
export interface DedupQuality {
  readonly real: Score;
  readonly synthetic: Score;
  readonly combined: Score;
  /** Links the whole-corpus run made between stories: labelled same, labelled distinct, not labelled. */
  readonly corpusLinks: { readonly same: number; readonly distinct: number; readonly unlabelled: number };
}

// Beside this file when run from source, two folders up when compiled to .bench-build/bench/.
const LABELS = [
  fileURLToPath(new URL('./dedup-labels.tsv', import.meta.url)),
  fileURLToPath(new URL('../../bench/dedup-labels.tsv', import.meta.url)),
  resolve(process.cwd(), 'bench/dedup-labels.tsv'),
];
const SYNTHETIC_STORIES = 300;

/** True when the dedup stage, seeing `a` and then `b`, links b to a (as a duplicate or a new version). */
function linked(a: Story, b: Story): boolean {
  return new Deduper('near', null).decide([itemOf(a), itemOf(b)])[1]?.kind !== 'new';
}

/**
 * Near-duplicate precision and recall. Real pairs: Reuters-21578 pairs whose word 4-gram containment is at least
 * 0.5, labelled by inspection (bench/dedup-labels.tsv: NEWIDs and labels, no corpus text). Synthetic pairs: the
 * republishing edits of {@link COPY_EDITS} applied to distinct corpus stories, and the same stories with other
 * figures on another day as hard negatives. Also runs the whole corpus through one dedup stage and counts the
 * links it makes that the labels call distinct or do not cover.
 */
export function run(): Promise<DedupQuality | null> {
  console.log('near-duplicate quality on Reuters-21578');
  const dir = corpusDir('reuters21578');
  if (dir === null) return Promise.resolve(null);
  const stories = corpusStories(dir);
  const byId = new Map(stories.map((s) => [s.newid, s]));
  const labels = readLabels();
  const real = tally();
  for (const [key, same] of labels) {
    const [a, b] = key.split(' ').map((id) => byId.get(id));
    if (a && b) count(real, same, linked(a.story, b.story));
  }
  const synthetic = syntheticScore(stories, labels);
  const corpusLinks = wholeCorpus(stories, labels);
  const result: DedupQuality = {
    real: score(real),
    synthetic: score(synthetic),
    combined: score(sum(real, synthetic)),
    corpusLinks,
  };
  for (const name of ['real', 'synthetic', 'combined'] as const) {
    const s = result[name];
    console.log(
      `  ${name.padEnd(10)} precision ${s.precision.toFixed(4)}  recall ${s.recall.toFixed(4)}  ` +
        `(tp ${s.tp}, fp ${s.fp}, fn ${s.fn}, tn ${s.tn})`,
    );
  }
  console.log(
    `  whole corpus (${stories.length} stories): ${corpusLinks.same} links labelled same, ` +
      `${corpusLinks.distinct} labelled distinct, ${corpusLinks.unlabelled} not labelled`,
  );
  return Promise.resolve(result);
}

function readLabels(): Map<string, boolean> {
  const labels = new Map<string, boolean>();
  const path = LABELS.find((p) => existsSync(p));
  if (path === undefined) throw new Error(`bench/dedup-labels.tsv not found (looked in ${LABELS.join(', ')})`);
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const [a, b, label] = line.split('\t');
    if (a && b && !a.startsWith('#') && label !== undefined) labels.set(`${a} ${b}`, label === '1');
  }
  return labels;
}

function syntheticScore(stories: readonly CorpusStory[], labels: Map<string, boolean>): Counts {
  const paired = new Set<string>();
  for (const key of labels.keys()) for (const id of key.split(' ')) paired.add(id);
  for (const p of candidatePairs(stories, 0.3)) paired.add(p.a).add(p.b);
  const pool = stories.filter((s) => !paired.has(s.newid) && s.story.words >= 40 && s.story.dateline !== null);
  const step = Math.max(1, Math.floor(pool.length / SYNTHETIC_STORIES));
  const counts = tally();
  for (let i = 0; i < pool.length && i / step < SYNTHETIC_STORIES; i += step) {
    const original = pool[i]?.story;
    if (!original) continue;
    const parts = partsOf(original);
    for (const edit of Object.values(COPY_EDITS)) {
      const copy = normalizeWire(renderParts(edit(parts)));
      if (copy) count(counts, true, linked(original, copy));
    }
    const other = normalizeWire(renderParts(otherFacts(parts)));
    if (other && other.body !== original.body) count(counts, false, linked(original, other));
  }
  return counts;
}

function wholeCorpus(stories: readonly CorpusStory[], labels: Map<string, boolean>): DedupQuality['corpusLinks'] {
  const ordered = [...stories].sort((a, b) => Number(a.newid) - Number(b.newid));
  const deduper = new Deduper('near', null);
  const verdicts = deduper.decide(ordered.map((s) => itemOf(s.story)));
  // Identical re-sends share an id: the link goes to the first of them.
  const newidOf = new Map<string, string>();
  for (const s of ordered) if (!newidOf.has(s.story.id)) newidOf.set(s.story.id, s.newid);
  const links = { same: 0, distinct: 0, unlabelled: 0 };
  verdicts.forEach((verdict, i) => {
    const target = verdict.kind === 'duplicate' ? verdict.of : verdict.kind === 'version' ? verdict.replaces : null;
    const from = ordered[i]?.newid;
    const to = target === null ? undefined : newidOf.get(target);
    if (from === undefined || to === undefined) return;
    const label = labels.get(`${to} ${from}`) ?? labels.get(`${from} ${to}`);
    if (label === undefined) links.unlabelled++;
    else if (label) links.same++;
    else links.distinct++;
  });
  return links;
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

function tally(): Counts {
  return { tp: 0, fp: 0, fn: 0, tn: 0 };
}

function count(c: Counts, same: boolean, predicted: boolean): void {
  if (same && predicted) c.tp++;
  else if (same) c.fn++;
  else if (predicted) c.fp++;
  else c.tn++;
}

function sum(a: Counts, b: Counts): Counts {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn, tn: a.tn + b.tn };
}

function score(c: Counts): Score {
  return {
    ...c,
    precision: c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp),
    recall: c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
