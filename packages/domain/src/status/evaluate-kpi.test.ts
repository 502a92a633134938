import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parsePeriod } from '../calendar/parse-period.js';
import type { Direction, KpiShape } from '../model/codes.js';
import type { PeriodValue } from '../model/entities.js';
import type { KpiForStatus, ObservationForStatus } from './evaluate-kpi.js';
import { AsOfDate, evaluateKpi } from './evaluate-kpi.js';

// The seed's follow-up round (seeds/004_…txt, "※2025年6月末時点").
const AS_OF = '2025-06-30';

function period(label: string): PeriodValue {
  const parsed = parsePeriod(label);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const { start, end, fiscalYear } = parsed.value;
  return { start, end, fiscalYear, label };
}

function point(value: number | null, label: string) {
  return { value, period: period(label) };
}

interface KpiSpec {
  name: string;
  shape: KpiShape;
  unit?: string;
  direction?: Direction;
  baseline?: [number | null, string];
  target?: [number | null, string];
}

function kpi(spec: KpiSpec): KpiForStatus {
  return {
    id: `kpi-${spec.name}`,
    name: spec.name,
    unit: spec.unit ?? '',
    shape: spec.shape,
    direction: spec.direction ?? 'increase',
    baseline: spec.baseline === undefined ? null : point(...spec.baseline),
    target: spec.target === undefined ? null : point(...spec.target),
  };
}

function actual(value: number, label: string): ObservationForStatus {
  return { value, period: period(label) };
}

// Seed KPIs, as the seed writes them (sheet and line of seeds/004_b47fbf0a9a739e74.txt in each comment).
const PEDIATRIC_PLANS = kpi({
  // Line 190: 小児用医薬品の開発計画の策定件数 50件 (2024-2028年度累積); line 200: 22件 (2024年度).
  name: '小児用医薬品の開発計画の策定件数',
  shape: 'cumulative',
  unit: '件',
  target: [50, '2024-2028年度累積'],
});
const ORPHAN_DESIGNATIONS = kpi({
  // Line 190: 希少疾病用医薬品の指定件数 200件 (2024-2028年度累積) 151件 (2018-2022年度累積); line 200: 86件 (2024年度).
  name: '希少疾病用医薬品の指定件数',
  shape: 'cumulative',
  unit: '件',
  baseline: [151, '2018-2022年度累積'],
  target: [200, '2024-2028年度累積'],
});
const BUSINESSES_STARTED = kpi({
  // Line 54: 左記事業によって、起業や導出など企業活動に移行した数 8 (R7~R10).
  name: '左記事業によって、起業や導出など企業活動に移行した数',
  shape: 'cumulative',
  target: [8, 'R7~R10'],
});
const FOREIGN_PHARMA = kpi({
  // Line 52: 国内イノベーション促進拠点又は国内イノベーション促進プログラムを有する外資系製薬企業の数 14 (R10) 7 (R5).
  name: '国内イノベーション促進拠点又は国内イノベーション促進プログラムを有する外資系製薬企業の数',
  shape: 'level',
  baseline: [7, 'R5'],
  target: [14, 'R10'],
});
const INTERNATIONAL_TRIALS = kpi({
  // Line 25: 我が国における国際共同治験の初回治験計画届件数（100件→150件）（2021年→2028年）.
  name: '国際共同治験の初回治験計画届件数',
  shape: 'level',
  unit: '件',
  baseline: [100, '2021年'],
  target: [150, '2028年'],
});
const ONE_STOP_CONSULTATIONS = kpi({
  // Line 79: ワンストップ窓口への国際共同治験の相談件数 年間15件 (R10).
  name: 'ワンストップ窓口への国際共同治験の相談件数',
  shape: 'annual',
  unit: '件',
  target: [15, 'R10'],
});
const SUPPORTED_SEEDS = kpi({
  // Line 77: 過去3年度平均以上の支援シーズ数 1365件 (R3～R5平均).
  name: '支援シーズ数',
  shape: 'at-least-average',
  unit: '件',
  baseline: [1365, 'R3～R5平均'],
  target: [1365, 'R3～R5平均'],
});
const STARTUP_INVESTMENT = kpi({
  // Line 26: 創薬スタートアップに対する民間投資額（2倍）（2023年→2028年）; the base amount is not in the document.
  name: '創薬スタートアップに対する民間投資額',
  shape: 'multiplier',
  unit: '倍',
  baseline: [null, '2023年'],
  target: [2, '2028年'],
});
const ECOSYSTEM_RANK = kpi({
  // Line 28: 世界有数（世界10位以内）の創薬エコシステムとして評価されている（2028年）.
  name: '創薬エコシステムの世界ランキング',
  shape: 'rank',
  unit: '位',
  direction: 'decrease',
  target: [10, '2028年'],
});
const GENERIC_SHARE = kpi({
  // Line 232: 後発品数量シェア 全都道府県で80%以上 (R10) 11都府県が未達成 (R5); values count units below 80%.
  name: '後発品数量シェア（80%未満の都道府県数）',
  shape: 'share-meeting-bar',
  unit: '都道府県',
  direction: 'decrease',
  baseline: [11, 'R5'],
  target: [0, 'R10'],
});
const DRUG_LOSS = kpi({
  // Line 189: ドラッグ・ロスを生じている医薬品86品目のうち必要な医薬品の開発着手 (R8).
  name: 'ドラッグ・ロスを生じている医薬品のうち必要な医薬品の開発着手',
  shape: 'qualitative',
  target: [null, 'R8'],
});

describe('evaluateKpi', () => {
  describe('cumulative over a fiscal-year range', () => {
    it('reproduces the example: 22件 in 2024年度 against 50件 over 2024–2028年度', () => {
      const status = evaluateKpi(PEDIATRIC_PLANS, [actual(22, '2024年度')], AS_OF);
      expect(status.sentence.ja).toBe(
        '2024年度までの累計22件は、2024–2028年度累積50件に対する按分値10件（5年度中1年度経過）を上回っており順調です',
      );
      expect(status.sentence.en).toBe(
        'The running total of 22 through FY2024 is above the pro-rata share of 10 (1 of 5 fiscal years elapsed) of the cumulative target of 50 for FY2024–FY2028: on track.',
      );
      expect(status).toMatchObject({
        kpiId: PEDIATRIC_PLANS.id,
        status: 'on_track',
        valueUsed: 22,
        valueYear: 2024,
        expectedValue: 10,
        forecast: 110,
        progressValue: 2.2,
        score: 5,
        method: 'kotei-cumulative',
        methodVersion: '1.0.0',
        reason: 'running_total_against_share',
      });
      expect(status.inputs).toMatchObject({
        asOfDate: AS_OF,
        actualsCounted: 1,
        series: [{ year: 2024, value: 22 }],
      });
    });

    it('judges 希少疾病用医薬品の指定件数 86件 (2024年度) against 200件 over 2024–2028年度', () => {
      const status = evaluateKpi(ORPHAN_DESIGNATIONS, [actual(86, '2024年度')], AS_OF);
      expect(status).toMatchObject({ status: 'on_track', valueUsed: 86, expectedValue: 40, forecast: 430 });
      expect(status.sentence.ja).toBe(
        '2024年度までの累計86件は、2024–2028年度累積200件に対する按分値40件（5年度中1年度経過）を上回っており順調です',
      );
    });

    it('has no data for 8 (R7~R10) as of 2025-06-30: no year of the range has ended', () => {
      const status = evaluateKpi(BUSINESSES_STARTED, [actual(1, '2025年6月末時点')], AS_OF);
      expect(status).toMatchObject({ status: 'no_data', score: null, reason: 'no_actual' });
      expect(status.sentence.ja).toBe(
        '2025年6月30日時点で2025–2028年度の実績がまだないため評価不能です。年の途中までの値1件は1年分の値と比べられないため使っていません',
      );
    });

    it('counts only actuals whose period ended on or before the as-of date', () => {
      const status = evaluateKpi(PEDIATRIC_PLANS, [actual(22, '2024年度'), actual(30, '2025年度')], AS_OF);
      expect(status.valueUsed).toBe(22);
      expect(status.inputs.actualsNotYetEnded).toBe(1);
      const later = evaluateKpi(
        PEDIATRIC_PLANS,
        [actual(22, '2024年度'), actual(30, '2025年度')],
        '2026-03-31',
      );
      expect(later).toMatchObject({ valueUsed: 52, expectedValue: 20, status: 'achieved', score: 5 });
      expect(later.sentence.ja).toBe(
        '2025年度までの累計52件は、2024–2028年度累積50件に達しており目標達成です',
      );
    });

    it('says below the share and the band when behind', () => {
      const status = evaluateKpi(PEDIATRIC_PLANS, [actual(7, '2024年度')], AS_OF);
      expect(status).toMatchObject({ status: 'moderate', progressValue: 0.7 });
      expect(status.sentence.ja).toBe(
        '2024年度までの累計7件は、2024–2028年度累積50件に対する按分値10件（5年度中1年度経過）を下回っており進捗あり（加速が必要）です',
      );
    });
  });

  describe('level by a year (the published method)', () => {
    it('has no data for 外資系製薬企業の数 14 (R10) 7 (R5) as of 2025-06-30: no actual yet', () => {
      const status = evaluateKpi(FOREIGN_PHARMA, [], AS_OF);
      expect(status).toMatchObject({
        status: 'no_data',
        score: null,
        reason: 'no_actual',
        method: 'open-sdg',
      });
      expect(status.methodVersion).toBe('2.4.0');
      expect(status.valueUsed).toBeNull();
      expect(status.sentence.ja).toBe(
        '2025年6月30日時点で評価に使える実績がないため評価不能です。基準値は2023年度の7です',
      );
    });

    it('measures an actual against the geometric path from 7 (FY2023) to 14 (FY2028)', () => {
      const status = evaluateKpi(FOREIGN_PHARMA, [actual(9, '2024年度'), actual(12, '2025年度')], AS_OF);
      const required = Math.pow(2, 1 / 5) - 1;
      expect(status.progressValue).toBeCloseTo((9 / 7 - 1) / required, 12);
      expect(status.expectedValue).toBeCloseTo(7 * Math.pow(2, 1 / 5), 12);
      expect(status.forecast).toBeCloseTo(7 * Math.pow(9 / 7, 5), 9);
      expect(status).toMatchObject({
        status: 'on_track',
        valueUsed: 9,
        valueYear: 2024,
        reason: 'growth_against_target',
      });
      expect(status.sentence.ja).toBe(
        '2024年度の実績9は、2023年度の7から2028年度の目標14に至る経路上の期待値8.04を上回っており（必要な伸びに対する実績の伸びの比192.1%）順調です',
      );
    });

    it('reads calendar years as 年 (100件→150件, 2021年→2028年)', () => {
      const status = evaluateKpi(INTERNATIONAL_TRIALS, [actual(120, '2024年')], AS_OF);
      expect(status.status).toBe('on_track');
      expect(status.sentence.ja).toMatch(/^2024年の実績120件は、2021年の100件から2028年の目標150件に至る/u);
      expect(status.sentence.en).toMatch(/^The 2024 actual of 120 is above the expected/u);
    });

    it('lets a reported actual for the baseline year stand in for the plan figure', () => {
      const status = evaluateKpi(FOREIGN_PHARMA, [actual(8, 'R5'), actual(9, '2024年度')], AS_OF);
      expect(status.inputs.series).toEqual([
        { year: 2023, value: 8 },
        { year: 2024, value: 9 },
      ]);
    });

    it('gives invalid input, never an exception, for two actuals of one year', () => {
      const status = evaluateKpi(FOREIGN_PHARMA, [actual(9, '2024年度'), actual(10, '2024年度')], AS_OF);
      expect(status).toMatchObject({ status: 'no_data', reason: 'invalid_input', score: null });
      expect(status.error).toContain('2024');
      expect(status.sentence.ja).toContain('入力が不正なため評価不能です');
    });
  });

  describe('annual rate', () => {
    it('has no data for 年間15件 (R10) as of 2025-06-30: the window opened in 2025年度', () => {
      const status = evaluateKpi(ONE_STOP_CONSULTATIONS, [actual(3, '2025年6月末時点')], AS_OF);
      expect(status).toMatchObject({ status: 'no_data', reason: 'no_actual' });
      expect(status.inputs.parameters.partialPeriodsLeftOut).toBe(1);
    });

    it('calls a whole year at the target rate achieved', () => {
      const status = evaluateKpi(ONE_STOP_CONSULTATIONS, [actual(16, '2025年度')], '2026-06-30');
      expect(status).toMatchObject({ status: 'achieved', score: 5 });
      expect(status.sentence.ja).toBe('2025年度の年間実績16件は、2028年度の目標15件に達しており目標達成です');
    });

    it('measures the yearly counts against the target rate by the published method', () => {
      const status = evaluateKpi(
        ONE_STOP_CONSULTATIONS,
        [actual(6, '2025年度'), actual(10, '2026年度'), actual(4, '2027年6月末時点')],
        '2027-06-30',
      );
      const ratio = (10 / 6 - 1) / (Math.pow(15 / 6, 1 / 3) - 1);
      expect(status.progressValue).toBeCloseTo(ratio, 12);
      expect(status).toMatchObject({ status: 'on_track', valueUsed: 10 });
    });
  });

  describe('keep at or above an average', () => {
    it('has no data for 1365件 (R3～R5平均) as of 2025-06-30 without a 2024年度 figure', () => {
      expect(evaluateKpi(SUPPORTED_SEEDS, [], AS_OF)).toMatchObject({
        status: 'no_data',
        reason: 'no_actual',
      });
    });

    it('calls a year at or above the average achieved (a maintain target, not a division by zero)', () => {
      const status = evaluateKpi(SUPPORTED_SEEDS, [actual(1402, '2024年度')], AS_OF);
      expect(status).toMatchObject({
        status: 'achieved',
        score: 5,
        expectedValue: 1365,
        reason: 'level_kept',
      });
      expect(status.sentence.ja).toBe(
        '2024年度の実績1,402件は、2021–2023年度平均1,365件以上を維持しており目標達成です',
      );
      const exactly = evaluateKpi(SUPPORTED_SEEDS, [actual(1365, '2024年度')], AS_OF);
      expect(exactly.status).toBe('achieved');
    });

    it('calls a year below the average deterioration, scored by the fall per year', () => {
      const status = evaluateKpi(SUPPORTED_SEEDS, [actual(1300, '2024年度')], AS_OF);
      const fall = 1300 / 1365 - 1;
      expect(status).toMatchObject({ status: 'deteriorating', reason: 'below_level' });
      expect(status.score).toBeCloseTo(Math.max(125 * fall - 2.5, -5), 12);
      expect(status.sentence.ja).toBe(
        '2024年度の実績1,300件は、2021–2023年度平均1,365件を下回っており（年率-4.76%）悪化しています',
      );
    });
  });

  describe('multiplier', () => {
    it('has no data for 民間投資額 2倍 (2023年→2028年) without the 2023 amount', () => {
      const status = evaluateKpi(STARTUP_INVESTMENT, [], AS_OF);
      expect(status).toMatchObject({ status: 'no_data', reason: 'base_value_missing' });
    });

    it('turns 2倍 into 2 × the 2023 actual and applies the published method', () => {
      const status = evaluateKpi(STARTUP_INVESTMENT, [actual(250, '2023年'), actual(300, '2024年')], AS_OF);
      const ratio = (300 / 250 - 1) / (Math.pow(2, 1 / 5) - 1);
      expect(status.progressValue).toBeCloseTo(ratio, 12);
      expect(status.inputs.parameters).toMatchObject({ factor: 2, absoluteTarget: 500 });
      expect(status).toMatchObject({ status: 'on_track', method: 'open-sdg' });
      expect(status.sentence.ja).toMatch(
        /^2024年の実績300は、2023年の250から2028年の目標500（2023年の250の2倍）に至る/u,
      );
    });
  });

  describe('rank, lower is better', () => {
    it('has no data for 世界10位以内 (2028年) as of 2025-06-30: no ranking yet', () => {
      expect(evaluateKpi(ECOSYSTEM_RANK, [], AS_OF)).toMatchObject({
        status: 'no_data',
        reason: 'no_actual',
      });
    });

    it('calls a rank within the threshold achieved', () => {
      const status = evaluateKpi(ECOSYSTEM_RANK, [actual(9, '2024年')], AS_OF);
      expect(status).toMatchObject({ status: 'achieved', score: 5 });
      expect(status.sentence.ja).toBe(
        '2024年の順位9位は、2028年に10位以内とする目標に達しており目標達成です',
      );
    });

    it('measures the places gained per year against the pace the threshold needs', () => {
      const status = evaluateKpi(ECOSYSTEM_RANK, [actual(20, '2023年'), actual(15, '2024年')], AS_OF);
      expect(status).toMatchObject({
        status: 'on_track',
        progressValue: 2.5,
        expectedValue: 18,
        forecast: 1,
      });
      const slipping = evaluateKpi(ECOSYSTEM_RANK, [actual(20, '2023年'), actual(22, '2024年')], AS_OF);
      expect(slipping).toMatchObject({ status: 'deteriorating', progressValue: -1 });
    });
  });

  describe('share of units meeting a bar', () => {
    it('has no data for 全都道府県で80%以上 (11都府県が未達成 (R5)) as of 2025-06-30 without a 2024年度 count', () => {
      expect(evaluateKpi(GENERIC_SHARE, [], AS_OF)).toMatchObject({ status: 'no_data', reason: 'no_actual' });
    });

    it('measures the fall of units below the bar against the straight path to 0', () => {
      const status = evaluateKpi(GENERIC_SHARE, [actual(7, '2024年度')], AS_OF);
      expect(status.progressValue).toBeCloseTo(4 / 2.2, 12);
      expect(status.expectedValue).toBeCloseTo(8.8, 12);
      expect(status).toMatchObject({ status: 'on_track', method: 'kotei-share-meeting-bar' });
      expect(status.sentence.ja).toBe(
        '2024年度の基準未達の数7都道府県は、2023年度の11都道府県から2028年度に0都道府県以下とする目標への直線経路上の期待値8.8都道府県を下回っており（必要な改善ペースに対する実績の比181.8%）順調です',
      );
    });

    it('calls every unit meeting the bar achieved', () => {
      expect(evaluateKpi(GENERIC_SHARE, [actual(0, '2024年度')], AS_OF).status).toBe('achieved');
    });
  });

  describe('qualitative', () => {
    it('computes no status for 開発着手 (R8): the coordinator sets it', () => {
      const status = evaluateKpi(DRUG_LOSS, [], AS_OF);
      expect(status).toMatchObject({
        status: 'no_data',
        score: null,
        reason: 'set_by_coordinator',
        method: 'kotei-qualitative',
      });
      expect(status.sentence.ja).toBe(
        '定性的な目標のため自動では判定せず、取りまとめ担当が理由を付して判定します',
      );
    });
  });

  it('skips actuals of another KPI and rejects an as-of date that is not a date', () => {
    const other = { ...actual(40, '2024年度'), kpiId: 'another' };
    expect(evaluateKpi(PEDIATRIC_PLANS, [other], AS_OF).status).toBe('no_data');
    expect(() => evaluateKpi(PEDIATRIC_PLANS, [], '2025-06-31')).toThrow(RangeError);
  });

  it('judges each of two as-of dates in alternation by its own date, and refuses a bad date every time', () => {
    // 22件 for 2024年度 has ended by 2025-06-30, not by 2025-03-30: one date counts it, the other does not.
    const actuals = [actual(22, '2024年度')];
    const checked = AsOfDate.of('2025-03-30');
    for (const asOf of [AS_OF, checked, AS_OF, '2025-03-30', AsOfDate.of(AS_OF), checked]) {
      const date = typeof asOf === 'string' ? asOf : asOf.date;
      const status = evaluateKpi(PEDIATRIC_PLANS, actuals, asOf);
      expect(status.inputs.asOfDate).toBe(date);
      if (date === AS_OF) {
        expect(status).toMatchObject({ status: 'on_track', valueUsed: 22 });
        expect(status.inputs).toMatchObject({ actualsCounted: 1, actualsNotYetEnded: 0 });
      } else {
        expect(status).toMatchObject({ status: 'no_data', valueUsed: null });
        expect(status.inputs).toMatchObject({ actualsCounted: 0, actualsNotYetEnded: 1 });
        expect(status.sentence.ja).toContain('2025年3月30日時点で');
      }
      // A date that is no day is refused whatever was judged before it, and twice in a row.
      expect(() => evaluateKpi(PEDIATRIC_PLANS, actuals, '2025-02-29')).toThrow(RangeError);
      expect(() => evaluateKpi(PEDIATRIC_PLANS, actuals, '2025-02-29')).toThrow(RangeError);
    }
    expect(() => AsOfDate.of('2025-02-29')).toThrow(RangeError);
  });

  it('words the sentence once, on first read, and serialises it with the status', () => {
    const status = evaluateKpi(PEDIATRIC_PLANS, [actual(22, '2024年度')], AS_OF);
    expect(Object.keys(status)).not.toContain('sentence');
    expect(status.sentence).toBe(status.sentence);
    const sent = JSON.parse(JSON.stringify(status)) as { sentence: unknown; status: unknown };
    expect(sent.status).toBe('on_track');
    expect(sent.sentence).toEqual(status.sentence);
  });

  it('gives the same status whatever the order of the actuals', () => {
    const labels = ['2023年度', '2024年度', '2025年度', '2026年度', '2027年度'];
    fc.assert(
      fc.property(
        fc.subarray(labels, { minLength: 1 }),
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 5, maxLength: 5 }),
        fc.constantFrom(PEDIATRIC_PLANS, FOREIGN_PHARMA, SUPPORTED_SEEDS, GENERIC_SHARE),
        (chosen, values, subject) => {
          const actuals = chosen.map((label, i) => actual(values[i] ?? 0, label));
          const reversed = [...actuals].reverse();
          // Through JSON, so the sentence (a getter, not an own property) is compared too.
          expect(JSON.parse(JSON.stringify(evaluateKpi(subject, reversed, '2030-06-30')))).toEqual(
            JSON.parse(JSON.stringify(evaluateKpi(subject, actuals, '2030-06-30'))),
          );
        },
      ),
    );
  });
});
