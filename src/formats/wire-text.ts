import { signsOff } from '../normalize/endmatter.js';
import { stripControls } from '../normalize/text.js';
import { buildParagraphs, parsePlain } from './plain.js';
import { isTakeLine } from './take-keys.js';

/** What the text of a frame (between STX and ETX) holds. */
export interface FrameText {
  readonly headline: string | null;
  readonly byline: string | null;
  readonly paragraphs: readonly string[];
  readonly ednote: string | null;
  /** Envelope fields the text gives: a take key line (`REFILE`), AP's keyword line, subheadline, photo numbers. */
  readonly envelope: Readonly<Record<string, string>>;
  /** Notes on what a version changed, above the headline (dpa's `(Berichtigung: ...)`). */
  readonly updateNotes?: readonly string[];
}

// AAP and others: `The following information is not for publication` opens a note to editors.
const NOT_FOR_PUBLICATION = /^\s*The following (?:information|note) is not (?:intended )?for publication\b/i;
const NOTE_ANYWHERE = /not (?:intended )?for publication/i;
// The first printing character of the text is AP's `^` (after blank lines and format codes such as DC3).
const CARET_FIRST = /^[\s\u0000-\u001f]*(?:\*\d+<\s*)?\^/;
const FORMAT_CODE = /^(\s*)\*\d+<[ \t]*(?=\^)/;
// AP repeats the slug as the first `^` line: `^BC-Economy,1st Ld-Writethru,0600<`, `^AM-Storms<`.
const SLUG_REPEAT = /^(?:AM|PM|BC)-[^\s,]+(?:,.*)?$|^(?:AM|PM|BC)-\S+$/i;
// The same slug alone on the text's first line, with a line of text under it.
const SLUG_FIRST = /^[\s\u0000-\u001f]*((?:AM|PM|BC)-[^\s,]+)[ \t]*\r?\n(?=[ \t]*\S)/;
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
  // Most frames (Reuters' shape) have neither: the plain-text parser reads them as they are, less the slug that
  // Kyodo repeats as the text's first line (`BC-Soccer-Emperor's-Cup`, the headline under it).
  if (!headlineOnFirstLine && !NOTE_ANYWHERE.test(raw) && !CARET_FIRST.test(raw)) {
    const slug = SLUG_FIRST.exec(raw);
    const plain = plainText(parsePlain(slug === null ? raw : raw.slice(slug[0].length)), null);
    return slug === null ? plain : { ...plain, envelope: { slug_line: (slug[1] ?? '').trim() } };
  }
  // AP may open the text with a format code before the first `^` line: `*9006< ^AP-Top-Entertainment-Headlines`.
  const lines = stripControls(raw)
    .replace(FORMAT_CODE, '')
    .split(/\r\n?|\n/);
  const { kept, ednote } = takeEdnote(lines);
  const carets = takeCaretLines(kept);
  if (carets.headline !== null) {
    const notes = [...carets.notes, ...(ednote === null ? [] : [ednote])];
    // AP ends lines with the same quad code as its `^` lines: `... the sound.<`.
    const body = kept.map((line) => (line.endsWith('<') ? line.slice(0, -1) : line));
    return {
      headline: carets.headline,
      byline: carets.byline,
      paragraphs: [...carets.lead, ...buildParagraphs(body, carets.next)],
      ednote: notes.length > 0 ? notes.join('\n') : null,
      envelope: carets.envelope,
    };
  }
  if (headlineOnFirstLine) {
    const first = firstLines(kept);
    if (first !== null) return { ...first, ednote };
  }
  return plainText(parsePlain(kept.join('\n')), ednote);
}

// A byline under an IPTC 7901 headline: `By Jane Doe, The Example Tribune =`, `Von Max Muster, dpa =`.
const IPTC_BYLINE = /^(?:By|BY|Von|VON|Par|Por|Di|Door|Av|Af)\s+\S.{0,120}$/;

/**
 * IPTC 7901's first lines: take key lines (`REFILE`, `1ST LEAD`) go to the envelope as the take, the next line is
 * the headline (its ` =` end-of-line code dropped), and a byline may follow on its own line.
 */
function firstLines(lines: readonly string[]): Omit<FrameText, 'ednote'> | null {
  let at = lines.findIndex((line) => line.trim() !== '');
  if (at === -1) return null;
  // dpa's English service opens with its keywords as a path: `/politics/Britain/EU/Brexit/justice/`
  const keywords = KEYWORD_PATH.test(lines[at] ?? '') ? (lines[at++] ?? '').trim() : null;
  const takes: string[] = [];
  const notes: string[] = [];
  while (at < lines.length - 1 && (lines[at + 1] ?? '').trim() !== '') {
    const line = (lines[at] ?? '').trim();
    if (isTakeLine(line) || BRACKETED_TAKE.test(line)) {
      takes.push(line);
      at++;
      continue;
    }
    // dpa's correction over several lines: `(Berichtigung: In einer früheren Version ...` / `... 1997.)`.
    const end = NOTE_OPEN.test(line)
      ? lines.findIndex((l, i) => i >= at && i < at + NOTE_MAX_LINES && /\)\s*$/.test(l))
      : -1;
    if (end === -1) break;
    notes.push(
      lines
        .slice(at, end + 1)
        .map((l) => l.trim())
        .join(' '),
    );
    at = end + 1;
  }
  // Keystone-SDA: a catchword line, a blank line, then the title over one to three lines ending with the end code:
  // `Notes de frais GE` / `` / `Notes de frais GE: ` / `L'affaire des notes de frais a marqué l'exécutif =`.
  const title = titleUnder(lines, at);
  const catchword = title === null ? null : (lines[at] ?? '').trim();
  if (title !== null) at = title.end;
  const headline = title?.text ?? withoutEndCode(lines[at] ?? '');
  at++;
  // A note on the picture under the headline: `(Foto Illustration) =`.
  const picture = pictureNote(lines[at]);
  if (picture !== null) at++;
  const next = withoutEndCode(lines[at] ?? '');
  const byline = IPTC_BYLINE.test(next) ? next : null;
  if (byline !== null) at++;
  // ... or under the byline.
  const note = picture ?? pictureNote(lines[at]);
  if (picture === null && note !== null) at++;
  return {
    headline: headline === '' ? null : headline,
    byline,
    paragraphs: buildParagraphs(lines, at),
    envelope: {
      ...(takes.length > 0 ? { take: takes.join(' ') } : {}),
      ...(keywords === null ? {} : { keywords }),
      // The catchword, or dpa's keyword path, is the slug (as it is when the path comes before STX).
      ...(catchword !== null
        ? { slug: catchword }
        : keywords !== null
          ? { slug: keywords.replace(/^\/|\/+$/g, '') }
          : {}),
      ...(note === null ? {} : { picture_note: note }),
    },
    ...(notes.length > 0 ? { updateNotes: notes } : {}),
  };
}

const TITLE_LINES = 3;

/**
 * The title block under a catchword line (see firstLines): its lines joined, without the end code, and the index of
 * its last line; null when the line at `at` ends with the end code itself or no such block follows it.
 */
function titleUnder(lines: readonly string[], at: number): { readonly text: string; readonly end: number } | null {
  const catchword = (lines[at] ?? '').trim();
  if (catchword.endsWith('=') || catchword.length > 60 || (lines[at + 1] ?? '').trim() !== '') return null;
  let start = at + 1;
  while (start < lines.length && (lines[start] ?? '').trim() === '') start++;
  let end = start;
  while (end + 1 < lines.length && (lines[end + 1] ?? '').trim() !== '' && end - start < TITLE_LINES) end++;
  if (end - start >= TITLE_LINES || !/\s=+\s*$/.test(lines[end] ?? '')) return null;
  const text = lines
    .slice(start, end + 1)
    .map((line) => line.trim())
    .join(' ');
  return { text: withoutEndCode(text), end };
}

// dpa's version lines in brackets: `(Eil )`, `(Achtung - Planungshinweis)`, `(KORR-Bericht)`, `(Zusammenfassung)`.
const BRACKETED_TAKE =
  /^\((?:Eil|Eilt|Eilmeldung|Achtung|KORR|Korrektur|Wiederholung|Zusammenfassung|Neufassung|Blitz)\b[^()]{0,60}\)$/i;
const NOTE_OPEN = /^\((?:Berichtigung|Korrektur|Neu|Aktualisiert|Ergänzt)\s*:/;
const NOTE_MAX_LINES = 8;
/** A note on the picture (`(Foto Illustration) =`), without its end code, or null for any other line. */
function pictureNote(line: string | undefined): string | null {
  return line !== undefined && PICTURE_NOTE.test(line) ? withoutEndCode(line) : null;
}
const PICTURE_NOTE = /^\s*\((?:Foto|Fotos|Bild|Bilder|Grafik|Video|Audio)\b[^()]{0,60}\)\s*=?\s*$/;

// (in German without the first slash: `Gesundheit/Gesellschaft/Frauen/`).
const KEYWORD_PATH = /^\s*\/?(?:[\p{L}\d&.-]+\/){2,}\s*$/u;

/** A line without IPTC 7901's end-of-line code: `Coalition talks could fail =` → `Coalition talks could fail`. */
function withoutEndCode(line: string): string {
  return line.trim().replace(/\s*=+$/, '');
}

function plainText(plain: ReturnType<typeof parsePlain>, ednote: string | null): FrameText {
  return {
    headline: plain?.headline ?? null,
    byline: plain?.byline ?? null,
    paragraphs: plain?.paragraphs ?? [],
    ednote,
    envelope: {},
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
  // A note that runs to the end stops above the story's sign-off, which stays the story's (dpa's notebook and then
  // `dpa wsz jln`).
  while (!opens && end > at + 1 && ((lines[end - 1] ?? '').trim() === '' || signsOff(lines[end - 1] ?? ''))) end--;
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
  readonly envelope: Readonly<Record<string, string>>;
  /** `^` lines under the headline that are text: a digest of headlines (`AP Top Entertainment News`). */
  readonly lead: readonly string[];
  /** Index of the first line after the `^` block. */
  readonly next: number;
}

// AP's keyword line repeats the slug with the take and a word count: `^BC-LT--Argentina-Cancer Beauty,466<`,
// `^BC-US--Harbor-Dredging Plan, 1st Ld-Writethru,820<`.
// `^AP-Top-Entertainment-Headlines,0176<` too.
const KEYWORD_LINE = /^(?:AM|PM|BC|AP)-.*,\d{1,5}$/;
// An editor's note opening a `^` line, with its label: `Eds: With AP Photos.`, `EDITOR'S NOTE _ This is part of`.
const NOTE_LABEL = /^(\(?)\s*(?:Eds?|EDs?|Editors?|EDITORS?|EDITOR'?S NOTE|Editor'?s note)\s*[:_—–-]+\s*/;
const PHOTO_LINE = /^AP (?:Photos?|Video|Graphics?)\b/;

/**
 * Reads AP's leading `^` lines: the keyword line (slug, take and word count, to the envelope), the headline, a
 * summary line under it (`envelope.subheadline`), the photo numbers (`envelope.photos`), editors' notes (label
 * dropped), the byline and its title.
 */
function takeCaretLines(lines: readonly string[]): CaretLines {
  let headline: string | null = null;
  let byline: string | null = null;
  const notes: string[] = [];
  const envelope: Record<string, string> = {};
  const lead: string[] = [];
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
    if (headline === null && byline === null && (SLUG_REPEAT.test(text) || KEYWORD_LINE.test(text))) {
      Object.assign(envelope, keywordFields(text));
      continue;
    }
    if (CARET_BYLINE.test(text) && byline === null) byline = text;
    else if (byline !== null && !byline.includes(', ') && BYLINE_TITLE.test(text) && text.length < 60)
      byline = `${byline}, ${text}`;
    else if (PHOTO_LINE.test(text)) envelope['photos'] = text;
    else if (EDITORS_NOTE.test(text) || NOTE_LABEL.test(text)) notes.push(text.replace(NOTE_LABEL, '$1'));
    else if (headline === null) headline = text;
    else if (byline === null) lead.push(text);
    else notes.push(text);
  }
  // One line under the headline is its summary; several are the text (a digest of headlines).
  if (lead.length === 1) envelope['subheadline'] = lead[0] ?? '';
  return { headline, byline, notes, envelope, lead: lead.length > 1 ? lead : [], next: at };
}

/** `BC-US--Harbor-Dredging Plan, 1st Ld-Writethru,820` → keyword, take and the line's word count. */
function keywordFields(text: string): Record<string, string> {
  const parts = text.split(',').map((p) => p.trim());
  const words = /^\d+$/.test(parts.at(-1) ?? '') ? parts.pop() : undefined;
  const [keyword = '', ...take] = parts;
  return {
    keyword,
    ...(take.length > 0 ? { take: take.join(', ') } : {}),
    ...(words === undefined ? {} : { keyword_words: words }),
  };
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
