import type { MonthNames } from './types.js';

/** Croatian (HINA): the nominative and the genitive (`14. listopada`). */
export const hr: MonthNames = [
  'siječanj siječnja',
  'veljača veljače',
  'ožujak ožujka',
  'travanj travnja',
  'svibanj svibnja',
  'lipanj lipnja',
  'srpanj srpnja',
  'kolovoz kolovoza',
  'rujan rujna',
  'listopad listopada',
  'studeni studenoga studenog',
  'prosinac prosinca',
];
