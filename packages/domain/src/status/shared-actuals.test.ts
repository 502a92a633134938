import { describe, it, expect } from 'vitest';
import { parsePeriod } from '../calendar/parse-period.js';
import type { KpiLevel } from '../model/codes.js';
import type { PeriodValue } from '../model/entities.js';
import { evaluateKpi } from './evaluate-kpi.js';
import type { KpiForSharing } from './shared-actuals.js';
import { measuredThingKey, shareActuals } from './shared-actuals.js';

function period(label: string): PeriodValue {
  const parsed = parsePeriod(label);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const { start, end, fiscalYear } = parsed.value;
  return { start, end, fiscalYear, label };
}

function kpi(id: string, level: KpiLevel, name: string, unit = '件'): KpiForSharing {
  return { id, level, name, unit };
}

function actual(kpiId: string, value: number, label: string) {
  return { kpiId, value, period: period(label) };
}

// The seed's names: goal 1's outcome targets and sheet ⑨'s output KPIs.
const PEDIATRIC_OUTCOME = kpi('o1', 'outcome', '小児用医薬品の開発計画の策定件数');
const PEDIATRIC_OUTPUT = kpi('k9a', 'output', '小児用医薬品の開発計画の策定件数');
const ORPHAN_APPROVALS = kpi('o2', 'outcome', '希少疾病用医薬品の承認件数');
const ORPHAN_DESIGNATIONS = kpi('k9b', 'output', '希少疾病用医薬品の指定件数');
const SEED_ACTUALS = [actual('k9a', 22, '2024年度'), actual('k9b', 86, '2024年度')];

describe('shareActuals', () => {
  it('lets the outcome target 小児用医薬品の開発計画の策定件数 use sheet ⑨’s 22件 (2024年度)', () => {
    const shared = shareActuals(
      [PEDIATRIC_OUTCOME, ORPHAN_APPROVALS, PEDIATRIC_OUTPUT, ORPHAN_DESIGNATIONS],
      SEED_ACTUALS,
    );
    expect(shared.get('o1')).toEqual([{ ...actual('o1', 22, '2024年度'), borrowedFrom: 'k9a' }]);
    expect(shared.get('k9a')).toEqual([{ ...actual('k9a', 22, '2024年度'), borrowedFrom: null }]);
    // 承認 (approvals) and 指定 (designations) are different counts: nothing is shared between them.
    expect(shared.get('o2')).toEqual([]);
    expect(shared.get('k9b')).toHaveLength(1);
    // Judged with what it borrowed, the outcome target is on track as the output KPI is, not "no actual yet".
    const target = { value: 50, period: period('2024～2028年度累積') };
    const outcome = { ...PEDIATRIC_OUTCOME, shape: 'cumulative' as const, direction: 'increase' as const };
    const status = evaluateKpi({ ...outcome, baseline: null, target }, shared.get('o1') ?? [], '2025-06-30');
    expect(status).toMatchObject({ status: 'on_track', valueUsed: 22 });
  });

  it('shares the other way too: an output KPI borrows its outcome target’s actuals', () => {
    const shared = shareActuals([PEDIATRIC_OUTCOME, PEDIATRIC_OUTPUT], [actual('o1', 30, '2025年度')]);
    expect(shared.get('k9a')).toEqual([{ ...actual('k9a', 30, '2025年度'), borrowedFrom: 'o1' }]);
  });

  it('reads two writings of one name alike, but never a different unit', () => {
    expect(measuredThingKey({ name: '小児用医薬品の 開発計画の策定件数', unit: '件' })).toBe(
      measuredThingKey({ name: '小児用医薬品の開発計画の策定件数', unit: ' 件' }),
    );
    expect(measuredThingKey({ name: 'Top10%論文数', unit: '編' })).toBe(
      measuredThingKey({ name: 'Ｔｏｐ１０％論文数', unit: '編' }),
    );
    const shared = shareActuals(
      [kpi('a', 'outcome', '後発品数量シェア', '%'), kpi('b', 'output', '後発品数量シェア', '都道府県')],
      [actual('b', 11, '2024年度')],
    );
    expect(shared.get('a')).toEqual([]);
  });

  it('keeps a KPI’s own actual for a period and borrows only the periods it lacks', () => {
    const shared = shareActuals(
      [PEDIATRIC_OUTCOME, PEDIATRIC_OUTPUT],
      [actual('o1', 21, '2024年度'), actual('k9a', 22, '2024年度'), actual('k9a', 9, '2025年度')],
    );
    expect(shared.get('o1')?.map((o) => [o.value, o.borrowedFrom])).toEqual([
      [21, null],
      [9, 'k9a'],
    ]);
  });

  it('borrows nothing for a period two counterparts report differently, and never merges reposts', () => {
    const repost = kpi('k10', 'output', '小児用医薬品の開発計画の策定件数');
    const shared = shareActuals(
      [PEDIATRIC_OUTCOME, PEDIATRIC_OUTPUT, repost],
      [actual('k9a', 22, '2024年度'), actual('k10', 23, '2024年度'), actual('k10', 9, '2025年度')],
    );
    expect(shared.get('o1')?.map((o) => o.value)).toEqual([9]);
    // Output KPIs of one name on two sheets keep their own actuals.
    expect(shared.get('k9a')?.map((o) => o.value)).toEqual([22]);
  });
});
