/**
 * The shared vocabulary of the pipeline: what a source hands to a format, what a format hands to the normalizer,
 * and the output record. Every stage imports from here; nothing here imports a stage.
 */

/** Where an input came from. */
export type OriginType = 'file' | 'stdin' | 'url';

/** Names of the format parsers; `origin.format` carries one of these. */
export type FormatName =
  | 'plain'
  | 'anpa'
  | 'iptc7901'
  | 'nitf'
  | 'newsml'
  | 'newsml1'
  | 'rcv1'
  | 'sgml'
  | 'html'
  | 'feed'
  | 'wxr'
  | 'ninjs'
  | 'apmedia'
  | 'ritzau'
  | 'ntbinfo'
  | 'article-json'
  | 'article-xml'
  | 'email'
  | 'wire';

/** Severity of a diagnostic: `error` means an input (or part of one) was lost. */
export type Severity = 'error' | 'warning' | 'info';

/** A message about one input, attached to it rather than thrown. */
export interface Diagnostic {
  readonly severity: Severity;
  /** Short machine-readable kind, e.g. `decode-fallback`, `read-failed`. */
  readonly code: string;
  readonly message: string;
  /** The input's location (path, `-` or URL). */
  readonly input: string;
  /** 1-based line within the input, when known. */
  readonly line?: number;
}

/** The dateline that opens a story: `SEOUL, Nov. 27 (Yonhap) --`. */
export interface Dateline {
  /** As printed, separator included. */
  readonly text: string;
  /** The place without date or agency (`COMMACK, N.Y.`), or null (`Nov. 28 (UPI) --`). */
  readonly location: string | null;
  /** `2026-11-27` when the year is known, `--11-27` when it is not, or null. */
  readonly date: string | null;
  /** The agency as printed in the dateline (`Yonhap`, `AP`, `PRNewswire`), or null. */
  readonly agency: string | null;
}

/** The source line or sign-off that ends a story. */
export interface SourceLine {
  /** As printed: `Source: Yonhap News Agency`, `Reuter`, `(END)`. */
  readonly text: string;
  /** The agency or outlet it names, canonical (`Reuter` → `Reuters`), or null (`(END)`). */
  readonly name: string | null;
}

/** Where a story came from, as recorded on the output record. */
export interface Origin {
  readonly type: OriginType;
  /** Path, `-` for stdin, or URL. */
  readonly location: string;
  readonly format: FormatName;
  /** 0-based position of the story within its input. */
  readonly index: number;
  /** The character set the story was decoded from (`utf-8`, `windows-1252`, ...). */
  readonly charset: string | null;
}

/** Wire envelope fields (ANPA-1312 / IPTC 7901 headers, SGML `<UNKNOWN>`); formats fill what they know. */
export type Envelope = Readonly<Record<string, string | number | null>>;

/**
 * What a format parser finds in one story before normalization. Formats with markup fill fields from the markup;
 * the plain-text parser fills only `headlineLines`, `byline` and `paragraphs`.
 */
export interface ParsedStory {
  /** Headline as found, markers still in it; lines are joined with a space. */
  readonly headline: string | null;
  readonly byline?: string | null;
  /** Body paragraphs, unwrapped, in order; the first may still open with a dateline. */
  readonly paragraphs: readonly string[];
  /** A dateline given by markup (NITF `<dateline>`); when absent the normalizer looks in the first paragraph. */
  readonly dateline?: string | null;
  readonly published?: string | null;
  readonly language?: string | null;
  readonly url?: string | null;
  readonly canonicalUrl?: string | null;
  /** The publishing site's name (`og:site_name`, JSON-LD publisher) of a web page. */
  readonly siteName?: string | null;
  readonly agency?: string | null;
  readonly copyright?: string | null;
  readonly credits?: string | null;
  readonly ednote?: string | null;
  /** The input is a press release whatever its text says (a release service's own format). */
  readonly pressRelease?: boolean;
  /** Update notes the markup sets apart (dpa's `correctionshort` edNote), ahead of any printed before the dateline. */
  readonly updateNotes?: readonly string[];
  /** A summary the markup gives (NITF `<abstract>`, NewsML-G2 `<description>`). */
  readonly description?: string | null;
  /** A subheadline the markup gives apart (APA's `<headline role="apahltype:subtitle">`). */
  readonly subheadline?: string | null;
  readonly slugline?: string | null;
  readonly urgency?: number | null;
  readonly markers?: readonly string[];
  readonly envelope?: Envelope | null;
  /** A source line given by markup (NITF tagline); the normalizer still removes a printed sign-off. */
  readonly source?: string | null;
  /** Ids given by the markup (NITF doc-id, NewsML guid), by role. */
  readonly altids?: Readonly<Record<string, string>>;
  /** A date to infer the dateline's year from (the story's own date), ISO 8601. */
  readonly referenceDate?: string | null;
  /** 1-based line where the story starts within its input, for diagnostics. */
  readonly line?: number;
  /** The charset the story's text was decoded from, when the format decodes it itself (a MIME part's). */
  readonly charset?: string | null;
  /** A record wire wrote earlier, read back whole (its own JSON lines, its ninjs): it is kept as it was. */
  readonly record?: Story;
  /** Text the format cut as furniture around the story (a web page's labels, promos, stray lines), in order. */
  readonly stripped?: readonly string[];
  /** Which lines of the story's text each part came from (plain text), for `explainLines`. */
  readonly provenance?: Provenance;
}

/** The 0-based lines of a story's text that its headline, byline and each paragraph were read from. */
export interface Provenance {
  /** Lines the reader cut before the headline (a release wire's `Source:` line), to `stripped`. */
  readonly stripped?: readonly number[];
  readonly headline: readonly number[];
  readonly byline: readonly number[];
  /** One entry per `paragraphs` entry, in order. */
  readonly paragraphs: readonly (readonly number[])[];
}

/** A story's dedup fingerprints. */
export interface Fingerprint {
  /** 16 hex digits of the SHA-256 of the normalized body (of the headline when there is no body). */
  readonly exact: string;
  /** The near-duplicate sketch, hex-encoded (docs/dedup.md); null when it was not computed. */
  readonly near: string | null;
}

/** The output record: one JSON object per line. Field names are a contract. */
export interface Story {
  /** Stable id: the same story text gives the same id on every run and machine. */
  readonly id: string;
  readonly headline: string;
  readonly markers: readonly string[];
  /** The name or names of the byline (`Jane Doe`), its title kept apart in `byline_title`. */
  readonly byline: string | null;
  readonly dateline: Dateline | null;
  /** Paragraphs joined by a blank line. */
  readonly body: string;
  readonly source: SourceLine | null;
  /** Canonical originating agency (`Reuters`, `AP`, `Yonhap`, ...). */
  readonly agency: string | null;
  readonly credits: string | null;
  readonly copyright: string | null;
  /** Boilerplate cut from the body, in order. */
  readonly stripped: readonly string[];
  readonly language: string | null;
  readonly published: string | null;
  readonly url: string | null;
  readonly origin: Origin;
  readonly words: number;
  readonly ingested_at: string;
  /** True when the story says it corrects an earlier one. */
  readonly correction: boolean;
  /** Dedup fingerprints: `exact` hashes the normalized body; `near` is filled by near-duplicate detection. */
  readonly fingerprint: Fingerprint;
  /** The byline's title or outlet (`AP Business Writer`, `Press Association`); absent when the byline has none. */
  readonly byline_title?: string;
  /** Update notes printed before or right after the dateline (`(Adds comments, detail)`), as printed. */
  readonly update_notes?: readonly string[];
  /** A bullet summary printed before the dateline, one entry per bullet, without the bullet mark. */
  readonly summary?: readonly string[];
  /** A press release's subheadline (or any short block between headline and dateline). */
  readonly subheadline?: string;
  /** Present and true when the story is a press release (a release wire's dateline, `SOURCE ...`). */
  readonly press_release?: true;
  readonly canonical_url?: string | null;
  /** The publishing site of a web page, as it names itself. */
  readonly site_name?: string | null;
  readonly ednote?: string | null;
  /** A summary the markup gives (NITF abstract, NewsML-G2 description); absent when there is none. */
  readonly description?: string | null;
  readonly slugline?: string | null;
  readonly urgency?: number | null;
  readonly envelope?: Envelope | null;
  readonly altids?: Readonly<Record<string, string>>;
  /** 1 for a story seen first; n + 1 for an update (`LEAD`, `2nd LD`, `CORRECTED`, ...) of a story at version n. */
  readonly version?: number;
  /** The `id` of the earlier record this update replaces, or null. */
  readonly replaces?: string | null;
}

/** A story dropped as a duplicate, as `--duplicates FILE` records it. */
export interface DuplicateRecord extends Story {
  /** The `id` of the record kept in its place. */
  readonly duplicate_of: string;
  /** How alike the two are, from 0 to 1 (1 for an exact copy). */
  readonly similarity: number;
}

/** Context the normalizer needs; passed in so that parsers stay pure. */
export interface NormalizeContext {
  readonly origin: Origin;
  /** ISO 8601 instant stamped on the record as `ingested_at`. */
  readonly now: string;
  /** ISO date used to infer the year of a dateline without one, or null to never invent a year. */
  readonly referenceDate: string | null;
  /** IANA zone for times without an offset whose agency has no home zone (`--timezone`; UTC when absent). */
  readonly timezone?: string;
  /** Detect the language of stories that do not declare one (default true); false leaves `language` null. */
  readonly detectLanguage?: boolean;
  /**
   * Called when a story's language must be detected but the detector is not loaded in this thread yet: the record
   * then has `language: null`; load it (`loadLanguageDetector`) and normalize the story again.
   */
  readonly onLanguagePending?: () => void;
}

/** An input opened by a source: its bytes arrive as a stream so that large files are never held whole. */
export interface RawInput {
  readonly type: OriginType;
  /** Path, `-` or URL, as the user gave it (the final URL after redirects for the web). */
  readonly location: string;
  readonly chunks: AsyncIterable<Uint8Array>;
  /** The Content-Type header of a fetched input, when there is one. */
  readonly contentType?: string | null;
  /** Last modification time of a file, or the server's date of a fetched page. */
  readonly modified?: Date | null;
}

/** HTTP validators remembered for a URL, so a re-poll of an unchanged page costs a 304. */
export interface HttpValidators {
  readonly etag: string | null;
  readonly lastModified: string | null;
}

/**
 * Where HTTP validators are kept between runs. The dedup store implements it; sources only see this interface
 * (imports point down the pipeline, so sources never import the store).
 */
export interface ValidatorCache {
  get(url: string): HttpValidators | null;
  put(url: string, validators: HttpValidators): void;
}

/** What the dedup stage needs to know of a record, without parsing its JSON line back. */
export interface StoryKeys {
  readonly id: string;
  /** Exact fingerprint of the normalized body. */
  readonly fingerprint: string;
  /** The near-duplicate sketch, hex (`fingerprint.near` of the record). */
  readonly near: string | null;
  /** True when the story says it updates an earlier one: a new version, not a duplicate. */
  readonly update: boolean;
  readonly markers: readonly string[];
}

/**
 * Records on their way to the sink: serialized once where they were normalized (in a worker thread when a large
 * input is parsed in parallel) into one buffer of JSON lines, with the byte offset where each line ends, so the
 * pipeline can write them without copying and leave duplicates out by range.
 */
export interface EmittedBatch {
  readonly keys: readonly StoryKeys[];
  readonly bytes: Uint8Array;
  /** `ends[i]` is the byte offset just past record i's newline; record i starts at `ends[i - 1]` (or 0). */
  readonly ends: readonly number[];
}
