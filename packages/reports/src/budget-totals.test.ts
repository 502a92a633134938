import { describe, expect, it } from 'vitest';
import type { BudgetProject } from '@kotei/contracts';
import { budgetTotals } from './budget-totals.js';

const project = (id: string, ministry: string | null, lines: BudgetProject['lines']): BudgetProject => ({
  id,
  name: id,
  ministry,
  lines,
});

describe('budgetTotals', () => {
  const ecosystem = project('創薬エコシステム発展支援事業', '厚', [
    {
      amountYen: 3_000_000_000,
      fiscalYear: 2024,
      type: 'supplementary',
      isPartOf: false,
      label: '令和6年度補正予算30億円',
    },
  ]);
  const base = project('創薬基盤強化支援事業', '厚', [
    {
      amountYen: 930_000_000,
      fiscalYear: 2025,
      type: 'initial',
      isPartOf: false,
      label: '令和7年度当初予算9.3億円',
    },
  ]);
  const bridge = project('橋渡し研究プログラム', '文', [
    { amountYen: null, fiscalYear: null, type: 'fund', isPartOf: false, label: '基金事業' },
    {
      amountYen: 5_400_000_000,
      fiscalYear: 2025,
      type: 'initial',
      isPartOf: false,
      label: '令和7年度当初予算54億円',
    },
    { amountYen: 10_000_000_000, fiscalYear: 2025, type: 'initial', isPartOf: true, label: '100億円の内数' },
  ]);

  it('counts a reposted project once and never adds 内数 lines', () => {
    const totals = budgetTotals([ecosystem, base, bridge, ecosystem]);
    expect(totals.total).toEqual({ yen: 9_330_000_000, lines: 3 });
    expect(totals.partOf).toEqual({ yen: 10_000_000_000, lines: 1 });
    expect(totals.withoutAmount).toBe(1);
    expect(totals.projects).toBe(3);
  });

  it('sums per ministry, largest first, and per type and fiscal year', () => {
    const totals = budgetTotals([ecosystem, base, bridge]);
    expect(totals.byMinistry).toEqual([
      { ministry: '文', total: { yen: 5_400_000_000, lines: 1 } },
      { ministry: '厚', total: { yen: 3_930_000_000, lines: 2 } },
    ]);
    expect(totals.byTypeAndYear).toEqual([
      { type: 'supplementary', fiscalYear: 2024, total: { yen: 3_000_000_000, lines: 1 } },
      { type: 'initial', fiscalYear: 2025, total: { yen: 6_330_000_000, lines: 2 } },
    ]);
  });
});
