import { parseIsoDate } from '../calendar/iso-date.js';

/**
 * A number as the reports write it: grouped by thousands (1,365), at most `maxFractionDigits` decimals, no
 * trailing zeros (10, not 10.00). Written by hand so the output never depends on the runtime's locale data.
 */
export function formatNumber(value: number, maxFractionDigits = 2): string {
  if (!Number.isFinite(value)) return String(value);
  const fixed = Math.abs(value).toFixed(maxFractionDigits);
  const [whole = '0', fraction = ''] = fixed.split('.');
  const trimmed = fraction.replace(/0+$/u, '');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/gu, ',');
  const text = trimmed === '' ? grouped : `${grouped}.${trimmed}`;
  return value < 0 && /[1-9]/u.test(text) ? `-${text}` : text;
}

/** A ratio as a percentage with one decimal: 0.9504 → 95%, 1.421 → 142.1%. */
export function formatPercent(ratio: number): string {
  return `${formatNumber(ratio * 100, 1)}%`;
}

/** A growth rate with its sign: 0.0123 → +1.23%, −0.004 → −0.4%. */
export function formatSignedPercent(rate: number): string {
  const text = formatNumber(rate * 100, 2);
  return rate > 0 && text !== '0' ? `+${text}%` : `${text}%`;
}

/** Whether a KPI's years are fiscal (年度, April–March) or calendar (年), as its periods say. */
export type YearKind = 'fiscal' | 'calendar';

/** A year as Japanese text writes it: 2024年度, or 2028年 for a calendar year. */
export function yearLabelJa(year: number, kind: YearKind): string {
  return kind === 'fiscal' ? `${year}年度` : `${year}年`;
}

/** A year as English text writes it: FY2024, or 2028 for a calendar year. */
export function yearLabelEn(year: number, kind: YearKind): string {
  return kind === 'fiscal' ? `FY${year}` : String(year);
}

/** A range of years in Japanese with an en dash: 2024–2028年度. */
export function yearRangeJa(from: number, to: number, kind: YearKind): string {
  return from === to ? yearLabelJa(to, kind) : `${from}–${yearLabelJa(to, kind)}`;
}

/** A range of years in English: FY2024–FY2028. */
export function yearRangeEn(from: number, to: number, kind: YearKind): string {
  return from === to ? yearLabelEn(to, kind) : `${yearLabelEn(from, kind)}–${yearLabelEn(to, kind)}`;
}

/** An ISO date in Japanese: 2025-06-30 → 2025年6月30日. */
export function dateJa(date: string): string {
  const { year, month, day } = parseIsoDate(date);
  return `${year}年${month}月${day}日`;
}
