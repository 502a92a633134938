import { describe, expect, it } from 'vitest';
import { applyEdit, type EditContext } from './apply-edit.js';
import { diffStructures } from './diff.js';
import { originalsOf } from './originals.js';
import type { PlanEdit } from './edits.js';
import type { PlanStructure } from './structure.js';

const period = (label: string, start: string, end: string, fiscalYear: number) => ({
  label,
  start,
  end,
  fiscalYear,
});
const context: EditContext = { ministries: new Set(['厚', '文', '経']) };

function seed(): PlanStructure {
  return {
    plan: { title: '計画', owner: '内閣官房', policyFields: [], horizon: { from: 2024, to: 2030 } },
    goals: [{ id: 'g1', number: 1, title: '目標', order: 0, retired: false }],
    sheets: [
      { id: 's1', number: 1, title: '工程表①', order: 0, retired: false },
      { id: 's2', number: 2, title: '工程表②', order: 1, retired: false },
    ],
    measures: [
      {
        id: 'm1',
        sheetId: 's1',
        title: '相談窓口の整備',
        ministries: ['厚'],
        order: 0,
        retired: false,
        mergedInto: null,
        splitFrom: null,
      },
      {
        id: 'm2',
        sheetId: 's1',
        title: '人材育成',
        ministries: ['文'],
        order: 1,
        retired: false,
        mergedInto: null,
        splitFrom: null,
      },
    ],
    phases: [
      {
        id: 'p1',
        measureId: 'm1',
        text: '窓口設置',
        period: period('2024年度末', '2025-01-01', '2025-03-31', 2024),
        order: 0,
        retired: false,
      },
      {
        id: 'p2',
        measureId: 'm1',
        text: '研修',
        period: period('2025年度', '2025-04-01', '2026-03-31', 2025),
        order: 1,
        retired: false,
      },
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
        baseline: { value: 50, period: period('2023年度', '2023-04-01', '2024-03-31', 2023) },
        target: { value: 100, period: period('2028年度', '2028-04-01', '2029-03-31', 2028) },
        order: 0,
        retired: false,
        mergedInto: null,
      },
      {
        id: 'k2',
        level: 'output',
        measureId: 'm1',
        goalId: null,
        name: '研修修了者数',
        unit: '人',
        shape: 'cumulative',
        direction: 'increase',
        baseline: null,
        target: null,
        order: 1,
        retired: false,
        mergedInto: null,
      },
    ],
  };
}

function edit(structure: PlanStructure, ...edits: PlanEdit[]): PlanStructure {
  return edits.reduce((s, e) => {
    const result = applyEdit(s, e, context);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    return result.structure;
  }, structure);
}

function expectOne(errors: { path: string; message: string }[], path: string, fragment: string): void {
  expect(errors.map((e) => e.path)).toEqual([path]);
  expect(errors[0]?.message).toContain(fragment);
}

function refused(e: PlanEdit): { path: string; message: string }[] {
  const result = applyEdit(seed(), e, context);
  if (result.ok) throw new Error('the edit was accepted');
  return result.errors;
}

describe('applyEdit', () => {
  it('changes a target without touching the structure it was given', () => {
    const before = seed();
    const after = edit(before, { op: 'kpi.update', id: 'k1', target: { value: 150, period: '2028年度' } });
    expect(after.kpis[0]?.target?.value).toBe(150);
    expect(before.kpis[0]?.target?.value).toBe(100);
  });

  it('refuses each bad edit with the field and the reason', () => {
    expectOne(
      refused({ op: 'kpi.update', id: 'k1', target: { value: 150, period: '2022年度' } }),
      'target.period',
      'must come after the baseline',
    );
    expect(refused({ op: 'kpi.update', id: 'k1', shape: 'rank' })[0]).toMatchObject({ path: 'unit' });
    expect(refused({ op: 'kpi.update', id: 'k1', target: { value: 1, period: 'いつか' } })[0]).toMatchObject({
      path: 'target.period',
    });
    expectOne(
      refused({ op: 'phase.move', id: 'p1', period: '2035年度' }),
      'period',
      "outside the plan's horizon",
    );
    expect(refused({ op: 'measure.update', id: 'm1', ministries: ['厚', '宇'] })).toEqual([
      { path: 'ministries[1]', message: 'no ministry "宇"', ja: '「宇」という府省庁はありません' },
    ]);
    expect(refused({ op: 'retire', kind: 'kpi', id: 'nope' })[0]).toMatchObject({ path: 'id' });
    expect(refused({ op: 'retire', kind: 'sheet', id: 's1' })[0]?.message).toContain('still has measures');
  });

  it('splits a measure: the first part keeps the id and what is not listed, the second takes what is', () => {
    const after = edit(seed(), {
      op: 'measure.split',
      id: 'm1',
      parts: [
        { id: 'm1', title: '相談窓口の整備', ministries: ['厚'], kpiIds: ['k1'], phaseIds: ['p1'] },
        { id: 'm3', title: '相談員の研修', ministries: ['厚', '文'], kpiIds: ['k2'], phaseIds: ['p2'] },
      ],
    });
    expect(after.kpis.map((k) => [k.id, k.measureId])).toEqual([
      ['k1', 'm1'],
      ['k2', 'm3'],
    ]);
    expect(after.phases.map((p) => [p.id, p.measureId])).toEqual([
      ['p1', 'm1'],
      ['p2', 'm3'],
    ]);
    expect(after.measures.find((m) => m.id === 'm3')).toMatchObject({
      splitFrom: 'm1',
      order: 1,
      sheetId: 's1',
    });
    expect(after.measures.find((m) => m.id === 'm2')?.order).toBe(2);
  });

  it('checks only what an edit touches: a KPI read with an odd unit keeps its target editable', () => {
    const odd = edit(seed());
    const kpi = odd.kpis[0];
    if (!kpi) throw new Error('fixture');
    kpi.unit = '';
    const result = applyEdit(
      odd,
      { op: 'kpi.update', id: 'k1', target: { value: 120, period: '2028年度' } },
      context,
    );
    expect(result.ok).toBe(true);
    expect(applyEdit(odd, { op: 'kpi.update', id: 'k1', unit: '' }, context)).toMatchObject({
      ok: false,
      errors: [{ path: 'unit' }],
    });
  });

  it('refuses a split that gives one KPI to two parts', () => {
    const errors = refused({
      op: 'measure.split',
      id: 'm1',
      parts: [
        { id: 'm1', title: 'a', ministries: ['厚'], kpiIds: ['k1'], phaseIds: [] },
        { id: 'm3', title: 'b', ministries: ['厚'], kpiIds: ['k1'], phaseIds: [] },
      ],
    });
    expectOne(errors, 'parts[1].kpiIds[0]', 'listed twice');
  });

  it('merges a measure: retired with a pointer, its KPIs and phases keep their ids under the other', () => {
    const after = edit(seed(), { op: 'measure.merge', id: 'm1', into: 'm2' });
    expect(after.measures[0]).toMatchObject({ retired: true, mergedInto: 'm2' });
    expect(after.measures[1]?.ministries).toEqual(['文', '厚']);
    expect(after.kpis.every((k) => k.measureId === 'm2')).toBe(true);
  });

  it('reorders among live siblings', () => {
    const after = edit(seed(), { op: 'reorder', kind: 'measure', id: 'm2', order: 0 });
    expect(after.measures.map((m) => [m.id, m.order])).toEqual([
      ['m1', 1],
      ['m2', 0],
    ]);
  });
});

describe('diffStructures', () => {
  it('speaks the policy’s words: target, phase move, split, retire', () => {
    const a = seed();
    const b = edit(
      a,
      { op: 'kpi.update', id: 'k1', target: { value: 150, period: '2028年度' } },
      { op: 'phase.move', id: 'p1', period: '2025年度' },
      {
        op: 'measure.split',
        id: 'm1',
        parts: [
          { id: 'm1', title: '相談窓口の整備', ministries: ['厚'], kpiIds: ['k1'], phaseIds: [] },
          { id: 'm3', title: '相談員の研修', ministries: ['厚'], kpiIds: ['k2'], phaseIds: [] },
        ],
      },
      { op: 'retire', kind: 'kpi', id: 'k2' },
    );
    const ja = diffStructures(a, b).map((c) => c.ja);
    expect(ja).toEqual([
      '施策を2つに分割（「相談員の研修」を新設、元の施策は「相談窓口の整備」として継続）',
      '工程を2024年度末から2025年度へ移動',
      '目標値 100件 → 150件',
      'KPIを廃止',
    ]);
    const target = diffStructures(a, b).find((c) => c.kind === 'target');
    expect(target).toMatchObject({
      en: 'Target 100件 → 150件',
      sheetId: 's1',
      measureId: 'm1',
      entityId: 'k1',
    });
  });

  it('says nothing of two equal structures, and names a merge and an addition', () => {
    expect(diffStructures(seed(), seed())).toEqual([]);
    const b = edit(
      seed(),
      { op: 'measure.merge', id: 'm2', into: 'm1' },
      {
        op: 'phase.add',
        id: 'p9',
        measureId: 'm1',
        text: '評価',
        period: '2026年度',
      },
    );
    expect(diffStructures(seed(), b).map((c) => c.ja)).toEqual([
      '担当府省庁 厚 → 厚・文',
      '施策を「相談窓口の整備」に統合',
      '工程を追加',
    ]);
  });

  it('writes a target whose period moves with both periods', () => {
    const b = edit(seed(), { op: 'kpi.update', id: 'k1', target: { value: 150, period: '2030年度' } });
    expect(diffStructures(seed(), b)[0]?.ja).toBe('目標値 100件（2028年度） → 150件（2030年度）');
  });
});

describe('originalsOf (originally adopted vs current)', () => {
  it('pairs a moved phase and a changed target by id, and nothing that stayed', () => {
    const base = seed();
    const shown = edit(
      base,
      { op: 'kpi.update', id: 'k1', target: { value: 150, period: '2028年度' } },
      { op: 'phase.move', id: 'p1', period: '2025年度' },
      { op: 'phase.update', id: 'p2', text: '研修（拡充）' },
    );
    const originals = originalsOf(base, shown);
    expect(originals.phases.map((p) => [p.phaseId, p.original.label, p.current.fiscalYear])).toEqual([
      ['p1', '2024年度末', 2025],
    ]);
    expect(originals.kpis.map((k) => [k.kpiId, k.original?.value, k.current?.value])).toEqual([
      ['k1', 100, 150],
    ]);
  });

  it('leaves out what the shown revision retired or added, and finds nothing between equal revisions', () => {
    const base = seed();
    const shown = edit(base, { op: 'retire', kind: 'kpi', id: 'k1' });
    expect(originalsOf(base, shown)).toEqual({ phases: [], kpis: [] });
    expect(originalsOf(base, base)).toEqual({ phases: [], kpis: [] });
  });
});
