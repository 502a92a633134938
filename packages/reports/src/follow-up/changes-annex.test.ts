import { describe, expect, it } from 'vitest';
import type { MeasureRoundDiff, Round } from '@kotei/contracts';
import { reportChanges } from './changes-annex.js';
import { phaseStateText } from './words.js';

const period = (label: string) => ({ start: '2024-04-01', end: '2025-03-31', fiscalYear: 2024, label });
const round = (id: string, title: string): Round =>
  ({ id, title, asOfDate: '2025-06-30', state: 'published' }) as unknown as Round;

function diff(overrides: Partial<MeasureRoundDiff>): MeasureRoundDiff {
  return {
    measure: { id: 'm1', title: '官民協議会の設置' },
    from: round('r1', '2024年度'),
    to: round('r2', '2025年度'),
    progress: [],
    actuals: [],
    phases: [],
    ...overrides,
  };
}

describe('the changes-since-last-round annex', () => {
  it('lists bullets added, removed and rewritten with their ministry, and leaves kept ones out', () => {
    const changes = reportChanges(round('r1', '2024年度'), [
      diff({
        progress: [
          {
            ministry: '厚',
            bullets: [
              { kind: 'same', text: '協議会を開催した' },
              { kind: 'added', text: '第2回を開催した' },
              { kind: 'removed', text: '準備を進めた' },
              { kind: 'changed', text: '採択は12件', before: '採択は11件', pieces: [] },
            ],
          },
        ],
      }),
    ]);
    expect(changes.from.title).toBe('2024年度');
    expect(changes.measures).toHaveLength(1);
    expect(changes.measures[0]?.bullets).toEqual([
      { kind: 'added', kindText: '追加', ministry: '厚', text: '第2回を開催した【厚】', before: null },
      { kind: 'removed', kindText: '削除', ministry: '厚', text: '準備を進めた【厚】', before: null },
      { kind: 'changed', kindText: '変更', ministry: '厚', text: '採択は12件【厚】', before: '採択は11件' },
    ]);
  });

  it('shows an actual this round reported differently, and a phase whose state moved', () => {
    const changes = reportChanges(round('r1', '2024年度'), [
      diff({
        actuals: [
          {
            kpiId: 'k1',
            name: '採択件数',
            unit: '件',
            before: [{ value: 11, period: period('R5') }],
            after: [{ value: 14, period: period('R6') }],
          },
          // Reported alike in both rounds, or not at all this round: not a change of this round.
          {
            kpiId: 'k2',
            name: '同じ',
            unit: '件',
            before: [{ value: 3, period: period('R6') }],
            after: [{ value: 3, period: period('R6') }],
          },
          {
            kpiId: 'k3',
            name: '今回なし',
            unit: '件',
            before: [{ value: 3, period: period('R6') }],
            after: [],
          },
        ],
        phases: [
          {
            phaseId: 'p1',
            text: '協議会の発足',
            period: period('2024年度末'),
            before: 'in_progress',
            after: 'done',
          },
        ],
      }),
    ]);
    const measure = changes.measures[0];
    expect(measure?.actuals).toEqual([{ kpi: '採択件数', before: '11件 (R5)', after: '14件 (R6)' }]);
    expect(measure?.phases).toEqual([
      {
        text: '協議会の発足',
        period: '2024年度末',
        before: phaseStateText('in_progress'),
        after: phaseStateText('done'),
      },
    ]);
  });

  it('leaves out a measure where nothing changed', () => {
    const same = diff({ progress: [{ ministry: null, bullets: [{ kind: 'same', text: '同じ' }] }] });
    expect(reportChanges(round('r1', '2024年度'), [same]).measures).toEqual([]);
  });
});
