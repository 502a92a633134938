// Number and label formatting shared by the pages.

/**
 * The language of plan content: titles, names and labels come from Japanese government documents, so they
 * are marked lang="ja" even in the English UI (WCAG 3.1.2, language of parts).
 */
export const CONTENT_LANG = 'ja';

const GROUPED = new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 20 });

/** A number with digit grouping, as the documents print it: 1,365. */
export function formatNumber(value: number): string {
  return GROUPED.format(value);
}

/** The circled number of a sheet (工程表①…⑳); beyond ⑳ Unicode has no single glyph, so "(21)". */
export function circledNumber(value: number): string {
  if (Number.isInteger(value) && value >= 1 && value <= 20) return String.fromCodePoint(0x2460 + value - 1);
  return `(${value})`;
}
