/**
 * A civil (calendar) date 'YYYY-MM-DD' in Europe/Stockholm, never a timestamp: business dates
 * have no time of day, so they must not drift with time zones.
 *
 * The format is fixed-width and zero-padded, so plain string comparison (`a < b`, `a <= b`)
 * orders civil dates correctly; the code relies on that instead of parsing.
 */
export type CivilDate = string;

const CIVIL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const isLeapYear = (year: number): boolean =>
  (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

/**
 * Format and a real calendar date: '2023-02-29' is not one, '2024-02-29' is. The calendar
 * has no year 0 (1 BC precedes AD 1), and PostgreSQL refuses to store '0000-…' as a date.
 */
export const isCivilDate = (s: string): boolean => {
  const match = CIVIL_DATE.exec(s);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
};

export const yearOf = (d: CivilDate): number => Number(d.slice(0, 4));

/*
 * Day number since 1970-01-01 by Howard Hinnant's days_from_civil: pure integer arithmetic,
 * so no Date object, time zone or daylight saving time can shift a day.
 */
const dayNumber = (d: CivilDate): number => {
  const month = Number(d.slice(5, 7));
  const day = Number(d.slice(8, 10));
  const year = yearOf(d) - (month <= 2 ? 1 : 0);
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
};

/** Whole days from `from` to `to`; negative when `to` is earlier. */
export const daysBetween = (from: CivilDate, to: CivilDate): number =>
  dayNumber(to) - dayNumber(from);

/** The date `days` later (earlier when negative), in whole calendar days. */
export const daysLater = (date: CivilDate, days: number): CivilDate => {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
};

/** The same day `years` later; 29 February becomes 1 March in a year without it. */
export const yearsLater = (date: CivilDate, years: number): CivilDate => {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCFullYear(day.getUTCFullYear() + years);
  return day.toISOString().slice(0, 10);
};
