import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Breakdown } from '../model/breakdown.js';
import { parsePeriod } from '../calendar/parse-period.js';
import type { KpiPoint } from '../model/entities.js';
import { evaluateKpi, type KpiForStatus } from './evaluate-kpi.js';
import { unitsFailingBar } from './breakdown-count.js';

// Test data, not official figures: 47 prefectures, 9 under the 80% bar, the national figure written apart.
const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/generic-share-by-prefecture.json', import.meta.url), 'utf8'),
) as { national: number; below: string[]; breakdown: Breakdown };

function point(value: number | null, label: string): KpiPoint {
  const parsed = parsePeriod(label);
  if (!parsed.ok) throw new Error(label);
  const { start, end, fiscalYear } = parsed.value;
  return { value, period: { start, end, fiscalYear, label } };
}

// The seed's sheet ⑪ KPI as the importer reads it: 後発品数量シェア 全都道府県で80%以上 (R10), 11都府県が未達成 (R5).
const GENERIC_SHARE: KpiForStatus = {
  id: 'generic-share',
  name: '後発品数量シェア',
  unit: '%',
  shape: 'share-meeting-bar',
  direction: 'increase',
  baseline: point(11, 'R5'),
  target: point(0, 'R10'),
  bar: 80,
};

describe('unitsFailingBar', () => {
  it('counts the prefectures under the bar; 80.0 meets 80%以上', () => {
    expect(unitsFailingBar(GENERIC_SHARE, fixture.breakdown)).toEqual({ count: 9, members: 47 });
  });

  it('says nothing for another shape, a KPI without a bar, or a breakdown with a gap', () => {
    expect(unitsFailingBar({ ...GENERIC_SHARE, shape: 'level' }, fixture.breakdown)).toBeNull();
    expect(unitsFailingBar({ ...GENERIC_SHARE, bar: null }, fixture.breakdown)).toBeNull();
    const gap: Breakdown = {
      dimension: 'prefecture',
      values: fixture.breakdown.values.map((v, i) => (i === 0 ? { ...v, value: null } : v)),
    };
    expect(unitsFailingBar(GENERIC_SHARE, gap)).toBeNull();
  });
});

describe('evaluateKpi with a breakdown', () => {
  it('judges the share-meeting-bar KPI by the prefectures its breakdown shows under the bar', () => {
    // The figure beside the breakdown is the national share (85.2%): it is neither a count nor a sum.
    const status = evaluateKpi(
      GENERIC_SHARE,
      [{ ...point(fixture.national, '2024年度'), value: fixture.national, breakdown: fixture.breakdown }],
      '2025-06-30',
    );
    expect(status.valueUsed).toBe(9);
    // 11 → 9 in a year against 2.2 a year needed to reach 0 by FY2028: 91% of the pace, 概ね順調 (moderate).
    expect(status.progressValue).toBeCloseTo(2 / 2.2, 12);
    expect(status.status).toBe('moderate');
    expect(status.sentence.ja).toContain('9');
    expect(status.sentence.ja).not.toContain('85.2');
  });

  it('uses the written figure where the breakdown has a gap', () => {
    const gap: Breakdown = {
      dimension: 'prefecture',
      values: fixture.breakdown.values.map((v, i) => (i === 0 ? { ...v, value: null } : v)),
    };
    const status = evaluateKpi(
      GENERIC_SHARE,
      [{ ...point(10, '2024年度'), value: 10, breakdown: gap }],
      '2025-06-30',
    );
    expect(status.valueUsed).toBe(10);
  });
});
