import { earliest, lastByte, nextByte } from './bytes.js';
import type { Boundary } from './frame.js';

/**
 * Framing of ANPA-1312 and IPTC 7901 streams (FORMATS.md, "Framed wire streams"):
 *
 *     ENQ ENQ ENQ <routing>            optional preamble (Reuters: `\x05\x05\x05G T`)
 *     SYN SYN SOH <header>             `f0119 US reute` / `u f BC-DIAMOND-SHAMROCK-(DIA  02-26 0097`
 *     STX <text> ETX <trailer>         trailer: `AP-NY-02-26-87 1501GMT`, EOT
 */

const SOH = 0x01;
const STX = 0x02;
const ETX = 0x03;
const EOT = 0x04;
const ENQ = 0x05;
const SYN = 0x16;

/**
 * Finds where the next frame begins: at its preamble before a SOH, or at a STX that opens a frame without a header.
 * A SOH before the previous frame's ETX still starts a new frame (the earlier one was cut off), so one damaged
 * frame never swallows the next. Noise between frames stays with the frame before it, as its trailer.
 */
export function framedBoundary(bytes: Buffer, from: number, complete: number): Boundary | null {
  let started = false;
  let inHeader = false;
  let inText = false;
  let afterEnd = from;
  for (let at = nextControl(bytes, from); at !== -1; at = nextControl(bytes, at + 1)) {
    if (at >= complete) return null;
    const code = bytes[at];
    if (code === SOH) {
      if (started) {
        const start = preambleStart(bytes, at, afterEnd);
        return { unitEnd: start, next: start };
      }
      started = inHeader = true;
    } else if (code === STX) {
      if (!inHeader && !inText) {
        if (started) return { unitEnd: at, next: at };
        started = true;
      }
      inHeader = false;
      inText = true;
    } else {
      inHeader = inText = false;
      afterEnd = at + 1;
    }
  }
  return null;
}

/** The first SOH, STX or ETX at or after `from`, or -1. */
function nextControl(bytes: Buffer, from: number): number {
  return earliest(earliest(nextByte(bytes, SOH, from), nextByte(bytes, STX, from)), nextByte(bytes, ETX, from));
}

/** Walks back from a SOH over SYN/ENQ characters and an ENQ routing line, never before `floor`. */
function preambleStart(bytes: Buffer, soh: number, floor: number): number {
  let at = soh;
  while (at > floor && isPreambleChar(bytes[at - 1]!)) at--;
  if (at > floor && bytes[at - 1] === 0x0a) {
    const lineStart = lastByte(bytes, 0x0a, at - 2) + 1;
    if (lineStart >= floor && bytes[lineStart] === ENQ) at = lineStart;
  }
  return Math.max(at, floor);
}

function isPreambleChar(code: number): boolean {
  return code === SYN || code === ENQ;
}

/** One frame cut into its parts; offsets let diagnostics point at lines. */
export interface Frame {
  /** Text before the SOH: the ENQ routing line, SYN characters, or noise. */
  readonly preamble: string;
  /** Between SOH and STX; null when the frame has no SOH (a headerless STX…ETX frame). */
  readonly header: string | null;
  /** Between STX and ETX (or the end, when cut off); null when there is no STX. */
  readonly text: string | null;
  /** After ETX; null when the frame has no ETX (cut off). */
  readonly trailer: string | null;
  /** Offset of the text within the unit, for line numbers. */
  readonly textAt: number;
}

/** Cuts a unit (as `framedBoundary` delimits them) into preamble, header, text and trailer. */
export function splitFrame(unit: string): Frame {
  const soh = indexOfCode(unit, SOH, 0);
  const stx = indexOfCode(unit, STX, soh === -1 ? 0 : soh + 1);
  const headerEnd = stx === -1 ? unit.length : stx;
  // A frame that lost its ETX but kept the EOT that follows it still ends there.
  let etx = stx === -1 ? -1 : indexOfCode(unit, ETX, stx + 1);
  if (etx === -1 && stx !== -1) etx = indexOfCode(unit, EOT, stx + 1);
  const preambleEnd = soh !== -1 ? soh : stx !== -1 ? stx : unit.length;
  return {
    preamble: unit.slice(0, preambleEnd),
    header: soh === -1 ? null : unit.slice(soh + 1, headerEnd),
    text: stx === -1 ? null : unit.slice(stx + 1, etx === -1 ? unit.length : etx),
    trailer: etx === -1 ? null : unit.slice(etx + 1),
    textAt: stx + 1,
  };
}

function indexOfCode(text: string, code: number, from: number): number {
  return text.indexOf(String.fromCharCode(code), from);
}

/** The routing codes an ENQ preamble line carries (`\x05\x05\x05G T` → `G T`), or null. */
export function routingOf(preamble: string): string | null {
  const match = /\u0005+([^\r\n\u0005\u0016]*)/.exec(preamble);
  const routing = match?.[1]?.trim();
  return routing ? routing : null;
}

/** What is left of a preamble once SYN/ENQ characters and the routing line are taken out: noise, or ''. */
export function preambleNoise(preamble: string): string {
  return preamble
    .replace(/\u0005+[^\r\n]*/g, '')
    .replace(/[\u0000-\u0020\u007f]+/g, ' ')
    .trim();
}

// A frame whose control characters were lost (saved from a terminal, passed through a text tool): its header lines
// are still first. IPTC 7901: source letters and number, a priority digit, the category, the word count
// (`bsf037 4 su 174 gef 1388`, `eca00075 3 i 510    dpa 1003`, dpa's services `spe0000 3 sp 331  dpa-spe 0000`). ANPA-1312: the identity line (`a0105KYODOkoko-`)
// over the slug line that ends with month-day and word count (`u s BC-Soccer-Emperor's-Cup   09-12 0344`), or both
// on one line. Strict, so that a headline never reads as one.
const BARE_IPTC =
  /^(?:[a-z]{2,6}|[A-Z]{2,6})\d{3,6}[ \t]+[1-5][ \t]+[A-Za-z]{1,3}[ \t]+\d{2,5}(?:[ \t]+[A-Za-z]{1,10}(?:-[A-Za-z]{1,10})?[ \t]+\d{3,4})?$/;
const BARE_ANPA_IDENT = /^[A-Za-z]\d{4}(?:[ \t]+[A-Za-z][\w -]{0,20}|[A-Za-z][\w-]{0,20})?$/;
const BARE_ANPA_SLUG = /^[A-Za-z0-9]{1,2}[ \t]+[A-Za-z][ \t]+\S[^\n]{0,80}[ \t]\d{1,2}-\d{1,2}[ \t]+\d{1,5}[ \t]*$/;

/** Which framing a frame without control characters has by its first lines, and where its text begins. */
export interface BareHeader {
  readonly format: 'anpa' | 'iptc7901';
  /** Offset of the first character after the header lines. */
  readonly textAt: number;
}

/** The header lines a text opens with (after blank lines) when it is a frame without its control characters. */
export function bareHeader(text: string): BareHeader | null {
  const first = /^(?:[ \t]*\r?\n)*([^\r\n]*)(\r?\n|$)/.exec(text);
  if (first === null) return null;
  const line = (first[1] ?? '').trim();
  const end = first[0].length;
  if (BARE_IPTC.test(line)) return { format: 'iptc7901', textAt: end };
  if (/^[A-Za-z]\d{4}[ \t]/.test(line) && BARE_ANPA_SLUG.test(line.slice(5).trim()))
    return { format: 'anpa', textAt: end };
  if (!BARE_ANPA_IDENT.test(line)) return null;
  const second = /^([^\r\n]*)(?:\r?\n|$)/.exec(text.slice(end));
  if (second === null || !BARE_ANPA_SLUG.test((second[1] ?? '').trim())) return null;
  return { format: 'anpa', textAt: end + second[0].length };
}

/**
 * A unit without SOH, STX or ETX cut as a frame when it opens with header lines (see {@link bareHeader}): header
 * and text, and an empty trailer (the text is whole); null for any other unit.
 */
export function bareFrame(unit: string): Frame | null {
  const header = bareHeader(unit);
  if (header === null) return null;
  return {
    preamble: '',
    header: unit.slice(0, header.textAt),
    text: unit.slice(header.textAt),
    trailer: '',
    textAt: header.textAt,
  };
}
