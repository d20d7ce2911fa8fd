import type * as PostalMimeModule from 'postal-mime';
import type { ParsedStory } from '../types.js';
import { datePart, isoStamp } from './dates.js';
import { nextByte, startsWith } from './bytes.js';
import { wholeInput } from './frame.js';
import type { Format, FormatDiagnostic, ParseResult } from './format.js';
import type { Boundary } from './frame.js';
import { asObject, asText } from './json-value.js';
import { buildParagraphs } from './plain.js';
import { htmlParagraphs } from './xml-body.js';

type PostalMime = typeof PostalMimeModule.default;
type Email = Awaited<ReturnType<PostalMime['parse']>>;

let postalMime: PostalMime | undefined;

/**
 * E-mail (RFC 5322 and MIME), as agencies and stringers send copy: the subject (RFC 2047 encoded words decoded) is
 * the headline, the text part (else the HTML part) the body, each part decoded in its own charset; `Date:` is the
 * time, `Message-ID` an altid. A signature after `-- ` is not body. A text part that is a JSON object of story
 * fields (a web form mailed as JSON: `{"Headline": ["..."], "Body": ["..."]}`) is read by its field names.
 * MIME is parsed by postal-mime, which is asynchronous: the message is read whole from its bytes (`parseBytes`).
 */
export const email: Format = {
  name: 'email',
  boundary: mboxBoundary,
  async load() {
    postalMime ??= (await import('postal-mime')).default;
  },
  parse(_text, line) {
    const message = 'an e-mail message is read from its bytes, by parseBytes';
    return { stories: [], diagnostics: [{ severity: 'error', code: 'parse-bytes', message, line }] };
  },
  parseBytes: parseEmail,
};

// An mbox file holds messages one after another, each opening with a `From ` line after a blank line.
const FROM = Buffer.from('From ', 'latin1');

/** One message a unit: an mbox file is cut before each `From ` line; a single message is one unit. */
function mboxBoundary(bytes: Buffer, from: number, complete: number): Boundary | null {
  if (!startsWith(bytes, FROM, from)) return wholeInput(bytes, from, complete);
  for (let at = bytes.indexOf(FROM, from + 1); at !== -1; at = bytes.indexOf(FROM, at + 1)) {
    const end = fromLineEnd(bytes, at);
    if (end !== -1 && afterBlankLine(bytes, at, from)) return end <= complete ? { unitEnd: at, next: at } : null;
  }
  return null;
}

/** True when a blank line (`\n\n`, `\n\r\n`) ends right before `at`, within the bytes from `from` on. */
function afterBlankLine(bytes: Buffer, at: number, from: number): boolean {
  if (bytes[at - 1] !== 0x0a) return false;
  if (bytes[at - 2] === 0x0a) return at - 2 >= from;
  return bytes[at - 2] === 0x0d && bytes[at - 3] === 0x0a && at - 3 >= from;
}

/** The end of a `From ` line that starts at `at` (after its line feed; a CR only before it), or -1. */
function fromLineEnd(bytes: Buffer, at: number): number {
  const lf = nextByte(bytes, 0x0a, at);
  if (lf === -1) return -1;
  const cr = nextByte(bytes, 0x0d, at);
  return cr === -1 || cr >= lf - 1 ? lf + 1 : -1;
}

async function parseEmail(input: Uint8Array, line: number): Promise<ParseResult> {
  postalMime ??= (await import('postal-mime')).default;
  // An mbox message's `From ` line is the mailbox's, not a header field.
  const fromLine = input[0] === 0x46 && Buffer.from(input.subarray(0, 5)).toString('latin1') === 'From ';
  const bytes = fromLine ? input.subarray(input.indexOf(0x0a) + 1) : input;
  let message: Email;
  try {
    message = await postalMime.parse(bytes, { attachmentEncoding: 'arraybuffer', maxNestingDepth: 64 });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      stories: [],
      diagnostics: [{ severity: 'error', code: 'bad-mail', message: `not a readable mail message (${reason})`, line }],
    };
  }
  const story = readMessage(message, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (story !== null) return { stories: [{ ...story, line }], diagnostics: [] };
  const parts = message.attachments.map((a) => a.filename ?? a.mimeType).slice(0, 5);
  const what = parts.length > 0 ? `only attachments (${parts.join(', ')})` : 'neither a subject nor a text part';
  const diagnostic: FormatDiagnostic = {
    severity: 'error',
    code: 'not-a-story',
    message: `a mail message with ${what}`,
    line,
  };
  return { stories: [], diagnostics: [diagnostic] };
}

// Forwarding and reply prefixes are the mail's, not the story's: `Fwd: `, `RE: `, `AW: `, `WG: `.
const MAIL_PREFIX = /^(?:\s*(?:re|fwd?|fw|aw|wg|tr|sv|vs)\s*(?:\[\d+\])?\s*:\s*)+/i;

function readMessage(message: Email, raw: Buffer): ParsedStory | null {
  const subject = (rawSubject(raw) ?? message.subject)?.replace(MAIL_PREFIX, '').trim() || null;
  const text = message.text ?? null;
  const form = text === null ? null : formFields(text);
  if (form !== null) {
    const base = common(message, raw);
    return { ...form, ...base, headline: form.headline ?? subject, envelope: { ...base.envelope, ...form.envelope } };
  }
  const { body, signature } = withoutSignature(text);
  const paragraphs =
    body !== null && body.trim() !== ''
      ? buildParagraphs(body.split(/\r?\n/), 0)
      : message.html
        ? htmlParagraphs(message.html)
        : [];
  if (subject === null && paragraphs.length === 0) return null;
  const base = common(message, raw);
  return {
    ...base,
    headline: subject,
    paragraphs,
    envelope: { ...base.envelope, ...(signature === null ? {} : { signature }) },
  };
}

function common(message: Email, raw: Buffer): Omit<ParsedStory, 'headline' | 'paragraphs'> {
  const published = isoStamp(message.date ?? null);
  const from = message.from && 'address' in message.from ? message.from : null;
  const header = (key: string): string | null => message.headers.find((h) => h.key === key)?.value.trim() || null;
  const envelope: Record<string, string> = {};
  if (from?.address) envelope['from'] = from.name ? `${from.name} <${from.address}>` : from.address;
  const attachments = message.attachments.filter((a) => a.disposition === 'attachment').length;
  if (attachments > 0) envelope['attachments'] = String(attachments);
  return {
    published,
    referenceDate: datePart(published),
    language: header('content-language'),
    altids: message.messageId ? { 'message-id': message.messageId } : {},
    charset: textCharset(raw),
    envelope,
  };
}

/** The signature after the `-- ` line (RFC 3676) is not body. */
function withoutSignature(text: string | null): { body: string | null; signature: string | null } {
  if (text === null) return { body: null, signature: null };
  const at = text.search(/^-- ?\r?$/m);
  if (at === -1) return { body: text, signature: null };
  const signature = text
    .slice(at)
    .replace(/^-- ?\r?\n/, '')
    .trim();
  return { body: text.slice(0, at), signature: signature === '' ? null : signature };
}

// The charset of the first text part, as its Content-Type names it.
function textCharset(raw: Buffer): string | null {
  const head = raw.subarray(0, 65536).toString('latin1');
  const match = /content-type:\s*text\/(?:plain|html)\s*;[^\n]*?charset\s*=\s*"?([\w.:-]+)/i.exec(head);
  return match?.[1]?.toLowerCase() ?? null;
}

// Story fields of a form mailed as JSON, by field name (lower case): the record's field each one fills.
const FORM_FIELDS: Readonly<Record<string, string>> = {
  headline: 'headline',
  title: 'headline',
  body: 'body',
  story: 'body',
  text: 'body',
  abstract: 'description',
  summary: 'description',
  byline: 'byline',
  author: 'byline',
  slugline: 'slugline',
  slug: 'slugline',
  dateline: 'dateline',
  category: 'category',
  priority: 'priority',
  'news value': 'urgency',
  urgency: 'urgency',
  ednote: 'ednote',
  "editor's note": 'ednote',
};

/** A text part that is a JSON object of story fields, read by the field names it uses; null otherwise. */
function formFields(text: string): ParsedStory | null {
  if (!/^\s*\{/.test(text)) return null;
  let data: Record<string, unknown> | null = null;
  // A form mailed as `format=flowed` may break a long value across lines: raw line breaks are never JSON.
  for (const candidate of [text, text.replace(/ ?\r?\n/g, ' ')]) {
    try {
      data = asObject(JSON.parse(candidate));
      break;
    } catch {
      continue;
    }
  }
  if (data === null) return null;
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(data)) {
    const field = FORM_FIELDS[key.trim().toLowerCase()];
    const first = Array.isArray(value)
      ? value
          .map(asText)
          .filter((v) => v !== null)
          .join('\n\n')
      : asText(value);
    if (field !== undefined && first) fields[field] ??= first;
  }
  if (fields['headline'] === undefined && fields['body'] === undefined) return null;
  const urgency = Number(fields['urgency']);
  return {
    headline: fields['headline'] ?? null,
    paragraphs: buildParagraphs((fields['body'] ?? '').split(/\r?\n/), 0),
    byline: fields['byline'] ?? null,
    dateline: fields['dateline'] ?? null,
    description: fields['description'] ?? null,
    slugline: fields['slugline'] ?? null,
    ednote: fields['ednote'] ?? null,
    urgency: Number.isInteger(urgency) && urgency >= 1 && urgency <= 9 ? urgency : null,
    envelope: Object.fromEntries(
      (['category', 'priority'] as const).filter((k) => fields[k] !== undefined).map((k) => [k, fields[k] ?? '']),
    ),
  };
}

/**
 * The Subject decoded from the message's own bytes (RFC 2047): each encoded word in its declared charset, except
 * that bytes forming valid UTF-8 are read as UTF-8 whatever the label says (`=?windows-1252?Q?TravTalk’s?=` sent
 * with raw UTF-8 inside), and raw 8-bit text outside encoded words likewise. Null when there is no Subject.
 */
function rawSubject(raw: Buffer): string | null {
  const head = raw.subarray(0, Math.min(raw.length, 262144)).toString('latin1');
  const end = head.search(/\r?\n\r?\n/);
  const match = /^Subject:[ \t]*((?:.*)(?:\r?\n[ \t].*)*)/im.exec(end === -1 ? head : head.slice(0, end));
  if (!match) return null;
  const value = (match[1] ?? '').replace(/\r?\n([ \t])/g, '$1');
  const decoded = value
    .replace(/(\?=)[ \t]+(?==\?)/g, '$1')
    .split(/(=\?[^?\s]+\?[BbQq]\?[^?\s]*\?=)/)
    .map((piece) => {
      const word = /^=\?([^?*]+)(?:\*[^?]*)?\?([BbQq])\?([^?\s]*)\?=$/.exec(piece);
      if (!word) return bytesToText(Buffer.from(piece, 'latin1'), 'utf-8');
      const [, charset = 'utf-8', encoding = 'Q', text = ''] = word;
      const bytes = /b/i.test(encoding)
        ? Buffer.from(text, 'base64')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            'latin1',
          );
      return bytesToText(bytes, charset);
    })
    .join('');
  return decoded.replace(/\s+/g, ' ').trim() || null;
}

function bytesToText(bytes: Buffer, charset: string): string {
  if (/[\x80-\xff]/.test(bytes.toString('latin1'))) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      // Not UTF-8: the declared charset decides.
    }
  }
  try {
    return new TextDecoder(charset.toLowerCase() === 'utf-8' ? 'windows-1252' : charset).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
