import { RECENT_PER_LEAD, type DroppedCopy, type Found, type LookupKeys, type StoredStory } from './store.js';

/**
 * The stories this run accepted and has not yet committed to the store, by key, and the merge of them with what the
 * store found. Every uncommitted story is newer than every stored one, so a story's candidates are the same whether
 * the stories before it are still here or already in the store: the newest {@link RECENT_PER_LEAD} with its lead
 * key, the newest with its spread key, and every one with its exact key. That bound is what keeps a template re-sent
 * all day (one figure changed) from making each lookup longer than the last.
 */
export class RecentIndex {
  // Oldest first; at most RECENT_PER_LEAD each.
  private readonly byLead = new Map<number, StoredStory[]>();
  private readonly bySpread = new Map<number, StoredStory>();
  private readonly byExact = new Map<number, StoredStory[]>();
  private readonly copies = new Map<number, DroppedCopy[]>();

  add(story: StoredStory): void {
    const { lead, spread } = story.sketch;
    const list = this.byLead.get(lead);
    if (list === undefined) this.byLead.set(lead, [story]);
    else {
      list.push(story);
      if (list.length > RECENT_PER_LEAD) list.shift();
    }
    if (spread !== 0) this.bySpread.set(spread, story);
    const same = this.byExact.get(story.exact);
    if (same === undefined) this.byExact.set(story.exact, [story]);
    else same.push(story);
  }

  /** Remembers a dropped copy by its body. */
  addCopy(copy: DroppedCopy): void {
    const same = this.copies.get(copy.exact);
    if (same === undefined) this.copies.set(copy.exact, [copy]);
    else same.push(copy);
  }

  clear(): void {
    this.byLead.clear();
    this.bySpread.clear();
    this.byExact.clear();
    this.copies.clear();
  }

  /** Dropped copies with a body, this run's first. */
  copiesOf(exact: number, found: Found): DroppedCopy[] {
    return [...(this.copies.get(exact) ?? []), ...(found.copies.get(exact) ?? [])];
  }

  /**
   * A story's candidates, newest first within each kind: identical bodies first, then the newest with its lead key,
   * then the newest with its spread key; each story once.
   */
  candidates(keys: LookupKeys, found: Found): StoredStory[] {
    const out: StoredStory[] = [];
    const add = (story: StoredStory | undefined): void => {
      if (story !== undefined && !out.some((s) => s.id === story.id)) out.push(story);
    };
    const stored = found.byLead.get(keys.lead) ?? [];
    newestFirst(this.byExact.get(keys.exact), add);
    for (const story of found.byExact.get(keys.exact) ?? []) add(story);
    // An identical body has the same lead key: found in the stored list, it counts wherever the list puts it.
    for (const story of stored) if (story.exact === keys.exact) add(story);
    const recent = this.byLead.get(keys.lead) ?? [];
    newestFirst(recent, add);
    for (let i = 0; i < RECENT_PER_LEAD - recent.length && i < stored.length; i++) add(stored[i]);
    if (keys.spread !== 0) add(this.bySpread.get(keys.spread) ?? found.bySpread.get(keys.spread));
    return out;
  }
}

function newestFirst(list: readonly StoredStory[] | undefined, add: (story: StoredStory) => void): void {
  if (list !== undefined) for (let i = list.length - 1; i >= 0; i--) add(list[i]!);
}
