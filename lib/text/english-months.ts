/**
 * The English months' names in lower case, January first, as stories write dates ("October 23"). Written out rather
 * than taken from the date library, which the search script would then load before its first results.
 */
export const ENGLISH_MONTHS: readonly string[] = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
