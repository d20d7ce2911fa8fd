import type { SourceLine } from '../types.js';
import { canonicalAgency, isKnownAgency, type Agency } from './agencies.js';
import { isPeople } from './byline.js';
import {
  classifyEndMatter,
  creditsAgency,
  isCreditLabel,
  splitGluedCredit,
  splitGluedRule,
  splitGluedSentences,
  trailerKind,
  type EndMatter,
} from './endmatter.js';
import { parseDateline, parseDatelineAlone } from './dateline.js';
import { marksRelease, sectionStart } from './sections.js';
import { INITIALS_ALONE, INITIALS_PAIR, parseSignoff, splitGluedSignoff } from './signoff.js';

/** Where a paragraph at a story's end went. */
export type TailField = 'body' | 'source' | 'credits' | 'copyright' | 'stripped';

/** The end matter taken off a story's paragraphs. */
export interface Tail {
  readonly body: readonly string[];
  readonly source: SourceLine | null;
  readonly credits: string | null;
  readonly copyright: string | null;
  /** Boilerplate, notebooks, release end matter and displaced sign-offs, in story order. */
  readonly stripped: readonly string[];
  /** An agency a sign-off implies without naming it (`Enditem` → Xinhua). */
  readonly implied: string | null;
  /** True when the end matter says the story is a press release (`SOURCE Acme`, `View original content`). */
  readonly release: boolean;
  /** The field of each paragraph given, by index; a paragraph with cuts has it up to its first cut. */
  readonly fields: readonly TailField[];
  /** Where end matter run into a paragraph starts (`... said. jdoe@yna.co.kr (END)`), in paragraph and text order. */
  readonly cuts: readonly TailCut[];
}

/** A paragraph's text from `at` (to its next cut) went to `field`. */
export interface TailCut {
  readonly index: number;
  readonly at: number;
  readonly field: TailField;
}

// Paragraphs after a list trailer (`You may also like...`) are the list's items if they are this short.
const LIST_ITEM_MAX = 250;
// How far up from the end a release's `SOURCE` line or `View original content` link is looked for.
const RELEASE_MARK_WINDOW = 12;

interface Item {
  readonly index: number;
  readonly text: string;
  readonly kind: EndMatter | null;
  /** Where in its paragraph a part run into it starts; absent for a whole paragraph. */
  readonly at?: number;
}

// How many parts of end matter are peeled off the end of one paragraph: a sign-off, the credit above it, and one more.
const MAX_RUN_IN = 3;

/**
 * Takes the sign-off, source line, credits, copyright, notebooks, release end matter and aggregator trailers off the
 * end of a story, recording every cut paragraph so that nothing disappears silently. `release` says the story is
 * already known to be a press release (from its dateline's wire); `wire` is the agency its dateline names.
 */
export function takeTail(paragraphs: readonly string[], release = false, wire?: Agency): Tail {
  const isRelease = release || marksReleaseNearEnd(paragraphs);
  // Each paragraph's end matter, read once: the list-trailer search and the walk up from the bottom ask of the same.
  const known = new Array<EndMatter | null | undefined>(paragraphs.length);
  const endMatter = (index: number): EndMatter | null => {
    let kind = known[index];
    if (kind === undefined) known[index] = kind = paragraphEndMatter(paragraphs[index] ?? '');
    return kind;
  };
  const section = sectionStart(paragraphs, isRelease);
  const blockStart = Math.min(findListTrailer(paragraphs, endMatter), section);
  const kept: Item[] = [];
  const end: Item[] = [];
  const stripped: Item[] = [];
  paragraphs.forEach((text, index) => {
    if (index >= blockStart) {
      const kind = endMatter(index);
      // Inside a release's contact block or an agency's notebook (dpa's `# Notizblock`, its contacts) an e-mail
      // address is furniture, not a reporter's credit; so is an item of the notebook's lists (`- dpa-Eilmeldung`).
      const furniture =
        (kind?.kind === 'credits' && (isRelease || index >= section)) || (index >= section && LIST_ITEM.test(text));
      (kind !== null && !furniture ? end : stripped).push({ index, text, kind });
    } else if (trailerKind(text) !== null) stripped.push({ index, text, kind: null });
    else kept.push({ index, text, kind: null });
  });
  // Walk up from the bottom while paragraphs are end matter.
  for (let last = kept.at(-1); last; last = kept.at(-1)) {
    const above = kept.at(-2);
    const kind =
      endMatter(last.index) ??
      initialsUnder(
        last.text,
        above && (() => [above.text, endMatter(above.index)]),
        end.length === 0 ? wire : undefined,
      ) ??
      (end.length === 0 && wire?.signs === true && isSignature(last.text) ? CREDITS : null) ??
      (kept.length > 1 ? closingDateline(last.text) : null) ??
      (above !== undefined && end.length === 0 && isDayAlone(last.text) && endMatter(above.index)?.kind === 'signoff'
        ? FURNITURE
        : null) ??
      labelledNames(last.text, above?.text, end.at(-1));
    if (kind !== null) {
      end.push({ index: last.index, text: last.text, kind });
      kept.pop();
      continue;
    }
    // End matter run into the paragraph: the story's text keeps what is before it, unless that is end matter too.
    const runIn =
      peelRunIn(last, paragraphs.length <= FLATTENED_PARAGRAPHS) ??
      (end.length === 0 && wire?.initials?.includes('line') === true ? gluedUpperInitials(last) : null);
    if (runIn === null) break;
    end.push(...runIn.parts);
    if (runIn.rest !== null) {
      kept[kept.length - 1] = { index: last.index, text: runIn.rest, kind: last.kind };
      break;
    }
    kept.pop();
  }
  const fields: TailField[] = paragraphs.map(() => 'body');
  const cuts: TailCut[] = [];
  const assembled = assemble(end.sort(byIndex), stripped, fields, cuts);
  // Written out rather than spread: V8 (Node 20) builds an object spread and then extended field by field slowly.
  return {
    source: assembled.source,
    credits: assembled.credits,
    copyright: assembled.copyright,
    stripped: assembled.stripped,
    implied: assembled.implied,
    body: kept.map((item) => item.text),
    release: isRelease,
    fields,
    cuts: cuts.sort((a, b) => a.index - b.index || a.at - b.at),
  };
}

/**
 * The end matter run into the end of a paragraph, peeled off part by part from its end: a sign-off after the last
 * sentence or after a reporter's address (`... said. (END)`, `jdoe@yna.co.kr (END)`), a credit (`... said.
 * (Reporting by ...)`, `... said. jdoe@yna.co.kr`); and in a story flattened into a paragraph or two (`flat`),
 * whole sentences of end matter (`... ago. ___ Jane Doe contributed to this report.`). `rest` is the text before
 * them, or null when it is end matter itself; null when nothing was run in.
 */
function peelRunIn(paragraph: Item, flat: boolean): { parts: Item[]; rest: string | null } | null {
  const parts: Item[] = [];
  let text = paragraph.text;
  for (let part = 0; part < MAX_RUN_IN; part++) {
    const runIn =
      splitGluedSignoff(text) ??
      splitGluedCredit(text) ??
      (flat ? splitGluedSentences(text) : null) ??
      (part > 0 ? splitGluedRule(text) : null);
    if (runIn === null) break;
    // Parts peeled later stand earlier in the paragraph: their fractional indexes keep the story's order.
    const index = paragraph.index + 0.9 - part * 0.1;
    parts.push({ index, text: runIn.signoff, kind: classifyEndMatter(runIn.signoff), at: runIn.text.length });
    text = runIn.text;
    const kind = classifyEndMatter(text);
    if (kind !== null) {
      parts.push({ index: paragraph.index, text, kind });
      return { parts, rest: null };
    }
  }
  return parts.length === 0 ? null : { parts, rest: text };
}

const CREDITS: EndMatter = { kind: 'credits' };
// An item of a list, as notebooks print their notes and links.
const LIST_ITEM = /^[-*•] /;
// A story of this many paragraphs or fewer under its dateline is copy flattened into one (scraped pages, some feeds):
// its end matter is looked for sentence by sentence. Stories printed a paragraph a block print it on lines of its own.
const FLATTENED_PARAGRAPHS = 2;

// AP's rule between a story's last sentence and its credits, run into one paragraph: `... ago. ___ Jane Doe ...`.
const RULE_INSIDE = /[.!?"”’')][ \t]+_{3,}[ \t]+\S/;

/**
 * A paragraph's end matter as a whole. Credits that a rule sets off from the story's last sentences in the same
 * paragraph are not the whole paragraph's: they are peeled off it (peelRunIn), and the sentences stay the story's.
 */
function paragraphEndMatter(text: string): EndMatter | null {
  const kind = classifyEndMatter(text);
  return kind?.kind === 'credits' && RULE_INSIDE.test(text) ? null : kind;
}

/**
 * Whether a story's last line is its reporters' names alone (`Erik Lindqvist`, `Anna-Lena af Sandberg`), for
 * an agency that {@link Agency.signs}.
 */
function isSignature(text: string): boolean {
  const line = text.trim();
  if (line.length > 80 || line.endsWith('.')) return false;
  if (!line.includes(' / ')) return isPeople(line);
  // The reporter and the editor by a slash, the editor's given name alone (SANA's `R. Raslan / Ghossoun`).
  const names = line.split(' / ');
  return (
    names.length <= 3 && isPeople(names[0] ?? '') && names.every((name) => isPeople(name) || GIVEN_NAME.test(name))
  );
}
const GIVEN_NAME = /^\p{Lu}\p{Ll}{2,15}$/u;

// The desk's initials in capitals by slashes after the last sentence (SUNA's `... Plumbly. IF/MO`).
const GLUED_UPPER_INITIALS = /[.!?"”’)][ \t]+([A-Z]{2,4}(?:\/[A-Z]{2,4}){1,3})$/;

/**
 * Initials in capitals run into the last paragraph, for an agency that prints its initials on a line of their own
 * (`wire`), where they cannot be told from a sentence's last word in capitals for any other.
 */
function gluedUpperInitials(paragraph: Item): { parts: Item[]; rest: string | null } | null {
  const match = GLUED_UPPER_INITIALS.exec(paragraph.text);
  if (match?.[1] === undefined) return null;
  const at = match.index + 1;
  return {
    parts: [{ index: paragraph.index + 0.9, text: match[1], kind: { kind: 'initials' }, at }],
    rest: paragraph.text.slice(0, at),
  };
}

/**
 * A credit's label on a line of its own and the names on the line under it (Kazinform's `Author:` / `Jane Roe`): the
 * names are credits when the label is above them, and the label when the names under it were.
 */
function labelledNames(text: string, above: string | undefined, below: Item | undefined): EndMatter | null {
  if (below === undefined) return above !== undefined && isCreditLabel(above) && isPeople(text) ? CREDITS : null;
  return below.kind?.kind === 'credits' && isCreditLabel(text) ? CREDITS : null;
}

// A day printed on a line of its own: `13 Oct. 2022`, `Oct. 13, 2022`.
const DAY_ALONE = /^(?:\d{1,2} \p{L}{3,9}\.?,? \d{4}|\p{L}{3,9}\.? \d{1,2},? \d{4})$/u;
const FURNITURE: EndMatter = { kind: 'furniture' };

/** A day alone on its line, as GNA prints the day it filed under its sign-off (`GNA` / `13 Oct. 2022`). */
function isDayAlone(text: string): boolean {
  return text.length <= 24 && DAY_ALONE.test(text);
}

// The most characters of a dateline printed under the story.
const CLOSING_DATELINE_MAX = 80;

/**
 * A dateline printed under the story instead of over it, as some papers print agency copy (Beta's `BEOGRAD, 15.
 * septembra 2011. (Beta)`): a place and an agency the table knows in brackets, nothing after; the story's sign-off.
 */
function closingDateline(text: string): EndMatter | null {
  if (text.length > CLOSING_DATELINE_MAX || !text.endsWith(')')) return null;
  const dateline = parseDatelineAlone(text, null)?.dateline;
  const name = dateline?.location ? canonicalAgency(dateline.agency ?? '') : undefined;
  return name === undefined ? null : { kind: 'signoff', name, implies: null };
}

const UPPER_ALONE = /^[A-Z]{2,4}$/;
// Desk initials in capitals joined by slashes (APS `ESF/MTN`).
const UPPER_INITIALS = /^[A-Z]{2,4}(?:\/[A-Z]{2,4}){1,3}$/;

/**
 * A short line of desk initials (`ab/cd`, `ak.mh`, `RY NHA`) is initials only under a sign-off, on a line of its own
 * or glued to the last paragraph (EFE `EFE` / `ab/cd`, KUNA `... next year. (end)` / `ak.mh`), or as the last line
 * of a story whose dateline names an agency that prints its initials on a line (`wire`: AFP `cha/pw`). Under a
 * closer (`(end)`, `(END)`) one group of letters is initials too (KUNA `(end)` / `mke`).
 */
function initialsUnder(
  text: string,
  above: (() => readonly [string, EndMatter | null]) | undefined,
  wire: Agency | undefined,
): EndMatter | null {
  const line = text.trim();
  const onLine = wire?.initials?.includes('line') === true;
  // In capitals, joined by slashes (APS `ESF/MTN`): only as the last line of such an agency's story.
  if (onLine && UPPER_INITIALS.test(line) && !line.split('/').some((part) => isKnownAgency(part))) {
    return { kind: 'initials' };
  }
  const pair = INITIALS_PAIR.test(line);
  // One group in capitals is initials only under a closer, as one in lower case is (Andina's `(FIN) JOT` / `JRA`).
  if (!pair && !INITIALS_ALONE.test(line) && !UPPER_ALONE.test(line)) return null;
  if (pair && onLine && /^[a-z]/.test(line)) return { kind: 'initials' };
  if (above === undefined) return null;
  const [aboveText, kind] = above();
  if (kind?.kind === 'signoff') {
    const closer = kind.name === null && kind.implies === null;
    return pair || closer ? { kind: 'initials' } : null;
  }
  const glued = kind === null ? splitGluedSignoff(aboveText) : null;
  const signoff = glued === null ? null : parseSignoff(glued.signoff);
  if (signoff === null) return null;
  return pair || (signoff.name === null && signoff.implies === null && !signoff.initialsOnly)
    ? { kind: 'initials' }
    : null;
}

function findListTrailer(paragraphs: readonly string[], endMatter: (index: number) => EndMatter | null): number {
  let start = paragraphs.length;
  for (let i = paragraphs.length - 1; i >= 0; i--) {
    const text = paragraphs[i] ?? '';
    if (trailerKind(text) === 'list') start = i;
    else if (text.length > LIST_ITEM_MAX && endMatter(i) === null) break;
  }
  // A news budget lists stories under `See also on general file:`: an item that opens with a dateline (`BRISBANE - A
  // storm surge ...`) is a story, not a link, and no list trailer starts above it.
  for (let i = paragraphs.length - 1; i > start; i--) {
    if (endMatter(i) !== null || parseDateline(paragraphs[i] ?? '', null) === null) continue;
    let below = i + 1;
    while (below < paragraphs.length && trailerKind(paragraphs[below] ?? '') !== 'list') below++;
    return below;
  }
  return start;
}

/** True when one of the last paragraphs marks the story as a press release. */
function marksReleaseNearEnd(paragraphs: readonly string[]): boolean {
  for (let i = Math.max(0, paragraphs.length - RELEASE_MARK_WINDOW); i < paragraphs.length; i++)
    if (marksRelease(paragraphs[i] ?? '')) return true;
  return false;
}

type Assembled = Pick<Tail, 'source' | 'credits' | 'copyright' | 'stripped' | 'implied'>;

/**
 * Sorts end matter into its fields. One sign-off becomes the source: a source line beats a sign-off, a named
 * sign-off an unnamed one, and otherwise the last one wins (`(END)` then `Source: Yonhap News Agency` keeps the
 * latter; `REUTER` then `Reuter` keeps `Reuter`); desk initials next to it are printed with it (`EFE` / `ab/cd`),
 * and so is a sign-off next to it that names the same agency.
 * Fields are written into `fields` by paragraph index, and a part run into a paragraph into `cuts`.
 */
function assemble(end: readonly Item[], stripped: Item[], fields: TailField[], cuts: TailCut[]): Assembled {
  let winner: Item | null = null;
  let implied: string | null = null;
  const credits: string[] = [];
  const copyright: string[] = [];
  const candidates: Item[] = [];
  const mark = (item: Item, field: TailField): void => {
    if (item.at === undefined) fields[item.index] = field;
    else cuts.push({ index: Math.floor(item.index), at: item.at, field });
  };
  for (const item of end) {
    const kind = item.kind;
    if (kind?.kind === 'credits') {
      credits.push(item.text.trim());
      implied ??= creditsAgency(item.text);
      mark(item, 'credits');
    } else if (kind?.kind === 'copyright') {
      copyright.push(item.text.trim());
      mark(item, 'copyright');
    } else if (kind?.kind === 'source' || kind?.kind === 'signoff' || kind?.kind === 'initials') {
      candidates.push(item);
      if (kind.kind === 'signoff' && kind.implies !== null) implied = kind.implies;
      if (winner === null || rank(item) >= rank(winner)) winner = item;
    } else stripped.push(item);
  }
  const printed: Item[] = [];
  for (const item of candidates) {
    const beside = winner !== null && item !== winner && (item.kind?.kind === 'initials' || sameAgency(item, winner));
    if (item === winner || (beside && Math.abs(Math.floor(item.index) - Math.floor(winner?.index ?? 0)) === 1)) {
      printed.push(item);
      mark(item, 'source');
    } else stripped.push(item);
  }
  for (const item of stripped) mark(item, 'stripped');
  const kind = winner?.kind;
  const name = kind?.kind === 'source' || kind?.kind === 'signoff' ? kind.name : null;
  return {
    source: winner === null ? null : { text: printed.map((item) => item.text.trim()).join('\n'), name },
    credits: credits.length > 0 ? credits.join(' ') : null,
    copyright: copyright.length > 0 ? copyright.join(' ') : null,
    stripped: stripped.sort(byIndex).map((item) => item.text.trim()),
    implied,
  };
}

/** A sign-off naming the agency the source line names (CP: `Ce texte a été publié ...` / `La Presse Canadienne`). */
function sameAgency(item: Item, winner: Item): boolean {
  const a = item.kind;
  const b = winner.kind;
  return (
    a?.kind === 'signoff' && a.name !== null && (b?.kind === 'source' || b?.kind === 'signoff') && b.name === a.name
  );
}

/** How strongly an item claims the source field: source line, named sign-off, unnamed sign-off, desk initials. */
function rank(item: Item): number {
  const kind = item.kind;
  if (kind?.kind === 'source') return 3;
  if (kind?.kind === 'signoff') return kind.name !== null ? 2 : 1;
  return 0;
}

function byIndex(a: Item, b: Item): number {
  return a.index - b.index;
}
