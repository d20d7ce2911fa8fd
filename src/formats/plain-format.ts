import { classifyEndMatter, trailerKind } from '../normalize/endmatter.js';
import type { Format } from './index.js';
import type { Boundary } from './frame.js';
import { parsePlain } from './plain.js';

// Stories in one file are separated by a form feed, ETX, or an end marker on its own line (kept with its story). The
// marker alternative starts with its line's newline so that V8 can skip ahead to candidates instead of trying `^` at
// every position; a marker on the very first line of the input is caught by AT_START.
const SEPARATOR = /[\f\u0003]|\n[ \t]*(?:\(END\)|End ?item=?|-30-|#{3}|# # #|NNNN)[ \t]*\r?(?=\n|$)/gi;
const AT_START = /[ \t]*(?:\(END\)|End ?item=?|-30-|#{3}|# # #|NNNN)[ \t]*\r?(?=\n|$)/iy;

/**
 * Finds the next story separator. A piece after a separator that opens with a source line, sign-off or trailer
 * (`(END)` then `Source: Yonhap News Agency`) still belongs to the story before it, so the split moves past it.
 */
export function plainBoundary(text: string, from: number, complete: number): Boundary | null {
  AT_START.lastIndex = 0;
  const first = from === 0 ? AT_START.exec(text) : null;
  SEPARATOR.lastIndex = from;
  for (let match = first ?? SEPARATOR.exec(text); match; match = SEPARATOR.exec(text)) {
    const end = match.index + match[0].length;
    if (end > complete) return null;
    const marker = match[0].length > 1;
    const following = nextLine(text, end, complete);
    if (following === undefined) return null;
    if (following !== '' && (classifyEndMatter(following) !== null || trailerKind(following) === 'list')) {
      SEPARATOR.lastIndex = end;
      continue;
    }
    return { unitEnd: marker ? end : match.index, next: end };
  }
  return null;
}

/** The next non-blank line at or after `from`, '' at the end of the text, undefined if it is not complete yet. */
function nextLine(text: string, from: number, complete: number): string | undefined {
  let at = from;
  while (at < text.length) {
    const eol = text.indexOf('\n', at);
    if (eol === -1 || eol >= complete) return complete === text.length ? text.slice(at).trim() || '' : undefined;
    const line = text.slice(at, eol).trim();
    if (line !== '' && line !== '\f' && line !== '\u0003') return line;
    at = eol + 1;
  }
  return complete === text.length ? '' : undefined;
}

/** Plain-text wire copy: the default format. */
export const plain: Format = {
  name: 'plain',
  boundary: plainBoundary,
  parse(text, line) {
    const story = parsePlain(text);
    return {
      stories: story && (story.headline || story.paragraphs.length > 0) ? [{ ...story, line }] : [],
      diagnostics: [],
    };
  },
};
