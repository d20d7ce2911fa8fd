import { isTag, type AnyNode, type Element, type ParentNode } from 'domhandler';

/** The deepest element nesting a parsed page keeps: Chromium's HTML parser stops nesting at the same depth. */
export const MAX_DEPTH = 512;

/**
 * Flattens elements nested deeper than `max` levels, as Chromium's parser does: past the limit, an element goes
 * beside the deepest one instead of inside it, keeping its own text. Every walk over the tree after this — ours,
 * and cheerio's and domutils', several of which recurse — is then bounded, so a page that wraps its article in
 * 10,000 `<div>`s still gives its article instead of overflowing the stack.
 */
export function capDepth(root: ParentNode, max = MAX_DEPTH): void {
  const stack: Array<readonly [ParentNode, number]> = [[root, 0]];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [node, depth] = top;
    for (const child of [...node.children]) {
      if (!isTag(child) || !child.children.some(isTag)) continue;
      if (depth + 1 < max) stack.push([child, depth + 1]);
      else lift(child);
    }
  }
}

/** Moves every element under `element` out to follow it, in document order, each keeping its own text. */
function lift(element: Element): void {
  const parent = element.parent;
  if (parent === null) return;
  const lifted: Element[] = [];
  const pending = ownElements(element).reverse();
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    lifted.push(next);
    for (const inner of ownElements(next).reverse()) pending.push(inner);
  }
  const at = parent.children.indexOf(element);
  // concat, not splice(...lifted): a deep page lifts more elements than a call may take arguments.
  parent.children = parent.children.slice(0, at + 1).concat(lifted, parent.children.slice(at + 1));
  relink(parent);
}

/** Takes the element children out of an element, leaving its text and comments; returns them in order. */
function ownElements(element: Element): Element[] {
  const elements = element.children.filter(isTag);
  element.children = element.children.filter((child) => !isTag(child));
  relink(element);
  return elements;
}

function relink(parent: ParentNode): void {
  let previous: AnyNode | null = null;
  for (const child of parent.children) {
    child.parent = parent;
    child.prev = previous;
    if (previous) previous.next = child;
    previous = child;
  }
  if (previous) previous.next = null;
}
