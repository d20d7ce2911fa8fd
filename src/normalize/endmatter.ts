/**
 * What a paragraph at the end of a story is when it is not body: a sign-off, source line, credits, copyright, a
 * continuation marker or trailer furniture. The agencies' own shapes come from the agency table (credits, trailers);
 * sign-offs are read by `signoff.ts`.
 */
import { AGENCIES, canonicalAgency } from './agencies.js';
import { parseSignoff } from './signoff.js';
import { trailerKind } from './trailers.js';

export { trailerKind } from './trailers.js';

/** What a line at the end of a story is, when it is not body. */
export type EndMatter =
  | { readonly kind: 'signoff'; readonly name: string | null; readonly implies: string | null }
  | { readonly kind: 'initials' }
  | { readonly kind: 'source'; readonly name: string }
  | { readonly kind: 'credits' }
  | { readonly kind: 'copyright' }
  | { readonly kind: 'continuation' }
  | { readonly kind: 'furniture' };

// `Source: Yonhap News Agency`, `(Source: Xinhua)`, `SOURCE: AFP`, `Quelle: dpa`, `Fuente: EFE`, `Fonte: Lusa`.
const SOURCE_LINE = /^\(?\s*(?:Sources?|SOURCES?|Quelle|Fuente|Fonte)\s*[:：]\s*([^\n]{2,80}?)\s*\)?\.?$/;
// PR Newswire ends releases with `SOURCE Acme Robotics, Inc.` (no colon): the name runs to the end of the line,
// punctuation included, and must be in mixed case, since a 1987 headline can read `SOURCE VENTURE CAPITAL INC YEAR`.
const RELEASE_SOURCE = /^SOURCE ([^\n]*[a-z][^\n]{0,100})$/;
// `Copyright 2019 The Associated Press. All rights reserved.`, `© 2026 Yonhap`, `(c) 1987 Reuters` — a year or sign is
// required so that a headline like `Copyright ruling upheld` is not taken for one.
const COPYRIGHT = /^(?:Copyright\s*(?:©|\(c\))?\s*\d{4}|©|\(c\)\s*\d{4})|All rights reserved/i;
const CONTINUATION = /^(?:MORE|More|more)(?: to (?:follow|come))?\.?$|^\(MORE\)$/;
// AP sets its trailer off with a line of underscores: `___`.
const RULE = /^_{3,}$/;

const CREDITS = AGENCIES.flatMap((agency) => agency.credits ?? []);
const TRAILERS = AGENCIES.flatMap((agency) => agency.trailers ?? []);

// Every line near a story's end is asked whether it is end matter, so cheap tests of how end matter can begin come
// first: anchored regexes instead of a dozen. Together they must match a superset of the anchored patterns below;
// the credits that may sit anywhere in a paragraph (`... contributed to this report.`) are caught by CREDIT_WORDS.
const MAYBE_END_WORD =
  /^(?:[(\-—–=#©/._]|reuter|end|fin|nnnn|fim|sources?\b|quelle|fuente|fonte|reporting|editing|writing|copyright|more|for more|keywords|follow|this (?:story|report|article))/i;
// Shapes that are case-sensitive: a word alone (`EFE`, `BERNAMA`, `ends`), lower-case initials (`dpa ab`, `hh/ph`,
// `abc-def/gh`), upper-case ones after a name (`PTI AB CD`).
const MAYBE_END_SHAPE =
  /^(?:[\p{L}][\p{L}-]{1,24}\.?$|[a-z]{2,4}(?:[/-][a-z]| [a-z]{2,4}(?: |$))|\p{Lu}{2,5}(?: \p{Lu}{2,4})+$)/u;
// Words that credits and copyright lines carry where they are not anchored: near the end of a sentence
// (`... contributed to this report.`, `All rights reserved.`), in a short line (`Jane Doe can be reached at ...`), and
// a reporter's address on a line of its own. Only those stretches are searched, without copying them (a global
// regex from lastIndex): every story's last paragraphs are asked.
const CREDIT_END = /contribut|helped with|ights reserved|IGHTS RESERVED/g;
const CREDIT_SHORT = /can be reached|on Twitter/;
const STRETCH = 120;

function maybeEnd(line: string): boolean {
  if (MAYBE_END_WORD.test(line) || MAYBE_END_SHAPE.test(line)) return true;
  if (line.length <= 80 && line.includes('@')) return true;
  if (line.length <= 250 && CREDIT_SHORT.test(line)) return true;
  CREDIT_END.lastIndex = Math.max(0, line.length - STRETCH);
  return CREDIT_END.test(line);
}

/** Classifies one line or short paragraph as end matter (sign-off, source line, credits, ...), or null for body. */
export function classifyEndMatter(text: string): EndMatter | null {
  const line = text.trim();
  if (line.length === 0 || line.length > 400 || !maybeEnd(line)) return null;
  if (line.length <= 48) {
    const signoff = parseSignoff(line);
    if (signoff?.initialsOnly) return { kind: 'initials' };
    if (signoff) return { kind: 'signoff', name: signoff.name, implies: signoff.implies };
    if (CONTINUATION.test(line)) return { kind: 'continuation' };
    if (RULE.test(line)) return { kind: 'furniture' };
  }
  const source = SOURCE_LINE.exec(line);
  if (source?.[1]) return { kind: 'source', name: sourceName(source[1], line) };
  const release = RELEASE_SOURCE.exec(line);
  if (release?.[1]) return { kind: 'source', name: canonicalAgency(release[1]) ?? release[1] };
  if (CREDITS.some((pattern) => pattern.test(line))) return { kind: 'credits' };
  if (COPYRIGHT.test(line)) return { kind: 'copyright' };
  if (TRAILERS.some((pattern) => pattern.test(line))) return { kind: 'furniture' };
  return null;
}

// A company name keeps the period of its abbreviation: `Source: Example Motors Co., Ltd.`.
const ABBREVIATION = /\b(?:Inc|Ltd|Co|Corp|Bhd|Pty|Pte|plc|LLC|S\.A|N\.V|AG|SE|SpA|GmbH)\.\)?$/;

/** The name a source line gives: canonical when it is an agency's, else as printed up to its closing period. */
function sourceName(name: string, line: string): string {
  const agency = canonicalAgency(name);
  if (agency !== undefined) return agency;
  return ABBREVIATION.test(line) && !name.endsWith('.') ? `${name}.` : name;
}

/** True for a line that must stand alone as a paragraph when hard-wrapped lines are joined. */
export function standsAlone(line: string): boolean {
  return classifyEndMatter(line) !== null || trailerKind(line) !== null;
}
