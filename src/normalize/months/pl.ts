import type { MonthNames } from './types.js';

/** Polish (PAP): the nominative and the genitive (`14 października`). */
export const pl: MonthNames = [
  'styczeń stycznia',
  'luty lutego',
  'marzec marca',
  'kwiecień kwietnia',
  'maj maja',
  'czerwiec czerwca',
  'lipiec lipca',
  'sierpień sierpnia',
  'wrzesień września',
  'październik października',
  'listopad listopada',
  'grudzień grudnia',
];
