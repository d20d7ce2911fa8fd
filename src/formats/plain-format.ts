import { isKnownAgency } from '../normalize/agencies.js';
import { classifyEndMatter, trailerKind } from '../normalize/endmatter.js';
import type { ParsedStory } from '../types.js';
import type { Format, FormatDiagnostic } from './format.js';
import type { Boundary } from './frame.js';
import { parsePlain } from './plain.js';
import { pastedStoryStart, strayDatelines } from './plain-pasted.js';

// Stories in one file are separated by a form feed, ETX, or an end marker on its own line (kept with its story). The
// marker alternative starts with its line's newline so that V8 can skip ahead to candidates instead of trying `^` at
// every position; a marker on the very first line of the input is caught by AT_START.
const SEPARATOR = /[\f\u0003]|\n[ \t]*(?:\(END\)|End ?item=?|-30-|#{3}|# # #|NNNN)[ \t]*\r?(?=\n|$)/gi;
const AT_START = /[ \t]*(?:\(END\)|End ?item=?|-30-|#{3}|# # #|NNNN)[ \t]*\r?(?=\n|$)/iy;

/**
 * Finds the next story separator. What follows a separator may still belong to the story before it: source lines
 * and sign-offs (`(END)` then `Source: Yonhap News Agency`) are kept with it up to the next story's first line, and a
 * list trailer (`You may also like...` and its links) up to the next separator.
 */
export function plainBoundary(text: string, from: number, complete: number): Boundary | null {
  AT_START.lastIndex = 0;
  SEPARATOR.lastIndex = from;
  let match = (from === 0 ? AT_START.exec(text) : null) ?? SEPARATOR.exec(text);
  // A story pasted after another with no separator between them starts a unit of its own (see plain-pasted.ts).
  const pasted = pastedStoryStart(text, from, Math.min(match?.index ?? complete, complete));
  if (pasted !== null) return { unitEnd: pasted, next: pasted };
  for (; match; match = SEPARATOR.exec(text)) {
    const end = match.index + match[0].length;
    if (end > complete) return null;
    const after = endMatterAfter(text, end, complete);
    if (after === undefined) return null;
    if (after === 'trailer') {
      SEPARATOR.lastIndex = end;
      continue;
    }
    if (after > end) return { unitEnd: after, next: after };
    return { unitEnd: match[0].length > 1 ? end : match.index, next: end };
  }
  return null;
}

/**
 * Walks the end-matter lines after a separator: returns where the next story starts (`from` when nothing follows
 * that belongs to the story before), `trailer` when a list trailer follows, or undefined if the text runs out first.
 */
function endMatterAfter(text: string, from: number, complete: number): number | 'trailer' | undefined {
  let at = from;
  let lastEnd = from;
  while (at < complete) {
    const eol = text.indexOf('\n', at);
    const lineEnd = eol === -1 || eol >= complete ? complete : eol + 1;
    if (eol === -1 && complete !== text.length) return undefined;
    const line = text.slice(at, lineEnd).trim();
    if (line !== '' && line !== '\u0003') {
      if (trailerKind(line) === 'list') return lastEnd === from ? 'trailer' : lastEnd;
      if (!belongsBefore(line)) return lastEnd;
      lastEnd = lineEnd;
    }
    at = lineEnd;
  }
  return complete === text.length ? lastEnd : undefined;
}

/**
 * End matter that can follow a separator and still be the previous story's. A source line must name something like
 * an outlet (`Source: Yonhap News Agency`), so that a next story headlined `Sources: Fed to hold rates` starts anew.
 */
function belongsBefore(line: string): boolean {
  const kind = classifyEndMatter(line);
  if (kind === null) return false;
  return kind.kind !== 'source' || isKnownAgency(kind.name) || /^(?:\p{Lu}[\p{L}.&'-]*\s?){1,5}$/u.test(kind.name);
}

/** Plain-text wire copy: the default format. */
export const plain: Format = {
  name: 'plain',
  boundary: plainBoundary,
  parse(text, line) {
    const story = parsePlain(text);
    if (!story || (!story.headline && story.paragraphs.length === 0)) return { stories: [], diagnostics: [] };
    const stray = strayDatelines(story.paragraphs);
    // Object.assign, not a spread: V8 (Node 20) builds `{ ...story, line }` through a slow path.
    const located: ParsedStory = Object.assign({}, story, { line });
    return { stories: [located], diagnostics: stray.length > 0 ? [pastedWarning(text, line, stray)] : [] };
  },
};

/**
 * Stories pasted together that framing did not split keep their datelines in one story's body: say so, at the
 * first stray dateline's line, rather than write one long story silently.
 */
function pastedWarning(text: string, line: number, stray: readonly number[]): FormatDiagnostic {
  const lineOf = parsePlain(text, { provenance: true })?.provenance?.paragraphs ?? [];
  const lines = stray.map((i) => line + (lineOf[i]?.[0] ?? 0));
  const message =
    `the story at line ${line} looks like ${stray.length + 1} stories pasted together (datelines at lines ${lines.join(', ')}); ` +
    'split them with a line of (END), -30- or ### after each, or a headline line and a blank line before each dateline';
  return { severity: 'warning', code: 'pasted-stories', message, line: lines[0] ?? line };
}
