import type { Story } from '../src/types.js';
import { alnum, htmlText, lower, patternText, regex, squash, str } from './superdesk-text.js';

/**
 * How one of Superdesk's assertions is checked on wire's records: the mapping table of the corpus README
 * (`../shared/corpus/superdesk-core/README.md`), field by field and kind by kind. Kept apart from the runner so that
 * the mapping can be read on its own.
 */

/** One assertion of expectations.json. */
export interface Expectation {
  readonly kind: string;
  readonly value?: unknown;
  readonly value_src?: string;
  readonly value_type?: string;
  readonly transform?: readonly string[];
  readonly note?: string;
  readonly test: string;
  readonly line: number;
}

/** What checking an assertion gave: not comparable (with why), or passed / failed (with what wire had). */
export type Verdict =
  | { readonly comparable: false; readonly why: string }
  | { readonly comparable: true; readonly pass: boolean; readonly got: string };

/** What the runner knows of a file: its records, and the format wire should have read it with. */
export interface FileRun {
  readonly records: readonly Story[];
  /** The wire formats that are right for the file's input format (empty: wire has no reader for it). */
  readonly rightFormats: readonly string[];
}

// Superdesk's fields with no counterpart in wire's record (README, "Not comparable").
const NOT_COMPARABLE =
  /^(?:subject|keywords|genre|place|type|pubstatus|format|version|profile|signal|renditions|associations|authors|author|task|original_creator|original_source|flags|extra|sign_off|description_text|archive_description|alt_text|usageterms|expiry|embargoed|groups)\b/;

const no = (why: string): Verdict => ({ comparable: false, why });
const verdict = (pass: boolean, got: unknown): Verdict => ({
  comparable: true,
  pass,
  got: typeof got === 'string' ? got : JSON.stringify(got ?? null),
});

/** Checks one assertion about one Superdesk field on the records it is about (`*` entries: on every record). */
export function check(field: string, e: Expectation, items: readonly (Story | undefined)[], file: FileRun): Verdict {
  if (NOT_COMPARABLE.test(field)) return no('no counterpart in the record');
  if (e.kind === 'vacuous' || e.kind === 'instance') return no(`${e.kind} assertion`);
  if (field === '_count') return verdict(file.records.length === e.value, file.records.length);
  if (field === '_item') return verdict(file.records.length > 0, file.records.length);
  if (field === '_can_parse') {
    const formats = [...new Set(file.records.map((r) => r.origin.format))];
    const right = formats.length > 0 && formats.every((f) => file.rightFormats.includes(f));
    return verdict(right, formats.join(',') || 'no records');
  }
  if (e.value === null && e.value_src !== undefined) return no(`the test computes the value (${e.value_src})`);
  const mapper = FIELDS[field.replace(/\[0\]\.qcode$/, '')];
  if (mapper === undefined) return no(`no mapping for ${field}`);
  const probe = mapper(e);
  if ('comparable' in probe) return probe;
  if (items.length === 0 || items.some((item) => item === undefined)) return verdict(false, 'no such record');
  let got: unknown = null;
  for (const item of items as Story[]) {
    const result = probe.test(item);
    got = result.got;
    if (!result.pass) return verdict(false, got);
  }
  return verdict(true, got);
}

interface Probe {
  test(record: Story): { readonly pass: boolean; readonly got: unknown };
}
type Mapper = (e: Expectation) => Probe | Verdict;

const FIELDS: Readonly<Record<string, Mapper>> = {
  headline: (e) => text(e, (r) => r.headline, headlineForms),
  byline: (e) => optionalText(e, (r) => r.byline),
  body_html: bodyProbe,
  'dateline.located.city': (e) =>
    probe((r) => {
      const got = r.dateline?.location ?? null;
      const want = lower(e.value);
      return { pass: got !== null && [got, got.split(',')[0] ?? ''].some((g) => lower(g.trim()) === want), got };
    }),
  'dateline.text': (e) =>
    probe((r) => {
      const got = r.dateline?.text ?? '';
      return { pass: same(got, e.value) || alnum(got) === alnum(str(e.value)), got };
    }),
  'dateline.source': (e) =>
    probe((r) => ({ pass: lower(r.dateline?.agency) === lower(e.value), got: r.dateline?.agency })),
  slugline: (e) =>
    probe((r) => {
      const wants = str(e.value).trim();
      const got = [r.slugline ?? null, envelopeText(r, 'slug')];
      return { pass: wants === '' ? got.every((g) => g === null) : got.some((g) => same(g, wants)), got: got[0] };
    }),
  priority: (e) =>
    e.kind === 'same_as'
      ? probe((r) => ({ pass: priorityOf(r) !== null && priorityOf(r) === (r.urgency ?? null), got: priorityOf(r) }))
      : probe((r) => ({ pass: priorityOf(r) === Number(e.value), got: priorityOf(r) })),
  urgency: (e) =>
    probe((r) => {
      const got = r.urgency ?? null;
      const want = e.kind === 'absent' || e.value === null ? null : Number(e.value);
      return { pass: got === want, got };
    }),
  anpa_category: (e) => {
    const want = Array.isArray(e.value) ? (e.value as Array<{ qcode?: string }>) : [{ qcode: str(e.value) }];
    if (want.length !== 1) return no('a list of several categories');
    return probe((r) => {
      const got = envelopeText(r, 'category');
      return { pass: got !== null && lower(got) === lower(want[0]?.qcode), got };
    });
  },
  anpa_take_key: (e) => probe((r) => ({ pass: same(envelopeText(r, 'take'), e.value), got: envelopeText(r, 'take') })),
  ingest_provider_sequence: (e) => storyNumber(e),
  provider_sequence: (e) => storyNumber(e),
  ednote: (e) => optionalText(e, (r) => r.ednote ?? null),
  abstract: (e) => optionalText(e, (r) => r.description ?? null),
  language: (e) =>
    probe((r) => {
      const got = lower(r.language);
      const want = lower(e.value);
      return { pass: got === want || (want.length === 2 && got.startsWith(`${want}-`)), got: r.language };
    }),
  firstcreated: datetime,
  versioncreated: datetime,
  firstpublished: datetime,
  word_count: (e) =>
    probe((r) => {
      const header = r.envelope?.['words'];
      if (e.kind === 'absent') return { pass: header === undefined, got: header };
      const want = Number(e.value);
      const pass = Number(header) === want || Math.abs(r.words - want) <= 0.05 * want;
      return { pass, got: header ?? r.words };
    }),
  guid: ids,
  uri: ids,
  source: (e) =>
    probe((r) => {
      const got = [r.agency, r.source?.name ?? null];
      if (e.kind === 'absent') return { pass: got.every((g) => g === null), got: r.agency };
      return { pass: got.some((g) => g !== null && lower(g) === lower(e.value)), got: r.agency };
    }),
  copyrightnotice: (e) => optionalText(e, (r) => r.copyright),
};

function probe(test: Probe['test']): Probe {
  return { test };
}

/** A text field compared by the assertion's kind, whitespace normalised; `forms` gives what else counts as equal. */
function text(e: Expectation, get: (r: Story) => string | null, forms?: (r: Story, want: string) => boolean): Probe {
  return probe((r) => {
    const got = get(r) ?? '';
    if (e.kind === 'truthy') return { pass: got !== '', got };
    return { pass: byKind(e, [got]) || (e.kind === 'equals' && forms !== undefined && forms(r, str(e.value))), got };
  });
}

/** A text field where `""`, `null` and `absent` expected mean wire has none. */
function optionalText(e: Expectation, get: (r: Story) => string | null): Probe {
  if (e.kind === 'absent' || e.value === null || e.value === '')
    return probe((r) => ({ pass: (get(r) ?? '') === '', got: get(r) }));
  return text(e, get);
}

/** Kinds on plain text: equals, contains, not_contains, startswith, endswith, regex, not_regex, truthy. */
function byKind(e: Expectation, variants: readonly string[]): boolean {
  const want = squash(str(e.value));
  const forms = variants.map(squash);
  switch (e.kind) {
    case 'equals':
      return forms.some((f) => f === want);
    case 'contains':
      return forms.some((f) => f.includes(want));
    case 'not_contains':
      return forms.every((f) => !f.includes(want));
    case 'startswith':
      return forms.some((f) => f.startsWith(want));
    case 'endswith':
      return forms.some((f) => f.endsWith(want));
    case 'regex':
      return forms.some((f) => regex(str(e.value)).test(f));
    case 'not_regex':
      return forms.every((f) => !regex(str(e.value)).test(f));
    case 'truthy':
      return forms.some((f) => f !== '');
    default:
      return false;
  }
}

/**
 * wire moves markers (`LEAD`, `1stLd-Writethru`) into `markers[]`: a headline also counts as equal, on letters and
 * digits only, with its markers put back before or after it, or with them taken out of Superdesk's headline.
 */
function headlineForms(r: Story, want: string): boolean {
  const wanted = alnum(want);
  const markers = r.markers.join(' ');
  if (alnum(`${markers} ${r.headline}`) === wanted || alnum(`${r.headline} ${markers}`) === wanted) return true;
  let without = want;
  for (const marker of r.markers) without = without.replace(marker, ' ');
  return alnum(without) === alnum(r.headline);
}

/**
 * body_html: the expected HTML as text (tags out, block tags as spaces, entities decoded until stable), compared by
 * kind with wire's body, also with the dateline and the stripped end matter put back. An assertion on markup only
 * (nothing left once the tags are out) is not comparable, except a `not_` one, which is checked on the raw string.
 */
function bodyProbe(e: Expectation): Probe | Verdict {
  const raw = str(e.value);
  const asText = e.kind === 'regex' || e.kind === 'not_regex' ? patternText(raw) : htmlText(raw);
  if (asText.trim() === '' || asText.trim() === '^') {
    if (e.kind !== 'not_contains' && e.kind !== 'not_regex') return no('an assertion on markup only');
    return probe((r) => ({ pass: !variants(r).some((v) => v.includes(raw)), got: r.body.slice(0, 60) }));
  }
  const textual: Expectation = { ...e, value: asText };
  return probe((r) => ({ pass: byKind(textual, variants(r)), got: r.body.slice(0, 80) }));
}

function variants(r: Story): string[] {
  const dateline = r.dateline?.text ?? '';
  // What wire moves out of the body at its end (rules, boilerplate, a credit line) is put back after it.
  const stripped = [...r.stripped, r.credits ?? ''].join(' ').trim();
  const plain = [r.body, `${dateline} ${r.body}`, `${r.body} ${stripped}`, `${dateline} ${r.body} ${stripped}`];
  // Notes that open the story (`(Adds comments, detail)`), which Superdesk keeps at the top of the body and wire
  // records apart, are put back before it.
  const notes = [...(r.update_notes ?? []), r.ednote ?? ''].join(' ').trim();
  return notes === '' ? plain : [...plain, `${notes} ${dateline} ${r.body}`, `${notes} ${r.body}`];
}

function storyNumber(e: Expectation): Probe {
  return probe((r) => ({ pass: envelopeText(r, 'story_number') === str(e.value), got: r.envelope?.['story_number'] }));
}

// Superdesk's priority from an ANPA letter: f = 1, u = 2, b = 3, anything else 6; digits are numbers.
const ANPA_PRIORITY: Readonly<Record<string, number>> = { f: 1, u: 2, b: 3 };

function priorityOf(r: Story): number | null {
  const code = r.envelope?.['priority'];
  if (typeof code === 'number') return code;
  if (typeof code !== 'string' || code === '') return null;
  return /^\d+$/.test(code) ? Number(code) : (ANPA_PRIORITY[code.toLowerCase()] ?? 6);
}

/** Datetimes: the same instant; offset-less values are read as UTC, as Superdesk stores them. */
function datetime(e: Expectation): Probe | Verdict {
  if (e.kind === 'present') return probe((r) => ({ pass: r.published !== null, got: r.published }));
  if (e.value === null) return no('null expected');
  const want = instant(str(e.value));
  return probe((r) => ({ pass: want !== null && instant(r.published) === want, got: r.published }));
}

function instant(value: string | null): number | null {
  if (value === null || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const trimmed = value.replace(/(\.\d{3})\d+/, '$1');
  const zoned = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(trimmed) ? trimmed : `${trimmed}Z`;
  const time = Date.parse(zoned);
  return Number.isNaN(time) ? null : time;
}

/** guid and uri: one of the record's altids, or one of them plus a `:version` suffix. */
function ids(e: Expectation): Probe | Verdict {
  if (e.kind === 'same_as') return no('equal to another Superdesk field that maps to the same altids');
  const want = str(e.value);
  return probe((r) => {
    const values = Object.values(r.altids ?? {});
    return {
      pass: values.some((v) => v === want || (want.startsWith(`${v}:`) && !want.slice(v.length + 1).includes(':'))),
      got: values,
    };
  });
}

function envelopeText(r: Story, key: string): string | null {
  const value = r.envelope?.[key];
  return value === undefined || value === null ? null : String(value);
}

function same(got: string | null | undefined, want: unknown): boolean {
  return got !== null && got !== undefined && squash(got) === squash(str(want));
}
