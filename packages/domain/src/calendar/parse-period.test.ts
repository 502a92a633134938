import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePeriod } from './parse-period.js';
import type { Period } from './period.js';

function parsed(label: string): Period {
  const result = parsePeriod(label);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const COLUMN =
  'a roadmap column after the dash (2024年夏, 2024年末, 2024年度末, 2025年度 or 2026～2028年度, ' +
  'without 平均, 累積, 当初 or 補正)';

const fiscal2026to2028 = {
  kind: 'fiscal-year-range',
  start: '2026-04-01',
  end: '2029-03-31',
  fiscalYear: 2028,
};

describe('parsePeriod', () => {
  it.each([
    { label: '2024年夏', kind: 'season', start: '2024-06-01', end: '2024-08-31', fiscalYear: 2024 },
    { label: '2024 年夏', kind: 'season', start: '2024-06-01', end: '2024-08-31', fiscalYear: 2024 },
    { label: '2025年春', kind: 'season', start: '2025-03-01', end: '2025-05-31', fiscalYear: 2025 },
    { label: '2025年秋', kind: 'season', start: '2025-09-01', end: '2025-11-30', fiscalYear: 2025 },
    { label: '2024年末', kind: 'year-end', start: '2024-12-01', end: '2024-12-31', fiscalYear: 2024 },
    {
      label: '2024年度末',
      kind: 'fiscal-year-end',
      start: '2025-03-01',
      end: '2025-03-31',
      fiscalYear: 2024,
    },
    {
      label: '２０２４年度末',
      kind: 'fiscal-year-end',
      start: '2025-03-01',
      end: '2025-03-31',
      fiscalYear: 2024,
    },
    { label: '2025年度', kind: 'fiscal-year', start: '2025-04-01', end: '2026-03-31', fiscalYear: 2025 },
    { label: '2024年度', kind: 'fiscal-year', start: '2024-04-01', end: '2025-03-31', fiscalYear: 2024 },
    { label: '令和10年度', kind: 'fiscal-year', start: '2028-04-01', end: '2029-03-31', fiscalYear: 2028 },
    { label: '令和元年度', kind: 'fiscal-year', start: '2019-04-01', end: '2020-03-31', fiscalYear: 2019 },
    { label: 'R10', kind: 'fiscal-year', start: '2028-04-01', end: '2029-03-31', fiscalYear: 2028 },
    { label: '(R10)', kind: 'fiscal-year', start: '2028-04-01', end: '2029-03-31', fiscalYear: 2028 },
    { label: '（Ｒ１０）', kind: 'fiscal-year', start: '2028-04-01', end: '2029-03-31', fiscalYear: 2028 },
    { label: 'R5', kind: 'fiscal-year', start: '2023-04-01', end: '2024-03-31', fiscalYear: 2023 },
    { label: 'R元', kind: 'fiscal-year', start: '2019-04-01', end: '2020-03-31', fiscalYear: 2019 },
    { label: '平成31年度', kind: 'fiscal-year', start: '2019-04-01', end: '2020-03-31', fiscalYear: 2019 },
    { label: '2028年', kind: 'calendar-year', start: '2028-01-01', end: '2028-12-31', fiscalYear: 2028 },
    { label: '令和元年', kind: 'calendar-year', start: '2019-01-01', end: '2019-12-31', fiscalYear: 2019 },
    { label: '平成31年', kind: 'calendar-year', start: '2019-01-01', end: '2019-12-31', fiscalYear: 2019 },
    // Written before 平成 ended: 平成32年 is 2020.
    { label: '平成32年', kind: 'calendar-year', start: '2020-01-01', end: '2020-12-31', fiscalYear: 2020 },
    { label: '平成32年度', kind: 'fiscal-year', start: '2020-04-01', end: '2021-03-31', fiscalYear: 2020 },
    { label: '昭和64年', kind: 'calendar-year', start: '1989-01-01', end: '1989-12-31', fiscalYear: 1989 },
    // Parts of a year that KPI tables of other offices write.
    { label: '2024年度上半期', kind: 'half', start: '2024-04-01', end: '2024-09-30', fiscalYear: 2024 },
    { label: '令和6年度下半期', kind: 'half', start: '2024-10-01', end: '2025-03-31', fiscalYear: 2024 },
    { label: '2024年上半期', kind: 'half', start: '2024-01-01', end: '2024-06-30', fiscalYear: 2024 },
    { label: '2024年下期', kind: 'half', start: '2024-07-01', end: '2024-12-31', fiscalYear: 2024 },
    { label: 'R6年度第1四半期', kind: 'quarter', start: '2024-04-01', end: '2024-06-30', fiscalYear: 2024 },
    { label: '2024年度第4四半期', kind: 'quarter', start: '2025-01-01', end: '2025-03-31', fiscalYear: 2024 },
    { label: '2024年4～6月', kind: 'months', start: '2024-04-01', end: '2024-06-30', fiscalYear: 2024 },
    { label: '2024年度1～3月', kind: 'months', start: '2025-01-01', end: '2025-03-31', fiscalYear: 2024 },
    { label: '2024年度10月', kind: 'months', start: '2024-10-01', end: '2024-10-31', fiscalYear: 2024 },
    { label: '令和6年度内', kind: 'fiscal-year', start: '2024-04-01', end: '2025-03-31', fiscalYear: 2024 },
    { label: '2026-2028年度', ...fiscal2026to2028 },
    { label: '2026- 2028年度', ...fiscal2026to2028 },
    { label: '2026～2028年度', ...fiscal2026to2028 },
    { label: '2026〜2028年度', ...fiscal2026to2028 },
    { label: '2026ー2028年度', ...fiscal2026to2028 },
    { label: '2026−2028年度', ...fiscal2026to2028 },
    { label: '2026‐2028年度', ...fiscal2026to2028 },
    { label: '2026~2028年度', ...fiscal2026to2028 },
    { label: '2026年度～2028年度', ...fiscal2026to2028 },
    { label: '令和8～10年度', ...fiscal2026to2028 },
    { label: 'R7~R10', kind: 'fiscal-year-range', start: '2025-04-01', end: '2029-03-31', fiscalYear: 2028 },
    { label: 'R6-R10', kind: 'fiscal-year-range', start: '2024-04-01', end: '2029-03-31', fiscalYear: 2028 },
    { label: 'H30-R5', kind: 'fiscal-year-range', start: '2018-04-01', end: '2024-03-31', fiscalYear: 2023 },
    {
      label: 'R3～R5平均',
      kind: 'fiscal-year-range',
      start: '2021-04-01',
      end: '2024-03-31',
      fiscalYear: 2023,
      aggregate: 'average',
    },
    {
      label: '(R3～R\n5平均)',
      kind: 'fiscal-year-range',
      start: '2021-04-01',
      end: '2024-03-31',
      fiscalYear: 2023,
      aggregate: 'average',
    },
    {
      label: 'R元～R3平均',
      kind: 'fiscal-year-range',
      start: '2019-04-01',
      end: '2022-03-31',
      fiscalYear: 2021,
      aggregate: 'average',
    },
    {
      label: '2024-2028年度累積',
      kind: 'fiscal-year-range',
      start: '2024-04-01',
      end: '2029-03-31',
      fiscalYear: 2028,
      aggregate: 'cumulative',
    },
    {
      label: '2018-2022年度累積',
      kind: 'fiscal-year-range',
      start: '2018-04-01',
      end: '2023-03-31',
      fiscalYear: 2022,
      aggregate: 'cumulative',
    },
    {
      label: '2021～2023年',
      kind: 'calendar-year-range',
      start: '2021-01-01',
      end: '2023-12-31',
      fiscalYear: 2023,
    },
    { label: '(R10～)', kind: 'open-from', start: '2028-04-01', end: null, fiscalYear: 2028 },
    { label: '2028年～', kind: 'open-from', start: '2028-01-01', end: null, fiscalYear: 2028 },
    {
      label: '令和6年度補正',
      kind: 'fiscal-year',
      start: '2024-04-01',
      end: '2025-03-31',
      fiscalYear: 2024,
      budget: 'supplementary',
    },
    {
      label: '令和6年度補正予算',
      kind: 'fiscal-year',
      start: '2024-04-01',
      end: '2025-03-31',
      fiscalYear: 2024,
      budget: 'supplementary',
    },
    {
      label: '令和7年度当初',
      kind: 'fiscal-year',
      start: '2025-04-01',
      end: '2026-03-31',
      fiscalYear: 2025,
      budget: 'initial',
    },
    { label: '令和5年末時点', kind: 'point', start: '2023-12-31', end: '2023-12-31', fiscalYear: 2023 },
    { label: '2025年6月末時点', kind: 'point', start: '2025-06-30', end: '2025-06-30', fiscalYear: 2025 },
    { label: '※2025年6月末時点', kind: 'point', start: '2025-06-30', end: '2025-06-30', fiscalYear: 2025 },
    { label: '2024年度末時点', kind: 'point', start: '2025-03-31', end: '2025-03-31', fiscalYear: 2024 },
    { label: '2025年2月末時点', kind: 'point', start: '2025-02-28', end: '2025-02-28', fiscalYear: 2024 },
    { label: '令和7年6月26日現在', kind: 'point', start: '2025-06-26', end: '2025-06-26', fiscalYear: 2025 },
  ])('reads $label as $start..$end', ({ label, aggregate = null, budget = null, ...expected }) => {
    expect(parsed(label)).toMatchObject({ ...expected, aggregate, budget, label });
  });

  it('reads (R5→R10) as a transition from FY2023 to FY2028', () => {
    const period = parsed('(R5→R10)');
    expect(period).toMatchObject({
      kind: 'transition',
      start: '2023-04-01',
      end: '2029-03-31',
      fiscalYear: 2028,
      aggregate: null,
      label: '(R5→R10)',
    });
    expect(period.kind === 'transition' && [period.from.fiscalYear, period.to.fiscalYear]).toEqual([
      2023, 2028,
    ]);
  });

  it('reads 2021年→2028年 as a transition between calendar years', () => {
    const period = parsed('2021年→2028年');
    expect(period).toMatchObject({
      kind: 'transition',
      start: '2021-01-01',
      end: '2028-12-31',
      fiscalYear: 2028,
    });
    expect(period.kind === 'transition' && [period.from.kind, period.to.kind]).toEqual([
      'calendar-year',
      'calendar-year',
    ]);
  });

  it('reads 2021-2023年度平均→2026～2028年度平均 as a transition between averages', () => {
    const period = parsed('2021-2023年度平均→2026～2028年度平均');
    expect(period).toMatchObject({
      kind: 'transition',
      start: '2021-04-01',
      end: '2029-03-31',
      fiscalYear: 2028,
    });
    expect(period.kind === 'transition' && [period.from.aggregate, period.to.aggregate]).toEqual([
      'average',
      'average',
    ]);
  });

  const summer2024toFy2024End = { start: '2024-06-01', end: '2025-03-31', fiscalYear: 2024 };
  const yearEndToFyEnd = { start: '2024-12-01', end: '2025-03-31', fiscalYear: 2024 };
  const fy2025toFy2028 = { start: '2025-04-01', end: '2029-03-31', fiscalYear: 2028 };

  it.each([
    { label: '2024年末～2024年度末', from: 'year-end', to: 'fiscal-year-end', ...yearEndToFyEnd },
    { label: '2024年夏～2024年度末', from: 'season', to: 'fiscal-year-end', ...summer2024toFy2024End },
    {
      label: '2024年夏～2024年末',
      from: 'season',
      to: 'year-end',
      start: '2024-06-01',
      end: '2024-12-31',
      fiscalYear: 2024,
    },
    {
      label: '2024年度末～2025年度',
      from: 'fiscal-year-end',
      to: 'fiscal-year',
      start: '2025-03-01',
      end: '2026-03-31',
      fiscalYear: 2025,
    },
    { label: '2025年度～2026-2028年度', from: 'fiscal-year', to: 'fiscal-year-range', ...fy2025toFy2028 },
    { label: '2025年度～2026～2028年度', from: 'fiscal-year', to: 'fiscal-year-range', ...fy2025toFy2028 },
    {
      label: '2024年夏～2026-2028年度',
      from: 'season',
      to: 'fiscal-year-range',
      start: '2024-06-01',
      end: '2029-03-31',
      fiscalYear: 2028,
    },
    { label: '令和6年末～令和6年度末', from: 'year-end', to: 'fiscal-year-end', ...yearEndToFyEnd },
    { label: '２０２４年末～２０２４年度末', from: 'year-end', to: 'fiscal-year-end', ...yearEndToFyEnd },
    {
      label: '（２０２４年夏〜２０２４年度末）',
      from: 'season',
      to: 'fiscal-year-end',
      ...summer2024toFy2024End,
    },
    { label: '2024年夏 ～\n2024年度末', from: 'season', to: 'fiscal-year-end', ...summer2024toFy2024End },
    { label: '2024年夏~2024年度末', from: 'season', to: 'fiscal-year-end', ...summer2024toFy2024End },
    { label: '2024年夏-2024年度末', from: 'season', to: 'fiscal-year-end', ...summer2024toFy2024End },
    { label: '2024年夏ー2024年度末', from: 'season', to: 'fiscal-year-end', ...summer2024toFy2024End },
    { label: '2024年夏−2024年度末', from: 'season', to: 'fiscal-year-end', ...summer2024toFy2024End },
    { label: '2024年夏‐2024年度末', from: 'season', to: 'fiscal-year-end', ...summer2024toFy2024End },
    {
      label: 'R6～R7年度～令和10年度末',
      from: 'fiscal-year-range',
      to: 'fiscal-year-end',
      start: '2024-04-01',
      end: '2029-03-31',
      fiscalYear: 2028,
    },
  ])('reads $label as a span across columns, $start..$end', ({ label, from, to, ...expected }) => {
    const period = parsed(label);
    expect(period).toMatchObject({ kind: 'span', ...expected, aggregate: null, budget: null, label });
    expect(period.kind === 'span' && [period.from.kind, period.to.kind]).toEqual([from, to]);
  });

  it('keeps the columns of a span as they were written', () => {
    const period = parsed('令和6年末～令和6年度末');
    expect(period.kind === 'span' && [period.from.label, period.to.label]).toEqual([
      '令和6年末',
      '令和6年度末',
    ]);
  });

  it('keeps the original label untouched', () => {
    expect(parsed(' （Ｒ３〜Ｒ５平均） ').label).toBe(' （Ｒ３〜Ｒ５平均） ');
  });

  it.each([
    { label: '', expected: 'a year such as 2025, R7 or 令和7', found: '' },
    { label: 'abc', expected: 'a year such as 2025, R7 or 令和7', found: 'abc' },
    { label: 'R', expected: 'a year such as 2025, R7 or 令和7', found: 'R' },
    { label: '2024年度末末', expected: 'the end of the period', found: '末' },
    { label: 'H99999', expected: 'a 平成 year from 元 to 81', found: 'H99999' },
    { label: '１３月末時点', expected: 'a four-digit year or a 和暦 year such as R7', found: '13月末時点' },
    { label: '2025年13月末時点', expected: 'a month from 1 to 12', found: '13月末時点' },
    { label: '2025年2月29日時点', expected: 'a day from 1 to 28', found: '29日時点' },
    { label: '2025年6月末', expected: '時点 after a date', found: '' },
    { label: '2028', expected: '年度 or 年 after a 西暦 year', found: '' },
    { label: '2024年度第5四半期', expected: 'a quarter from 1 to 4 after 第', found: '5四半期' },
    {
      label: '早期',
      expected: 'a year with it: 早期 and 年度内 alone name no date (e.g. 2025年度内)',
      found: '早期',
    },
    {
      label: '年度内',
      expected: 'a year with it: 早期 and 年度内 alone name no date (e.g. 2025年度内)',
      found: '年度内',
    },
    {
      label: '2024年6～4月',
      expected: 'months from 1 to 12, the first no later than the last',
      found: '6～4月',
    },
    { label: 'R10～R5', expected: 'a year not before 2028', found: 'R5' },
    { label: '2026年～2028年度', expected: '年, as at the start of the range', found: '年度' },
    { label: 'R10→R5', expected: 'a period after → no earlier than R10', found: 'R5' },
    { label: 'R5→R10→R12', expected: 'the end of the period', found: '→R12' },
    {
      label: '2024年度末～2024年夏',
      expected: 'a column after the dash that ends no earlier than the start of 2024年度末',
      found: '2024年夏',
    },
    {
      label: '2025年度～2024年度末',
      expected: 'a column after the dash that ends no earlier than the start of 2025年度',
      found: '2024年度末',
    },
    { label: '2024年末～R5平均', expected: COLUMN, found: 'R5平均' },
    { label: '2024年末～2026～2028年度平均', expected: COLUMN, found: '2026～2028年度平均' },
    { label: '2024年末～2025年度補正', expected: COLUMN, found: '2025年度補正' },
    { label: '2024年末～2025年', expected: COLUMN, found: '2025年' },
    { label: '2024年末～(R10～)', expected: COLUMN, found: '(R10～)' },
    { label: '2024年末～', expected: COLUMN, found: '' },
    { label: 'R5～R10平均x', expected: 'the end of the period', found: 'x' },
  ])('refuses $label, naming what it expected', ({ label, expected, found }) => {
    const result = parsePeriod(label);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ expected, found });
    expect(result.error.message).toContain(expected);
  });

  it('never throws, whatever the text', () => {
    const pieces = fc.constantFrom(
      ...[
        '20',
        '24',
        '1',
        '年',
        '度',
        '末',
        '夏',
        '月',
        '日',
        '時点',
        'R',
        'H',
        '令和',
        '元',
        '～',
        '-',
        '→',
      ],
      ...['(', ')', '平均', '累積', '補正', ' ', '※', 'x', '0'],
    );
    const texts = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.array(pieces).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(texts, (text) => {
        expect(typeof parsePeriod(text).ok).toBe('boolean');
      }),
      { numRuns: 5000 },
    );
  });
});
