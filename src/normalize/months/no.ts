import type { MonthNames } from './types.js';

/** Norwegian (NTB). */
export const no: MonthNames = [
  'januar jan',
  'februar feb',
  'mars mar',
  'april apr',
  'mai',
  'juni jun',
  'juli jul',
  'august aug',
  'september sep sept',
  'oktober okt',
  'november nov',
  'desember des',
];
