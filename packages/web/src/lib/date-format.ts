// Dates as the UI shows them, 和暦 and 西暦 together. The eras are the domain calendar's; this file only writes.

import { eraFirstYear, eraOn } from '@kotei/domain/calendar';

/** A date (YYYY-MM-DD, or YYYY-MM for its first day) with its era year; null when it is not a date. */
function readDate(isoDate: string) {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(isoDate);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = match[3] === undefined ? 1 : Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const era = eraOn(`${match[1] ?? ''}-${match[2] ?? ''}-${String(day).padStart(2, '0')}`);
  return { year, month, day, era: era ? { era, year: year - eraFirstYear(era) + 1 } : null };
}

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** Era year as the documents write it: 元年 for year 1. */
function eraYearJa(year: number): string {
  return year === 1 ? '元' : String(year);
}

/**
 * Year and month in 和暦 and 西暦 together: "令和6年7月 (2024年7月)" in Japanese,
 * "July 2024 (Reiwa 6)" in English. Falls back to the input when it is not a date.
 */
export function formatYearMonth(isoDate: string, lang: 'ja' | 'en'): string {
  const date = readDate(isoDate);
  if (!date) return isoDate;
  if (lang === 'en') {
    const western = `${EN_MONTHS[date.month - 1] ?? ''} ${date.year}`;
    return date.era ? `${western} (${date.era.era.romaji} ${date.era.year})` : western;
  }
  const western = `${date.year}年${date.month}月`;
  return date.era ? `${date.era.era.name}${eraYearJa(date.era.year)}年${date.month}月 (${western})` : western;
}

/** A full date in 和暦 and 西暦 together: "令和7年6月30日 (2025年6月30日)" / "30 June 2025 (Reiwa 7)". */
export function formatDate(isoDate: string, lang: 'ja' | 'en'): string {
  const date = readDate(isoDate);
  if (!date) return isoDate;
  if (lang === 'en') {
    const western = `${date.day} ${EN_MONTHS[date.month - 1] ?? ''} ${date.year}`;
    return date.era ? `${western} (${date.era.era.romaji} ${date.era.year})` : western;
  }
  const western = `${date.year}年${date.month}月${date.day}日`;
  return date.era
    ? `${date.era.era.name}${eraYearJa(date.era.year)}年${date.month}月${date.day}日 (${western})`
    : western;
}
