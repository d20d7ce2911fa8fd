import type { MonthNames } from './types.js';

/** Slovak (TASR): the nominative and the genitive (`14. októbra`). */
export const sk: MonthNames = [
  'január januára',
  'február februára',
  'marec marca',
  'apríl apríla',
  'máj mája',
  'jún júna',
  'júl júla',
  'august augusta',
  'september septembra',
  'október októbra',
  'november novembra',
  'december decembra',
];
