import { readFile, stat } from 'node:fs/promises';
import { InputError } from '../errors.js';
import { walkDirectory } from './directory.js';
import { fileError } from './file.js';
const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;
/**
 * Expands command-line inputs, in order: `-` is standard input, `http(s)://` a URL, a directory every file under
 * it (sorted, hidden skipped), anything else a file. `inputList` names a file (or `-`) with one input per line.
 */
export async function* expandInputs(args, inputList, readStdinText) {
    for (const arg of args)
        yield* expandOne(arg);
    if (inputList === null)
        return;
    let text;
    try {
        text = inputList === '-' ? await readStdinText() : await readFile(inputList, 'utf8');
    }
    catch (error) {
        yield { kind: 'error', error: fileError(inputList, error) };
        return;
    }
    for (const line of text.split(/\r?\n/)) {
        const entry = line.trim();
        if (entry !== '' && !entry.startsWith('#'))
            yield* expandOne(entry);
    }
}
async function* expandOne(arg) {
    if (arg === '-') {
        yield { kind: 'stdin' };
        return;
    }
    const scheme = SCHEME.exec(arg)?.[1]?.toLowerCase();
    if (scheme !== undefined) {
        yield scheme === 'http' || scheme === 'https'
            ? { kind: 'url', url: arg }
            : {
                kind: 'error',
                error: new InputError('unsupported-scheme', `${arg}: only http:// and https:// URLs can be fetched`, {
                    input: arg,
                }),
            };
        return;
    }
    let isDirectory = false;
    try {
        isDirectory = (await stat(arg)).isDirectory();
    }
    catch (error) {
        yield { kind: 'error', error: fileError(arg, error) };
        return;
    }
    if (!isDirectory) {
        yield { kind: 'file', path: arg };
        return;
    }
    for await (const entry of walkDirectory(arg)) {
        yield 'error' in entry ? { kind: 'error', error: entry.error } : { kind: 'file', path: entry.path };
    }
}
