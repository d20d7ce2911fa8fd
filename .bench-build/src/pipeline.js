import { exactFingerprint } from './dedup/exact.js';
import { InputError, describeError, isInputError } from './errors.js';
import { decodeUnit, withoutBom } from './formats/decode.js';
import { sniff } from './formats/detect.js';
import { frameStream } from './formats/frame.js';
import { FORMATS } from './formats/index.js';
import { normalizeStory } from './normalize/story.js';
import { openFile } from './sources/file.js';
import { expandInputs } from './sources/inputs.js';
import { openStdin } from './sources/stdin.js';
const DEFAULT_MAX_STORY_BYTES = 16 * 1024 * 1024;
/**
 * Runs the pipeline — source → format → normalize → dedup → sink — over every input, in input order. One bad input
 * never stops the others: its failure is reported through `onDiagnostic` and counted in the summary.
 */
export async function ingest(options) {
    const started = performance.now();
    const run = new Run(options);
    const stdinText = () => readAllText(options.stdin ?? process.stdin);
    for await (const item of expandInputs(options.inputs, options.inputList ?? null, stdinText)) {
        await run.ingestItem(item);
    }
    return { ...run.counts, failures: run.failures, seconds: (performance.now() - started) / 1000 };
}
class Run {
    options;
    counts = { inputs: 0, stories: 0, duplicates: 0, failed: 0 };
    failures = [];
    seen = new Set();
    now;
    constructor(options) {
        this.options = options;
        this.now = options.now ?? (() => new Date());
    }
    async ingestItem(item) {
        this.counts.inputs++;
        const failuresBefore = this.failures.length;
        try {
            if (item.kind === 'error')
                throw item.error;
            if (item.kind === 'url') {
                throw new InputError('unsupported-scheme', `${item.url}: fetching URLs is not available in this build`, {
                    input: item.url,
                });
            }
            const raw = item.kind === 'stdin' ? openStdin(this.options.stdin) : await openFile(item.path);
            await this.ingestRaw(raw);
        }
        catch (error) {
            const input = item.kind === 'error' ? (item.error.input ?? '?') : itemName(item);
            this.fail(input, isInputError(error) ? error.code : 'failed', isInputError(error) ? error.message : `${input}: ${describeError(error)}`);
        }
        if (this.failures.length > failuresBefore)
            this.counts.failed++;
        this.options.onProgress?.(this.counts);
    }
    async ingestRaw(raw) {
        const iterator = withoutBom(raw.chunks)[Symbol.asyncIterator]();
        let first = await iterator.next();
        while (!first.done && first.value.length === 0)
            first = await iterator.next();
        if (first.done)
            throw new InputError('empty', `${raw.location}: is empty (0 bytes)`, { input: raw.location });
        const sniffed = sniff(first.value);
        if ('binary' in sniffed) {
            throw new InputError('binary-input', `${raw.location}: not wire text: looks like ${sniffed.binary}`, {
                input: raw.location,
            });
        }
        const format = this.chooseFormat(sniffed.format);
        const ingestedAt = this.now().toISOString();
        const reference = this.referenceFor(raw, ingestedAt);
        const chunks = prepend(first.value, iterator);
        const maxUnitBytes = this.options.maxStoryBytes ?? DEFAULT_MAX_STORY_BYTES;
        let index = 0;
        let warnedFallback = false;
        for await (const event of frameStream(chunks, format.boundary, { maxUnitBytes })) {
            if (event.kind === 'diagnostic') {
                this.fail(raw.location, event.code, `${raw.location}:${event.line}: ${event.message}`, event.line);
                continue;
            }
            const decoded = decodeUnit(event.bytes);
            if (decoded.fallback && !warnedFallback) {
                warnedFallback = true;
                this.report({
                    severity: 'warning',
                    code: 'decode-fallback',
                    message: `${raw.location}:${event.line}: not valid UTF-8; read as windows-1252`,
                    input: raw.location,
                    line: event.line,
                });
            }
            for (const parsed of this.parseUnit(format, decoded.text, event.line, raw.location)) {
                const origin = {
                    type: raw.type,
                    location: raw.location,
                    format: format.name,
                    index: index++,
                    charset: decoded.charset,
                };
                await this.emit(normalizeStory(parsed, { origin, now: ingestedAt, referenceDate: reference }));
            }
        }
        if (index === 0)
            throw new InputError('no-stories', `${raw.location}: no stories found`, { input: raw.location });
    }
    parseUnit(format, text, line, input) {
        try {
            const result = format.parse(text, line);
            for (const d of result.diagnostics) {
                this.report({ ...d, message: `${input}:${d.line ?? line}: ${d.message}`, input });
                if (d.severity === 'error')
                    this.failures.push({ input, code: d.code, message: d.message });
            }
            return result.stories;
        }
        catch (error) {
            // A parser bug must not cost the rest of the input: report it against this story and go on.
            this.fail(input, 'parse-failed', `${input}:${line}: could not parse this story (${describeError(error)})`, line);
            return [];
        }
    }
    async emit(story) {
        if (this.options.dedup !== 'off') {
            const key = exactFingerprint(story);
            if (this.seen.has(key)) {
                this.counts.duplicates++;
                return;
            }
            this.seen.add(key);
        }
        await this.options.sink.write(story);
        this.counts.stories++;
    }
    chooseFormat(sniffed) {
        const name = this.options.format && this.options.format !== 'auto' ? this.options.format : sniffed;
        return FORMATS.get(name) ?? FORMATS.get('plain');
    }
    referenceFor(raw, ingestedAt) {
        const choice = this.options.referenceDate ?? null;
        if (choice === 'now')
            return ingestedAt;
        if (choice === 'mtime')
            return raw.modified ? raw.modified.toISOString() : null;
        return choice;
    }
    fail(input, code, message, line) {
        this.failures.push({ input, code, message });
        this.report({ severity: 'error', code, message, input, ...(line === undefined ? {} : { line }) });
    }
    report(diagnostic) {
        this.options.onDiagnostic?.(diagnostic);
    }
}
function itemName(item) {
    return item.kind === 'file' ? item.path : item.kind === 'url' ? item.url : '-';
}
async function* prepend(first, rest) {
    yield first;
    for (let next = await rest.next(); !next.done; next = await rest.next())
        yield next.value;
}
async function readAllText(stream) {
    const parts = [];
    for await (const chunk of stream)
        parts.push(Buffer.from(chunk));
    return Buffer.concat(parts).toString('utf8');
}
