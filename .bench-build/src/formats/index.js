import { plain } from './plain-format.js';
/** The formats `--format` can name, by name. */
export const FORMATS = new Map([['plain', plain]]);
/** The names `--format` accepts. */
export const FORMAT_NAMES = ['auto', ...FORMATS.keys()];
