import type { Dateline, Envelope, Fingerprint, Origin, SourceLine, Story } from '../types.js';

/** The ninjs 2.1 schema our records follow, named in each record's `standard`. */
export const NINJS_SCHEMA = 'http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json';

/** A text with a role, as ninjs `headlines`, `descriptions` and `bodies` hold them. */
export interface NinjsText {
  readonly role: string;
  readonly contenttype: string;
  readonly value: string;
  readonly charcount?: number;
  readonly wordcount?: number;
}

/**
 * Our fields that ninjs has no property for, under one extension property (`wire`) described by
 * `schema/ninjs-extension.schema.json`, so they can never collide with a future ninjs property.
 */
export interface NinjsWireExtension {
  readonly id: string;
  readonly markers: readonly string[];
  readonly dateline: Dateline | null;
  readonly source: SourceLine | null;
  readonly agency: string | null;
  readonly credits: string | null;
  readonly correction: boolean;
  readonly stripped: readonly string[];
  readonly published: string | null;
  readonly url: string | null;
  readonly canonical_url?: string | null;
  readonly origin: Origin;
  readonly ingested_at: string;
  readonly fingerprint: Fingerprint;
  readonly envelope?: Envelope | null;
}

/** One record in IPTC ninjs 2.1 (News in JSON), plus the `wire` extension. */
export interface NinjsRecord {
  readonly uri: string;
  readonly type: 'text';
  readonly standard: { readonly name: 'ninjs'; readonly version: '2.1'; readonly schema: string };
  readonly version?: string;
  readonly firstcreated?: string;
  readonly versioncreated?: string;
  readonly embargoed?: string;
  readonly pubstatus?: 'usable' | 'withheld' | 'canceled';
  readonly urgency?: number;
  readonly copyrightnotice?: string;
  readonly ednote?: string;
  readonly language?: string;
  readonly headlines?: readonly NinjsText[];
  readonly descriptions?: readonly NinjsText[];
  readonly bodies?: readonly NinjsText[];
  readonly by?: string;
  readonly slugline?: string;
  readonly located?: string;
  readonly infosources?: ReadonlyArray<{ readonly name: string }>;
  readonly altids?: ReadonlyArray<{ readonly role: string; readonly value: string }>;
  readonly wire: NinjsWireExtension;
}

// RFC 3339 date-time, which ninjs' `format: date-time` requires: seconds and a zone. `1987-03-03T09:18:21.26`
// (no zone) and a bare date are not, so they stay in `wire.published` only.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
const PUBSTATUS = new Set(['usable', 'withheld', 'canceled']);

/**
 * Maps a record to ninjs 2.1 (docs/formats.md: the ninjs mapping). Pure; absent values are left out rather than
 * written as null, as the ninjs schema wants.
 */
export function toNinjs(story: Story): NinjsRecord {
  const envelope = story.envelope ?? {};
  const text = (role: string, value: string): NinjsText => ({ role, contenttype: 'text/plain', value });
  const versioncreated = dateTime(story.published) ?? dateTime(envelope['versioncreated']);
  const pubstatus = envelope['pubstatus'];
  const infosources = [...new Set([story.agency, story.source?.name].filter((n): n is string => !!n))];
  const altids = Object.entries(story.altids ?? {}).map(([role, value]) => ({ role, value }));
  return {
    uri: `urn:wire:${story.id}`,
    type: 'text',
    standard: { name: 'ninjs', version: '2.1', schema: NINJS_SCHEMA },
    ...some('version', typeof envelope['version'] === 'string' ? envelope['version'] : null),
    ...some('firstcreated', dateTime(envelope['firstcreated'])),
    ...some('versioncreated', versioncreated),
    ...some('embargoed', dateTime(envelope['embargoed'])),
    ...(typeof pubstatus === 'string' && PUBSTATUS.has(pubstatus)
      ? { pubstatus: pubstatus as NonNullable<NinjsRecord['pubstatus']> }
      : {}),
    ...some('urgency', story.urgency ?? null),
    ...some('copyrightnotice', story.copyright),
    ...some('ednote', story.ednote ?? null),
    ...some('language', story.language),
    ...(story.headline === '' ? {} : { headlines: [text('main', story.headline)] }),
    ...(story.description ? { descriptions: [text('summary', story.description)] } : {}),
    ...(story.body === ''
      ? {}
      : { bodies: [{ ...text('main', story.body), charcount: codePoints(story.body), wordcount: story.words }] }),
    ...some('by', story.byline),
    ...some('slugline', story.slugline ?? null),
    ...some('located', story.dateline?.location ?? null),
    ...(infosources.length > 0 ? { infosources: infosources.map((name) => ({ name })) } : {}),
    ...(altids.length > 0 ? { altids } : {}),
    wire: extension(story),
  };
}

/** One ninjs record as a JSON line, for the JSONL sinks. */
export function toNinjsLine(story: Story): string {
  return `${JSON.stringify(toNinjs(story))}\n`;
}

function extension(story: Story): NinjsWireExtension {
  return {
    id: story.id,
    markers: story.markers,
    dateline: story.dateline,
    source: story.source,
    agency: story.agency,
    credits: story.credits,
    correction: story.correction,
    stripped: story.stripped,
    published: story.published,
    url: story.url,
    ...(story.canonical_url == null ? {} : { canonical_url: story.canonical_url }),
    origin: story.origin,
    ingested_at: story.ingested_at,
    fingerprint: story.fingerprint,
    ...(story.envelope == null ? {} : { envelope: story.envelope }),
  };
}

// A surrogate pair: one character of two code units. A lone surrogate counts as one character, as iteration does.
const PAIR = /[\ud800-\udbff][\udc00-\udfff]/g;

/** The number of characters (code points) in a text, as `[...text].length` counts them, without the array. */
function codePoints(text: string): number {
  return text.length - (text.match(PAIR)?.length ?? 0);
}

function dateTime(value: string | number | null | undefined): string | null {
  return typeof value === 'string' && DATE_TIME.test(value) ? value : null;
}

function some<K extends string, V>(key: K, value: V | null | undefined): { [P in K]?: V } {
  return (value === null || value === undefined || value === '' ? {} : { [key]: value }) as { [P in K]?: V };
}
