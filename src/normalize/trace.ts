/**
 * Where each paragraph of a story went: the record's fields as character ranges of the tidy paragraphs. The
 * normalizer's steps (lead blocks, dateline, tail) report the pieces they took; this turns them into one trace per
 * paragraph, the basis of `explainLines` ("nothing disappears silently").
 */
import type { LeadField } from './lead.js';
import type { Tail, TailField } from './tail.js';

/** A record field that text of the input can end up in. */
export type StoryField = 'headline' | 'byline' | 'byline_title' | 'dateline' | LeadField | TailField;

/** A piece of a tidy paragraph: the paragraph's index, where the piece starts in it, and its text. */
export interface Piece {
  readonly index: number;
  readonly from: number;
  readonly text: string;
}

/** A lead block's piece and its field. */
export interface LeadPiece extends Piece {
  readonly field: LeadField;
}

/** What the normalizer's steps took from the paragraphs. */
export interface TracedPieces {
  /** The lead blocks; `byline_title` for an agency's name printed under the byline (CP's `The Canadian Press`). */
  readonly lead: readonly (Piece & { readonly field: LeadField | 'byline_title' })[];
  /** The paragraph the printed dateline opens (at `start`, after any lead block run into it), where it ends; or null. */
  readonly dateline: { readonly index: number; readonly start: number; readonly end: number } | null;
  /** The paragraphs (or rest of one) handed to the tail, in order; `tail.fields` is by their position. */
  readonly rest: readonly Piece[];
  readonly tail: Pick<Tail, 'fields' | 'cuts'>;
}

/** A range of a paragraph and the field it went to. */
export interface TracePart {
  readonly from: number;
  readonly to: number;
  readonly field: StoryField;
}

/** One tidy paragraph and the fields its text went to, in order. */
export interface ParagraphTrace {
  readonly text: string;
  readonly parts: readonly TracePart[];
}

/** Builds the per-paragraph trace from what the steps took. */
export function traceOf(paragraphs: readonly string[], pieces: TracedPieces): ParagraphTrace[] {
  const parts: TracePart[][] = paragraphs.map(() => []);
  const add = (index: number, from: number, to: number, field: StoryField): void => {
    if (to > from) parts[index]?.push({ from, to, field });
  };
  for (const piece of pieces.lead) add(piece.index, piece.from, piece.from + piece.text.length, piece.field);
  if (pieces.dateline) add(pieces.dateline.index, pieces.dateline.start, pieces.dateline.end, 'dateline');
  pieces.rest.forEach((piece, i) => {
    const end = piece.from + piece.text.length;
    const field = pieces.tail.fields[i] ?? 'body';
    // End matter run into the paragraph: each part from its cut to the next.
    const cuts = pieces.tail.cuts.filter((cut) => cut.index === i);
    const startOf = (k: number): number => (k < cuts.length ? piece.from + (cuts[k]?.at ?? 0) : end);
    add(piece.index, piece.from, startOf(0), field);
    cuts.forEach((cut, k) => add(piece.index, startOf(k), startOf(k + 1), cut.field));
  });
  return paragraphs.map((text, i) => ({ text, parts: (parts[i] ?? []).sort((a, b) => a.from - b.from) }));
}
