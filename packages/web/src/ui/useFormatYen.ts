import { useI18n } from '../i18n/useI18n';
import { formatOku, formatYenEnglish } from '../lib/money';

/** Yen as the reader's language writes budgets: 30億円 in Japanese, ¥3 billion in English. */
export function useFormatYen(): (yen: number) => string {
  const { lang } = useI18n();
  return lang === 'ja' ? formatOku : formatYenEnglish;
}
