import type { Document, Element } from 'domhandler';
import { ancestors, descendants, innerText, isElement, linkDensity } from './dom.js';
import { textStats, type TextStats } from './measure.js';
import type { Flags } from './clean.js';
import { classWeight } from './hints.js';

const SCORED = new Set(['p', 'pre', 'td', 'section', 'h2', 'h3', 'h4', 'h5', 'h6']);
const TOP_CANDIDATES = 5;
const TAG_SCORE: Readonly<Record<string, number>> = {
  div: 5,
  article: 5,
  main: 5,
  pre: 3,
  td: 3,
  blockquote: 3,
  address: -3,
  ol: -3,
  ul: -3,
  dl: -3,
  dd: -3,
  dt: -3,
  li: -3,
  form: -3,
  h1: -5,
  h2: -5,
  h3: -5,
  h4: -5,
  h5: -5,
  h6: -5,
  th: -5,
};

/**
 * Scores every block that holds prose and passes the score up to its ancestors (Readability's algorithm): a
 * paragraph of 25+ characters earns 1, one per comma and one per 100 characters (at most 3); its parent gets all
 * of that, its grandparent half, and older ancestors less. Each ancestor starts from its tag and class/id hints;
 * the winner's score is discounted by its link density. Returns the article: the best node and the siblings that
 * look like more of it.
 */
export function findArticle(document: Document, flags: Flags): Element[] {
  const all = descendants(document);
  const body = all.find((element) => element.name === 'body') ?? null;
  const stats = textStats(document);
  const scores = new Map<Element, number>();
  for (const element of all) {
    if (!SCORED.has(element.name)) continue;
    const text = stats.get(element);
    if (text === undefined || text.length < 25) continue;
    const lineage = ancestors(element, 5);
    if (lineage.length === 0) continue;
    const points = 1 + text.commas + Math.min(Math.floor(text.length / 100), 3);
    lineage.forEach((ancestor, level) => {
      const start = scores.get(ancestor) ?? initialScore(ancestor, flags);
      scores.set(ancestor, start + points / (level === 0 ? 1 : level === 1 ? 2 : level * 3));
    });
  }
  for (const [element, score] of scores) scores.set(element, score * (1 - density(stats.get(element))));
  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]).slice(0, TOP_CANDIDATES);
  const best = ranked[0];
  if (!best || best[0] === body || best[0].name === 'html') return body ? [body] : [];
  const top = betterAncestor(best[0], best[1], ranked, scores, body);
  return withSiblings(top, scores);
}

function density(text: TextStats | undefined): number {
  return text === undefined || text.length === 0 ? 0 : text.linkChars / text.length;
}

function initialScore(element: Element, flags: Flags): number {
  return (TAG_SCORE[element.name] ?? 0) + (flags.weightClasses ? classWeight(element) : 0);
}

/**
 * A page that splits its text over several boxes (one per section) makes each box a close candidate: when three
 * of the top five share an ancestor, that ancestor is the article. Otherwise climb while the parent scores higher.
 */
function betterAncestor(
  top: Element,
  topScore: number,
  ranked: ReadonlyArray<readonly [Element, number]>,
  scores: ReadonlyMap<Element, number>,
  body: Element | null,
): Element {
  const close = ranked
    .slice(1)
    .filter(([, score]) => score / topScore >= 0.75)
    .map(([element]) => new Set(ancestors(element)));
  if (close.length >= 3) {
    for (let parent = top.parent; parent && isElement(parent) && parent !== body; parent = parent.parent) {
      const candidate = parent;
      if (close.filter((set) => set.has(candidate)).length >= 3) return candidate;
    }
  }
  let best = top;
  let last = topScore;
  const threshold = topScore / 3;
  for (let parent = top.parent; parent && isElement(parent) && parent !== body; parent = parent.parent) {
    const score = scores.get(parent);
    if (score === undefined) continue;
    if (score < threshold) break;
    if (score > last) {
      best = parent;
      break;
    }
    last = score;
  }
  // A lone child says nothing its parent does not: take the parent, for its siblings' sake.
  while (
    best.parent &&
    isElement(best.parent) &&
    best.parent !== body &&
    best.parent.children.filter(isElement).length === 1
  ) {
    best = best.parent;
  }
  return best;
}

/** The top node and those of its siblings that score well or read as prose paragraphs. */
function withSiblings(top: Element, scores: ReadonlyMap<Element, number>): Element[] {
  const parent = top.parent;
  if (!parent || !isElement(parent)) return [top];
  const topScore = scores.get(top) ?? 0;
  const threshold = Math.max(10, topScore * 0.2);
  const topClass = top.attribs['class'] ?? '';
  const out: Element[] = [];
  for (const sibling of parent.children) {
    if (!isElement(sibling)) continue;
    if (sibling === top) {
      out.push(sibling);
      continue;
    }
    const bonus = topClass !== '' && sibling.attribs['class'] === topClass ? topScore * 0.2 : 0;
    const score = scores.get(sibling);
    if (score !== undefined && score + bonus >= threshold) {
      out.push(sibling);
    } else if (sibling.name === 'p') {
      const text = innerText(sibling);
      const density = linkDensity(sibling, text.length);
      if (
        (text.length > 80 && density < 0.25) ||
        (text.length > 0 && text.length <= 80 && density === 0 && /\.( |$)/.test(text))
      ) {
        out.push(sibling);
      }
    }
  }
  return out;
}
