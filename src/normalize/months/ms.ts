import type { MonthNames } from './types.js';

/** Malay (Bernama). */
export const ms: MonthNames = [
  'januari jan',
  'februari feb',
  'mac',
  'april apr',
  'mei',
  'jun',
  'julai jul',
  'ogos ogo',
  'september sept sep',
  'oktober okt',
  'november nov',
  'disember dis',
];
