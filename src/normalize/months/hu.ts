import type { MonthNames } from './types.js';

/** Hungarian (MTI), printed year first (`2023. október 14.`). */
export const hu: MonthNames = [
  'január jan',
  'február febr',
  'március márc',
  'április ápr',
  'május máj',
  'június jún',
  'július júl',
  'augusztus aug',
  'szeptember szept',
  'október okt',
  'november nov',
  'december dec',
];
