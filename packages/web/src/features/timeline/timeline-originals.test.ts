import { describe, expect, it } from 'vitest';
import { originalBars } from './timeline-originals';

const period = (label: string, start: string, end: string | null) => ({
  label,
  start,
  end,
  fiscalYear: null,
});
const axis = { start: new Date('2024-04-01T00:00:00Z'), end: new Date('2029-04-01T00:00:00Z') };

describe('originalBars', () => {
  const byPhase = new Map([
    [
      'p1',
      {
        phaseId: 'p1',
        original: period('2024年度末', '2025-01-01', '2025-03-31'),
        current: period('2025年度', '2025-04-01', '2026-03-31'),
      },
    ],
    [
      'p2',
      {
        phaseId: 'p2',
        original: period('2020年度', '2020-04-01', '2021-03-31'),
        current: period('2025年度', '2025-04-01', '2026-03-31'),
      },
    ],
    [
      'p3',
      {
        phaseId: 'p3',
        original: period('2028年度以降', '2028-04-01', null),
        current: period('2027年度', '2027-04-01', '2028-03-31'),
      },
    ],
  ]);
  const bars = [
    { phaseId: 'p1', y1: 10, y2: 30 },
    { phaseId: 'p2', y1: 40, y2: 60 },
    { phaseId: 'p3', y1: 70, y2: 90 },
    { phaseId: 'p4', y1: 100, y2: 120 },
  ];

  it('outlines each moved phase on its lane over its original period, clipped to the axis', () => {
    const drawn = originalBars(bars, byPhase, axis, (p) => `当初: ${p.original.label}`);
    expect(
      drawn.map((b) => [
        b.phaseId,
        b.x1.toISOString().slice(0, 10),
        b.x2.toISOString().slice(0, 10),
        b.y1,
        b.y2,
        b.title,
      ]),
    ).toEqual([
      ['p1', '2025-01-01', '2025-04-01', 7, 33, '当初: 2024年度末'],
      ['p3', '2028-04-01', '2029-04-01', 67, 93, '当初: 2028年度以降'],
    ]);
  });
});
