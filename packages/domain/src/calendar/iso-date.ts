/** An ISO date split into numbers; month and day count from 1. */
export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** The years the calendar reads and writes: four digits, and FY9998 still ends inside 9999. */
export const YEAR_RANGE = { min: 1000, max: 9998 } as const;

/** Whether a year is a whole number inside {@link YEAR_RANGE}. */
export function isSupportedYear(year: number): boolean {
  return Number.isInteger(year) && year >= YEAR_RANGE.min && year <= YEAR_RANGE.max;
}

/** The ISO date (YYYY-MM-DD) of a year, month and day, without checking that the day exists. */
export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Splits an ISO date (YYYY-MM-DD); throws RangeError for anything else, as a date here is already data. */
export function parseIsoDate(text: string): DateParts {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const [year, month, day] = (match?.slice(1) ?? []).map(Number);
  if (year === undefined || month === undefined || day === undefined || month < 1 || month > 12) {
    throw new RangeError(`Not an ISO date: "${text}"`);
  }
  if (day < 1 || day > daysInMonth(year, month)) throw new RangeError(`No such day: "${text}"`);
  return { year, month, day };
}

/** The number of days in a month of the Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC keeps the process zone out of it.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
