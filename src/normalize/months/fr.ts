import type { MonthNames } from './types.js';

/** French (AFP, Belga, Keystone-ATS, Xinhua). */
export const fr: MonthNames = [
  'janvier janv jan',
  'février fevrier févr fevr fév fev',
  'mars',
  'avril avr',
  'mai',
  'juin',
  'juillet juil',
  'août aout',
  'septembre sept',
  'octobre oct',
  'novembre nov',
  'décembre decembre déc dec',
];
