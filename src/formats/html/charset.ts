import { isAscii, isUtf8 } from 'node:buffer';
import { detect } from 'chardet';
import { decodeWindows1252, decoderFor, type Decoded } from '../decode.js';

/** What the bytes of a page arrived with, besides themselves. */
export interface CharsetHints {
  /** The Content-Type header of a fetched page. */
  readonly contentType?: string | null;
  /** The charset a byte-order mark named (the pipeline has already re-encoded such bytes as UTF-8). */
  readonly bom?: string | null;
}

/** Where the charset came from, strongest first (WHATWG encoding sniffing, with detection for the undeclared). */
export type CharsetSource = 'bom' | 'header' | 'meta' | 'utf-8' | 'detected' | 'default';

// `<meta charset="euc-kr">`, `<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">`,
// `<?xml version="1.0" encoding="GB2312"?>` (XHTML, feeds).
const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i;
const XML_ENCODING = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/;
const PRESCAN_BYTES = 4096;
const DETECT_BYTES = 64 * 1024;

/**
 * Decodes a web page or feed: a byte-order mark, then the Content-Type charset, then `<meta charset>` or
 * `http-equiv` (or the XML declaration), then, for undeclared bytes, UTF-8 when they are valid UTF-8 and otherwise
 * the charset `chardet` detects; windows-1252 as the last resort. A declared UTF-8 that is not valid UTF-8 is
 * distrusted (a common server misconfiguration) and detection decides. `charset` is the WHATWG name used.
 */
export function decodeWeb(bytes: Uint8Array, hints: CharsetHints = {}): Decoded & { readonly source: CharsetSource } {
  if (hints.bom) return { ...lenient(bytes, 'utf-8'), charset: hints.bom, source: 'bom' };
  // Pure ASCII reads the same in every charset we decode; valid UTF-8 with high bytes is UTF-8 whatever the page
  // declares: text in a legacy charset is never valid UTF-8 by accident, but UTF-8 pages that still declare the
  // charset they were once written in (`<meta charset="gb2312">` on a UTF-8 page) are common.
  const ascii = isAscii(bytes);
  const asUtf8 = ascii ? null : strictUtf8(bytes);
  if (asUtf8 !== null) return { text: asUtf8, charset: 'utf-8', fallback: false, source: 'utf-8' };
  const declared: Array<[string | null, CharsetSource]> = [
    [charsetParam(hints.contentType), 'header'],
    [prescan(bytes), 'meta'],
  ];
  for (const [label, source] of declared) {
    const decoder = webDecoder(label);
    if (decoder === null || (decoder.encoding === 'utf-8' && !ascii)) continue;
    return { text: decoder.decode(bytes), charset: decoder.encoding, fallback: false, source };
  }
  if (ascii)
    return {
      text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'),
      charset: 'utf-8',
      fallback: false,
      source: 'utf-8',
    };
  const detected = webDecoder(detect(bytes.subarray(0, DETECT_BYTES)));
  if (detected !== null && detected.encoding !== 'utf-8') {
    return { text: detected.decode(bytes), charset: detected.encoding, fallback: false, source: 'detected' };
  }
  return { ...lenient(bytes, 'windows-1252'), source: 'default' };
}

/** The `charset` parameter of a Content-Type header: `text/html; charset="EUC-KR"` → `euc-kr`. */
export function charsetParam(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const match = /;\s*charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType);
  return match?.[1]?.toLowerCase() ?? null;
}

/** The charset a page declares in its first 4 KB, as browsers prescan for it. */
export function prescan(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, PRESCAN_BYTES)).toString(
    'latin1',
  );
  const label = XML_ENCODING.exec(head)?.[1] ?? META_CHARSET.exec(head)?.[1] ?? null;
  return label === null ? null : label.toLowerCase();
}

function webDecoder(label: string | null): ReturnType<typeof decoderFor> {
  if (label === null) return null;
  const decoder = decoderFor(label);
  // A page that says UTF-16 in ASCII-compatible bytes cannot be UTF-16: HTML reads it as UTF-8.
  return decoder?.encoding.startsWith('utf-16') ? decoderFor('utf-8') : decoder;
}

function strictUtf8(bytes: Uint8Array): string | null {
  return isUtf8(bytes) ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8') : null;
}

function lenient(bytes: Uint8Array, label: 'utf-8' | 'windows-1252'): Decoded {
  const text = label === 'utf-8' ? new TextDecoder('utf-8').decode(bytes) : decodeWindows1252(bytes);
  return { text, charset: label, fallback: label !== 'utf-8' };
}
