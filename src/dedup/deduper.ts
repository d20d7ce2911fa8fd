import type { Story } from '../types.js';
import { fingerprintStory } from './fingerprint.js';
import { NEAR_THRESHOLD, UPDATE_THRESHOLD, sketchSimilarity, updateSimilarity } from './similarity.js';
import type { NearSketch } from './sketch.js';
import { exactKey, type FingerprintStore, type StoredStory } from './store.js';
import { isUpdate, type DedupMode, type Verdict } from './verdict.js';

/** What the dedup stage needs to know of a story. */
export interface DedupItem {
  /** The record's `id`. */
  readonly id: string;
  /** The exact fingerprint: 16 hex digits. */
  readonly exact: string;
  readonly sketch: NearSketch;
  /** True when the story says it updates an earlier one (`isUpdate` in verdict.ts). */
  readonly update: boolean;
}

/**
 * Decides, in input order, whether each story is new, a new version of one already written, or a duplicate. Looks
 * in this run's stories first and then in the store; decisions depend only on the stories and their order, so the
 * same inputs give the same output however the run was scheduled.
 */
export class Deduper {
  private readonly byLead = new Map<number, StoredStory[]>();
  private readonly bySpread = new Map<number, StoredStory[]>();
  private pending: StoredStory[] = [];

  constructor(
    private readonly mode: DedupMode,
    private readonly store: FingerprintStore | null,
  ) {}

  /** Decides a batch (one store query for all of it); accepted stories join the run's index at once. */
  decide(batch: readonly DedupItem[]): Verdict[] {
    if (this.mode === 'off') return batch.map(() => ({ kind: 'new' }));
    const stored = this.store ? this.store.candidates(batch.map((b) => b.sketch)) : [];
    const storedByLead = new Map<number, StoredStory[]>();
    const storedBySpread = new Map<number, StoredStory[]>();
    for (const s of stored) {
      push(storedByLead, s.sketch.lead, s);
      // Rows found through the spread key come back with it; rows found by lead do not know theirs (0).
      if (s.sketch.spread !== 0) push(storedBySpread, s.sketch.spread, s);
    }
    return batch.map((item) => {
      const { lead, spread } = item.sketch;
      const candidates = new Map<string, StoredStory>();
      for (const list of [
        this.byLead.get(lead),
        this.bySpread.get(spread),
        storedByLead.get(lead),
        storedBySpread.get(spread),
      ])
        for (const c of list ?? []) if (!candidates.has(c.id)) candidates.set(c.id, c);
      return this.judge(item, [...candidates.values()]);
    });
  }

  private judge(item: DedupItem, candidates: readonly StoredStory[]): Verdict {
    const { sketch, update } = item;
    const exact = exactKey(item.exact);
    let best: { candidate: StoredStory; similarity: number } | null = null;
    for (const candidate of candidates) {
      const same = candidate.exact === exact && sameSketch(candidate.sketch, sketch);
      if (candidate.id === item.id || (same && !update)) return duplicate(candidate, 1);
      if (this.mode === 'exact') continue;
      const similarity = same ? 1 : score(sketch, candidate.sketch, update);
      if (similarity === 0) continue;
      if (best === null || better(candidate, similarity, best.candidate, best.similarity))
        best = { candidate, similarity };
    }
    if (best === null) return this.accept(item, 1, { kind: 'new' });
    if (!update) return duplicate(best.candidate, best.similarity);
    const version = best.candidate.version + 1;
    return this.accept(item, version, {
      kind: 'version',
      version,
      replaces: best.candidate.id,
      similarity: best.similarity,
    });
  }

  private accept(item: DedupItem, version: number, verdict: Verdict): Verdict {
    const stored: StoredStory = { id: item.id, exact: exactKey(item.exact), version, sketch: item.sketch };
    push(this.byLead, stored.sketch.lead, stored);
    push(this.bySpread, stored.sketch.spread, stored);
    this.pending.push(stored);
    return verdict;
  }

  /** Stories accepted since the last {@link commit}. */
  uncommitted(): number {
    return this.pending.length;
  }

  /** Hands the accepted stories to the store, once they are durably in the output (`offset` bytes of it). */
  commit(offset: number | null): void {
    if (this.store) {
      this.store.commit(this.pending, offset);
      // The store has them now: the run's own index only needs what it has not committed, so memory stays flat.
      this.byLead.clear();
      this.bySpread.clear();
    }
    this.pending = [];
  }
}

/** Similarity that counts as a match, or 0: an update may change numbers and date, so it is held to less. */
function score(a: NearSketch, b: NearSketch, update: boolean): number {
  const near = sketchSimilarity(a, b);
  if (near >= NEAR_THRESHOLD) return near;
  if (!update) return 0;
  const loose = updateSimilarity(a, b);
  return loose >= UPDATE_THRESHOLD ? loose : 0;
}

// The latest version wins (an update replaces the newest record of its story), then the closest, then the id.
function better(a: StoredStory, simA: number, b: StoredStory, simB: number): boolean {
  if (a.version !== b.version) return a.version > b.version;
  if (simA !== simB) return simA > simB;
  return a.id < b.id;
}

function duplicate(of: StoredStory, similarity: number): Verdict {
  return { kind: 'duplicate', of: of.id, similarity: Math.round(similarity * 1000) / 1000 };
}

// Same body as far as the sketch can tell; the title counts too, since a short body alone names no story.
function sameSketch(a: NearSketch, b: NearSketch): boolean {
  return (
    a.lead === b.lead &&
    a.chunks === b.chunks &&
    a.title === b.title &&
    a.day === b.day &&
    a.opening.join() === b.opening.join() &&
    a.numbers.join() === b.numbers.join()
  );
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The dedup stage's view of a story object (the pipeline builds it from a batch's keys instead). */
export function itemOf(story: Story): DedupItem {
  const { exact, sketch } = fingerprintStory(story);
  return { id: story.id, exact, sketch, update: isUpdate(story) };
}
