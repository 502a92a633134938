// Money as the documents write it: yen are stored as integers, shown in 億円 (10^8 yen) as precise as the source.

import { formatNumber } from './format';

const OKU = 100_000_000;

/**
 * A whole number of yen divided by a power of ten, written exactly (no binary-fraction artefacts): the integer
 * part with digit grouping, the fraction without trailing zeros.
 */
function divideExactly(yen: number, divisor: number, digits: number): string {
  const sign = yen < 0 ? '-' : '';
  const magnitude = Math.abs(Math.trunc(yen));
  const whole = Math.floor(magnitude / divisor);
  const fraction = String(magnitude % divisor)
    .padStart(digits, '0')
    .replace(/0+$/, '');
  return `${sign}${formatNumber(whole)}${fraction ? `.${fraction}` : ''}`;
}

/** Yen in 億円 with the source's precision: 3000000000 → "30", 930000000 → "9.3", 117000000 → "1.17". */
export function formatOkuNumber(yen: number): string {
  return divideExactly(yen, OKU, 8);
}

/** Yen in 億円 as the documents print it: "30億円", "9.3億円", "1.17億円". */
export function formatOku(yen: number): string {
  return `${formatOkuNumber(yen)}億円`;
}

/** Yen for English readers, exact: 3000000000 → "¥3 billion", 930000000 → "¥930 million". */
export function formatYenEnglish(yen: number): string {
  if (Math.abs(yen) >= 1_000_000_000) return `¥${divideExactly(yen, 1_000_000_000, 9)} billion`;
  if (Math.abs(yen) >= 1_000_000) return `¥${divideExactly(yen, 1_000_000, 6)} million`;
  return `¥${formatNumber(yen)}`;
}
