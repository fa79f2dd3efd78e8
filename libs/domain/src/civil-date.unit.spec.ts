import { daysBetween, daysLater, isCivilDate, yearOf } from './civil-date.js';

describe('isCivilDate', () => {
  it.each(['2024-02-29', '2025-01-01', '2025-12-31', '2025-04-30'])('accepts %s', (date) => {
    expect(isCivilDate(date)).toBe(true);
  });

  it.each([
    '2023-02-29',
    '2025-04-31',
    '2025-13-01',
    '2025-00-10',
    '2025-01-00',
    '2025-1-01',
    '20250101',
    '2025-01-01T00:00:00Z',
    ' 2025-01-01',
    '',
  ])('rejects %j', (date) => {
    expect(isCivilDate(date)).toBe(false);
  });

  it('follows the Gregorian century rule for leap years', () => {
    expect(isCivilDate('2000-02-29')).toBe(true);
    expect(isCivilDate('2100-02-29')).toBe(false);
  });

  it('rejects the year 0, which the calendar (and a PostgreSQL date) does not have', () => {
    expect(isCivilDate('0000-01-01')).toBe(false);
    expect(isCivilDate('0000-02-29')).toBe(false);
    expect(isCivilDate('0001-01-01')).toBe(true);
    expect(isCivilDate('9999-12-31')).toBe(true);
  });
});

describe('yearOf', () => {
  it('returns the calendar year', () => {
    expect(yearOf('2025-12-31')).toBe(2025);
  });
});

describe('daysBetween', () => {
  it('counts whole days forward', () => {
    expect(daysBetween('2025-01-01', '2025-01-31')).toBe(30);
  });

  it('is negative when the second date is earlier', () => {
    expect(daysBetween('2025-01-31', '2025-01-01')).toBe(-30);
  });

  it('is zero for the same day', () => {
    expect(daysBetween('2025-06-30', '2025-06-30')).toBe(0);
  });

  it('counts the leap day', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });

  it('does not drift across the daylight saving changes', () => {
    expect(daysBetween('2025-03-29', '2025-03-31')).toBe(2);
    expect(daysBetween('2025-10-25', '2025-10-27')).toBe(2);
  });

  it('spans decades', () => {
    expect(daysBetween('1970-01-01', '2000-01-01')).toBe(10957);
  });
});

describe('daysLater', () => {
  it('moves over month, year and leap-day boundaries', () => {
    expect(daysLater('2024-02-28', 1)).toBe('2024-02-29');
    expect(daysLater('2023-02-28', 1)).toBe('2023-03-01');
    expect(daysLater('2024-12-31', 1)).toBe('2025-01-01');
    expect(daysLater('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysLater('2024-01-01', 366)).toBe('2025-01-01');
  });

  it('is the inverse of daysBetween', () => {
    expect(daysBetween('2023-07-01', daysLater('2023-07-01', 200))).toBe(200);
  });
});

describe('civil date comparison', () => {
  it('orders as plain strings', () => {
    expect('2024-12-31' < '2025-01-01').toBe(true);
    expect('2025-09-30' < '2025-10-01').toBe(true);
  });
});
