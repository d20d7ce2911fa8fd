import type { Story } from '../types.js';
import { fingerprintStory } from './fingerprint.js';
import { RecentIndex } from './recent.js';
import { NEAR_THRESHOLD, UPDATE_THRESHOLD, sketchSimilarity, textSimilarity, updateSimilarity } from './similarity.js';
import type { NearSketch } from './sketch.js';
import {
  NOTHING_FOUND,
  exactKey,
  lookupKeys,
  type DroppedCopy,
  type FingerprintStore,
  type StoredStory,
} from './store.js';
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
 * in this run's stories and in the store, at a bounded number of candidates ({@link RecentIndex}); decisions depend
 * only on the stories and their order, so the same inputs give the same output however the run was scheduled or
 * split into runs.
 */
export class Deduper {
  private readonly recent = new RecentIndex();
  private pending: StoredStory[] = [];
  private copies: DroppedCopy[] = [];

  constructor(
    private readonly mode: DedupMode,
    private readonly store: FingerprintStore | null,
  ) {}

  /** Decides a batch (one store lookup for all of it); accepted stories join the run's index at once. */
  decide(batch: readonly DedupItem[]): Verdict[] {
    if (this.mode === 'off') return batch.map(() => ({ kind: 'new' }));
    const keys = batch.map((item) => lookupKeys(item.sketch, item.exact));
    const found = this.store ? this.store.candidates(keys) : NOTHING_FOUND;
    return batch.map((item, i) => {
      const key = keys[i]!;
      return this.judge(item, key.exact, this.recent.candidates(key, found), () =>
        this.recent.copiesOf(key.exact, found),
      );
    });
  }

  private judge(
    item: DedupItem,
    exact: number,
    candidates: readonly StoredStory[],
    copies: () => readonly DroppedCopy[],
  ): Verdict {
    const { sketch, update } = item;
    // The same record again, or the same body under the same headline words and day: an identical copy.
    const same =
      candidates.find((c) => c.id === item.id) ??
      (update ? undefined : candidates.find((c) => c.exact === exact && sameTitleAndDay(c.sketch, sketch)));
    if (same) return duplicate(same, 1);
    // A copy dropped before, sent again: dropped the same way.
    const again = update ? undefined : copies().find((c) => c.exact === exact && sameTitleAndDay(c, sketch));
    if (again) return { kind: 'duplicate', of: again.of, similarity: again.similarity };
    if (this.mode === 'exact') return this.accept(item, 1, { kind: 'new' });
    let best: { candidate: StoredStory; similarity: number } | null = null;
    for (const candidate of candidates) {
      const similarity = score(sketch, candidate.sketch, update);
      if (similarity === 0) continue;
      if (best === null || better(candidate, similarity, best.candidate, best.similarity))
        best = { candidate, similarity };
    }
    if (best === null) return this.accept(item, 1, { kind: 'new' });
    const similarity =
      best.candidate.exact === exact ? 1 : textSimilarity(sketch, best.candidate.sketch, best.similarity);
    if (!update) {
      const verdict = duplicate(best.candidate, similarity);
      const { of, similarity: rounded } = verdict;
      if (best.candidate.exact !== exact)
        this.remember({ exact, title: sketch.title, day: sketch.day, of, similarity: rounded });
      return verdict;
    }
    const version = best.candidate.version + 1;
    return this.accept(item, version, { kind: 'version', version, replaces: best.candidate.id, similarity });
  }

  private accept(item: DedupItem, version: number, verdict: Verdict): Verdict {
    const stored: StoredStory = { id: item.id, exact: exactKey(item.exact), version, sketch: item.sketch };
    this.recent.add(stored);
    this.pending.push(stored);
    return verdict;
  }

  private remember(copy: DroppedCopy): void {
    this.recent.addCopy(copy);
    this.copies.push(copy);
  }

  /** Stories accepted since the last {@link commit}. */
  uncommitted(): number {
    return this.pending.length;
  }

  /** Hands the accepted stories to the store, once they are durably in the output (`offset` bytes of it). */
  commit(offset: number | null): void {
    if (this.store) {
      this.store.commit(this.pending, offset, this.copies);
      // The store has them now: the run's own index only needs what it has not committed, so memory stays flat.
      this.recent.clear();
    }
    this.pending = [];
    this.copies = [];
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

function duplicate(of: StoredStory, similarity: number): { kind: 'duplicate'; of: string; similarity: number } {
  return { kind: 'duplicate', of: of.id, similarity: Math.round(similarity * 1000) / 1000 };
}

// With the same body (exact key), the rest of the sketch is the same too; the headline and day may differ.
function sameTitleAndDay(a: Pick<NearSketch, 'title' | 'day'>, b: NearSketch): boolean {
  return a.title === b.title && a.day === b.day;
}

/** The dedup stage's view of a story object (the pipeline builds it from a batch's keys instead). */
export function itemOf(story: Story): DedupItem {
  const { exact, sketch } = fingerprintStory(story);
  return { id: story.id, exact, sketch, update: isUpdate(story) };
}
