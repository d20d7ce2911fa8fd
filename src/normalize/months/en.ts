import type { MonthNames } from './types.js';

/** English (AP, Reuters, and every English service), AP and Reuters abbreviations included. */
export const en: MonthNames = [
  'january jan',
  'february feb',
  'march mar',
  'april apr',
  'may',
  'june jun',
  'july jul',
  'august aug',
  'september sept sep',
  'october oct',
  'november nov',
  'december dec',
];
