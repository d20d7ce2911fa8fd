import type { MonthNames } from './types.js';

/** Catalan (ACN, EFE's Catalan service). */
export const ca: MonthNames = [
  'gener gen',
  'febrer febr',
  'març',
  'abril abr',
  'maig',
  'juny',
  'juliol jul',
  'agost ag',
  'setembre set',
  'octubre oct',
  'novembre nov',
  'desembre des',
];
