import { describe, expect, it } from 'vitest';
import { PlanDocument } from '@kotei/contracts';
import { DomainError } from '@kotei/domain';
import { buildPlanRows, mapPlanDocument } from './plan-document.mapper.js';

const NOW = '2025-07-15T01:00:00.000Z';

const doc = (sheets: unknown[]): PlanDocument =>
  PlanDocument.parse({
    slug: 'rows-check',
    title: '行の確認',
    owner: '医政局',
    adoptedOn: null,
    round: { title: '2025年6月末時点', asOfDate: '2025-06-30' },
    sheets,
  });

const fih = {
  title: 'ファースト・イン・ヒューマン(FIH)試験実施体制の整備',
  ministries: ['厚'],
  phases: [{ text: 'FIH試験実施施設の整備', period: '2025年度' }],
  progress: [{ ministry: '厚', text: '仕様設計を行った' }],
  projects: [{ name: '新規モダリティ対応事業', ministry: '厚', lines: [] }],
};

describe('buildPlanRows', () => {
  it('keeps what a repost (再掲) row adds, on the one measure it shows again', () => {
    const rows = buildPlanRows(
      doc([
        { number: 2, title: '臨床試験', measures: [fih] },
        {
          number: 4,
          title: '国内製造体制',
          measures: [
            {
              ...fih,
              repostOf: { sheet: 2, title: fih.title },
              progress: [{ ministry: '厚', text: 'バイオ医薬品の製造技術の研修を実施' }],
              projects: [...fih.projects, { name: '人材育成支援事業', ministry: '厚', lines: [] }],
            },
          ],
        },
      ]),
      NOW,
    );
    expect(rows.measures).toHaveLength(1);
    expect(rows.placements.map((p) => p.is_repost)).toEqual([0, 1]);
    // The repeated phase is not doubled; the repost's own progress and its extra project are kept.
    expect(rows.phases).toHaveLength(1);
    expect(rows.bullets.map((b) => b.text)).toEqual([
      '仕様設計を行った',
      'バイオ医薬品の製造技術の研修を実施',
    ]);
    expect(rows.projects.map((p) => p.name)).toEqual(['新規モダリティ対応事業', '人材育成支援事業']);
    expect(rows.links.every((l) => l.measure_id === rows.measures[0]?.id)).toBe(true);
  });

  it('stores the breakdown (内訳) of a point and of an actual as member rows, the KPI value its own', () => {
    const bySex = (male: number, female: number) => ({
      dimension: 'sex',
      values: [
        { member: 'male', value: male },
        { member: 'female', value: female },
      ],
    });
    const kpi = {
      name: '週労働時間60時間以上の雇用者の割合',
      unit: '%',
      shape: 'level',
      direction: 'decrease',
      baseline: { value: 8.5, label: '平成26年', breakdown: bySex(12.9, 2.8) },
      target: { value: 5, label: '平成32年' },
      actuals: [{ value: 6.4, label: '令和元年', breakdown: bySex(9.8, 2.3) }],
    };
    const rows = buildPlanRows(
      doc([{ number: 1, title: '働き方', measures: [{ ...fih, kpis: [kpi] }] }]),
      NOW,
    );
    const observation = rows.observations[0];
    expect(rows.breakdowns.map((b) => [b.point, b.member, b.value, b.observation_id])).toEqual([
      ['baseline', 'male', 12.9, null],
      ['baseline', 'female', 2.8, null],
      ['actual', 'male', 9.8, observation?.id],
      ['actual', 'female', 2.3, observation?.id],
    ]);
    expect(rows.kpis[0]?.baseline_value).toBe(8.5);
  });

  it('refuses a breakdown whose member the dimension does not know, naming the place', () => {
    const kpi = {
      name: '割合',
      unit: '%',
      shape: 'level',
      direction: 'increase',
      baseline: {
        value: 1,
        label: '2024年',
        breakdown: { dimension: 'sex', values: [{ member: 'm', value: 1 }] },
      },
      target: null,
    };
    const { rows, problems } = mapPlanDocument(
      doc([{ number: 1, title: 'x', measures: [{ ...fih, kpis: [kpi] }] }]),
      NOW,
    );
    expect(rows.breakdowns).toEqual([]);
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'breakdown-invalid',
        path: 'sheets[0].measures[0].kpis[0].baseline.breakdown.values[0].member',
      }),
    ]);
  });

  it('refuses a document with an unreadable period, naming the place', () => {
    const bad = doc([
      {
        number: 1,
        title: 'シート',
        measures: [{ ...fih, phases: [{ text: '検討', period: '2024年度末末' }] }],
      },
    ]);
    try {
      buildPlanRows(bad, NOW);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).details.map((d) => d.path)).toEqual([
        'sheets[0].measures[0].phases[0].period',
      ]);
    }
  });

  it('stores the dates the importer resolved, without reading the label again', () => {
    const dates = { start: '2024-04-01', end: '2025-03-31', fiscalYear: 2024 };
    const rows = buildPlanRows(
      doc([
        {
          number: 1,
          title: 'シート',
          measures: [
            {
              ...fih,
              phases: [{ text: '検討', period: '令和6年度(当初)', dates }],
              kpis: [
                {
                  name: '件数',
                  unit: '件',
                  shape: 'level',
                  direction: 'increase',
                  baseline: null,
                  target: { value: 3, label: '目標年度', dates },
                  actuals: [{ value: 1, label: '実績年度', dates }],
                },
              ],
            },
          ],
        },
      ]),
      NOW,
    );
    expect(rows.phases[0]).toMatchObject({ period_start: '2024-04-01', period_label: '令和6年度(当初)' });
    expect(rows.kpis[0]).toMatchObject({ target_fiscal_year: 2024, target_label: '目標年度' });
    expect(rows.observations[0]).toMatchObject({ period_end: '2025-03-31', period_label: '実績年度' });
  });

  it('keeps the ministry codes it is given: tags are resolved once, by the importer', () => {
    const rows = buildPlanRows(
      doc([{ number: 1, title: 'シート', measures: [{ ...fih, ministries: ['厚'] }] }]),
      NOW,
    );
    expect(rows.ministries.map((m) => m.ministry)).toEqual(['厚']);
    expect(rows.bullets.map((b) => b.ministry)).toEqual(['厚']);
  });

  it('reports every unique key the document would break, with its line, and refuses to build', () => {
    const at = (line: number): { lineFrom: number; lineTo: number; rawText: string } => ({
      lineFrom: line,
      lineTo: line,
      rawText: '',
    });
    const twice = doc([
      { number: 1, title: 'シート', measures: [fih], source: at(10) },
      { number: 1, title: 'シート', measures: [fih], source: at(90) },
      {
        number: 2,
        title: '再掲',
        measures: [
          { ...fih, repostOf: { sheet: 1, title: fih.title }, source: at(120) },
          { ...fih, repostOf: { sheet: 1, title: fih.title }, source: at(121) },
        ],
      },
    ]);
    const { problems } = mapPlanDocument(twice, NOW);
    expect(problems.map(({ code, path, line }) => ({ code, path, line }))).toEqual([
      { code: 'duplicate-sheet', path: 'sheets[1].number', line: 90 },
      { code: 'duplicate-placement', path: 'sheets[2].measures[1]', line: 121 },
    ]);
    expect(problems[0]?.message).toMatch(/first on line 10/u);
    const goals = mapPlanDocument(
      PlanDocument.parse({
        ...twice,
        sheets: [],
        strategicGoals: [
          { number: 1, title: '目標', source: at(3) },
          { number: 1, title: '目標', source: at(7) },
        ],
      }),
      NOW,
    );
    expect(goals.problems.map(({ code, line }) => ({ code, line }))).toEqual([
      { code: 'duplicate-goal', line: 7 },
    ]);
    expect(() => buildPlanRows(twice, NOW)).toThrow(DomainError);
  });
});
