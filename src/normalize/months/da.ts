import type { MonthNames } from './types.js';

/** Danish (Ritzau). */
export const da: MonthNames = [
  'januar jan',
  'februar feb',
  'marts mar',
  'april apr',
  'maj',
  'juni jun',
  'juli jul',
  'august aug',
  'september sep sept',
  'oktober okt',
  'november nov',
  'december dec',
];
