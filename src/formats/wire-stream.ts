import { isCorrectionMarker, isUpdateMarker } from '../normalize/headline.js';
import type { Envelope, FormatName, ParsedStory } from '../types.js';
import { creditedAgency } from '../normalize/agencies.js';
import { datePart, iptcStamp, trailerStamp } from './dates.js';
import { atLine, type Format, type FormatDiagnostic, type ParseResult } from './format.js';
import { bareFrame, framedBoundary, preambleNoise, routingOf, splitFrame, type Frame } from './wire-frame.js';
import { parseHeader, sluglineOf, urgencyOf } from './wire-header.js';
import { parseFrameText, withoutQuad } from './wire-text.js';

/**
 * A framed-stream format (ANPA-1312 or IPTC 7901): one record per SOH…ETX frame. Each frame's header is read in
 * whichever shape it has, so a stream that mixes them still parses; the name records which one detection (or
 * `--format`) chose.
 */
export function framedFormat(name: Extract<FormatName, 'anpa' | 'iptc7901'>): Format {
  return {
    name,
    boundary: framedBoundary,
    parse: parseFrame,
  };
}

function parseFrame(unit: string, line: number): ParseResult {
  const split = splitFrame(unit);
  const frame = (split.header === null && split.text === null ? bareFrame(unit) : null) ?? split;
  const diagnostics: FormatDiagnostic[] = [];
  const textLine = line + countLines(unit, frame.textAt);
  const before = preambleNoise(frame.preamble);
  if (before !== '') diagnostics.push(noise(before, line));
  const trailer = readTrailer(frame.trailer);
  const after = trailer.noise;
  if (after !== '') {
    const at = unit.indexOf(after.slice(0, 8), unit.length - (frame.trailer ?? '').length);
    diagnostics.push(noise(after, line + countLines(unit, at)));
  }
  if (frame.header === null && frame.text === null) return { stories: [], diagnostics };
  const truncated = frame.trailer === null;
  const story = buildStory(frame, truncated, trailer.stamp);
  if (truncated) diagnostics.push(truncation(story !== null, textLine));
  return { stories: story ? [atLine(story, line)] : [], diagnostics };
}

function buildStory(frame: Frame, truncated: boolean, afterEtx: string | null): ParsedStory | null {
  // A cut-off frame keeps its complete lines only: the last one stops mid-word.
  const raw = frame.text ?? '';
  const whole = truncated ? raw.slice(0, raw.lastIndexOf('\n') + 1) : raw;
  // dpa and Keystone-SDA end the text itself with a time stamp line: `101137 GMT Dez 18`.
  const last = afterEtx === null ? lastLine(whole) : null;
  const textStamp = last === null ? null : iptcStamp(last.line);
  const text = textStamp === null || last === null ? whole : whole.slice(0, last.at);
  const stamp = afterEtx ?? textStamp;
  const header = parseHeader(frame.header ?? '');
  const fields = header.fields;
  const routing = routingOf(frame.preamble);
  if (routing !== null) fields['routing'] = routing;
  // AP ends the trailer with a quad code: `AP-NY-05-17-96 1516EDT<`.
  if (afterEtx !== null) {
    fields['trailer'] = withoutQuad((frame.trailer ?? '').replace(/[\u0000-\u001f]+/g, ' '));
  }
  // IPTC 7901 gives the keyword (slug) on its own line between header and STX: `CRICKET-ASHES/`.
  const keyword = header.iptc ? header.unread.map((l) => l.replace(/\/+$/, '').trim()).find(Boolean) : undefined;
  if (keyword !== undefined) fields['slug'] ??= keyword;
  // IPTC 7901 puts the headline on the STX line itself.
  const parsed = parseFrameText(text, header.iptc);
  if (parsed.paragraphs.length === 0 && (truncated || parsed.headline === null)) return null;
  // What the text adds (AP's keyword line, a take key line): the header's own fields win.
  for (const [key, value] of Object.entries(parsed.envelope)) fields[key] ??= value;
  const envelope: Envelope = fields;
  const take = typeof fields['take'] === 'string' ? fields['take'] : null;
  return {
    // Reuters set flash headlines off with asterisks: `******STERLING RISES ABOVE 1.60 DLRS`.
    headline: parsed.headline?.replace(/^\*{2,}\s*/, '') ?? null,
    byline: parsed.byline,
    paragraphs: parsed.paragraphs,
    ednote: parsed.ednote,
    ...(parsed.updateNotes === undefined ? {} : { updateNotes: parsed.updateNotes }),
    slugline: keyword ?? sluglineOf(envelope),
    urgency: urgencyOf(envelope),
    envelope,
    markers: take !== null && (isUpdateMarker(take) || isCorrectionMarker(take)) ? [take] : [],
    published: stamp,
    referenceDate: datePart(stamp),
    agency: senderOf(header.iptc ? fields['optional'] : undefined),
  };
}

/**
 * The agency an IPTC 7901 header names in its optional field, as dpa does (`dpa-spe 0000`: dpa's sport service), or
 * null; its offset-less time stamps are then read in the agency's zone.
 */
function senderOf(optional: string | number | undefined): string | null {
  const first = typeof optional === 'string' ? optional.trim().split(/\s+/)[0] : undefined;
  return first === undefined || first === '' ? null : (creditedAgency(first)?.name ?? null);
}

/** The text's last line that is not blank, and where it starts. */
function lastLine(text: string): { readonly line: string; readonly at: number } | null {
  const end = text.trimEnd().length;
  if (end === 0) return null;
  const at = Math.max(text.lastIndexOf('\n', end - 1), text.lastIndexOf('\r', end - 1)) + 1;
  return { line: text.slice(at, end), at };
}

function truncation(kept: boolean, line: number): FormatDiagnostic {
  return kept
    ? {
        severity: 'warning',
        code: 'frame-truncated',
        message: 'the last frame is cut off (no ETX); kept its complete lines',
        line,
      }
    : { severity: 'error', code: 'frame-truncated', message: 'a frame is cut off before its text; lost', line };
}

/** The trailer's time stamp, and its other text (noise between frames), EOT and line ends aside. */
function readTrailer(trailer: string | null): { readonly stamp: string | null; readonly noise: string } {
  if (trailer === null || trailer.trim() === '') return { stamp: null, noise: '' };
  let stamp: string | null = null;
  const noise: string[] = [];
  for (const line of trailer.split(/\r?\n/)) {
    const found: string | null = stamp === null ? (trailerStamp(line) ?? iptcStamp(line)) : null;
    if (found !== null) stamp = found;
    else noise.push(line);
  }
  return {
    stamp,
    noise: noise
      .join(' ')
      .replace(/[\u0000-\u0020\u007f]+/g, ' ')
      .trim(),
  };
}

function countLines(text: string, end: number): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < end; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

function noise(text: string, line: number): FormatDiagnostic {
  return { severity: 'warning', code: 'frame-noise', message: `skipped text between frames: ${clip(text)}`, line };
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
