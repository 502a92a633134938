import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parsePeriod } from '../calendar/parse-period.js';
import type { Direction, KpiShape } from '../model/codes.js';
import type { PeriodValue } from '../model/entities.js';
import type { KpiForStatus, ObservationForStatus } from './evaluate-kpi.js';
import { AsOfDate } from './evaluate-kpi.js';
import { evaluateKpiAbnf } from './abnf-kpi.js';

// The seed's follow-up round (seeds/004_…txt, "※2025年6月末時点").
const AS_OF = '2025-06-30';

function period(label: string): PeriodValue {
  const parsed = parsePeriod(label);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const { start, end, fiscalYear } = parsed.value;
  return { start, end, fiscalYear, label };
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
  const point = ([value, label]: [number | null, string]) => ({ value, period: period(label) });
  return {
    id: `kpi-${spec.name}`,
    name: spec.name,
    unit: spec.unit ?? '',
    shape: spec.shape,
    direction: spec.direction ?? 'increase',
    baseline: spec.baseline === undefined ? null : point(spec.baseline),
    target: spec.target === undefined ? null : point(spec.target),
  };
}

function actual(value: number, label: string): ObservationForStatus {
  return { value, period: period(label) };
}

// The published worked example (経済財政諮問会議, 日本再興戦略 KPI sheet): 設備投資 64.9兆円 (FY2012) → 約70兆円 (FY2015).
const CAPITAL_INVESTMENT = kpi({
  name: '設備投資',
  shape: 'level',
  unit: '兆円',
  baseline: [64.9, '2012年度'],
  target: [70, '2015年度'],
});
// Seed KPIs (seeds/004_b47fbf0a9a739e74.txt), as evaluate-kpi.test.ts reads them.
const FOREIGN_PHARMA = kpi({
  name: '国内イノベーション促進拠点又は国内イノベーション促進プログラムを有する外資系製薬企業の数',
  shape: 'level',
  baseline: [7, 'R5'],
  target: [14, 'R10'],
});
const PEDIATRIC_PLANS = kpi({
  name: '小児用医薬品の開発計画の策定件数',
  shape: 'cumulative',
  unit: '件',
  target: [50, '2024-2028年度累積'],
});
const SUPPORTED_SEEDS = kpi({
  name: '支援シーズ数',
  shape: 'at-least-average',
  unit: '件',
  baseline: [1365, 'R3～R5平均'],
  target: [1365, 'R3～R5平均'],
});
const STARTUP_INVESTMENT = kpi({
  name: '創薬スタートアップに対する民間投資額',
  shape: 'multiplier',
  unit: '倍',
  baseline: [null, '2023年'],
  target: [2, '2028年'],
});
const ECOSYSTEM_RANK = kpi({
  name: '創薬エコシステムの世界ランキング',
  shape: 'rank',
  unit: '位',
  direction: 'decrease',
  target: [10, '2028年'],
});
const GENERIC_SHARE = kpi({
  name: '後発品数量シェア（80%未満の都道府県数）',
  shape: 'share-meeting-bar',
  unit: '%',
  direction: 'decrease',
  baseline: [11, 'R5'],
  target: [0, 'R10'],
});
const SEEDS_CREATED = kpi({
  name: '年平均3件以上の革新的な創薬シーズの創出',
  shape: 'annual',
  unit: '件',
  baseline: [12, 'H30～R5'],
  target: [3, 'R10'],
});
const DRUG_RESEARCHERS = kpi({
  // 創薬に携わる人材 1225名 (R5), target 「増加」: a direction only.
  name: '創薬に携わる人材',
  shape: 'level',
  unit: '名',
  baseline: [1225, 'R5'],
});
const DRUG_LOSS = kpi({
  name: 'ドラッグ・ロスを生じている医薬品のうち必要な医薬品の開発着手',
  shape: 'qualitative',
  target: [null, 'R8'],
});

describe('evaluateKpiAbnf', () => {
  it('grades the published 設備投資 case A and says so with the value needed now', () => {
    const status = evaluateKpiAbnf(CAPITAL_INVESTMENT, [actual(69.4, '2014年度')], AS_OF);
    expect(status).toMatchObject({ grade: 'A', reason: 'on_pace', elapsedYears: 2, targetYears: 3 });
    expect(status.sentence.ja).toBe(
      '進捗率88.2%（初期値2012年度の64.9兆円→現在2014年度の69.4兆円、目標2015年度の70兆円）は経過期間の割合66.7%（3年中2年）以上のためAです。現時点で必要な値は68.3兆円です',
    );
    expect(status.sentence.en).toBe(
      'Progress 88.2% (initial 64.9 in FY2012 → current 69.4 in FY2014, target 70 in FY2015) is at least the elapsed share of the target period, 66.7% (2 of 3 years), so A. The value needed now is 68.3.',
    );
    expect(status.inputs).toMatchObject({ asOfDate: AS_OF, shape: 'level', actualsCounted: 1 });
    expect(JSON.parse(JSON.stringify(status))).toMatchObject({ grade: 'A', sentence: status.sentence });
  });

  it('grades a seed level KPI A on the line and B under it', () => {
    // 7 (R5) → 14 (R10): in FY2024 the line is at 7 + 7 × 1/5 = 8.4.
    const onPace = evaluateKpiAbnf(FOREIGN_PHARMA, [actual(9, 'R6')], AS_OF);
    expect(onPace).toMatchObject({ grade: 'A', neededNow: 8.4 });
    const behind = evaluateKpiAbnf(FOREIGN_PHARMA, [actual(8, 'R6')], AS_OF);
    expect(behind).toMatchObject({ grade: 'B', reason: 'behind_pace' });
    expect(behind.sentence.ja).toContain('未満のためBです。現時点で必要な値は8.4です');
  });

  it('grades N without an actual, naming the initial value, and leaves out an actual not yet ended', () => {
    const status = evaluateKpiAbnf(FOREIGN_PHARMA, [actual(9, 'R7')], AS_OF);
    expect(status).toMatchObject({ grade: 'N', reason: 'no_current' });
    expect(status.inputs.actualsNotYetEnded).toBe(1);
    expect(status.sentence.ja).toBe(
      '2025年6月30日時点で初期値R5の7より後の値がありません。今後データが得られるため、現時点で区分困難（N）です',
    );
  });

  it('grades a qualitative KPI F', () => {
    const status = evaluateKpiAbnf(DRUG_LOSS, [], AS_OF);
    expect(status).toMatchObject({ grade: 'F', reason: 'no_quantitative_target' });
    expect(status.sentence).toEqual({
      ja: '定量的な目標がないためFです',
      en: 'There is no quantitative target, so F.',
    });
  });

  it('grades a direction-only seed KPI (「増加」) by the way it moved', () => {
    expect(evaluateKpiAbnf(DRUG_RESEARCHERS, [actual(1300, 'R6')], AS_OF)).toMatchObject({
      grade: 'A',
      reason: 'moved_toward',
    });
    const flat = evaluateKpiAbnf(DRUG_RESEARCHERS, [actual(1225, 'R6')], AS_OF);
    expect(flat).toMatchObject({ grade: 'B', reason: 'not_moved_toward' });
    expect(flat.sentence.ja).toBe(
      '目標は方向のみ（増加）で、現在値2024年度の1,225名は初期値2023年度の1,225名から増加していない（横ばいまたは逆方向）ためBです',
    );
  });

  it('grades a cumulative KPI by its running total against the straight line from nothing', () => {
    // 22件 in FY2024 of 50件 over FY2024–FY2028: needed now 50 × 1/5 = 10.
    const status = evaluateKpiAbnf(PEDIATRIC_PLANS, [actual(22, '2024年度')], AS_OF);
    expect(status).toMatchObject({
      grade: 'A',
      reason: 'on_pace',
      neededNow: 10,
      elapsed: 0.2,
      progress: 0.44,
    });
    expect(status.sentence.ja).toBe(
      '進捗率44%（初期値2024年度開始時の0→現在2024年度までの累計22件、目標2028年度までの累計50件）は経過期間の割合20%（5年中1年）以上のためAです。現時点で必要な値は10件です',
    );
    expect(evaluateKpiAbnf(PEDIATRIC_PLANS, [actual(9, '2024年度')], AS_OF).grade).toBe('B');
  });

  it('grades a cap on a running total A while it stays within its pro-rata share', () => {
    const cap = kpi({
      name: '重大事故',
      shape: 'cumulative',
      unit: '件',
      direction: 'decrease',
      target: [50, '2024-2028年度累積'],
    });
    expect(evaluateKpiAbnf(cap, [actual(8, '2024年度')], AS_OF)).toMatchObject({ grade: 'A', neededNow: 10 });
    const over = evaluateKpiAbnf(cap, [actual(12, '2024年度')], AS_OF);
    expect(over).toMatchObject({ grade: 'B' });
    expect(over.sentence.ja).toContain('按分値10件（5年中1年）を超えているためBです');
  });

  it('grades 「過去3年度平均以上」 A when kept and B when it slipped', () => {
    expect(evaluateKpiAbnf(SUPPORTED_SEEDS, [actual(1400, 'R6')], AS_OF)).toMatchObject({
      grade: 'A',
      reason: 'target_met',
    });
    expect(evaluateKpiAbnf(SUPPORTED_SEEDS, [actual(1300, 'R6')], AS_OF)).toMatchObject({
      grade: 'B',
      reason: 'below_target',
    });
  });

  it('grades a multiplier against base × factor, and N without the base amount', () => {
    const missing = evaluateKpiAbnf(STARTUP_INVESTMENT, [actual(130, '2024年')], AS_OF);
    expect(missing).toMatchObject({ grade: 'N', reason: 'no_initial' });
    const withBase = kpi({
      ...STARTUP_INVESTMENT,
      shape: 'multiplier',
      unit: '倍',
      baseline: [100, '2023年'],
      target: [2, '2028年'],
    });
    // 100 → 200 over 2023–2028: needed in 2024 is 120.
    expect(evaluateKpiAbnf(withBase, [actual(130, '2024年')], AS_OF)).toMatchObject({
      grade: 'A',
      neededNow: 120,
    });
    expect(evaluateKpiAbnf(withBase, [actual(110, '2024年')], AS_OF).grade).toBe('B');
  });

  it('grades a rank, lower being better, from its first place to the threshold', () => {
    const status = evaluateKpiAbnf(ECOSYSTEM_RANK, [actual(20, '2023年'), actual(17, '2024年')], AS_OF);
    // 20 (2023) → 10 (2028): needed in 2024 is 18.
    expect(status).toMatchObject({ grade: 'A', neededNow: 18 });
    expect(evaluateKpiAbnf(ECOSYSTEM_RANK, [actual(20, '2023年'), actual(19, '2024年')], AS_OF).grade).toBe(
      'B',
    );
  });

  it('grades N a share-meeting-bar KPI or a rank without an actual, naming the baseline when there is one', () => {
    const waiting = evaluateKpiAbnf(GENERIC_SHARE, [], AS_OF);
    expect(waiting).toMatchObject({ grade: 'N', reason: 'no_current', initial: { year: 2023, value: 11 } });
    expect(waiting.sentence.ja).toContain('初期値R5の11より後の値がありません');
    // A baseline over several years is named as written, not as one year's value.
    expect(evaluateKpiAbnf(SEEDS_CREATED, [], AS_OF).sentence.ja).toContain('初期値H30～R5の12件より後');
    expect(evaluateKpiAbnf(ECOSYSTEM_RANK, [], AS_OF)).toMatchObject({ grade: 'N', reason: 'no_current' });
  });

  it('grades a share-meeting-bar KPI by units under the bar, with a target of 0 kept as 0', () => {
    // 11 (R5) → 0 (R10): needed in FY2024 is 8.8.
    const behind = evaluateKpiAbnf(GENERIC_SHARE, [actual(9, 'R6')], AS_OF);
    expect(behind).toMatchObject({ grade: 'B', target: { year: 2028, value: 0 } });
    expect(behind.neededNow).toBeCloseTo(8.8, 10);
    expect(behind.sentence.ja).toContain('目標2028年度の0）');
    expect(evaluateKpiAbnf(GENERIC_SHARE, [actual(8, 'R6')], AS_OF).grade).toBe('A');
  });

  it('grades an annual rate on per-year values (12件 over H30～R5 is 2件 a year)', () => {
    const status = evaluateKpiAbnf(SEEDS_CREATED, [actual(3, 'R6')], AS_OF);
    expect(status).toMatchObject({ grade: 'A', reason: 'target_met', initial: { year: 2023, value: 2 } });
  });

  it('grades a decrease level KPI and a target year already passed', () => {
    const waiting = kpi({
      name: '待機児童数',
      shape: 'level',
      unit: '人',
      direction: 'decrease',
      baseline: [100, '2018年度'],
      target: [20, '2022年度'],
    });
    const late = evaluateKpiAbnf(waiting, [actual(25, '2024年度')], AS_OF);
    expect(late).toMatchObject({ grade: 'B', reason: 'behind_pace', elapsed: 1, neededNow: 20 });
    expect(late.sentence.ja).toContain('（目標期間4年をすべて経過）未満のためBです');
    expect(evaluateKpiAbnf(waiting, [actual(18, '2024年度')], AS_OF)).toMatchObject({
      grade: 'A',
      reason: 'target_met',
    });
    // On the way: 100 → 20 over 4 years, needed in FY2020 is 60.
    expect(evaluateKpiAbnf(waiting, [actual(55, '2020年度')], AS_OF)).toMatchObject({
      grade: 'A',
      neededNow: 60,
    });
  });

  it('answers N with the error for invalid input', () => {
    const status = evaluateKpiAbnf(FOREIGN_PHARMA, [actual(8, 'R6'), actual(9, 'R6')], AS_OF);
    expect(status).toMatchObject({ grade: 'N', reason: 'invalid_input' });
    expect(status.sentence.ja).toContain('duplicate value for year 2024');
  });

  it('never changes its result with the order of the actuals', () => {
    const labels = ['R2', 'R3', 'R4', 'R5', 'R6', '2024年6月末時点'];
    const asOf = AsOfDate.of(AS_OF);
    fc.assert(
      fc.property(
        fc.subarray(labels, { minLength: 1 }),
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 6, maxLength: 6 }),
        fc.constantFrom(FOREIGN_PHARMA, PEDIATRIC_PLANS, SUPPORTED_SEEDS, GENERIC_SHARE, DRUG_RESEARCHERS),
        (chosen, values, subject) => {
          const observations = chosen.map((label, i) => actual(values[i] ?? 0, label));
          const reversed = [...observations].reverse();
          const a = JSON.stringify(evaluateKpiAbnf(subject, observations, asOf));
          expect(JSON.stringify(evaluateKpiAbnf(subject, reversed, asOf))).toBe(a);
        },
      ),
    );
  });
});
