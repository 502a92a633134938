import { isoDate, parseIsoDate } from './iso-date.js';
import { toJapanDate } from './japan-time.js';

/** The fiscal year (年度) an ISO date falls in: 2025-03-31 is FY2024, 2025-04-01 is FY2025. */
export function fiscalYearOfDate(date: string): number {
  const { year, month } = parseIsoDate(date);
  return month >= 4 ? year : year - 1;
}

/** The fiscal year in Japan at an instant: 2025-03-31T15:00Z is already 2025-04-01 in Tokyo, so FY2025. */
export function fiscalYearOfInstant(instant: Date): number {
  return fiscalYearOfDate(toJapanDate(instant));
}

/** The first day of a fiscal year: FY2025 starts 2025-04-01. */
export function fiscalYearStart(fiscalYear: number): string {
  return isoDate(fiscalYear, 4, 1);
}

/** The last day of a fiscal year: FY2025 ends 2026-03-31. */
export function fiscalYearEnd(fiscalYear: number): string {
  return isoDate(fiscalYear + 1, 3, 31);
}
