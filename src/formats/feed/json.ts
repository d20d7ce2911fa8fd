import { isoDate } from '../html/metadata.js';
import type { Feed, FeedItem } from './xml.js';

/**
 * Parses a JSON Feed (https://jsonfeed.org/version/1.1, and version 1's `author`). The document is outside input:
 * every field is checked before use, and a document that is not a feed gives null.
 */
export function parseJsonFeed(text: string): Feed | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isObject(data) || !Array.isArray(data['items'])) return null;
  const items: FeedItem[] = [];
  for (const raw of data['items'] as unknown[]) {
    if (!isObject(raw)) continue;
    items.push({
      title: str(raw['title']),
      link: str(raw['url']) ?? str(raw['external_url']),
      author: authorOf(raw),
      published: isoDate(str(raw['date_published']) ?? str(raw['date_modified'])),
      html: str(raw['content_html']) ?? escapeText(str(raw['content_text'])) ?? escapeText(str(raw['summary'])),
    });
  }
  return { title: str(data['title']), language: str(data['language']), author: authorOf(data), items };
}

function authorOf(object: Record<string, unknown>): string | null {
  const authors = Array.isArray(object['authors']) ? (object['authors'] as unknown[]) : [object['author']];
  const names = authors
    .map((author) => (isObject(author) ? str(author['name']) : null))
    .filter((name) => name !== null);
  return names.length > 0 ? names.join(', ') : null;
}

/** Plain text as HTML paragraphs, so that every item's content goes through one path. */
function escapeText(text: string | null): string | null {
  if (text === null) return null;
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return escaped
    .split(/\n\s*\n/)
    .map((paragraph) => `<p>${paragraph}</p>`)
    .join('');
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
