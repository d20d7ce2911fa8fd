import type { MonthNames } from './types.js';

/** Russian (TASS, Interfax, RIA Novosti): the nominative and the genitive (`14 октября`). */
export const ru: MonthNames = [
  'январь января янв',
  'февраль февраля фев',
  'март марта мар',
  'апрель апреля апр',
  'май мая',
  'июнь июня июн',
  'июль июля июл',
  'август августа авг',
  'сентябрь сентября сен сент',
  'октябрь октября окт',
  'ноябрь ноября ноя',
  'декабрь декабря дек',
];
