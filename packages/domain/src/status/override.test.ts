import { describe, it, expect } from 'vitest';
import { DomainError } from '../model/errors.js';
import { parsePeriod } from '../calendar/parse-period.js';
import type { KpiForStatus } from './evaluate-kpi.js';
import { evaluateKpi } from './evaluate-kpi.js';
import type { StatusOverride } from './override.js';
import { applyOverride, checkOverride } from './override.js';
import { rollUpStatuses } from './roll-up.js';

function period(label: string) {
  const parsed = parsePeriod(label);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const { start, end, fiscalYear } = parsed.value;
  return { start, end, fiscalYear, label };
}

const DRUG_LOSS: KpiForStatus = {
  id: 'drug-loss',
  name: 'ドラッグ・ロスを生じている医薬品のうち必要な医薬品の開発着手',
  unit: '',
  shape: 'qualitative',
  direction: 'increase',
  baseline: null,
  target: { value: null, period: period('R8') },
};
const PEDIATRIC: KpiForStatus = {
  id: 'pediatric',
  name: '小児用医薬品の開発計画の策定件数',
  unit: '件',
  shape: 'cumulative',
  direction: 'increase',
  baseline: null,
  target: { value: 50, period: period('2024-2028年度累積') },
};

const OVERRIDE: StatusOverride = {
  status: 'on_track',
  reason: '優先度の高い品目の開発要請を実施し、開発着手が進んでいるため',
  by: 'coordinator-1',
  at: '2025-07-15T10:00:00+09:00',
};

describe('applyOverride', () => {
  it('sets a qualitative KPI’s status and keeps the computed one beside it', () => {
    const computed = evaluateKpi(DRUG_LOSS, [], '2025-06-30');
    const result = applyOverride(computed, OVERRIDE);
    expect(result.computed.status).toBe('no_data');
    expect(result.override).toEqual(OVERRIDE);
    expect(result.effective).toEqual({
      kpiId: 'drug-loss',
      status: 'on_track',
      score: 3.75,
      isOverridden: true,
    });
    expect(rollUpStatuses([result.effective]).status).toBe('on_track');
  });

  it('shows the computed status when there is no override', () => {
    const computed = evaluateKpi(PEDIATRIC, [{ value: 22, period: period('2024年度') }], '2025-06-30');
    expect(applyOverride(computed, null).effective).toEqual({
      kpiId: 'pediatric',
      status: 'on_track',
      score: 5,
      isOverridden: false,
    });
  });

  it('keeps the computed score when the override agrees with the computed status', () => {
    const computed = evaluateKpi(PEDIATRIC, [{ value: 7, period: period('2024年度') }], '2025-06-30');
    expect(computed.status).toBe('moderate');
    const agreeing = applyOverride(computed, { ...OVERRIDE, status: 'moderate' });
    expect(agreeing.effective.score).toBe(computed.score);
    expect(applyOverride(computed, OVERRIDE).effective.score).toBe(3.75);
  });

  it.each(['', '   ', '\n'])('refuses an override whose reason is %j', (reason) => {
    const computed = evaluateKpi(DRUG_LOSS, [], '2025-06-30');
    expect(() => applyOverride(computed, { ...OVERRIDE, reason })).toThrow(DomainError);
    try {
      applyOverride(computed, { ...OVERRIDE, reason });
    } catch (error) {
      expect(error).toMatchObject({ kind: 'invalid_input', code: 'invalid_status_override' });
      expect((error as DomainError).details).toEqual([{ path: 'reason', message: 'a reason is required' }]);
    }
  });

  it('lists every problem of an override', () => {
    const bad = { status: 'great', reason: '', by: '', at: 'yesterday' } as unknown as StatusOverride;
    expect(checkOverride(bad).map((d) => d.path)).toEqual(['status', 'reason', 'by', 'at']);
    expect(checkOverride(OVERRIDE)).toEqual([]);
  });
});
