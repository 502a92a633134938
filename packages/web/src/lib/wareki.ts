// A tiny 和暦 helper for the browser. packages/domain/src/calendar is meant to own era rules; once it exports
// an equivalent formatter, this file should go and the pages should import that instead.

/** One Japanese era: its names and its first day (ISO date, Japan time). */
interface Era {
  nameJa: string;
  nameEn: string;
  firstDay: string;
}

// Newest first; the next era is one more row.
const ERAS: readonly Era[] = [
  { nameJa: '令和', nameEn: 'Reiwa', firstDay: '2019-05-01' },
  { nameJa: '平成', nameEn: 'Heisei', firstDay: '1989-01-08' },
  { nameJa: '昭和', nameEn: 'Showa', firstDay: '1926-12-25' },
  { nameJa: '大正', nameEn: 'Taisho', firstDay: '1912-07-30' },
  { nameJa: '明治', nameEn: 'Meiji', firstDay: '1868-10-23' },
];

/** A calendar date split into its Gregorian and Japanese-era parts. */
export interface WarekiDate {
  year: number;
  month: number;
  day: number;
  era: { nameJa: string; nameEn: string; year: number } | null;
}

const ISO_DATE = /^(\d{4})-(\d{2})(?:-(\d{2}))?/;

/** Splits an ISO date (YYYY-MM-DD or YYYY-MM) into 西暦 and 和暦 parts; null if it is not one. */
export function parseWareki(isoDate: string): WarekiDate | null {
  const match = ISO_DATE.exec(isoDate);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = match[3] === undefined ? 1 : Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const key = `${match[1] ?? ''}-${match[2] ?? ''}-${String(day).padStart(2, '0')}`;
  const era = ERAS.find((candidate) => candidate.firstDay <= key);
  return {
    year,
    month,
    day,
    era: era
      ? { nameJa: era.nameJa, nameEn: era.nameEn, year: year - Number(era.firstDay.slice(0, 4)) + 1 }
      : null,
  };
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
  const date = parseWareki(isoDate);
  if (!date) return isoDate;
  if (lang === 'en') {
    const western = `${EN_MONTHS[date.month - 1] ?? ''} ${date.year}`;
    return date.era ? `${western} (${date.era.nameEn} ${date.era.year})` : western;
  }
  const western = `${date.year}年${date.month}月`;
  return date.era ? `${date.era.nameJa}${eraYearJa(date.era.year)}年${date.month}月 (${western})` : western;
}

/** A full date in 和暦 and 西暦 together: "令和7年6月30日 (2025年6月30日)" / "30 June 2025 (Reiwa 7)". */
export function formatDate(isoDate: string, lang: 'ja' | 'en'): string {
  const date = parseWareki(isoDate);
  if (!date) return isoDate;
  if (lang === 'en') {
    const western = `${date.day} ${EN_MONTHS[date.month - 1] ?? ''} ${date.year}`;
    return date.era ? `${western} (${date.era.nameEn} ${date.era.year})` : western;
  }
  const western = `${date.year}年${date.month}月${date.day}日`;
  return date.era
    ? `${date.era.nameJa}${eraYearJa(date.era.year)}年${date.month}月${date.day}日 (${western})`
    : western;
}
