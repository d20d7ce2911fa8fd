import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explainPlain } from '../src/formats/plain-explain.js';
import type { ExplainedLine, StoryField } from '../src/normalize/explain.js';
import type { NormalizeContext, Story } from '../src/types.js';

const context: NormalizeContext = {
  origin: { type: 'file', location: 'explain.txt', format: 'plain', index: 0, charset: 'utf-8' },
  now: '2026-11-27T00:00:00.000Z',
  referenceDate: '2026-11-27',
  detectLanguage: false,
};

/** Letters and digits only, lower-case: what two renderings of the same text share. */
function norm(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The text a field of the record holds, as one string. */
function fieldText(story: Story, field: StoryField): string {
  switch (field) {
    case 'headline':
      return `${story.markers.join(' ')} ${story.headline}`;
    case 'byline':
      return story.byline ?? '';
    case 'byline_title':
      return story.byline_title ?? '';
    case 'dateline':
      return story.dateline?.text ?? '';
    case 'source':
      return story.source?.text ?? '';
    case 'stripped':
      return story.stripped.join(' ');
    case 'update_notes':
    case 'summary':
      return (story[field] ?? []).join(' ');
    default:
      return story[field] ?? '';
  }
}

/**
 * Every non-blank line went somewhere: its parts cover all of its text, each names a field, and that field of the
 * record holds the part (or, for a labelled block such as `EDITOR'S NOTE _ ...`, the part holds the field).
 */
function expectEveryLinePlaced(story: Story, lines: readonly ExplainedLine[]): void {
  for (const line of lines) {
    const text = norm(line.text);
    if (text === '') continue;
    expect(line.parts.length, `line ${line.line} "${line.text}" went nowhere`).toBeGreaterThan(0);
    expect(norm(line.parts.map((part) => part.text).join(' ')), `line ${line.line} only partly placed`).toBe(text);
    for (const part of line.parts) {
      expect(part.field, `"${part.text}" of line ${line.line} has no field`).not.toBeNull();
      const held = norm(fieldText(story, part.field ?? 'body'));
      const piece = norm(part.text);
      const label = part.field === 'byline' || part.field === 'ednote' || part.field === 'summary';
      expect(
        held.includes(piece) ||
          (label && (piece.includes(held) || held.includes(norm(unlabelled(part.text))))) ||
          // One of several bylines, which the record joins: `By JOHN ROE` in `JANE DOE and JOHN ROE`.
          (part.field === 'byline' && held.includes(norm(part.text.replace(/^\s*by\s+/i, '')))) ||
          (part.field === 'headline' && piece.includes(norm(story.headline))),
        `"${part.text}" (line ${line.line}) is not in ${part.field}: "${fieldText(story, part.field ?? 'body')}"`,
      ).toBe(true);
    }
  }
}

/** A labelled block without its label, as its field keeps it when it holds several: `Redaktionshinweis: Das ...`. */
function unlabelled(piece: string): string {
  return piece.replace(/^[^:_—–]{1,40}(?::|\s[_—–])\s*/u, '');
}

// Building blocks of wire copy in the shapes FORMATS.md lists (names and facts invented).
const word = fc.constantFrom('council', 'prices', 'rose', 'officials', 'said', 'the', 'port', 'strike', 'talks', 'new');
const sentence = fc
  .array(word, { minLength: 4, maxLength: 14 })
  .map((words) => `${words.join(' ').replace(/^./, (c) => c.toUpperCase())}.`);
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((s) => s.join(' '));
const dateline = fc.constantFrom(
  'SEOUL, Nov. 24 (Yonhap) -- ',
  'NEW YORK (AP) — ',
  'BEIRUT (Reuters) - ',
  'Jan 30 (Reuters) - ',
  'STOCKHOLM, Aug 29, 2014 (AFP) - ',
  'Berlin (dpa) - ',
  'San Diego (tca/dpa) - ',
  '(ANSA) - Rome, October 11 - ',
  'ST. PETERSBURG, March 3. /TASS/. ',
  'Aarhus /ritzau/: ',
  'IPOH (Aug 2): ',
  'Kaohsiung, June 4 (CNA) ',
  'TOKYO, Jan. 5, 2026 /Kyodo JBN/ -- ',
  'Madrid, 10 abr (EFE).- ',
  'HELSINKI, 2. tammikuuta (STT) - ',
  'Tehran, IRNA -- ',
  'ISLAMABAD, Nov 27 (APP): ',
  '新华社北京11月27日电（记者张明）',
  '【北京共同】',
  'الكويت - 27 - 11 (كونا) -- ',
  '',
);
const lead = fc.subarray([
  "EDITOR'S NOTE _ This story is part of a series.",
  '(Adds comments, detail)',
  '* Prices rise\n* Talks resume',
  'By Jane Doe\nAP Business Writer',
]);
const trailer = fc.subarray([
  '___',
  'Associated Press writer Tom Hale contributed to this report.',
  '(Reporting by Ann Lee; Editing by Tom Hall)',
  '((ann.lee@example.com))',
  'For more news, click on the markets page',
  '# Notebook\n\n## Internet links\n- [Statement](http://example.org/s)',
  'jdoe@yna.co.kr',
  '(END)',
  'Source: Yonhap News Agency',
  'dpa ab cd ef',
  'hh/ph/ts',
  'EFE\nab/cd',
  'ends',
  '-- BERNAMA',
  '(BusinessDesk)',
  'BSS/AB/CD/1234 hrs',
  '（完）',
  '(النهاية) ع ن',
  'Copyright 2026 The Associated Press. All rights reserved.',
  'You may also like...\n\nOther story one\n\nOther story two',
]);
const glued = fc.constantFrom('', ' (END)', ' Enditem', '.(ANSA).', ' ==Kyodo', ' — Bernama', ' abc-def/gh');
const wrap = fc.boolean();
// Lead blocks run into the dateline's paragraph, as copy flattened into one paragraph prints them.
const runIn = fc.constantFrom('', '(ATTN: UPDATES with quotes in para 3) ', '(Adds comments, detail) By Jane Roe ');

/** Hard-wraps a paragraph at about 70 columns, as 1990s wires did. */
function wrapped(text: string): string {
  return text.replace(/(.{40,70}?) /g, '$1\n');
}

const story = fc
  .record({
    headline: sentence,
    lead,
    dateline,
    paragraphs: fc.array(paragraph, { minLength: 1, maxLength: 6 }),
    glued,
    trailer,
    wrap,
    runIn,
  })
  .map(({ headline, lead, dateline, paragraphs, glued, trailer, wrap, runIn }) => {
    // A story prints one byline: a run-in one only where the lead has none.
    const opening = lead.some((block) => block.startsWith('By ')) ? runIn.replace('By Jane Roe ', '') : runIn;
    const body = paragraphs.map(
      (p, i) => `${i === 0 ? opening + dateline : ''}${p}${i === paragraphs.length - 1 ? glued : ''}`,
    );
    const blocks = [headline.replace(/\.$/, ''), ...lead, ...body.map((p) => (wrap ? wrapped(p) : p)), ...trailer];
    return `${blocks.join('\n\n')}\n`;
  });

describe('nothing disappears silently', () => {
  it('places every non-blank line of generated copy in exactly one field per part', () => {
    fc.assert(
      fc.property(story, (text) => {
        const { story: record, lines } = explainPlain(text, context);
        expect(record).not.toBeNull();
        if (record) expectEveryLinePlaced(record, lines);
      }),
      { numRuns: 400 },
    );
  });

  it('places every non-blank line of the plain fixtures in a field', () => {
    const root = fileURLToPath(new URL('./fixtures/plain/', import.meta.url));
    let checked = 0;
    for (const name of readdirSync(root)) {
      const input = readdirSync(join(root, name)).find((file) => file.startsWith('input.'));
      if (!input) continue;
      const text = readFileSync(join(root, name, input), 'latin1');
      // One story per explanation: files that hold several are split by the framing first, not here.
      if (/[\f\u0003]|\n(?:\(END\)|Enditem|-30-|###|NNNN)\n+\S/.test(text)) continue;
      const { story: record, lines } = explainPlain(text, context);
      if (record) expectEveryLinePlaced(record, lines);
      checked++;
    }
    expect(checked).toBeGreaterThan(60);
  });

  it('splits a dateline line between dateline and body, and a glued sign-off between body and source', () => {
    const text =
      'Port strike ends\n\nBUSAN, May 2 (Yonhap) -- Dock workers ended their strike.\nThe port reopened on Friday. (END)\n';
    const { lines } = explainPlain(text, context);
    expect(lines[2]?.parts).toEqual([
      { text: 'BUSAN, May 2 (Yonhap) --', field: 'dateline' },
      { text: 'Dock workers ended their strike.', field: 'body' },
    ]);
    expect(lines[3]?.parts).toEqual([
      { text: 'The port reopened on Friday.', field: 'body' },
      { text: '(END)', field: 'source' },
    ]);
    expect(lines[0]?.parts).toEqual([{ text: 'Port strike ends', field: 'headline' }]);
    expect(lines[1]?.parts).toEqual([]);
  });
});
