import type { MonthNames } from './types.js';

/** Slovenian (STA): the nominative and the genitive (`14. oktobra`). */
export const sl: MonthNames = [
  'januar januarja',
  'februar februarja',
  'marec marca',
  'april aprila',
  'maj maja',
  'junij junija',
  'julij julija',
  'avgust avgusta',
  'september septembra',
  'oktober oktobra',
  'november novembra',
  'december decembra',
];
