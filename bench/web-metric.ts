/**
 * The body metric of the Zyte article-extraction benchmark: text → `\w+` tokens (Unicode, as Python's `re` reads
 * `\w`) → 4-token shingles; per page, tp/fp/fn counted over shingle multisets and normalized to sum to 1 (so every
 * page weighs the same); precision and recall averaged over pages; F1 of the two means.
 */

const WORD = /[\p{L}\p{M}\p{N}_]+/gu;
const N = 4;

/** Per-page counts, normalized. */
export interface Counts {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
}

function tokens(text: string): string[] {
  return text.match(WORD) ?? [];
}

function shingles(text: string): Map<string, number> {
  const list = tokens(text);
  const out = new Map<string, number>();
  for (let i = 0; i < Math.max(1, list.length - N + 1); i++) {
    const key = list.slice(i, i + N).join(' ');
    if (key !== '') out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

function normalize(tp: number, fp: number, fn: number): Counts {
  const sum = tp + fp + fn;
  return sum === 0 ? { tp: 0, fp: 0, fn: 0 } : { tp: tp / sum, fp: fp / sum, fn: fn / sum };
}

/** Shingle matching of an extracted text against the expected text of one page. */
export function compareText(expected: string, extracted: string): Counts {
  const truth = shingles(expected);
  const found = shingles(extracted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...truth.keys(), ...found.keys()])) {
    const t = truth.get(key) ?? 0;
    const p = found.get(key) ?? 0;
    tp += Math.min(t, p);
    fp += Math.max(0, p - t);
    fn += Math.max(0, t - p);
  }
  return normalize(tp, fp, fn);
}

/**
 * The same shingles for pages whose truth is snippets (trafilatura's evaluation set): each shingle of a `with`
 * snippet found in the text is a true positive, each one missing a false negative, and each shingle of a `without`
 * snippet found a false positive. A snippet shorter than four tokens is one shingle. Matching is on the token
 * stream joined by spaces, as a substring, so a snippet cut mid-word (`fter all`) still matches.
 */
export function compareSnippets(must: readonly string[], mustNot: readonly string[], extracted: string): Counts {
  const haystack = ` ${tokens(extracted).join(' ')} `.toLowerCase();
  const count = (snippet: string): [number, number] => {
    const list = tokens(snippet.toLowerCase());
    if (list.length === 0) return [0, 0];
    const keys =
      list.length < N
        ? [list.join(' ')]
        : list.slice(0, list.length - N + 1).map((_, i) => list.slice(i, i + N).join(' '));
    return [keys.filter((key) => haystack.includes(key)).length, keys.length];
  };
  let tp = 0;
  let fn = 0;
  let fp = 0;
  for (const snippet of must) {
    const [hit, all] = count(snippet);
    tp += hit;
    fn += all - hit;
  }
  for (const snippet of mustNot) fp += count(snippet)[0];
  return normalize(tp, fp, fn);
}

/** Mean precision, mean recall and the F1 of those means. */
export function summarize(pages: readonly Counts[]): { precision: number; recall: number; f1: number } {
  if (pages.length === 0) return { precision: 0, recall: 0, f1: 0 };
  let precision = 0;
  let recall = 0;
  for (const { tp, fp, fn } of pages) {
    precision += tp + fp === 0 ? (fn === 0 ? 1 : 0) : tp / (tp + fp);
    recall += tp + fn === 0 ? 1 : tp / (tp + fn);
  }
  precision /= pages.length;
  recall /= pages.length;
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}
