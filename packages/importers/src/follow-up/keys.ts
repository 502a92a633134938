import { compactText } from './text.js';

/**
 * Keys that let a later import of the same plan find what an earlier one wrote: the sheet (or goal) number and
 * the normalised name, so re-wrapped lines, full-width digits or wave dashes do not change them.
 */
export function kpiKey(sheetNumber: number, name: string): string {
  return `sheet-${sheetNumber}/kpi/${compactText(name)}`;
}

/** The key of an outcome target of a strategic goal. */
export function outcomeKey(goalNumber: number, name: string): string {
  return `goal-${goalNumber}/outcome/${compactText(name)}`;
}

/** The key of a measure (PlanDocument's MeasureDraft has no key field yet, so callers compute it). */
export function measureKey(sheetNumber: number, title: string): string {
  return `sheet-${sheetNumber}/measure/${compactText(title)}`;
}
