import type { MonthNames } from './types.js';

/** Serbian in Latin script (Tanjug). */
export const sr: MonthNames = [
  'januar',
  'februar',
  'mart',
  'april',
  'maj',
  'jun',
  'jul',
  'avgust',
  'septembar',
  'oktobar',
  'novembar',
  'decembar',
];
