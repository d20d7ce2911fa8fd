import type { MonthNames } from './types.js';

/** Swedish (TT). */
export const sv: MonthNames = [
  'januari jan',
  'februari feb',
  'mars mar',
  'april apr',
  'maj',
  'juni jun',
  'juli jul',
  'augusti aug',
  'september sep sept',
  'oktober okt',
  'november nov',
  'december dec',
];
