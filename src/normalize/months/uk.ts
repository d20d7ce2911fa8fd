import type { MonthNames } from './types.js';

/** Ukrainian (Ukrinform): the nominative and the genitive (`14 жовтня`). */
export const uk: MonthNames = [
  'січень січня',
  'лютий лютого',
  'березень березня',
  'квітень квітня',
  'травень травня',
  'червень червня',
  'липень липня',
  'серпень серпня',
  'вересень вересня',
  'жовтень жовтня',
  'листопад листопада',
  'грудень грудня',
];
