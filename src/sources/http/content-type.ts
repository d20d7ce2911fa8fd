/** The media type of a Content-Type header, lower-cased, without parameters: `text/html`. */
export function mediaType(contentType: string | null): string | null {
  if (contentType === null) return null;
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === '' ? null : type;
}

// Media types that may hold a page, a feed or wire text (gzipped archives of wire copy too). Everything else (a
// PDF, an image, a video) is skipped.
const TEXTUAL =
  /^(?:text\/[\w.+-]+|application\/(?:[\w.-]+\+)?(?:xml|json)|application\/xhtml\+xml|application\/(?:x-)?gzip)$/;

/**
 * True when a response with this Content-Type is worth parsing: any text type, XML or JSON (feeds, NITF, JSON
 * Feed). A missing header is accepted: the bytes are sniffed instead.
 */
export function accepts(contentType: string | null): boolean {
  const type = mediaType(contentType);
  return type === null || TEXTUAL.test(type);
}
