import { canonicalAgency } from './agencies.js';

/** What a line at the end of a story is, when it is not body. */
export type EndMatter =
  | { readonly kind: 'signoff'; readonly name: string | null; readonly implies: string | null }
  | { readonly kind: 'source'; readonly name: string }
  | { readonly kind: 'credits' }
  | { readonly kind: 'copyright' }
  | { readonly kind: 'continuation' };

// Sign-offs that close a story (FORMATS.md): `Reuter`, `(END)`, `Enditem`, `-- AFP`, `dpa`, `-30-`, `###`.
const SIGNOFFS: ReadonlyArray<readonly [RegExp, string | null, string | null]> = [
  // `Reuter`, `REUTER`, `Reuters.`, and 1987 dumps' `REUTER...^M` (a carriage return printed as caret-M).
  [/^reuters?(?:\.{1,3}|…)?(?:\^M)?$/i, 'Reuters', null],
  [/^\(END\)$/i, null, null],
  [/^End ?item=?$/i, null, 'Xinhua'],
  [/^(?:--?|—|==)\s*(AFP|dpa|AP|Xinhua|Kyodo|Reuters|Yonhap|UPI|EFE|ANSA)$/, '$1', null],
  [/^dpa(?: [a-z]{2,4}){0,3}$/, 'dpa', null],
  [/^(?:Fin|FIN)$/, null, null],
  [/^(?:-30-|-0-|#{3}|# # #|NNNN|\(ENDS?\)|ENDS?)$/, null, null],
];

// `Source: Yonhap News Agency`, `(Source: Xinhua)`, `SOURCE: AFP`, `Quelle: dpa`, `Fuente: EFE`, `Fonte: Lusa`.
const SOURCE_LINE = /^\(?\s*(?:Sources?|SOURCES?|Quelle|Fuente|Fonte)\s*[:：]\s*([^\n]{2,80}?)\s*\)?\.?$/;
// `(Reporting by Scott Murdoch; Editing by Jamie Freed)`, `((Scott.Murdoch@thomsonreuters.com;))`.
const CREDITS =
  /^(?:\(+\s*(?:(?:Additional |Further )?(?:Reporting|Writing|Editing|Compiled|Reported|Written|Research|Translated|Translation|Graphics?|Production)\b[^]*|[^()]*@[^()]*)\)+|(?:Reporting|Editing|Writing) by [^\n]{2,200})$/i;
// `Copyright 2019 The Associated Press. All rights reserved.`, `© 2026 Yonhap`, `(c) 1987 Reuters` — a year or sign is
// required so that a headline like `Copyright ruling upheld` is not taken for one.
const COPYRIGHT = /^(?:Copyright\s*(?:©|\(c\))?\s*\d{4}|©|\(c\)\s*\d{4})|All rights reserved/i;
const CONTINUATION = /^(?:MORE|More|more)(?: to (?:follow|come))?\.?$|^\(MORE\)$/;

/** Classifies one line or short paragraph as end matter (sign-off, source line, credits, ...), or null for body. */
export function classifyEndMatter(text: string): EndMatter | null {
  const line = text.trim();
  if (line.length === 0 || line.length > 400) return null;
  if (line.length <= 40) {
    for (const [pattern, name, implies] of SIGNOFFS) {
      const match = pattern.exec(line);
      if (match) {
        const printed = name === '$1' ? (match[1] ?? null) : name;
        return { kind: 'signoff', name: printed === null ? null : (canonicalAgency(printed) ?? printed), implies };
      }
    }
    if (CONTINUATION.test(line)) return { kind: 'continuation' };
  }
  const source = SOURCE_LINE.exec(line);
  if (source?.[1]) return { kind: 'source', name: canonicalAgency(source[1]) ?? source[1] };
  if (CREDITS.test(line)) return { kind: 'credits' };
  if (COPYRIGHT.test(line) && line.length < 400) return { kind: 'copyright' };
  return null;
}

// A sign-off run into the last paragraph: `... the ministry said. (END)`, `... on Monday. Enditem`.
const INLINE_SIGNOFF = /[ \t]+(\(END\)|End ?item=?|(?:--|—) ?AFP|###)[ \t]*$/i;

/** Splits a sign-off printed at the end of the last paragraph from the text before it. */
export function splitInlineSignoff(paragraph: string): { readonly text: string; readonly signoff: string } | null {
  const match = INLINE_SIGNOFF.exec(paragraph);
  if (!match?.[1] || !/[.!?"”’)]$/.test(paragraph.slice(0, match.index))) return null;
  return { text: paragraph.slice(0, match.index), signoff: match[1] };
}

/** True for a line that must stand alone as a paragraph when hard-wrapped lines are joined. */
export function standsAlone(line: string): boolean {
  return classifyEndMatter(line) !== null || trailerKind(line) !== null;
}

// Aggregator trailers that open a list of links: everything after them that is short goes too.
const LIST_TRAILER =
  /^(?:You (?:may|might) (?:also )?(?:like|be interested in)|Related (?:articles|stories|news|coverage|content|posts|links)|Related\s*:?$|More (?:stories|news|from|on this)|Recommended(?: (?:stories|for you|reading))?|Most (?:read|popular|viewed)|Trending(?: now)?|See also|Also on |Other news|Latest news|Top stories)/i;
// One-line boilerplate that can sit anywhere: `Read more: ...`, `Share this:`, `Advertisement`.
const LINE_TRAILER =
  /^(?:Read more|READ MORE|Also read|ALSO READ|Read also|Share this|Share on|Share this (?:article|story)|Follow us on|Click here (?:to|for)|Subscribe (?:to|now|for)|Sign up (?:for|to)|Advertisement|ADVERTISEMENT|Tags\s*:|Topics\s*:|Leave a comment|Comments \(\d+\)|Print this|Email this)\b/;

/** `list` for a trailer that opens a list of links, `line` for one-line boilerplate, null for body. */
export function trailerKind(text: string): 'list' | 'line' | null {
  const line = text.trim();
  if (line.length > 300) return null;
  if (LIST_TRAILER.test(line) && line.length <= 120) return 'list';
  if (LINE_TRAILER.test(line)) return 'line';
  return null;
}
