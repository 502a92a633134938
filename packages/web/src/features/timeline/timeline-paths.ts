// Addresses and labels the timeline's parts share.
import { useI18n } from '../../i18n/useI18n';
import { circledNumber } from '../../lib/format';

/** Paths of the timeline views, keeping the reference date and the zoom chosen. */
export function timelinePath(slug: string, sheetNumber: number | null, search: URLSearchParams): string {
  const base =
    sheetNumber === null
      ? `/plans/${encodeURIComponent(slug)}/timeline`
      : `/plans/${encodeURIComponent(slug)}/sheets/${sheetNumber}/timeline`;
  const kept = new URLSearchParams();
  for (const key of ['at', 'scale']) {
    const value = search.get(key);
    if (value) kept.set(key, value);
  }
  const query = kept.toString();
  return query ? `${base}?${query}` : base;
}

export function sheetLabel(t: ReturnType<typeof useI18n>['t'], sheet: { number: number }): string {
  return t('plan.sheet.number', { number: circledNumber(sheet.number) });
}
