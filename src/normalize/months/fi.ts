import type { MonthNames } from './types.js';

/** Finnish (STT): the nominative, the partitive dates are printed in (`2. tammikuuta`), and abbreviations. */
export const fi: MonthNames = [
  'tammikuu tammikuuta tammik',
  'helmikuu helmikuuta helmik',
  'maaliskuu maaliskuuta maalisk',
  'huhtikuu huhtikuuta huhtik',
  'toukokuu toukokuuta toukok',
  'kesäkuu kesäkuuta kesäk',
  'heinäkuu heinäkuuta heinäk',
  'elokuu elokuuta elok',
  'syyskuu syyskuuta syysk',
  'lokakuu lokakuuta lokak',
  'marraskuu marraskuuta marrask',
  'joulukuu joulukuuta jouluk',
];
