/**
 * Records as JSON lines, byte for byte what `JSON.stringify` writes, at about half its cost. Most of a record is its
 * body, and `JSON.stringify` reads a long string a character at a time (Node 20); here the body is checked for what
 * would need escaping by faster means (a regex, or `indexOf` when the caller vouches that it holds no control
 * characters), written with its line feeds escaped, and spliced into the rest of the record, which is small and left
 * to `JSON.stringify`. The pieces go into the output buffer one after another, never joined into one string.
 */

// What JSON.stringify escapes besides a line feed: a quote, a backslash, the other control characters, and
// surrogates (it escapes a lone one; a string with any goes the ordinary way).
const ESCAPED = /["\\\u0000-\u0009\u000b-\u001f\ud800-\udfff]/;
// A body shorter than this is written by JSON.stringify with the rest: the splice would cost more than it saves.
const LONG = 256;
// The body's place in the record written with an empty body. Outside a string `"` is never escaped and inside one
// always is, so this can only be a key `body` with an empty value; it is used only when it occurs once.
const EMPTY_BODY = '"body":""';
const VALUE_AT = '"body":"'.length;

/**
 * Whether JSON.stringify would escape anything in a body other than its line feeds. A body the caller vouches for
 * holds no other control character (the normalizer's, built from tidy paragraphs): only quotes, backslashes and lone
 * surrogates are looked for then, at memchr speed.
 */
function escapesMore(body: string, controlFree: boolean): boolean {
  if (!controlFree) return ESCAPED.test(body);
  return body.includes('"') || body.includes('\\') || !(body as unknown as { isWellFormed(): boolean }).isWellFormed();
}

/**
 * A record as three pieces that make its JSON: up to its body's opening quote, the body escaped, and from its closing
 * quote on; or its whole JSON and two empty pieces when the body is short, absent or has more to escape than line
 * feeds.
 */
function pieces(record: { readonly body?: unknown }, controlFree = false): readonly [string, string, string] {
  const body = record.body;
  // A record that says how it is written (`toJSON`) is left to JSON.stringify whole.
  if (typeof body !== 'string' || body.length < LONG || 'toJSON' in record || escapesMore(body, controlFree))
    return [JSON.stringify(record), '', ''];
  const writable = record as { body: string };
  let json: string;
  writable.body = '';
  try {
    json = JSON.stringify(record);
  } finally {
    writable.body = body;
  }
  const at = json.indexOf(EMPTY_BODY);
  if (at === -1 || json.includes(EMPTY_BODY, at + EMPTY_BODY.length)) return [JSON.stringify(record), '', ''];
  return [json.slice(0, at + VALUE_AT), body.replaceAll('\n', '\\n'), json.slice(at + VALUE_AT)];
}

/** JSON lines in one buffer, and where each line ends in it. */
export interface JsonLines {
  readonly bytes: Buffer;
  readonly ends: number[];
}

/** How {@link jsonLines} writes records. */
export interface JsonLinesOptions<T> {
  /** What to write for a record, by `JSON.stringify` whole (ninjs); the record itself when absent. */
  readonly as?: ((record: T) => unknown) | undefined;
  /**
   * Whether record `i`'s body holds no control character but line feeds, as the normalizer's bodies never do (they
   * are tidy paragraphs joined by blank lines); such a body is checked for quotes and backslashes only.
   */
  readonly controlFree?: ((index: number) => boolean) | undefined;
}

/**
 * Each record as a JSON line, in one buffer: `JSON.stringify(record)` (or of `as(record)`) and a newline.
 */
export function jsonLines<T extends object>(records: readonly T[], options: JsonLinesOptions<T> = {}): JsonLines {
  const { as, controlFree } = options;
  const all: string[] = [];
  let length = 0;
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    const [head, body, tail] = as ? [JSON.stringify(as(record)), '', ''] : pieces(record, controlFree?.(i) === true);
    all.push(head, body, tail);
    length += head.length + body.length + tail.length + 1;
  }
  // Sized for ASCII with some room; a piece that might not fit is measured exactly and the buffer grown.
  let bytes = Buffer.allocUnsafeSlow(Math.ceil(length * 1.1) + 1024);
  const ends: number[] = [];
  let at = 0;
  for (let i = 0; i < all.length; i++) {
    const piece = all[i] ?? '';
    if (bytes.length - at < piece.length * 3 + 1) {
      const need = at + Buffer.byteLength(piece) + 1;
      if (need > bytes.length) bytes = grow(bytes, at, need * 1.25);
    }
    if (piece !== '') at += bytes.write(piece, at, 'utf8');
    if (i % 3 === 2) {
      bytes[at++] = 0x0a;
      ends.push(at);
    }
  }
  return { bytes: bytes.subarray(0, at), ends };
}

function grow(bytes: Buffer, used: number, size: number): Buffer<ArrayBuffer> {
  const bigger = Buffer.allocUnsafeSlow(Math.ceil(size));
  bytes.copy(bigger, 0, 0, used);
  return bigger;
}
