import type { MonthNames } from './types.js';

/** Czech (ČTK): the nominative and the genitive dates are printed in (`14. října`). */
export const cs: MonthNames = [
  'leden ledna',
  'únor února',
  'březen března',
  'duben dubna',
  'květen května',
  'červen června',
  'červenec července',
  'srpen srpna',
  'září',
  'říjen října',
  'listopad listopadu',
  'prosinec prosince',
];
