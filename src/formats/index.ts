import type { FormatName } from '../types.js';
import { anpa } from './anpa.js';
import type { Format } from './format.js';
import { iptc7901 } from './iptc7901.js';
import { newsml } from './newsml.js';
import { nitf } from './nitf.js';
import { plain } from './plain-format.js';
import { rcv1 } from './rcv1.js';
import { sgml } from './sgml.js';
import { feed, html } from './web-formats.js';

/** The formats `--format` can name, by name. */
export const FORMATS: ReadonlyMap<FormatName, Format> = new Map<FormatName, Format>([
  ['plain', plain],
  ['anpa', anpa],
  ['iptc7901', iptc7901],
  ['nitf', nitf],
  ['newsml', newsml],
  ['rcv1', rcv1],
  ['sgml', sgml],
  ['html', html],
  ['feed', feed],
]);

/** The names `--format` accepts. */
export const FORMAT_NAMES: readonly string[] = ['auto', ...FORMATS.keys()];

export { PARSER_NAMES } from './names.js';
