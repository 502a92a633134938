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

export { circledNumber } from '@kotei/domain/codes';
