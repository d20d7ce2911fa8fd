import { latin1 } from './decode.js';
/**
 * Splits a byte stream into units at the separators a finder reports, holding at most one unit (plus one chunk) in
 * memory, so a 1 GB multi-story file streams through in bounded memory. Units are latin1 strings: framing only
 * looks at ASCII separators, and each unit is decoded on its own afterwards.
 */
export async function* frameStream(chunks, find, options) {
    let pending = '';
    let line = 1;
    let skipping = false;
    let skippedFrom = 0;
    const emit = function* (unit, next) {
        if (skipping) {
            yield tooLarge(skippedFrom, options.maxUnitBytes);
            skipping = false;
        }
        else if (unit.trim() !== '') {
            yield { kind: 'unit', bytes: unit, line };
        }
        line += countLines(unit) + countLines(next);
    };
    const drain = function* (final) {
        const complete = final ? pending.length : pending.lastIndexOf('\n') + 1;
        let from = 0;
        for (let boundary = find(pending, from, complete); boundary; boundary = find(pending, from, complete)) {
            if (boundary.next <= from)
                break;
            yield* emit(pending.slice(from, boundary.unitEnd), pending.slice(boundary.unitEnd, boundary.next));
            from = boundary.next;
        }
        pending = pending.slice(from);
        if (final && (pending !== '' || skipping))
            yield* emit(pending, '');
        else if (pending.length > options.maxUnitBytes) {
            // Too big to be a story: drop what we hold, remember where it began, and skip to the next separator.
            if (!skipping)
                skippedFrom = line;
            skipping = true;
            line += countLines(pending);
            pending = '';
        }
    };
    for await (const chunk of chunks) {
        pending += latin1(chunk);
        yield* drain(false);
    }
    yield* drain(true);
}
function tooLarge(line, max) {
    return {
        kind: 'diagnostic',
        code: 'story-too-large',
        message: `a story starting at line ${line} is larger than ${Math.round(max / 1048576)} MB and was skipped (raise --max-story-bytes to keep it)`,
        line,
    };
}
function countLines(text) {
    let count = 0;
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1))
        count++;
    return count;
}
/** A finder for formats that are parsed whole (XML documents, HTML pages): the stream is one unit. */
export const wholeInput = () => null;
