import type { MonthNames } from './types.js';

/** German (dpa, APA, Keystone-SDA), Austrian `Jänner` included. */
export const de: MonthNames = [
  'januar jänner jän jan',
  'februar feb',
  'märz maerz mrz',
  'april apr',
  'mai',
  'juni jun',
  'juli jul',
  'august aug',
  'september sept sep',
  'oktober okt',
  'november nov',
  'dezember dez',
];
