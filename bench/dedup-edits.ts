import type { Story } from '../src/types.js';

/** A story as wire copy, in parts that republishing edits change. */
export interface WireParts {
  readonly headline: string;
  readonly dateline: string;
  readonly paragraphs: readonly string[];
}

/** The parts of a normalized story, to render again after an edit. */
export function partsOf(story: Story): WireParts {
  return {
    headline: story.headline,
    dateline: story.dateline?.text ?? '',
    paragraphs: story.body.split('\n\n'),
  };
}

/** Plain wire text of the parts. */
export function renderParts(parts: WireParts): string {
  const [first = '', ...rest] = parts.paragraphs;
  return `${parts.headline}\n\n${parts.dateline} ${first}\n\n${rest.join('\n\n')}\n`;
}

const restyle = (p: string): string =>
  p
    .replace(/\bpct\b/g, 'percent')
    .replace(/\bmln\b/g, 'million')
    .replace(/\bbln\b/g, 'billion')
    .replace(/\bdlrs\b/g, 'dollars');

/** Republishing edits that must still match the original (what outlets do to wire copy). */
export const COPY_EDITS: Readonly<Record<string, (p: WireParts) => WireParts>> = {
  trim: (p) => ({ ...p, paragraphs: p.paragraphs.slice(0, Math.max(1, Math.ceil(p.paragraphs.length / 2))) }),
  'lead only': (p) => ({ ...p, paragraphs: p.paragraphs.slice(0, 1) }),
  retitle: (p) => ({ ...p, headline: `Latest: ${(p.paragraphs[0] ?? '').split(' ').slice(0, 6).join(' ')}` }),
  trailer: (p) => ({
    ...p,
    paragraphs: [...p.paragraphs, 'Copyright 1987 Reuters. All rights reserved.', 'Read more:', 'Markets wrap'],
  }),
  'pct to percent': (p) => ({ ...p, paragraphs: p.paragraphs.map(restyle) }),
  'agency tag': (p) => ({ ...p, dateline: p.dateline.replace(/\s*(-+|—)\s*$/, ' (Reuters) $1') }),
  'punctuation and case': (p) => ({
    headline: p.headline.toLowerCase(),
    dateline: p.dateline,
    paragraphs: p.paragraphs.map((x) =>
      x
        .replace(/,(?= )/g, '')
        .replace(/"/g, '“')
        .replace(/'/g, '’'),
    ),
  }),
  'trim, retitle, restyle': (p) => ({
    headline: `Update: ${p.headline.toLowerCase()}`,
    dateline: p.dateline.replace(/\s*(-+|—)\s*$/, ' (Reuters) $1'),
    paragraphs: p.paragraphs.slice(0, Math.max(1, Math.ceil(p.paragraphs.length / 2))).map(restyle),
  }),
};

/**
 * The same template on another day with other figures — the shape of distinct stories that share a lead (`Fed
 * adds reserves`, `X completed the acquisition of Y`): must not match.
 */
export function otherFacts(p: WireParts): WireParts {
  return {
    headline: p.headline,
    dateline: p.dateline.replace(/\b(\d{1,2})\b/, (d) => String(((Number(d) + 5) % 28) + 1)),
    paragraphs: p.paragraphs.map((x) => x.replace(/\d+/g, (n) => String(Number(n) + 3))),
  };
}
