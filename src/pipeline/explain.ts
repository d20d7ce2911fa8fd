import { isWireError } from '../errors.js';
import { decodeUnit } from '../formats/decode.js';
import type { Format, UnitContext } from '../formats/format.js';
import { frameStream } from '../formats/frame.js';
import { FORMATS } from '../formats/index.js';
import { explainPlain } from '../formats/plain-explain.js';
import { explainLines, type ExplainedLine } from '../normalize/explain.js';
import { openFile } from '../sources/file.js';
import { expandInputs } from '../sources/inputs.js';
import { openStdin } from '../sources/stdin.js';
import type { FormatName, NormalizeContext, ParsedStory, RawInput, Severity, Story } from '../types.js';
import { prepend, readHead } from './read.js';

/** Options of an explain run: the ingest options that change what a story's fields are. */
export interface ExplainOptions {
  readonly format?: FormatName | 'auto';
  readonly now?: () => Date;
  /** As `--reference-date`: an ISO date, `now`, `mtime`, or null. */
  readonly referenceDate?: string | null;
  readonly timezone?: string;
  readonly maxStoryBytes: number;
}

/**
 * What an explain run reports, in order. A story's `traced` says what its `lines` are: `lines`, the input's own
 * lines numbered as in the file (plain text); `blocks`, the blocks the reader took out of the markup (a web page's
 * extracted paragraphs, a NITF `<p>`, a frame's body paragraphs), numbered from 1 within the story.
 */
export type ExplainEvent =
  | { readonly kind: 'input'; readonly input: string; readonly format: FormatName; readonly traced: Traced }
  | {
      readonly kind: 'story';
      readonly input: string;
      readonly line: number;
      readonly traced: Traced;
      readonly lines: readonly ExplainedLine[];
      readonly story: Story;
    }
  | { readonly kind: 'diagnostic'; readonly severity: Severity; readonly message: string };

export type Traced = 'lines' | 'blocks';

/**
 * `wire ingest --explain`: reads the inputs as ingest does (detection, framing, the same readers and normalizer),
 * and says for each story where each line (or block) of it went, instead of writing records. Nothing is written
 * and no state is kept.
 */
export async function* explainInputs(args: readonly string[], options: ExplainOptions): AsyncGenerator<ExplainEvent> {
  // No input list here: standard input is read only as an input (`-`, or piped with no input named).
  for await (const item of expandInputs(args, null, () => Promise.resolve(''))) {
    if (item.kind === 'error') {
      yield { kind: 'diagnostic', severity: 'error', message: item.error.message };
      continue;
    }
    if (item.kind === 'skipped') continue;
    if (item.kind === 'url') {
      const message = `${item.url}: --explain reads files and standard input; save the page and name the file`;
      yield { kind: 'diagnostic', severity: 'error', message };
      continue;
    }
    try {
      const raw = item.kind === 'stdin' ? openStdin() : await openFile(item.path);
      yield* explainRaw(raw, options);
    } catch (error) {
      if (!isWireError(error)) throw error;
      yield { kind: 'diagnostic', severity: 'error', message: error.message };
    }
  }
}

async function* explainRaw(raw: RawInput, options: ExplainOptions): AsyncGenerator<ExplainEvent> {
  const forced = options.format !== undefined && options.format !== 'auto';
  const head = await readHead(raw, forced);
  const format: Format = FORMATS.get(forced ? options.format : head.sniffed) ?? FORMATS.get('plain')!;
  await format.load?.();
  const traced: Traced = format.name === 'plain' ? 'lines' : 'blocks';
  yield { kind: 'input', input: raw.location, format: format.name, traced };
  const now = (options.now?.() ?? new Date()).toISOString();
  const reference =
    options.referenceDate === 'now'
      ? now
      : options.referenceDate === 'mtime'
        ? (raw.modified?.toISOString() ?? null)
        : (options.referenceDate ?? null);
  const context: UnitContext = {
    type: raw.type,
    location: raw.location,
    contentType: raw.contentType ?? null,
    bom: head.bom,
  };
  let index = 0;
  const normalizeContext = (): NormalizeContext => ({
    origin: { type: raw.type, location: raw.location, format: format.name, index: index++, charset: null },
    now,
    referenceDate: reference,
    detectLanguage: false,
    ...(options.timezone === undefined ? {} : { timezone: options.timezone }),
  });
  const frames = frameStream(prepend(head.first, head.rest), format.boundary, { maxUnitBytes: options.maxStoryBytes });
  for await (const event of frames) {
    if (event.kind === 'diagnostic') {
      yield { kind: 'diagnostic', severity: 'error', message: `${raw.location}:${event.line}: ${event.message}` };
      continue;
    }
    if (format.name === 'plain') {
      const { story, lines } = explainPlain(decodeUnit(event.bytes).text, normalizeContext());
      // The text after a unit's last newline is no line of the input (it is the next unit's first, or nothing).
      const whole = lines.at(-1)?.text === '' ? lines.slice(0, -1) : lines;
      const numbered = whole.map((line) => ({ ...line, line: event.line + line.line }));
      if (story !== null)
        yield { kind: 'story', input: raw.location, line: event.line, traced, lines: numbered, story };
      continue;
    }
    const result = format.parseBytes
      ? await format.parseBytes(event.bytes, event.line, context)
      : format.parse(decodeFor(format, event.bytes, context), event.line, context);
    for (const d of result.diagnostics)
      yield {
        kind: 'diagnostic',
        severity: d.severity,
        message: `${raw.location}:${d.line ?? event.line}: ${d.message}`,
      };
    for (const parsed of result.stories) {
      const { story, lines } = explainBlocks(parsed, normalizeContext());
      yield { kind: 'story', input: raw.location, line: parsed.line ?? event.line, traced, lines, story };
    }
  }
}

function decodeFor(format: Format, bytes: Uint8Array, context: UnitContext): string {
  if (format.decodeDocument) return format.decodeDocument(bytes, context).text;
  return (format.decode ? format.decode(bytes) : decodeUnit(bytes)).text;
}

/**
 * A story whose reader keeps no line numbers, explained by its blocks: the headline, the byline and each paragraph
 * the reader took out of the markup is one "line", numbered from 1.
 */
function explainBlocks(parsed: ParsedStory, context: NormalizeContext): { story: Story; lines: ExplainedLine[] } {
  const blocks: string[] = [];
  const take = (text: string): number[] => (blocks.push(text), [blocks.length - 1]);
  const headline = parsed.headline === null || parsed.headline.trim() === '' ? [] : take(parsed.headline);
  const byline = parsed.byline === null || parsed.byline === undefined ? [] : take(parsed.byline);
  const paragraphs = parsed.paragraphs.map((paragraph) => take(paragraph));
  const withProvenance: ParsedStory = { ...parsed, provenance: { headline, byline, paragraphs } };
  const { story, lines } = explainLines(withProvenance, context, blocks);
  // What the reader took off before the normalizer saw the story (a page's link rows, labels, promos).
  const dropped = (parsed.stripped ?? []).map((text) => ({
    line: 0,
    text,
    parts: [{ text, field: 'stripped' as const }],
  }));
  return { story, lines: [...lines, ...dropped].map((line, i) => ({ ...line, line: i + 1 })) };
}
