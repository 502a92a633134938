import { describe, it, expect } from 'vitest';
import { parsePeriod } from '../calendar/parse-period.js';
import type { Direction, KpiShape } from '../model/codes.js';
import type { PeriodValue } from '../model/entities.js';
import type { KpiForStatus, ObservationForStatus } from './evaluate-kpi.js';
import { evaluateKpi } from './evaluate-kpi.js';

// The seed's follow-up round (※2025年6月末時点).
const AS_OF = '2025-06-30';

function period(label: string): PeriodValue {
  const parsed = parsePeriod(label);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const { start, end, fiscalYear } = parsed.value;
  return { start, end, fiscalYear, label };
}

function kpi(
  shape: KpiShape,
  unit: string,
  baseline: [number | null, string] | null,
  target: [number | null, string] | null,
  direction: Direction = 'increase',
): KpiForStatus {
  return {
    id: 'k',
    name: 'k',
    unit,
    shape,
    direction,
    baseline: baseline && { value: baseline[0], period: period(baseline[1]) },
    target: target && { value: target[0], period: period(target[1]) },
  };
}

function actual(value: number, label: string): ObservationForStatus {
  return { value, period: period(label) };
}

// Sheet ⑤: 年平均3件以上の革新的な創薬シーズの創出 (R10) ←H30からR5の6年間で12件, as the importer keeps it.
const INNOVATIVE_SEEDS = kpi('annual', '件', [12, 'H30～R5'], [3, 'R10']);

describe('like compared with like', () => {
  describe('a baseline over several years against a per-year target', () => {
    it('is no longer 目標達成 at 2025-06-30: the six-year total is no actual and no annual count', () => {
      const status = evaluateKpi(INNOVATIVE_SEEDS, [], AS_OF);
      expect(status).toMatchObject({ status: 'no_data', reason: 'no_actual', valueUsed: null, score: null });
      expect(status.sentence.ja).toBe(
        '2025年6月30日時点で評価に使える実績がないため評価不能です。基準値は2018–2023年度の6年度間で12件（年平均2件）です',
      );
      expect(status.sentence.ja).not.toContain('実績12');
      expect(status.sentence.en).toContain('12 over the 6 years FY2018–FY2023 (2 a year)');
    });

    it('compares a later year with the yearly average of the baseline, not with its total', () => {
      // 2件 in FY2024 keeps the 2件 a year of H30～R5: no growth towards 3, which is limited, not a fall from 12.
      const status = evaluateKpi(INNOVATIVE_SEEDS, [actual(2, '2024年度')], AS_OF);
      expect(status.inputs.series).toEqual([
        { year: 2023, value: 2 },
        { year: 2024, value: 2 },
      ]);
      expect(status).toMatchObject({ status: 'limited', valueUsed: 2, valueYear: 2024, progressValue: 0 });
      expect(status.sentence.ja).toContain('2018–2023年度の年平均2件から2028年度の目標3件に至る');
    });

    it('reads an actual over several whole years as its yearly rate', () => {
      const status = evaluateKpi(INNOVATIVE_SEEDS, [actual(8, '2024～2025年度')], '2026-06-30');
      expect(status).toMatchObject({ status: 'achieved', valueUsed: 4, valueYear: 2025 });
      expect(status.sentence.ja).toBe(
        '2024–2025年度の実績（年平均4件）は、2028年度の目標3件に達しており目標達成です',
      );
    });

    it('divides a level KPI’s total over several years, but keeps an average or a rate as it is', () => {
      const total = evaluateKpi(
        kpi('level', '件', [12, 'H30～R5'], [3, 'R10']),
        [actual(3, '2024年度')],
        AS_OF,
      );
      expect(total.inputs.series[0]).toEqual({ year: 2023, value: 2 });
      const average = evaluateKpi(
        kpi('level', '件', [2, 'H30～R5平均'], [3, 'R10']),
        [actual(3, '2024年度')],
        AS_OF,
      );
      expect(average.inputs.series[0]).toEqual({ year: 2023, value: 2 });
      const share = evaluateKpi(
        kpi('level', '%', [60, 'R3～R5'], [80, 'R10']),
        [actual(65, '2024年度')],
        AS_OF,
      );
      expect(share.inputs.series[0]).toEqual({ year: 2023, value: 60 });
    });
  });

  describe('a baseline is never an actual', () => {
    it('gives no data, not 目標達成, when the baseline already meets the target and nothing is reported', () => {
      const status = evaluateKpi(kpi('level', '件', [20, 'R5'], [14, 'R10']), [], AS_OF);
      expect(status).toMatchObject({ status: 'no_data', reason: 'no_actual', valueUsed: null });
    });

    it('does not let the baseline stand as the latest value when the only actuals are older', () => {
      const status = evaluateKpi(kpi('level', '', [7, 'R5'], [14, 'R10']), [actual(5, '2021年度')], AS_OF);
      expect(status).toMatchObject({ status: 'no_data', reason: 'no_actual', valueUsed: null });
      expect(status.inputs.parameters.actualsBeforeBase).toBe(1);
      const rank = evaluateKpi(
        kpi('rank', '位', [12, '2023年'], [10, '2028年'], 'decrease'),
        [actual(9, '2021年')],
        AS_OF,
      );
      expect(rank).toMatchObject({ status: 'no_data', valueUsed: null });
    });

    it('names a cumulative KPI’s earlier total as its baseline when there is no actual', () => {
      const status = evaluateKpi(
        kpi('cumulative', '件', [151, '2018-2022年度累積'], [200, '2024-2028年度累積']),
        [],
        AS_OF,
      );
      expect(status.sentence.ja).toBe(
        '2025年6月30日時点で2024–2028年度の実績がまだないため評価不能です。基準値は2018–2022年度の5年度間で151件（年平均30.2件）です',
      );
    });
  });

  describe('a target over several years', () => {
    // Sheet ⑦: シーズ導出件数及び連続的支援数 250件 (2026～2028年度平均) 203件 (2021-2023年度平均).
    const SEED_HANDOVERS = kpi('level', '件', [203, '2021-2023年度平均'], [250, '2026～2028年度平均']);

    it('is not met by one good year when it is an average of three', () => {
      const status = evaluateKpi(SEED_HANDOVERS, [actual(260, '2026年度')], '2027-06-30');
      expect(status.status).toBe('on_track');
      expect(status.reason).toBe('growth_against_target');
      expect(status.sentence.ja).toContain(
        '2021–2023年度の年平均203件から2026–2028年度平均の目標250件に至る',
      );
    });

    it('is met when the mean of its years meets it', () => {
      const years = [actual(240, '2026年度'), actual(250, '2027年度'), actual(262, '2028年度')];
      expect(evaluateKpi(SEED_HANDOVERS, years, '2029-06-30').status).toBe('achieved');
      const short = [actual(230, '2026年度'), actual(240, '2027年度'), actual(262, '2028年度')];
      expect(evaluateKpi(SEED_HANDOVERS, short, '2029-06-30').status).not.toBe('achieved');
    });

    it('counts a cumulative target as a total and an average actual as its total', () => {
      const status = evaluateKpi(
        kpi('cumulative', '件', null, [50, '2024-2028年度累積']),
        [actual(11, '2024～2025年度平均')],
        '2026-06-30',
      );
      expect(status).toMatchObject({ valueUsed: 22, expectedValue: 20, status: 'on_track' });
    });
  });

  describe('keep at or above an average', () => {
    const SUPPORTED_SEEDS = kpi('at-least-average', '件', [1365, 'R3～R5平均'], [1365, 'R3～R5平均']);

    it('leaves out a June figure: part of a year is not a year against a yearly average', () => {
      const status = evaluateKpi(SUPPORTED_SEEDS, [actual(300, '2025年6月末時点')], AS_OF);
      expect(status).toMatchObject({ status: 'no_data', reason: 'no_actual', valueUsed: null });
    });

    it('compares a total over two years as its yearly average', () => {
      const status = evaluateKpi(SUPPORTED_SEEDS, [actual(2800, '2024～2025年度')], '2026-06-30');
      expect(status).toMatchObject({ status: 'achieved', valueUsed: 1400 });
      expect(status.sentence.ja).toBe(
        '2024–2025年度の実績（年平均1,400件）は、2021–2023年度平均1,365件以上を維持しており目標達成です',
      );
    });
  });

  it('leaves out a rank given over several years: a rank is a place at one time', () => {
    const status = evaluateKpi(
      kpi('rank', '位', null, [10, '2028年'], 'decrease'),
      [actual(8, '2023～2024年')],
      AS_OF,
    );
    expect(status).toMatchObject({ status: 'no_data', valueUsed: null });
    expect(status.inputs.parameters.actualsLeftOut).toBe(1);
  });
});

describe('a share-meeting-bar KPI in %', () => {
  it('words its values as counts of units, not as shares', () => {
    // Sheet ⑪: 後発品数量シェア 全都道府県で80%以上; the importer keeps the share's unit (%) and counts units.
    const status = evaluateKpi(kpi('share-meeting-bar', '%', [11, 'R5'], [0, 'R10'], 'increase'), [], AS_OF);
    expect(status.sentence.ja).toContain('基準値は2023年度の11です');
    expect(status.sentence.ja).not.toContain('11%');
  });
});

describe('a no-data sentence', () => {
  it('says which actuals were left out and why, then names the baseline', () => {
    const june = evaluateKpi(INNOVATIVE_SEEDS, [actual(1, '2025年6月末時点')], AS_OF);
    expect(june.sentence.ja).toBe(
      '2025年6月30日時点で評価に使える実績がないため評価不能です。年の途中までの値1件は1年分の値と比べられないため使っていません。基準値は2018–2023年度の6年度間で12件（年平均2件）です',
    );
    expect(june.sentence.en).toContain('1 figure(s) for part of a year cannot stand for a year: not used.');
    const older = evaluateKpi(kpi('level', '件', [7, 'R5'], [14, 'R10']), [actual(5, '2021年度')], AS_OF);
    expect(older.sentence.ja).toContain('基準年より前の実績1件は使っていません');
  });
});
