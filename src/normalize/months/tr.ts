import type { MonthNames } from './types.js';

/** Turkish (Anadolu). */
export const tr: MonthNames = [
  'ocak',
  'şubat',
  'mart',
  'nisan',
  'mayıs',
  'haziran',
  'temmuz',
  'ağustos',
  'eylül',
  'ekim',
  'kasım',
  'aralık',
];
