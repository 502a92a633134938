import { describe, expect, it } from 'vitest';
import type { DataTable } from './open-data.js';
import { isInputChange, planEditsOf } from './workbook-apply.js';
import { diffTables } from './workbook-read.js';

const f = (name: string, type: 'string' | 'number' = 'string') => ({ name, type, title: name });
const measures = (rows: DataTable['rows']): DataTable => ({
  name: 'measures',
  title: '施策',
  fields: ['measure_id', 'sheet_number', 'sheet_title', 'title', 'ministries', 'is_repost', 'status'].map(
    (n) => f(n),
  ),
  rows,
});
const kpis = (rows: DataTable['rows']): DataTable => ({
  name: 'kpis',
  title: 'KPI',
  fields: [
    f('kpi_id'),
    f('kind'),
    f('measure_id'),
    f('goal_number'),
    f('name'),
    f('unit'),
    f('shape'),
    f('direction'),
    f('baseline_value', 'number'),
    f('baseline_period'),
    f('target_value', 'number'),
    f('target_period'),
    f('note'),
    f('status'),
    f('abnf_grade'),
  ],
  rows,
});
const KPI = [
  'k1',
  'output',
  'm1',
  null,
  '治験数',
  '件',
  'level',
  'up',
  10,
  'R5',
  20,
  'R10',
  '',
  'on_track',
  'A',
];
const NO_BASELINE = [
  'k2',
  'output',
  'm1',
  null,
  '件数',
  '件',
  'level',
  'up',
  null,
  null,
  5,
  'R10',
  '',
  'no_data',
  'N',
];
const M1 = ['m1', 1, '工程表①', '施策一', '厚', false, 'on_track'];
const M1_REPOST = ['m1', 2, '工程表②', '施策一', '厚', true, 'on_track'];

function check(before: DataTable[], after: DataTable[]) {
  const changes = diffTables(before, after).filter(isInputChange);
  return { changes, ...planEditsOf(before, after, changes) };
}

describe('planEditsOf', () => {
  it('turns an edited name, unit, note and target into edits, and leaves computed columns out', () => {
    const after = [...KPI];
    after[4] = '治験の数';
    after[10] = 25;
    after[12] = '定義を改めた';
    after[13] = 'off_track';
    const result = check([kpis([KPI])], [kpis([after])]);
    expect(result.issues).toEqual([]);
    expect(result.edits).toEqual([
      { kind: 'kpi', id: 'k1', field: 'name', value: '治験の数' },
      { kind: 'kpi', id: 'k1', field: 'target_value', value: 25 },
      { kind: 'kpi', id: 'k1', field: 'note', value: '定義を改めた' },
    ]);
  });

  it('refuses structure, periods, a new row, a missing row and a point the KPI does not have', () => {
    const shape = [...KPI];
    shape[6] = 'count';
    shape[11] = 'R12';
    const baseline = [...NO_BASELINE];
    baseline[8] = 3;
    const fresh = ['k9', ...KPI.slice(1)];
    const result = check(
      [kpis([KPI, NO_BASELINE]), measures([M1])],
      [kpis([shape, baseline, fresh]), measures([])],
    );
    expect(result.edits).toEqual([]);
    expect(result.issues.map((i) => `${i.worksheet}!${i.cell}:${i.field ?? ''}`)).toEqual([
      'data_kpis!G2:shape',
      'data_kpis!L2:target_period',
      'data_kpis!I3:baseline_value',
      'data_kpis!A4:kpi_id',
      'data_measures!A1:measure_id',
    ]);
  });

  it('refuses an empty name and asks every row of a reposted measure to agree', () => {
    const blank = [...KPI];
    blank[4] = ' ';
    const renamed = [...M1];
    renamed[3] = '施策いち';
    const result = check(
      [kpis([KPI]), measures([M1, M1_REPOST])],
      [kpis([blank]), measures([renamed, M1_REPOST])],
    );
    expect(result.issues.map((i) => `${i.worksheet}!${i.cell}`)).toEqual([
      'data_kpis!E2',
      'data_measures!D2',
    ]);
    const both = [...M1_REPOST];
    both[3] = '施策いち';
    expect(check([measures([M1, M1_REPOST])], [measures([renamed, both])])).toMatchObject({
      issues: [],
      edits: [{ kind: 'measure', id: 'm1', field: 'title', value: '施策いち' }],
    });
  });
});
