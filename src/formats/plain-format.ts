import { isKnownAgency } from '../normalize/agencies.js';
import { classifyEndMatter, trailerKind } from '../normalize/endmatter.js';
import { mayBeDeskInitials } from '../normalize/signoff.js';
import { atLine, type Format, type FormatDiagnostic } from './format.js';
import { earliest, latin1At, LF, nextByte } from './bytes.js';
import type { Boundary } from './frame.js';
import { parsePlain } from './plain.js';
import { pastedStoryStart, strayDatelines } from './plain-pasted.js';

// Stories in one file are separated by a form feed, ETX, or an end marker on its own line (kept with its story):
// `(END)`, `End item`, `Enditem=`, `-30-`, `###`, `# # #`, `NNNN`, in any case, spaces and tabs around it.
const FF = 0x0c;
const ETX = 0x03;

/** A separator: `bytes[index, end)`. */
interface Separator {
  readonly index: number;
  readonly end: number;
}

/**
 * Finds the next story separator. What follows a separator may still belong to the story before it: source lines
 * and sign-offs (`(END)` then `Source: Yonhap News Agency`) are kept with it up to the next story's first line, and a
 * list trailer (`You may also like...` and its links) up to the next separator.
 */
export function plainBoundary(bytes: Buffer, from: number, complete: number): Boundary | null {
  // A marker on the first line of what is left to frame has no line end before it.
  const first = from === 0 ? markerLineEnd(bytes, 0) : -1;
  let match = first !== -1 ? { index: 0, end: first } : nextSeparator(bytes, from);
  // A story pasted after another with no separator between them starts a unit of its own (see plain-pasted.ts).
  const pasted = pastedStoryStart(bytes, from, Math.min(match?.index ?? complete, complete));
  if (pasted !== null) return { unitEnd: pasted, next: pasted };
  for (; match; match = nextSeparator(bytes, match.end)) {
    const end = match.end;
    if (end > complete) return null;
    const after = endMatterAfter(bytes, end, complete);
    if (after === undefined) return null;
    if (after === 'trailer') continue;
    if (after > end) return { unitEnd: after, next: after };
    // A form feed or ETX goes with neither story; a marker line stays with the story it ends.
    return { unitEnd: end - match.index > 1 ? end : match.index, next: end };
  }
  return null;
}

/** The first separator at or after `from`: a form feed, an ETX, or a line feed that opens a marker line. */
function nextSeparator(bytes: Buffer, from: number): Separator | null {
  const control = earliest(nextByte(bytes, FF, from), nextByte(bytes, ETX, from));
  for (
    let lf = bytes.indexOf(LF, from);
    lf !== -1 && (control === -1 || lf < control);
    lf = bytes.indexOf(LF, lf + 1)
  ) {
    const end = markerLineEnd(bytes, lf + 1);
    if (end !== -1) return { index: lf, end };
  }
  return control === -1 ? null : { index: control, end: control + 1 };
}

/**
 * Where a marker line that starts at `at` ends (before its line feed, after a CR), or -1 when the line holds no
 * marker: blanks, the marker, blanks, an optional CR, then a line feed or the end of the bytes.
 */
function markerLineEnd(bytes: Buffer, at: number): number {
  let i = skipBlanks(bytes, at);
  const length = markerLength(bytes, i);
  if (length === 0) return -1;
  i = skipBlanks(bytes, i + length);
  if (bytes[i] === 0x0d) i++;
  return i === bytes.length || bytes[i] === LF ? i : -1;
}

function skipBlanks(bytes: Buffer, at: number): number {
  let i = at;
  while (bytes[i] === 0x20 || bytes[i] === 0x09) i++;
  return i;
}

/** The length of the end marker at `at`, or 0. */
function markerLength(bytes: Buffer, at: number): number {
  switch (bytes[at]) {
    case 0x28: // (END)
      return matchesFolded(bytes, at + 1, 'end') && bytes[at + 4] === 0x29 ? 5 : 0;
    case 0x45: // End item, Enditem, End item=
    case 0x65: {
      if (!matchesFolded(bytes, at + 1, 'nd')) return 0;
      const item = at + (bytes[at + 3] === 0x20 ? 4 : 3);
      if (!matchesFolded(bytes, item, 'item')) return 0;
      return item + 4 - at + (bytes[item + 4] === 0x3d ? 1 : 0);
    }
    case 0x2d: // -30-
      return bytes[at + 1] === 0x33 && bytes[at + 2] === 0x30 && bytes[at + 3] === 0x2d ? 4 : 0;
    case 0x23: // ### or # # #
      if (bytes[at + 1] === 0x23) return bytes[at + 2] === 0x23 ? 3 : 0;
      return bytes[at + 1] === 0x20 && bytes[at + 2] === 0x23 && bytes[at + 3] === 0x20 && bytes[at + 4] === 0x23
        ? 5
        : 0;
    case 0x4e: // NNNN
    case 0x6e:
      return matchesFolded(bytes, at + 1, 'nnn') ? 4 : 0;
    default:
      return 0;
  }
}

/** True when the bytes at `at` spell `lower` (ASCII lower-case letters) in any case. */
function matchesFolded(bytes: Buffer, at: number, lower: string): boolean {
  for (let i = 0; i < lower.length; i++) if ((bytes[at + i]! | 0x20) !== lower.charCodeAt(i)) return false;
  return true;
}

/**
 * Walks the end-matter lines after a separator: returns where the next story starts (`from` when nothing follows
 * that belongs to the story before), `trailer` when a list trailer follows, or undefined if the bytes run out first.
 */
function endMatterAfter(bytes: Buffer, from: number, complete: number): number | 'trailer' | undefined {
  let at = from;
  let lastEnd = from;
  while (at < complete) {
    const eol = bytes.indexOf(LF, at);
    const lineEnd = eol === -1 || eol >= complete ? complete : eol + 1;
    if (eol === -1 && complete !== bytes.length) return undefined;
    const line = latin1At(bytes, at, lineEnd).trim();
    if (line !== '' && line !== '\u0003') {
      if (trailerKind(line) === 'list') return lastEnd === from ? 'trailer' : lastEnd;
      if (!belongsBefore(line)) return lastEnd;
      lastEnd = lineEnd;
    }
    at = lineEnd;
  }
  return complete === bytes.length ? lastEnd : undefined;
}

/**
 * End matter that can follow a separator and still be the previous story's. A source line must name something like
 * an outlet (`Source: Yonhap News Agency`), so that a next story headlined `Sources: Fed to hold rates` starts anew.
 */
function belongsBefore(line: string): boolean {
  const kind = classifyEndMatter(line);
  // The desk's initials under a closer line (KUNA `(end)` / `ak.mh` or `mke`): not a story of their own.
  if (kind === null) return mayBeDeskInitials(line);
  return kind.kind !== 'source' || isKnownAgency(kind.name) || /^(?:\p{Lu}[\p{L}.&'-]*\s?){1,5}$/u.test(kind.name);
}

/** Plain-text wire copy: the default format. */
export const plain: Format = {
  name: 'plain',
  boundary: plainBoundary,
  parse(text, line) {
    const story = parsePlain(text, { releasePreamble: true });
    if (!story || (!story.headline && story.paragraphs.length === 0)) return { stories: [], diagnostics: [] };
    const stray = strayDatelines(story.paragraphs);
    return { stories: [atLine(story, line)], diagnostics: stray.length > 0 ? [pastedWarning(text, line, stray)] : [] };
  },
};

/**
 * Stories pasted together that framing did not split keep their datelines in one story's body: say so, at the
 * first stray dateline's line, rather than write one long story silently.
 */
function pastedWarning(text: string, line: number, stray: readonly number[]): FormatDiagnostic {
  const lineOf = parsePlain(text, { provenance: true, releasePreamble: true })?.provenance?.paragraphs ?? [];
  const lines = stray.map((i) => line + (lineOf[i]?.[0] ?? 0));
  const message =
    `the story at line ${line} looks like ${stray.length + 1} stories pasted together (datelines at lines ${lines.join(', ')}); ` +
    'split them with a line of (END), -30- or ### after each, or a headline line and a blank line before each dateline';
  return { severity: 'warning', code: 'pasted-stories', message, line: lines[0] ?? line };
}
