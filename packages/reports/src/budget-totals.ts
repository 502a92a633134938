import type { BudgetProject } from '@kotei/contracts';
import { classifyBudgetLine, type BudgetType } from '@kotei/domain';

/** A sum of yen with how many budget lines went into it. */
export interface YenTotal {
  yen: number;
  lines: number;
}

/** Budget totals of a set of projects, as the dashboard and the report show them. */
export interface BudgetTotals {
  /** Per ministry code (null: no ministry given), counted lines only. */
  byMinistry: { ministry: string | null; total: YenTotal }[];
  /** Per budget type and fiscal year, counted lines only. */
  byTypeAndYear: { type: BudgetType; fiscalYear: number | null; total: YenTotal }[];
  /** Everything counted. */
  total: YenTotal;
  /** 内数 lines: shown apart, never added, since they are shares of budgets counted elsewhere. */
  partOf: YenTotal;
  /** Lines without an amount (基金事業 and the like). */
  withoutAmount: number;
  /** Distinct projects. */
  projects: number;
}

const add = (total: YenTotal, yen: number): void => {
  total.yen += yen;
  total.lines += 1;
};

/**
 * Sum budget lines per ministry and per type and year. A project listed under several measures (再掲) is
 * counted once; each line takes the role the domain's 内数 rule gives it (classifyBudgetLine): added, kept apart
 * as 内数 and never added, or only counted for want of an amount.
 */
export function budgetTotals(projects: readonly BudgetProject[]): BudgetTotals {
  const seen = new Set<string>();
  const byMinistry = new Map<string | null, YenTotal>();
  const byTypeAndYear = new Map<string, { type: BudgetType; fiscalYear: number | null; total: YenTotal }>();
  const total: YenTotal = { yen: 0, lines: 0 };
  const partOf: YenTotal = { yen: 0, lines: 0 };
  let withoutAmount = 0;
  for (const project of projects) {
    if (seen.has(project.id)) continue;
    seen.add(project.id);
    for (const line of project.lines) {
      const share = classifyBudgetLine(line);
      if (share.role === 'without-amount') {
        withoutAmount += 1;
        continue;
      }
      if (share.role === 'part-of') {
        add(partOf, share.yen);
        continue;
      }
      add(total, share.yen);
      const ministry = byMinistry.get(project.ministry) ?? { yen: 0, lines: 0 };
      add(ministry, share.yen);
      byMinistry.set(project.ministry, ministry);
      const key = `${line.type}:${line.fiscalYear ?? ''}`;
      const typeYear = byTypeAndYear.get(key) ?? {
        type: line.type,
        fiscalYear: line.fiscalYear,
        total: { yen: 0, lines: 0 },
      };
      add(typeYear.total, share.yen);
      byTypeAndYear.set(key, typeYear);
    }
  }
  return {
    byMinistry: [...byMinistry]
      .map(([ministry, t]) => ({ ministry, total: t }))
      .sort((a, b) => b.total.yen - a.total.yen),
    byTypeAndYear: [...byTypeAndYear.values()].sort(
      (a, b) => (a.fiscalYear ?? 0) - (b.fiscalYear ?? 0) || a.type.localeCompare(b.type),
    ),
    total,
    partOf,
    withoutAmount,
    projects: seen.size,
  };
}
