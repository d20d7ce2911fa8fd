import { createRequire } from 'node:module';
import type * as Entities from 'entities';

/** Text helpers of the superdesk bench: Superdesk's HTML and Python patterns as the plain text wire's body is. */

const decodeHTML = (createRequire(import.meta.url)('entities') as typeof Entities).decodeHTML;

const BLOCK = /^\/?(?:p|div|br|hr|h[1-6]|li|ul|ol|table|tr|td|th|pre|blockquote|section|article|dd|dt)\b/i;

/** Superdesk's HTML as text: tags out (block tags as spaces), entities decoded until stable, whitespace collapsed. */
export function htmlText(html: string): string {
  let text = html.replace(/<([^>]*)>/g, (_m, tag: string) => (BLOCK.test(tag) ? ' ' : ''));
  for (let i = 0; i < 5; i++) {
    const next = decodeHTML(text);
    if (next === text) break;
    text = next;
  }
  return squash(text);
}

/** A Python pattern with its tags taken out and its literal whitespace collapsed, as the body text has it. */
export function patternText(pattern: string): string {
  return pattern
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^\^ /, '^');
}
export function regex(pattern: string): RegExp {
  try {
    return new RegExp(pattern, 'u');
  } catch {
    return new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  }
}
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
export function alnum(text: string): string {
  return text.replace(/[^\p{L}\p{N}]+/gu, '');
}
export function lower(value: unknown): string {
  return typeof value === 'string' ? value.toLowerCase() : '';
}
export function str(value: unknown): string {
  return typeof value === 'string' ? value : value === null || value === undefined ? '' : JSON.stringify(value);
}
