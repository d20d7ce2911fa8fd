import type { MonthNames } from './types.js';

/** Indonesian (Antara). */
export const id: MonthNames = [
  'januari jan',
  'februari feb',
  'maret mar',
  'april apr',
  'mei',
  'juni jun',
  'juli jul',
  'agustus agu agt',
  'september sep',
  'oktober okt',
  'november nov',
  'desember des',
];
