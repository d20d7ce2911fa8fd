import type { FormatName } from '../types.js';

/**
 * The parsers `--format` can name, without loading them: the CLI builds its choices from this list and starts
 * faster for it. `FORMATS` in index.ts must register exactly these (a test checks).
 */
export const PARSER_NAMES: readonly FormatName[] = [
  'plain',
  'anpa',
  'iptc7901',
  'nitf',
  'newsml',
  'newsml1',
  'rcv1',
  'sgml',
  'html',
  'feed',
  'wxr',
  'ninjs',
  'apmedia',
  'ritzau',
  'ntbinfo',
  'article-json',
  'article-xml',
  'email',
  'wire',
];
