import type { MonthNames } from './types.js';

/** Dutch (ANP, Belga). */
export const nl: MonthNames = [
  'januari jan',
  'februari feb',
  'maart mrt',
  'april apr',
  'mei',
  'juni jun',
  'juli jul',
  'augustus aug',
  'september sep',
  'oktober okt',
  'november nov',
  'december dec',
];
