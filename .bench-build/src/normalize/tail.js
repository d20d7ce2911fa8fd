import { classifyEndMatter, splitInlineSignoff, trailerKind } from './endmatter.js';
// Paragraphs after a list trailer (`You may also like...`) are the list's items if they are this short.
const LIST_ITEM_MAX = 250;
/**
 * Takes the sign-off, source line, credits, copyright and aggregator trailers off the end of a story, recording
 * every cut paragraph so that nothing disappears silently.
 */
export function takeTail(paragraphs) {
    const listStart = findListTrailer(paragraphs);
    const kept = [];
    const stripped = [];
    const endMatter = [];
    paragraphs.forEach((text, index) => {
        if (index >= listStart)
            (classifyEndMatter(text) ? endMatter : stripped).push([index, text]);
        else if (trailerKind(text) !== null)
            stripped.push([index, text]);
        else
            kept.push([index, text]);
    });
    // Walk up from the bottom while paragraphs are end matter.
    for (let last = kept.at(-1); last && classifyEndMatter(last[1]) !== null; last = kept.at(-1)) {
        endMatter.push(last);
        kept.pop();
    }
    const last = kept.at(-1);
    const inline = last ? splitInlineSignoff(last[1]) : null;
    if (last && inline) {
        kept[kept.length - 1] = [last[0], inline.text];
        endMatter.push([last[0] + 0.5, inline.signoff]);
    }
    return assemble(kept.map(([, text]) => text), endMatter.sort(byIndex), stripped);
}
function findListTrailer(paragraphs) {
    let start = paragraphs.length;
    for (let i = paragraphs.length - 1; i >= 0; i--) {
        const text = paragraphs[i] ?? '';
        if (trailerKind(text) === 'list')
            start = i;
        else if (text.length > LIST_ITEM_MAX && classifyEndMatter(text) === null)
            break;
    }
    return start;
}
function assemble(body, endMatter, stripped) {
    let current = null;
    let currentIndex = 0;
    let implied = null;
    const credits = [];
    const copyright = [];
    for (const [index, text] of endMatter) {
        const kind = classifyEndMatter(text);
        if (kind?.kind === 'credits')
            credits.push(text.trim());
        else if (kind?.kind === 'copyright')
            copyright.push(text.trim());
        else if (kind?.kind === 'source' || kind?.kind === 'signoff') {
            // A source line beats a sign-off, a named sign-off an unnamed one, and otherwise the last one wins:
            // `(END)` then `Source: Yonhap News Agency` keeps the latter; `REUTER` then `Reuter` keeps `Reuter`.
            const candidate = { text: text.trim(), name: kind.name, line: kind.kind === 'source' };
            const keepCurrent = current !== null && ((current.line && !candidate.line) || (current.name !== null && candidate.name === null));
            if (keepCurrent)
                stripped.push([index, text]);
            else {
                if (current !== null)
                    stripped.push([currentIndex, current.text]);
                current = candidate;
                currentIndex = index;
            }
            if (kind.kind === 'signoff' && kind.implies !== null)
                implied = kind.implies;
        }
        else {
            stripped.push([index, text]);
        }
    }
    const source = current === null ? null : { text: current.text, name: current.name };
    return {
        body,
        source,
        credits: credits.length > 0 ? credits.join(' ') : null,
        copyright: copyright.length > 0 ? copyright.join(' ') : null,
        stripped: stripped.sort(byIndex).map(([, text]) => text.trim()),
        implied,
    };
}
function byIndex(a, b) {
    return a[0] - b[0];
}
