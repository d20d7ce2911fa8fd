import { isText, type AnyNode } from 'domhandler';
import { isElement } from './dom.js';

// Elements that end the paragraph before them and start a new one.
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
const CELLS = new Set(['td', 'th']);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'img', 'picture', 'source']);

/**
 * The article's text as paragraphs: every block element ends one; a double `<br>` ends one too (pages that lay
 * out copy as `text<br><br>text`); table cells in a row are joined with spaces. Whitespace is collapsed.
 */
export function paragraphsOf(nodes: readonly AnyNode[]): string[] {
  const out: string[] = [];
  let current = '';
  const flush = (): void => {
    for (const piece of current.split(/\n[ \t]*\n/)) {
      const text = piece.replace(/\s+/g, ' ').trim();
      if (text !== '') out.push(text);
    }
    current = '';
  };
  const walk = (node: AnyNode): void => {
    if (isText(node)) {
      current += node.data.replace(/\n/g, ' ');
      return;
    }
    if (!isElement(node) || SKIP.has(node.name)) return;
    if (node.name === 'br') {
      current += '\n';
      return;
    }
    const breaks = BREAKS.has(node.name);
    if (breaks) flush();
    for (const child of node.children) walk(child);
    if (CELLS.has(node.name)) current += ' ';
    if (breaks) flush();
  };
  for (const node of nodes) walk(node);
  flush();
  return out;
}
