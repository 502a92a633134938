import { describe, expect, it } from 'vitest';
import type { PlanTree } from '../../api/types';
import { groupChanges, type WorkbookChange } from './change-groups';

const plan = {
  strategicGoals: [{ outcomes: [{ id: 'outcome-1', name: '新薬の承認数' }] }],
  sheets: [
    {
      number: 2,
      title: '創薬',
      measures: [
        { id: 'm2', title: '治験の推進', phases: [{ id: 'p2' }], kpis: [{ id: 'k2', name: '治験数' }] },
      ],
    },
    {
      number: 1,
      title: '研究',
      measures: [
        { id: 'm1', title: '基盤整備', phases: [{ id: 'p1' }], kpis: [{ id: 'k1', name: '拠点数' }] },
        // Reposted on sheet 2 as well: placed on its first sheet.
        { id: 'm2', title: '治験の推進', phases: [{ id: 'p2' }], kpis: [{ id: 'k2' }] },
      ],
    },
  ],
} as unknown as PlanTree;

const change = (rowId: string | null, cell: string): WorkbookChange => ({
  worksheet: 'data_kpis',
  cell,
  table: 'kpis',
  rowId,
  field: 'target_value',
  before: 1,
  after: 2,
});

describe('groupChanges: a workbook preview by sheet and measure', () => {
  it('places KPI, phase and measure rows under their measure and sheet, sheets in order, outcome targets first', () => {
    const groups = groupChanges(plan, [
      change('k2', 'K2'),
      change('k1', 'K3'),
      change('outcome-1', 'K4'),
      change('p1', 'D5'),
      change('m2', 'C6'),
    ]);
    expect(
      groups.map((g) => ({
        sheet: g.sheet?.number ?? null,
        measures: g.measures.map((m) => [m.title, m.changes.map((c) => c.change.cell)]),
      })),
    ).toEqual([
      { sheet: null, measures: [[null, ['K4']]] },
      { sheet: 1, measures: [['基盤整備', ['K3', 'D5']]] },
      { sheet: 2, measures: [['治験の推進', ['K2', 'C6']]] },
    ]);
    // A KPI's change names the KPI (an outcome target's too); a phase's or measure's is said by its measure.
    const subjects = groups.flatMap((g) => g.measures.flatMap((m) => m.changes.map((c) => c.subject)));
    expect(subjects).toEqual(['新薬の承認数', '拠点数', null, '治験数', null]);
  });

  it('gives no group for no change', () => {
    expect(groupChanges(plan, [])).toEqual([]);
  });
});
