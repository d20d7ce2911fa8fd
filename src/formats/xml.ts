import { createRequire } from 'node:module';
import { isAscii } from 'node:buffer';
import type * as Entities from 'entities';
import type * as Htmlparser2 from 'htmlparser2';
import { decodeUnit, decodeUnitAs, decoderFor, latin1, type Decoded } from './decode.js';

// htmlparser2 and entities load on the first XML document (through their CommonJS builds, synchronously, since
// parsing is synchronous), so that a run over plain wire files never pays for them at start-up.
const load = createRequire(import.meta.url);
let libraries: { Parser: typeof Htmlparser2.Parser; decodeHTML: typeof Entities.decodeHTML } | undefined;
function xmlLibraries(): NonNullable<typeof libraries> {
  libraries ??= {
    Parser: (load('htmlparser2') as typeof Htmlparser2).Parser,
    decodeHTML: (load('entities') as typeof Entities).decodeHTML,
  };
  return libraries;
}

function decodeHTML(text: string): string {
  return xmlLibraries().decodeHTML(text);
}

/** An element of a parsed XML document: local name (prefix dropped), attributes by local name, children in order. */
export interface XmlElement {
  readonly name: string;
  /** The namespace prefix as written (`content` of `content:encoded`), when there is one. */
  readonly prefix?: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: ReadonlyArray<XmlElement | string>;
}

/** A parsed document: its top-level elements, and what was wrong with the markup (empty when well-formed). */
export interface XmlDocument {
  readonly roots: readonly XmlElement[];
  readonly problems: readonly string[];
}

interface Building {
  readonly name: string;
  readonly prefix?: string;
  readonly attrs: Record<string, string>;
  readonly children: Array<XmlElement | string>;
}

// NITF and NewsML-G2 nest a few dozen levels at most; the tree readers below recurse, so depth is bounded.
const MAX_DEPTH = 256;

/**
 * Parses XML forgivingly with htmlparser2 in XML mode: unclosed or stray tags are repaired and reported in
 * `problems`, never thrown. Entities are decoded with the HTML tables, because NITF and NewsML files in the wild
 * use `&nbsp;` and `&eacute;` that their DTDs declare; CDATA stays as written.
 */
export function parseXml(text: string): XmlDocument {
  const root: Building = { name: '#document', attrs: {}, children: [] };
  const stack: Building[] = [root];
  const problems: string[] = [];
  let justOpened = false;
  let inCdata = false;
  let explicitCloses = 0;
  let flattened = false;
  const parser = new (countingParser())(
    {
      onopentag(name, attribs) {
        justOpened = true;
        const parent = stack.at(-1) ?? root;
        if (stack.length > MAX_DEPTH) {
          // Deeper than any news document goes: keep the text, in the element at the limit (the readers recurse).
          if (!flattened) problems.push(`elements nested deeper than ${MAX_DEPTH} levels were flattened`);
          flattened = true;
          stack.push(parent);
          return;
        }
        const colon = name.indexOf(':');
        const element: Building = {
          name: localName(name),
          ...(colon > 0 ? { prefix: name.slice(0, colon) } : {}),
          attrs: decodeAttrs(attribs),
          children: [],
        };
        parent.children.push(element);
        stack.push(element);
      },
      onclosetag(name, isImplied) {
        // htmlparser2 closes self-closing tags and, at the end, unclosed ones as "implied": only the latter is wrong.
        if (isImplied && !justOpened) problems.push(`<${name}> is not closed`);
        if (!isImplied) explicitCloses++;
        if (stack.length > 1) stack.pop();
        justOpened = false;
      },
      ontext(data) {
        justOpened = false;
        const parent = stack.at(-1);
        if (parent) parent.children.push(inCdata || !data.includes('&') ? data : decodeHTML(data));
      },
      oncdatastart: () => void (inCdata = true),
      oncdataend: () => void (inCdata = false),
    },
    { xmlMode: true, decodeEntities: false },
  );
  parser.end(text);
  const stray = parser.closeTokens - explicitCloses;
  if (stray > 0) problems.push(`${stray} closing tag(s) without an opening tag`);
  return { roots: root.children.filter(isElement), problems };
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

function decodeAttrs(attribs: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(attribs)) {
    // `xml:lang` keeps its prefix (it is not a namespace of the document); `xmlns:*` declarations are dropped.
    if (key.startsWith('xmlns')) continue;
    out[key === 'xml:lang' ? key : localName(key)] = value.includes('&') ? decodeHTML(value) : value;
  }
  return out;
}

/** htmlparser2 drops a closing tag that closes nothing without a callback: count the tokens to notice them. */
let CountingParser:
  | (new (...args: ConstructorParameters<typeof Htmlparser2.Parser>) => Htmlparser2.Parser & { closeTokens: number })
  | undefined;
function countingParser(): NonNullable<typeof CountingParser> {
  CountingParser ??= class extends xmlLibraries().Parser {
    closeTokens = 0;

    override onclosetag(start: number, endIndex: number): void {
      this.closeTokens++;
      super.onclosetag(start, endIndex);
    }
  };
  return CountingParser;
}

/** True for an element child (as opposed to text). */
export function isElement(node: XmlElement | string): node is XmlElement {
  return typeof node !== 'string';
}

/** The first child element with this local name, or undefined. */
export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((node): node is XmlElement => isElement(node) && node.name === name);
}

/** Every child element with this local name. */
export function children(element: XmlElement | undefined, name: string): XmlElement[] {
  return (element?.children ?? []).filter((node): node is XmlElement => isElement(node) && node.name === name);
}

/** The element at a path of child names (`head`, `docdata`, `doc-id`), or undefined. */
export function path(element: XmlElement | undefined, ...names: readonly string[]): XmlElement | undefined {
  let at = element;
  for (const name of names) at = child(at, name);
  return at;
}

/** The first descendant (depth first) with this local name, or undefined. */
export function find(element: XmlElement | undefined, name: string): XmlElement | undefined {
  for (const node of element?.children ?? []) {
    if (!isElement(node)) continue;
    if (node.name === name) return node;
    const inner = find(node, name);
    if (inner) return inner;
  }
  return undefined;
}

/** All text inside an element, whitespace collapsed; null when the element is absent or holds only whitespace. */
export function textOf(element: XmlElement | undefined): string | null {
  if (!element) return null;
  const text = rawText(element).replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

/** All text inside an element as written (line breaks kept). */
export function rawText(element: XmlElement): string {
  let out = '';
  for (const node of element.children) out += isElement(node) ? rawText(node) : node;
  return out;
}

/** An attribute's value, trimmed; null when absent or empty. */
export function attr(element: XmlElement | undefined, name: string): string | null {
  const value = element?.attrs[name]?.trim();
  return value ? value : null;
}

/**
 * Decodes an XML unit by the encoding its declaration names (RCV1 files say `encoding="iso-8859-1"`); without one,
 * or for UTF-8, the pipeline's UTF-8 reading with its windows-1252 fallback.
 */
export function decodeXmlUnit(bytes: Uint8Array): Decoded {
  const head = latin1(bytes.subarray(0, 300));
  const declared = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1];
  if (declared === undefined) return decodeUnit(bytes);
  // A file that says latin-1 but whose bytes are valid UTF-8 with non-ASCII in them was written as UTF-8 (an AFP
  // feed declaring iso-8859-1 over `DÃ©cÃ¨s`): latin-1 text almost never forms valid UTF-8 sequences.
  const utf8 = decodeUnit(bytes);
  if (LATIN1_LABELS.test(declared))
    return !utf8.fallback && !isAscii(bytes) ? utf8 : decodeUnitAs(bytes, 'windows-1252');
  if (!utf8.fallback) return utf8;
  // Another single-byte or legacy charset the declaration names (`ISO-8859-15`, with its euro sign, `windows-1250`,
  // `KOI8-R`): read in it, not guessed as windows-1252.
  const decoder = decoderFor(declared);
  if (decoder === null || decoder.encoding.startsWith('utf-')) return utf8;
  return { text: decoder.decode(bytes), charset: decoder.encoding, fallback: false };
}

const LATIN1_LABELS = /^(?:iso-?8859-1|latin-?1|l1|windows-1252|cp1252|us-ascii|ascii)$/i;
