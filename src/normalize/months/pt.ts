import type { MonthNames } from './types.js';

/** Portuguese (Lusa, Agência Brasil, AFP, Xinhua). */
export const pt: MonthNames = [
  'janeiro jan',
  'fevereiro fev',
  'março marco mar',
  'abril abr',
  'maio mai',
  'junho jun',
  'julho jul',
  'agosto ago',
  'setembro set',
  'outubro out',
  'novembro nov',
  'dezembro dez',
];
