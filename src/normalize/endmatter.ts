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
  // The agency's name alone on the last line: `EFE`, `AFP`, `ANSA`.
  [/^(AFP|EFE|ANSA|Xinhua|Kyodo|Yonhap|Bernama|PTI|IANS|UPI|AP|Lusa)$/, '$1', null],
  // "End" in the agencies' other languages: `Fin` (Spanish, French), `Fim` (Portuguese).
  [/^(?:Fin|FIN|Fim|FIM)$/, null, null],
  [/^(?:-30-|-0-|#{3}|# # #|NNNN|\(ENDS?\)|ENDS?)$/, null, null],
];

// `Source: Yonhap News Agency`, `(Source: Xinhua)`, `SOURCE: AFP`, `Quelle: dpa`, `Fuente: EFE`, `Fonte: Lusa`.
// PR Newswire ends releases with `SOURCE Acme Robotics` (no colon); the name must be in mixed case, since a 1987
// headline can read `SOURCE VENTURE CAPITAL INC YEAR`.
const SOURCE_LINE =
  /^\(?\s*(?:(?:Sources?|SOURCES?|Quelle|Fuente|Fonte)\s*[:：]|SOURCE(?= [^\n]*[a-z]))\s*([^\n]{2,80}?)\s*\)?\.?$/;
// `(Reporting by Scott Murdoch; Editing by Jamie Freed)`, `((Scott.Murdoch@thomsonreuters.com;))`.
const CREDITS =
  /^(?:\(+\s*(?:(?:Additional |Further )?(?:Reporting|Writing|Editing|Compiled|Reported|Written|Research|Translated|Translation|Graphics?|Production)\b[^]*|[^()]*@[^()]*)\)+|(?:Reporting|Editing|Writing) by [^\n]{2,200})$/i;
// `Copyright 2019 The Associated Press. All rights reserved.`, `© 2026 Yonhap`, `(c) 1987 Reuters` — a year or sign is
// required so that a headline like `Copyright ruling upheld` is not taken for one.
const COPYRIGHT = /^(?:Copyright\s*(?:©|\(c\))?\s*\d{4}|©|\(c\)\s*\d{4})|All rights reserved/i;
const CONTINUATION = /^(?:MORE|More|more)(?: to (?:follow|come))?\.?$|^\(MORE\)$/;

// Every line is asked whether it is end matter, so a cheap test of how end matter can begin comes first: one anchored
// regex instead of a dozen. It must match a superset of what the patterns below match.
const MAYBE_END =
  /^(?:[(\-—–=#©]|reuter|end|dpa|fin|nnnn|fim|sources?\b|efe|afp|ansa|xinhua|kyodo|yonhap|bernama|pti|ians|upi|ap$|lusa|quelle|fuente|fonte|reporting|editing|writing|copyright|more|you |related|recommended|most |trending|see also|also |other news|latest|top stories|read|share|follow|click|subscribe|sign up|advertisement|tags|topics|leave a|comments|print|email)/i;

function maybeEnd(line: string): boolean {
  return MAYBE_END.test(line) || (line.length < 400 && line.includes('ights reserved'));
}

/** Classifies one line or short paragraph as end matter (sign-off, source line, credits, ...), or null for body. */
export function classifyEndMatter(text: string): EndMatter | null {
  const line = text.trim();
  if (line.length === 0 || line.length > 400 || !maybeEnd(line)) return null;
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
  // Only the paragraph's end can hold one: look there, not along the whole paragraph.
  const offset = Math.max(0, paragraph.length - 24);
  const match = INLINE_SIGNOFF.exec(paragraph.slice(offset));
  if (!match?.[1]) return null;
  const cut = offset + match.index;
  if (!/[.!?"”’)]$/.test(paragraph.slice(0, cut))) return null;
  return { text: paragraph.slice(0, cut), signoff: match[1] };
}

/** True for a line that must stand alone as a paragraph when hard-wrapped lines are joined. */
export function standsAlone(line: string): boolean {
  return classifyEndMatter(line) !== null || trailerKind(line) !== null;
}

// Aggregator trailers that open a list of links: everything after them that is short goes too.
// Headings are capitalized (or in capitals) and short, so body lines that merely begin "recommended" or "trending"
// stay: matching is case-sensitive, both cases are spelled out, and a heading must not end like a sentence.
const LIST_TRAILER = new RegExp(
  `^(?:${[
    'You (?:may|might) (?:also )?(?:like|be interested in|have missed)',
    'Related(?: (?:articles|stories|news|coverage|content|posts|links|reading|topics))?',
    'More (?:stories|news|from|on this|to read)',
    'Recommended(?: (?:stories|for you|reading|articles))?',
    'Most (?:read|popular|viewed|shared)',
    'Trending(?: now| stories)?',
    'See also',
    'Also on [A-Z]',
    'Other news',
    'Latest news',
    'Top stories',
    'Read next',
  ]
    .map(
      (phrase) =>
        `${phrase}|${phrase
          .toUpperCase()
          .replace(/\\S/g, '\\s')
          .replace(/\[A-Z\]/g, '[A-Z]')}`,
    )
    .join('|')})(?![a-z])`,
);
// One-line boilerplate that can sit anywhere: `Read more: ...`, `Share this:`, `Advertisement`.
const LINE_TRAILER =
  /^(?:Read more|READ MORE|Also read|ALSO READ|Read also|Share this|Share on|Share this (?:article|story)|Follow us on|Click here (?:to|for)|Subscribe (?:to|now|for)|Sign up (?:for|to)|Advertisement|ADVERTISEMENT|Tags\s*:|Topics\s*:|Leave a comment|Comments \(\d+\)|Print this|Email this)\b/;

/** `list` for a trailer that opens a list of links, `line` for one-line boilerplate, null for body. */
export function trailerKind(text: string): 'list' | 'line' | null {
  const line = text.trim();
  if (line.length > 300 || !MAYBE_END.test(line)) return null;
  if (line.length <= 60 && LIST_TRAILER.test(line) && !/[^.]\.$|[!?]$/.test(line)) return 'list';
  if (line.length <= 200 && LINE_TRAILER.test(line)) return 'line';
  return null;
}
