import type { BudgetProject } from '@kotei/contracts';

/**
 * Budget totals in yen per fiscal year and budget type. 内数 lines (a share of a larger budget) are shown by
 * the report but never added, and a project listed under several measures (再掲) is counted once.
 */
export function sumBudgets(projects: readonly BudgetProject[]): Map<string, number> {
  const totals = new Map<string, number>();
  const seen = new Set<string>();
  for (const project of projects) {
    if (seen.has(project.id)) continue;
    seen.add(project.id);
    for (const line of project.lines) {
      if (line.isPartOf || line.amountYen === null) continue;
      const key = `${line.fiscalYear ?? '-'}:${line.type}`;
      totals.set(key, (totals.get(key) ?? 0) + line.amountYen);
    }
  }
  return totals;
}
