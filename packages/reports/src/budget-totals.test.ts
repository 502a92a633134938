import { describe, expect, it } from 'vitest';
import type { BudgetProject } from '@kotei/contracts';
import { sumBudgets } from './index.js';

const project = (id: string, lines: BudgetProject['lines']): BudgetProject => ({
  id,
  name: id,
  ministry: '厚',
  lines,
});

describe('sumBudgets', () => {
  it('adds lines per fiscal year and type, counts a reposted project once, and never adds 内数', () => {
    const a = project('a', [
      {
        amountYen: 3_000_000_000,
        fiscalYear: 2024,
        type: 'supplementary',
        isPartOf: false,
        label: '令和6年度補正予算30億円',
      },
    ]);
    const b = project('b', [
      {
        amountYen: 930_000_000,
        fiscalYear: 2025,
        type: 'initial',
        isPartOf: false,
        label: '令和7年度当初予算9.3億円',
      },
      {
        amountYen: 5_000_000_000,
        fiscalYear: 2025,
        type: 'initial',
        isPartOf: true,
        label: '令和7年度当初予算50億円の内数',
      },
      { amountYen: null, fiscalYear: null, type: 'fund', isPartOf: false, label: '基金事業' },
    ]);
    const totals = sumBudgets([a, b, a]);
    expect(Object.fromEntries(totals)).toEqual({
      '2024:supplementary': 3_000_000_000,
      '2025:initial': 930_000_000,
    });
  });
});
