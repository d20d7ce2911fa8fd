import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Deduper, itemOf } from '../../src/dedup/deduper.js';
import { fingerprintStory } from '../../src/dedup/fingerprint.js';
import { SqliteStore } from '../../src/dedup/sqlite-store.js';
import type { Verdict } from '../../src/dedup/verdict.js';
import type { Story } from '../../src/types.js';
import { tempDir } from '../helpers/tmp.js';
import { EDITS, HARBOUR, render, storyOf, type Copy } from './stories.js';

const item = (story: Story) => itemOf(story);
const first = storyOf(render(HARBOUR));
const trimmed = storyOf(render(EDITS['trims the bottom paragraphs']!(HARBOUR)));

/** The same story sent again as an update: a new first paragraph on top, the rest kept. */
function update(headline: string, extra: Partial<Copy> = {}): Story {
  return storyOf(
    render({
      ...HARBOUR,
      headline,
      paragraphs: [
        ...HARBOUR.paragraphs.slice(0, 3),
        'Shipping lines Meridian and Solcargo said they would move two weekly services to Valmora once the berths open.',
        ...HARBOUR.paragraphs.slice(3),
      ],
      ...extra,
    }),
  );
}

describe('Deduper', () => {
  it('keeps the first copy and drops the trimmed one, naming the kept id', () => {
    const verdicts = new Deduper('near', null).decide([item(first), item(trimmed)]);
    expect(verdicts[0]).toEqual({ kind: 'new' });
    expect(verdicts[1]).toMatchObject({ kind: 'duplicate', of: first.id });
  });

  it.each([
    ['(LEAD) Port of Valmora expands container terminal', 'a LEAD marker'],
    ['UPDATE 1-Port of Valmora expands container terminal', 'an UPDATE 1 marker'],
    ['CORRECTED-Port of Valmora expands container terminal', 'a CORRECTED marker'],
  ])('emits %s as version 2 replacing the first (%s)', (headline) => {
    const deduper = new Deduper('near', null);
    const v2 = update(headline);
    const [, verdict] = deduper.decide([item(first), item(v2)]);
    expect(verdict).toMatchObject({ kind: 'version', version: 2, replaces: first.id });
  });

  it('counts versions up a chain: a 2nd LD after a LEAD is version 3', () => {
    const deduper = new Deduper('near', null);
    const lead = update('(LEAD) Port of Valmora expands container terminal');
    const second = update('(2nd LD) Valmora port expansion wins two shipping lines');
    const verdicts = deduper.decide([item(first), item(lead), item(second)]);
    expect(verdicts[2]).toMatchObject({ kind: 'version', version: 3, replaces: lead.id });
  });

  it('reads an ANPA take key in the envelope as an update', () => {
    const deduper = new Deduper('near', null);
    const withKey: Story = {
      ...update('Port of Valmora expands container terminal'),
      envelope: { take: '1stLd-Writethru' },
    };
    expect(deduper.decide([item(first), item(withKey)])[1]).toMatchObject({ kind: 'version', version: 2 });
  });

  it('drops the same update sent twice', () => {
    const deduper = new Deduper('near', null);
    const lead = update('(LEAD) Port of Valmora expands container terminal');
    const verdicts = deduper.decide([item(first), item(lead), item(lead)]);
    expect(verdicts[2]).toEqual({ kind: 'duplicate', of: lead.id, similarity: 1 });
  });

  it('gives similarity 1 to an identical body only, and a trimmed copy about the share of the text it keeps', () => {
    const retitled = storyOf(render(EDITS['retitles it']!(HARBOUR)));
    const verdicts = new Deduper('near', null).decide([item(first), item(trimmed), item(retitled)]);
    const kept = trimmed.words / first.words;
    expect(verdicts[1]).toMatchObject({ kind: 'duplicate', of: first.id });
    const similarity = verdicts[1]?.kind === 'duplicate' ? verdicts[1].similarity : NaN;
    expect(Math.abs(similarity - kept)).toBeLessThan(0.1);
    expect(verdicts[2]).toEqual({ kind: 'duplicate', of: first.id, similarity: 1 });
  });

  it('in exact mode keeps a trimmed copy but drops an identical one', () => {
    const verdicts = new Deduper('exact', null).decide([item(first), item(trimmed), item(first)]);
    expect(verdicts.map((v: Verdict) => v.kind)).toEqual(['new', 'new', 'duplicate']);
  });

  it('gives the same verdicts whatever the batch sizes', () => {
    const stories = [first, trimmed, update('(LEAD) Port of Valmora expands container terminal'), first];
    const whole = new Deduper('near', null).decide(stories.map(item));
    const split = new Deduper('near', null);
    const oneByOne = stories.flatMap((s) => split.decide([item(s)]));
    expect(oneByOne).toEqual(whole);
  });

  it('recognizes across runs through the store, and updates its versions', () => {
    const path = join(tempDir(), 'state');
    const store = new SqliteStore(path);
    const run1 = new Deduper('near', store);
    run1.decide([item(first)]);
    run1.commit(100);
    store.close();
    const reopened = new SqliteStore(path);
    const run2 = new Deduper('near', reopened);
    const lead = update('(LEAD) Port of Valmora expands container terminal');
    expect(run2.decide([item(trimmed), item(lead), item(first)])).toEqual([
      expect.objectContaining({ kind: 'duplicate', of: first.id }),
      expect.objectContaining({ kind: 'version', version: 2, replaces: first.id }),
      { kind: 'duplicate', of: first.id, similarity: 1 },
    ]);
    expect(reopened.absorbed()).toBe(100);
    reopened.close();
  });

  it('finds a copy whose first words were edited through the spread key, across runs', () => {
    const path = join(tempDir(), 'state');
    const store = new SqliteStore(path);
    const run1 = new Deduper('near', store);
    run1.decide([item(first)]);
    run1.commit(null);
    const [lead = '', ...rest] = HARBOUR.paragraphs;
    const edited = storyOf(
      render({ ...HARBOUR, paragraphs: [lead.replace('The Port', 'Officials at the Port'), ...rest] }),
    );
    const a = fingerprintStory(first).sketch;
    const b = fingerprintStory(edited).sketch;
    expect(b.lead).not.toBe(a.lead);
    expect(b.spread).toBe(a.spread);
    expect(new Deduper('near', store).decide([item(edited)])[0]).toMatchObject({ kind: 'duplicate', of: first.id });
    store.close();
  });
});
