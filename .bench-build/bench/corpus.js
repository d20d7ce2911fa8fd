import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
/** The shared evaluation corpus beside the project root (absent on users' machines: benchmarks then skip). */
export const CORPUS = process.env['WIRE_CORPUS'] ?? resolve(process.cwd(), '../shared/corpus');
/** The folder of one corpus, or null (with a message) when it is not there. */
export function corpusDir(name) {
    const dir = join(CORPUS, name);
    if (existsSync(dir))
        return dir;
    console.log(`  skipped: ${dir} is absent`);
    return null;
}
/** Reads the `.sgm` files of the Reuters-21578 corpus (latin-1, SGML entities decoded). */
export function readReuters(dir) {
    const docs = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.sgm')).sort()) {
        const text = readFileSync(join(dir, file), 'latin1');
        for (const match of text.matchAll(/<REUTERS([^>]*)>([\s\S]*?)<\/REUTERS>/g)) {
            const attrs = match[1] ?? '';
            const inner = match[2] ?? '';
            docs.push({
                newid: /NEWID="(\d+)"/.exec(attrs)?.[1] ?? '',
                type: /TYPE="(\w+)"/.exec(inner)?.[1] ?? 'NORM',
                date: tag(inner, 'DATE') ?? '',
                unknown: tag(inner, 'UNKNOWN') ?? '',
                title: tag(inner, 'TITLE'),
                dateline: tag(inner, 'DATELINE'),
                body: tag(inner, 'BODY'),
                author: tag(inner, 'AUTHOR'),
            });
        }
    }
    return docs;
}
function tag(text, name) {
    const match = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(text);
    return match?.[1] === undefined ? null : decodeEntities(match[1]);
}
/** Decodes the SGML entities the corpus uses: `&lt;`, `&gt;`, `&amp;`, `&#3;`. */
export function decodeEntities(text) {
    return text.replace(/&(?:#(\d+)|(lt|gt|amp|quot));/g, (_m, code, name) => code !== undefined ? String.fromCharCode(Number(code)) : { lt: '<', gt: '>', amp: '&', quot: '"' }[name ?? ''] ?? '');
}
/** Word tokens as the accuracy metrics count them (`\w+`). */
export function tokens(text) {
    return text.match(/\w+/g) ?? [];
}
/** Bag-of-tokens F1 between a candidate and a reference text. */
export function tokenF1(candidate, reference) {
    const ref = new Map();
    for (const t of tokens(reference))
        ref.set(t, (ref.get(t) ?? 0) + 1);
    const cand = tokens(candidate);
    const refCount = [...ref.values()].reduce((a, b) => a + b, 0);
    if (cand.length === 0 && refCount === 0)
        return 1;
    let overlap = 0;
    for (const t of cand) {
        const n = ref.get(t) ?? 0;
        if (n > 0) {
            overlap++;
            ref.set(t, n - 1);
        }
    }
    if (overlap === 0)
        return 0;
    const precision = overlap / cand.length;
    const recall = overlap / refCount;
    return (2 * precision * recall) / (precision + recall);
}
