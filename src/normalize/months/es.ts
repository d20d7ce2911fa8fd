import type { MonthNames } from './types.js';

/** Spanish (EFE, Europa Press, Xinhua, Prensa Latina). */
export const es: MonthNames = [
  'enero ene',
  'febrero feb febr',
  'marzo mar',
  'abril abr',
  'mayo may',
  'junio jun',
  'julio jul',
  'agosto ago',
  'septiembre setiembre sept sep set',
  'octubre oct',
  'noviembre nov',
  'diciembre dic',
];
