import type { MonthNames } from './types.js';

/** Romanian (Agerpres). */
export const ro: MonthNames = [
  'ianuarie ian',
  'februarie feb',
  'martie mar',
  'aprilie apr',
  'mai',
  'iunie iun',
  'iulie iul',
  'august aug',
  'septembrie sept sep',
  'octombrie oct',
  'noiembrie noi nov',
  'decembrie dec',
];
