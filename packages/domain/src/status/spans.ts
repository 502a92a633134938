/** A value whose period may cover several years, and whether it is their average or their total. */
export interface SpannedValue {
  value: number;
  /** The year holding the period's end. */
  year: number;
  /** The first year the period covers. */
  fromYear: number;
  /** True when the value is an average over the years (R3～R5平均, or a rate such as a %), false for a total. */
  isAverage: boolean;
}

// A share or a rate over several years can only be an average of them: 80% for R3～R5 is not 240%.
const RATE_UNITS = new Set(['%', '％', '割', 'ポイント', 'pt']);

/** Whether a unit names a rate or a share (%), which cannot be added up over years or units. */
export function isRateUnit(unit: string): boolean {
  return RATE_UNITS.has(unit.trim());
}

/** How many years a period covers: 6 for H30～R5 (FY2018–FY2023), 1 for a single year. */
export function spanYears(point: { year: number; fromYear: number }): number {
  return point.year - point.fromYear + 1;
}

/**
 * Whether a value written for several years is their average rather than their total: the label says 平均
 * (R3～R5平均), or the unit is a rate (`isRate`, {@link isRateUnit} of the KPI's unit, read once per KPI).
 * Anything else over several years (H30～R5 12件) is a total.
 */
export function isAverageOverYears(label: string, isRate: boolean): boolean {
  return isRate || label.includes('平均');
}

/** The value for one year of the span: a total ÷ its years (12件 over 6 years → 2件), an average as it stands. */
export function perYearValue(point: SpannedValue): number {
  const years = point.year - point.fromYear + 1;
  return point.isAverage || years <= 1 ? point.value : point.value / years;
}

/** The total over the span: a total as it stands, an average × its years. */
export function totalOverSpan(point: SpannedValue): number {
  const years = point.year - point.fromYear + 1;
  return !point.isAverage || years <= 1 ? point.value : point.value * years;
}
