import { opendir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileError } from './file.js';
/**
 * Walks a directory recursively in sorted order (so output order is deterministic), skipping hidden files and
 * folders. Symbolic links are followed, but a directory already visited on the current path (a loop) is reported
 * once and not entered again.
 */
export async function* walkDirectory(root) {
    yield* walk(root, new Set());
}
async function* walk(dir, ancestors) {
    let key;
    let names;
    try {
        const info = await stat(dir);
        key = `${info.dev}:${info.ino}`;
        names = await listNames(dir);
    }
    catch (error) {
        yield { error: fileError(dir, error) };
        return;
    }
    if (ancestors.has(key)) {
        const error = fileError(dir, Object.assign(new Error('directory loop'), { code: 'ELOOP' }));
        yield { error };
        return;
    }
    const inner = new Set(ancestors).add(key);
    for (const name of names) {
        const path = join(dir, name);
        let isDir;
        try {
            isDir = (await stat(path)).isDirectory();
        }
        catch (error) {
            yield { error: fileError(path, error) };
            continue;
        }
        if (isDir)
            yield* walk(path, inner);
        else
            yield { path };
    }
}
async function listNames(dir) {
    const names = [];
    for await (const entry of await opendir(dir)) {
        if (!entry.name.startsWith('.'))
            names.push(entry.name);
    }
    // Code-point order, not locale order: the same on every machine.
    return names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
