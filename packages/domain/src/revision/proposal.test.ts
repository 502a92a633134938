import { describe, expect, it } from 'vitest';
import type { EditContext } from './apply-edit.js';
import { diffStructures } from './diff.js';
import type { PlanEdit } from './edits.js';
import { applyEdits, checkProposal, proposalRefusal } from './proposal.js';
import type { MeasureNode, PlanStructure } from './structure.js';

// The English refusal, or null; each refusal also says it in Japanese.
const refusalOf = (...args: Parameters<typeof proposalRefusal>): string | null =>
  proposalRefusal(...args)?.message ?? null;

const context: EditContext = { ministries: new Set(['厚', '文', '経']) };
const fy = (year: number) => ({
  label: `${year}年度`,
  start: `${year}-04-01`,
  end: `${year + 1}-03-31`,
  fiscalYear: year,
});
const measure = (id: string, ministries: string[], order: number): MeasureNode => ({
  id,
  sheetId: 's1',
  title: `施策${id}`,
  ministries,
  order,
  retired: false,
  mergedInto: null,
  splitFrom: null,
});

function seed(): PlanStructure {
  return {
    plan: { title: '計画', owner: '内閣官房', policyFields: [], horizon: { from: 2024, to: 2030 } },
    goals: [{ id: 'g1', number: 1, title: '目標', order: 0, retired: false }],
    sheets: [{ id: 's1', number: 1, title: '工程表①', order: 0, retired: false }],
    measures: [measure('m1', ['厚'], 0), measure('m2', ['文'], 1), measure('m3', ['厚', '文'], 2)],
    phases: [
      { id: 'p1', measureId: 'm1', text: '窓口設置', period: fy(2025), order: 0, retired: false },
      { id: 'p2', measureId: 'm2', text: '研修', period: fy(2025), order: 0, retired: false },
    ],
    kpis: [
      {
        id: 'k1',
        level: 'output',
        measureId: 'm1',
        goalId: null,
        name: '相談件数',
        unit: '件',
        shape: 'level',
        direction: 'increase',
        baseline: { value: 50, period: fy(2023) },
        target: { value: 100, period: fy(2028) },
        order: 0,
        retired: false,
        mergedInto: null,
      },
      {
        id: 'k2',
        level: 'output',
        measureId: 'm2',
        goalId: null,
        name: '修了者数',
        unit: '人',
        shape: 'level',
        direction: 'increase',
        baseline: null,
        target: null,
        order: 0,
        retired: false,
        mergedInto: null,
      },
    ],
  };
}

const target = (id: string, value: number): PlanEdit => ({
  op: 'kpi.update',
  id,
  target: { value, period: '2028年度' },
});

describe('proposalRefusal', () => {
  it('lets a reporter touch its own measure, its phases and KPIs, and a measure it shares', () => {
    const s = seed();
    const own: PlanEdit[] = [
      target('k1', 150),
      { op: 'measure.update', id: 'm1', title: '相談窓口の拡充' },
      { op: 'phase.add', id: 'p9', measureId: 'm1', text: '評価', period: '2026年度' },
      { op: 'phase.move', id: 'p1', period: '2026年度' },
      { op: 'retire', kind: 'kpi', id: 'k1' },
      { op: 'measure.update', id: 'm3', title: '共管の施策' },
    ];
    for (const e of own) expect(refusalOf(s, e, '厚')).toBeNull();
  });

  it("refuses another ministry's measure and whatever the coordinating office decides", () => {
    const s = seed();
    expect(refusalOf(s, target('k2', 10), '厚')).toContain('is not 厚');
    expect(proposalRefusal(s, target('k2', 10), '厚')?.ja).toContain('厚の担当ではありません');
    expect(refusalOf(s, { op: 'phase.move', id: 'p2', period: '2026年度' }, '厚')).toContain('is not 厚');
    expect(refusalOf(s, { op: 'sheet.update', id: 's1', title: 'x' }, '厚')).toContain('sheet.update');
    expect(refusalOf(s, { op: 'measure.merge', id: 'm1', into: 'm3' }, '厚')).not.toBeNull();
    expect(refusalOf(s, { op: 'reorder', kind: 'measure', id: 'm1', order: 1 }, '厚')).not.toBeNull();
    const outcome: PlanEdit = {
      op: 'kpi.add',
      id: 'k9',
      measureId: null,
      goalId: 'g1',
      name: '成果',
      unit: '%',
      shape: 'level',
      direction: 'increase',
      baseline: null,
      target: null,
    };
    expect(refusalOf(s, outcome, '厚')).toContain('outcome');
    expect(refusalOf(s, { op: 'measure.update', id: 'm3', ministries: ['文'] }, '厚')).toContain(
      'take 厚 off',
    );
  });
});

describe('checkProposal', () => {
  it('names the edit index of a forbidden edit and of a refused field', () => {
    const result = checkProposal(
      seed(),
      [
        target('k1', 150),
        target('k2', 10),
        { op: 'kpi.update', id: 'k1', target: { value: 1, period: '2022年度' } },
      ],
      '厚',
      context,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.forbidden.map((e) => e.path)).toEqual(['edits[1]']);
    expect(result.invalid.map((e) => e.path)).toEqual(['edits[2].target.period']);
  });

  it('reads edits in order: a phase added by one edit may be moved by the next', () => {
    const result = checkProposal(
      seed(),
      [
        { op: 'phase.add', id: 'p9', measureId: 'm1', text: '評価', period: '2026年度' },
        { op: 'phase.move', id: 'p9', period: '2027年度' },
      ],
      '厚',
      context,
    );
    expect(result.ok && result.structure.phases.find((p) => p.id === 'p9')?.period.label).toBe('2027年度');
  });

  it('refuses an empty proposal', () => {
    const result = checkProposal(seed(), [], '厚', context);
    expect(!result.ok && result.invalid[0]?.path).toBe('edits');
  });

  it('gives the structure whose diff words the proposal', () => {
    const s = seed();
    const result = checkProposal(s, [target('k1', 150)], '厚', context);
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(diffStructures(s, result.structure).map((c) => c.ja)).toEqual(['目標値 100件 → 150件']);
  });
});

describe('applyEdits', () => {
  it('refuses, by edit index, an edit naming what the draft retired', () => {
    const draft = applyEdits(seed(), [{ op: 'retire', kind: 'kpi', id: 'k1' }], context);
    if (!draft.ok) throw new Error('retire refused');
    const result = applyEdits(draft.structure, [target('k1', 150)], context);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]).toMatchObject({ path: 'edits[0].id' });
    expect(!result.ok && result.errors[0]?.message).toContain('retired');
  });
});
