import type { MonthNames } from './types.js';

/** Italian (ANSA, AGI). */
export const it: MonthNames = [
  'gennaio genn gen',
  'febbraio febbr feb',
  'marzo mar',
  'aprile apr',
  'maggio magg mag',
  'giugno giu',
  'luglio lug',
  'agosto ago',
  'settembre sett set',
  'ottobre ott',
  'novembre nov',
  'dicembre dic',
];
