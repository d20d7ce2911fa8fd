import { classifyEndMatter, trailerKind } from '../normalize/endmatter.js';
import { parsePlain } from './plain.js';
// Stories in one file are separated by a form feed, ETX, or an end marker on its own line (kept with its story).
const SEPARATOR = /\f|\u0003|^[ \t]*(?:\(END\)|End ?item=?|-30-|#{3}|# # #|NNNN)[ \t]*\r?$/gim;
/**
 * Finds the next story separator. A piece after a separator that opens with a source line, sign-off or trailer
 * (`(END)` then `Source: Yonhap News Agency`) still belongs to the story before it, so the split moves past it.
 */
export function plainBoundary(text, from, complete) {
    SEPARATOR.lastIndex = from;
    for (let match = SEPARATOR.exec(text); match; match = SEPARATOR.exec(text)) {
        const end = match.index + match[0].length;
        if (end > complete)
            return null;
        const marker = match[0].length > 1;
        const following = nextLine(text, end, complete);
        if (following === undefined)
            return null;
        if (following !== '' && (classifyEndMatter(following) !== null || trailerKind(following) === 'list'))
            continue;
        return { unitEnd: marker ? end : match.index, next: end };
    }
    return null;
}
/** The next non-blank line at or after `from`, '' at the end of the text, undefined if it is not complete yet. */
function nextLine(text, from, complete) {
    let at = from;
    while (at < text.length) {
        const eol = text.indexOf('\n', at);
        if (eol === -1 || eol >= complete)
            return complete === text.length ? text.slice(at).trim() || '' : undefined;
        const line = text.slice(at, eol).trim();
        if (line !== '' && line !== '\f' && line !== '\u0003')
            return line;
        at = eol + 1;
    }
    return complete === text.length ? '' : undefined;
}
/** Plain-text wire copy: the default format. */
export const plain = {
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
