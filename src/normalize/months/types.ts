/**
 * The month names of one language as datelines print them (date-fns locales' shape, one small module per language):
 * twelve entries, January first, each listing the spellings and abbreviations seen, lower-case, space-separated,
 * without a trailing period.
 */
export type MonthNames = readonly [
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
];
