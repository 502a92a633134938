import { describe, expect, it } from 'vitest';
import { PlanDocument } from '@kotei/contracts';
import { DomainError } from '@kotei/domain';
import { buildPlanRows } from './plan-rows.js';

const KNOWN = new Set(['厚', '文', '経']);
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
      KNOWN,
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

  it('refuses a document with unreadable periods or unknown ministries, naming each place', () => {
    const bad = doc([
      {
        number: 1,
        title: 'シート',
        measures: [{ ...fih, ministries: ['謎'], phases: [{ text: '検討', period: '2024年度末末' }] }],
      },
    ]);
    try {
      buildPlanRows(bad, NOW, KNOWN);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).details.map((d) => d.path)).toEqual([
        'sheets[0].measures[0].ministries[0]',
        'sheets[0].measures[0].phases[0].period',
      ]);
    }
  });
});
