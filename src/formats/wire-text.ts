import { stripControls } from '../normalize/text.js';
import { buildParagraphs, parsePlain } from './plain.js';

/** What the text of a frame (between STX and ETX) holds. */
export interface FrameText {
  readonly headline: string | null;
  readonly byline: string | null;
  readonly paragraphs: readonly string[];
  readonly ednote: string | null;
}

// AAP and others: `The following information is not for publication` opens a note to editors.
const NOT_FOR_PUBLICATION = /^\s*The following (?:information|note) is not (?:intended )?for publication\b/i;
const NOTE_ANYWHERE = /not (?:intended )?for publication/i;
// The first printing character of the text is AP's `^` (after blank lines and format codes such as DC3).
const CARET_FIRST = /^[\s\u0000-\u001f]*\^/;
// AP repeats the slug as the first `^` line: `^BC-Economy,1st Ld-Writethru,0600<`, `^AM-Storms<`.
const SLUG_REPEAT = /^(?:AM|PM|BC)-[^\s,]+(?:,.*)?$|^(?:AM|PM|BC)-\S+$/i;
const CARET_BYLINE = /^(?:By|BY)\s+\p{Lu}/u;
// The title under an AP byline: `AP Economics Writer`, `Associated Press Writer`.
const BYLINE_TITLE = /\b(?:Writer|Correspondent|Reporter|Editor|Associated Press|AP)$/;
const EDITORS_NOTE = /^(?:Eds?|EDs?|Editors?|EDITORS?)\s*:/;

/**
 * Reads the text of a frame: AP's `^` headline lines when there are any, else the plain-text parser's reading
 * (headline, byline, paragraphs). With `headlineOnFirstLine` (IPTC 7901, where the headline follows STX on its
 * line) the first line is the headline whatever it looks like. The ednote is taken out before either.
 */
export function parseFrameText(raw: string, headlineOnFirstLine: boolean): FrameText {
  // Most frames (Reuters' shape) have neither: the plain-text parser reads them as they are.
  if (!headlineOnFirstLine && !NOTE_ANYWHERE.test(raw) && !CARET_FIRST.test(raw))
    return plainText(parsePlain(raw), null);
  const lines = stripControls(raw).split(/\r\n?|\n/);
  const { kept, ednote } = takeEdnote(lines);
  const carets = takeCaretLines(kept);
  if (carets.headline !== null) {
    const notes = [...carets.notes, ...(ednote === null ? [] : [ednote])];
    // AP ends lines with the same quad code as its `^` lines: `... the sound.<`.
    const body = kept.map((line) => (line.endsWith('<') ? line.slice(0, -1) : line));
    return {
      headline: carets.headline,
      byline: carets.byline,
      paragraphs: buildParagraphs(body, carets.next),
      ednote: notes.length > 0 ? notes.join('\n') : null,
    };
  }
  const firstLine = (kept[0] ?? '').trim();
  const plain = parsePlain(kept.join('\n'));
  if (headlineOnFirstLine && firstLine !== '' && plain?.headline !== firstLine) {
    return { headline: firstLine, byline: null, paragraphs: buildParagraphs(kept, 1), ednote };
  }
  return plainText(plain, ednote);
}

function plainText(plain: ReturnType<typeof parsePlain>, ednote: string | null): FrameText {
  return {
    headline: plain?.headline ?? null,
    byline: plain?.byline ?? null,
    paragraphs: plain?.paragraphs ?? [],
    ednote,
  };
}

/**
 * Takes the editor's note out of the lines. A note that opens the text runs to the first blank line after it;
 * anywhere else it runs to the end of the text (AAP puts it last).
 */
function takeEdnote(lines: readonly string[]): { kept: string[]; ednote: string | null } {
  const at = lines.findIndex((line) => NOT_FOR_PUBLICATION.test(line));
  if (at === -1) return { kept: [...lines], ednote: null };
  const opens = lines.slice(0, at).every((line) => line.trim() === '' || line.trimStart().startsWith('^'));
  let end = lines.length;
  if (opens) {
    let seenText = false;
    for (let i = at + 1; i < lines.length; i++) {
      const blank = (lines[i] ?? '').trim() === '';
      if (blank && seenText) {
        end = i;
        break;
      }
      seenText ||= !blank;
    }
  }
  const note = lines
    .slice(at + 1, end)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
  return { kept: [...lines.slice(0, at), ...lines.slice(end)], ednote: note === '' ? null : note };
}

interface CaretLines {
  readonly headline: string | null;
  readonly byline: string | null;
  readonly notes: readonly string[];
  /** Index of the first line after the `^` block. */
  readonly next: number;
}

/** Reads AP's leading `^` lines: slug repeat (dropped), headline, byline and its title, editors' notes. */
function takeCaretLines(lines: readonly string[]): CaretLines {
  let headline: string | null = null;
  let byline: string | null = null;
  const notes: string[] = [];
  let at = 0;
  for (; at < lines.length; at++) {
    const line = (lines[at] ?? '').trim();
    if (line === '') {
      if (headline === null && byline === null && notes.length === 0) continue;
      break;
    }
    if (!line.startsWith('^')) break;
    const text = withoutQuad(line.slice(1));
    if (text === '') continue;
    if (headline === null && byline === null && SLUG_REPEAT.test(text)) continue;
    if (CARET_BYLINE.test(text) && byline === null) byline = text;
    else if (byline !== null && !byline.includes(', ') && BYLINE_TITLE.test(text) && text.length < 60)
      byline = `${byline}, ${text}`;
    else if (EDITORS_NOTE.test(text) || headline !== null) notes.push(text);
    else headline = text;
  }
  return { headline, byline, notes, next: at };
}

/**
 * A line without the quad codes AP ends it with (`^Economy grows faster than expected<`, `^By JANE DOE=`),
 * trimmed. A loop rather than a regex, so that a line of a million `<` costs linear time.
 */
export function withoutQuad(line: string): string {
  let end = line.trimEnd().length;
  while (end > 0 && (line.charCodeAt(end - 1) === 0x3c || line.charCodeAt(end - 1) === 0x3d)) end--;
  return line.slice(0, end).trim();
}
