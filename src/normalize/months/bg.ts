import type { MonthNames } from './types.js';

/** Bulgarian (BTA). */
export const bg: MonthNames = [
  'януари',
  'февруари',
  'март',
  'април',
  'май',
  'юни',
  'юли',
  'август',
  'септември',
  'октомври',
  'ноември',
  'декември',
];
