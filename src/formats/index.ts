import type { FormatName } from '../types.js';
import { anpa } from './anpa.js';
import { apmedia } from './apmedia.js';
import { articleJson } from './article-json.js';
import { articleXml } from './article-xml.js';
import { email } from './email.js';
import type { Format } from './format.js';
import { iptc7901 } from './iptc7901.js';
import { newsml } from './newsml.js';
import { newsml1 } from './newsml1.js';
import { ninjs } from './ninjs.js';
import { nitf } from './nitf.js';
import { plain } from './plain-format.js';
import { rcv1 } from './rcv1.js';
import { ntbinfo } from './ntbinfo.js';
import { ritzau } from './ritzau.js';
import { sgml } from './sgml.js';
import { feed, html } from './web-formats.js';
import { wire } from './wire-json.js';
import { wxr } from './wxr.js';

/** The formats `--format` can name, by name. */
export const FORMATS: ReadonlyMap<FormatName, Format> = new Map<FormatName, Format>([
  ['plain', plain],
  ['anpa', anpa],
  ['iptc7901', iptc7901],
  ['nitf', nitf],
  ['newsml', newsml],
  ['newsml1', newsml1],
  ['rcv1', rcv1],
  ['sgml', sgml],
  ['html', html],
  ['feed', feed],
  ['wxr', wxr],
  ['ninjs', ninjs],
  ['apmedia', apmedia],
  ['ritzau', ritzau],
  ['ntbinfo', ntbinfo],
  ['article-json', articleJson],
  ['article-xml', articleXml],
  ['email', email],
  ['wire', wire],
]);

/** The names `--format` accepts. */
export const FORMAT_NAMES: readonly string[] = ['auto', ...FORMATS.keys()];

export { PARSER_NAMES } from './names.js';
