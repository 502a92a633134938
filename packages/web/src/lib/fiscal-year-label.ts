// Fiscal years as the UI shows them: 和暦 and 西暦 together. Uses the domain calendar, so only lazily loaded
// modules import this file.

import { fiscalYearEnd, fiscalYearStart, formatWareki, formatYearBoth } from '@kotei/domain/calendar';
import type { Lang, MessageParams } from '../i18n/catalogue';
import type { MessageKey } from '../i18n/ja';

/**
 * "令和6年度 (2024)" in Japanese; "FY2024 (R6)" in English, where the era letter is the form KPI cells use.
 */
export function formatFiscalYear(
  year: number,
  lang: Lang,
  t: (key: MessageKey, params?: MessageParams) => string,
): string {
  if (lang === 'ja') return formatYearBoth(year, { fiscal: true });
  return t('timeline.axis.fiscalYear', { year, era: formatWareki(year, { fiscal: true, style: 'letter' }) });
}

/** The fiscal year a period is exactly (2028-04-01..2029-03-31 is FY2028), or null for any other span. */
export function exactFiscalYear(period: {
  fiscalYear: number | null;
  start: string;
  end: string | null;
}): number | null {
  const year = period.fiscalYear;
  if (year === null || period.end === null) return null;
  return period.start === fiscalYearStart(year) && period.end === fiscalYearEnd(year) ? year : null;
}

/** A KPI year in 西暦 with its era letter, as KPI cells write it: 2028 → "2028 (R10)". */
export function formatKpiYear(year: number): string {
  return `${year} (${formatWareki(year, { fiscal: true, style: 'letter' })})`;
}
