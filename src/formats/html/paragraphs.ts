import { isText, type AnyNode } from 'domhandler';
import { isElement } from './dom.js';

// Elements that end the paragraph before them and start a new one. Table cells do too: news pages laid out in
// tables put the menu column and the story in two cells of one row.
const BREAKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'figure',
  'hr',
  'address',
  'fieldset',
  'form',
  'center',
  'details',
  'summary',
  'caption',
]);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'img', 'picture', 'source']);
// A paragraph that ends like a sentence: `.`, `!`, `?`, a closing quote, `。`.
const SENTENCE_END = /[.!?…。！？]["'”’)»]*$/;

/**
 * The article's text as paragraphs: every block element ends one; a double `<br>` ends one too (pages that lay
 * out copy as `text<br><br>text`). Whitespace is collapsed. A paragraph that is mostly link text and does not end
 * like a sentence and holds two links or more (`More local news | Print this story`, a row of section links) is
 * navigation, and is dropped (into `dropped`, so that it can be accounted for).
 */
export function paragraphsOf(nodes: readonly AnyNode[], dropped: string[] = []): string[] {
  const out: string[] = [];
  let current = '';
  let links = 0;
  let linkCount = 0;
  const flush = (): void => {
    const pieces = current.includes('\n') ? current.split(/\n[ \t]*\n/) : [current];
    for (const piece of pieces) {
      const text = piece.replace(/\s+/g, ' ').trim();
      if (text === '') continue;
      const navigation =
        pieces.length === 1 && linkCount >= 2 && links / text.length >= 0.6 && !SENTENCE_END.test(text);
      (navigation ? dropped : out).push(text);
    }
    current = '';
    links = 0;
    linkCount = 0;
  };
  const walk = (node: AnyNode, inLink: boolean): void => {
    if (isText(node)) {
      const text = node.data.replace(/\n/g, ' ');
      current += text;
      if (inLink) links += text.replace(/\s+/g, ' ').trim().length;
      return;
    }
    if (!isElement(node) || SKIP.has(node.name)) return;
    if (node.name === 'br') {
      current += '\n';
      return;
    }
    const breaks = BREAKS.has(node.name);
    if (breaks) flush();
    if (node.name === 'a') linkCount++;
    for (const child of node.children) walk(child, inLink || node.name === 'a');
    if (breaks) flush();
  };
  for (const node of nodes) walk(node, false);
  flush();
  return out;
}
