import { BODY_KEYS, nameKey, TITLE_KEYS } from './article-keys.js';

/**
 * Whether the head of an XML document of a root no reader knows holds an article, as CMS and agency exports do
 * (Canadian Press's `<Publish><ContentItem>` with `<Headline>` and `<ContentText>`): an element, at most
 * `ARTICLE_DEPTH` below the root, with a headline-like child and a body-like child (article-keys.ts), and real text
 * in them. A title and a body that are not siblings are no article: a SOAP envelope's `<Body>` has a `<Header>`
 * beside it, an OPML outline's `<title>` sits in its `<head>`. Nor is a short label: a config file's
 * `<title>Main</title><text>Ready</text>`. A light scan of the tags, without the XML parser.
 */
export function hasArticleElements(head: string): boolean {
  const stack: Open[] = [];
  for (const match of head.matchAll(TOKEN)) {
    const [token, closing, name, selfClosing] = match;
    const top = stack.at(-1);
    if (name === undefined) {
      if (top !== undefined) addText(stack, token.startsWith('<![CDATA[') ? token.slice(9) : token);
    } else if (closing === '/') {
      const at = stack.findLastIndex((open) => open.name === name);
      if (at !== -1 && closeFrom(stack, at)) return true;
    } else {
      const role = roleOf(name);
      if (top !== undefined) top.roles.add(role);
      const open: Open = { name, role, words: 0, roles: new Set(), titleWords: 0, bodyWords: 0 };
      if (selfClosing !== '/') stack.push(open);
    }
  }
  // The head may end inside the article: what it has shown so far decides.
  return closeFrom(stack, 0);
}

// How far below the root an article may sit: CP's `<ContentItem>` is one down.
const ARTICLE_DEPTH = 6;
// Real text: a headline of a few words, or a paragraph's worth of body.
const TITLE_WORDS = 4;
const BODY_WORDS = 12;

// A tag (its name in group 2), a CDATA section, a comment or processing instruction, or text between tags.
const TOKEN =
  /<(\/?)([A-Za-z_][\w.:-]*)(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<!--[\s\S]*?(?:-->|$)|<[?!][^>]*>|[^<]+|</g;

type Role = 'title' | 'body' | 'other';

interface Open {
  readonly name: string;
  readonly role: Role;
  /** Words of text inside it, so far. */
  words: number;
  /** The roles of its children. */
  readonly roles: Set<Role>;
  titleWords: number;
  bodyWords: number;
}

const TITLES = new Set(TITLE_KEYS.filter((key) => !key.includes('.')).map(nameKey));
const BODIES = new Set(BODY_KEYS.filter((key) => !key.includes('.')).map(nameKey));

function roleOf(name: string): Role {
  const key = nameKey(name.slice(name.indexOf(':') + 1));
  return TITLES.has(key) ? 'title' : BODIES.has(key) ? 'body' : 'other';
}

/** Counts the words of a text in every element it is inside. */
function addText(stack: readonly Open[], text: string): void {
  const words = text.replace(/<[^>]*>|&lt;[^&]*&gt;/g, ' ').match(/\p{L}{2,}/gu)?.length ?? 0;
  if (words > 0) for (const open of stack) open.words += words;
}

/**
 * Closes the open elements from `at` up, the innermost first (an unclosed one inside is closed with its parent): a
 * headline or body tells its parent how many words it holds. True when one of them was an article.
 */
function closeFrom(stack: Open[], at: number): boolean {
  for (let depth = stack.length - 1; depth >= at; depth--) {
    const open = stack[depth]!;
    const parent = stack[depth - 1];
    if (parent !== undefined && open.role === 'title') parent.titleWords = Math.max(parent.titleWords, open.words);
    if (parent !== undefined && open.role === 'body') parent.bodyWords = Math.max(parent.bodyWords, open.words);
    if (isArticle(open, depth)) return true;
  }
  stack.length = at;
  return false;
}

function isArticle(open: Open, depth: number): boolean {
  return (
    depth <= ARTICLE_DEPTH &&
    open.roles.has('title') &&
    open.roles.has('body') &&
    (open.titleWords >= TITLE_WORDS || open.bodyWords >= BODY_WORDS)
  );
}
