import { describe, expect, it } from 'vitest';
import type { Phase, PlanTree } from '../../api/types';
import {
  assignLanes,
  dayStart,
  estimateTextWidth,
  fitText,
  layoutTimeline,
  periodColumns,
  timelineDomain,
  type TimelineLabels,
} from './timeline-layout';
import { buildTimelineSheets, type TimelineSheet } from './timeline-rows';

let nextId = 0;
function phase(
  label: string,
  start: string,
  end: string | null,
  status: Phase['status'] = 'not_started',
): Phase {
  nextId += 1;
  return {
    id: `p${nextId}`,
    text: `工程${nextId}`,
    period: { start, end, fiscalYear: null, label },
    status,
  };
}

const SUMMER = ['2024年夏', '2024-06-01', '2024-08-31'] as const;
const YEAR_END = ['2024年末', '2024-12-01', '2024-12-31'] as const;
const YEAR_END_TO_FY_END = ['2024年末～2024年度末', '2024-12-01', '2025-03-31'] as const;
const FY2025 = ['2025年度', '2025-04-01', '2026-03-31'] as const;

function sheetOf(phases: Phase[], targetEnds: string[] = []): TimelineSheet {
  return {
    id: 's1',
    number: 2,
    title: '国際水準の臨床試験実施体制',
    measures: [
      {
        key: 'm1',
        measureId: 'm1',
        title: '国際共同治験・臨床試験の推進',
        ministries: ['厚'],
        repostOf: null,
        phases,
        targetEnds,
      },
    ],
  };
}

const LABELS: TimelineLabels = {
  fiscalYear: (year) => `FY${year}`,
  quarter: (quarter) => `Q${quarter + 1}`,
  statusSymbol: {
    not_started: '○',
    in_progress: '▶',
    done: '✓',
    delayed: '⏱',
    under_revision: '↻',
    overdue: '⚠',
    unreported: '？',
  },
  repost: (sheetNumber) => `(repost of ${sheetNumber})`,
  noPhases: 'none',
  referenceDate: 'Reference date',
};

describe('assignLanes', () => {
  it('puts phases in the first lane where they overlap nothing, in document order', () => {
    const lanes = assignLanes([
      phase(...SUMMER),
      phase(...YEAR_END),
      phase(...YEAR_END_TO_FY_END),
      phase(...FY2025),
      phase(...SUMMER),
      phase(...YEAR_END),
    ]);
    expect(lanes).toEqual([0, 0, 1, 0, 1, 2]);
  });

  it('lets a phase start the day after another ends in the same lane', () => {
    expect(assignLanes([phase(...YEAR_END_TO_FY_END), phase(...FY2025)])).toEqual([0, 0]);
  });

  it('keeps an open-ended phase in its lane for good', () => {
    expect(
      assignLanes([phase('2025年度～', '2025-04-01', null), phase('2028年度', '2028-04-01', '2029-03-31')]),
    ).toEqual([0, 1]);
  });
});

describe('timelineDomain', () => {
  it('covers whole fiscal years from the first phase to the last KPI target', () => {
    const sheet = sheetOf([phase(...SUMMER), phase(...FY2025)], ['2029-03-31']);
    expect(timelineDomain([sheet], '2025-07-15')).toEqual({ start: '2024-04-01', end: '2029-03-31' });
  });

  it('reaches the reference date when it lies outside the phases', () => {
    const sheet = sheetOf([phase(...SUMMER)]);
    expect(timelineDomain([sheet], '2026-05-01')).toEqual({ start: '2024-04-01', end: '2027-03-31' });
  });

  it('gives an open-ended phase the year after its start', () => {
    const sheet = sheetOf([phase('2025年度～', '2025-04-01', null)]);
    expect(timelineDomain([sheet], '2025-07-15')).toEqual({ start: '2025-04-01', end: '2027-03-31' });
  });
});

describe('periodColumns', () => {
  it('reads the columns back from the labels, splitting spans, and closes with the remaining years', () => {
    const phases = [phase(...SUMMER), phase(...YEAR_END_TO_FY_END), phase(...FY2025), phase(...YEAR_END)];
    const columns = periodColumns(phases, { start: '2024-04-01', end: '2029-03-31' });
    expect(columns.map((column) => [column.kind, column.start, column.end])).toEqual([
      ['season', '2024-06-01', '2024-08-31'],
      ['year-end', '2024-12-01', '2024-12-31'],
      ['fiscal-year-end', '2025-03-01', '2025-03-31'],
      ['fiscal-year', '2025-04-01', '2026-03-31'],
      ['fiscal-year-range', '2026-04-01', '2029-03-31'],
    ]);
  });

  it('skips labels that are not roadmap columns', () => {
    expect(
      periodColumns([phase('随時', '2024-04-01', '2025-03-31')], { start: '2024-04-01', end: '2025-03-31' }),
    ).toEqual([]);
  });
});

describe('fitText', () => {
  it('keeps text that fits and cuts the rest with an ellipsis', () => {
    expect(fitText('予算要求', 100, 12)).toBe('予算要求');
    expect(fitText('予算要求・予算編成', 4 * 12, 12)).toBe('予算要…');
    expect(fitText('予算要求', 20, 12)).toBe('');
  });

  it('counts Latin letters narrower than kanji', () => {
    expect(estimateTextWidth('FIH', 10)).toBeLessThan(estimateTextWidth('試験実', 10));
  });
});

describe('layoutTimeline', () => {
  const phases = [
    phase(...SUMMER, 'overdue'),
    phase('2024年末', '2024-12-01', '2024-12-31', 'overdue'),
    phase(...FY2025, 'in_progress'),
  ];
  const sheet = sheetOf(phases, ['2029-03-31']);
  const layout = layoutTimeline(sheet, {
    domain: { start: '2024-04-01', end: '2029-03-31' },
    zoom: 'year',
    referenceDate: '2025-07-15',
    labels: LABELS,
    describePhase: (p) => p.text,
  });

  it('draws each phase from its first day to the day after its last', () => {
    expect(
      layout.bars.map((bar) => [bar.x1.toISOString().slice(0, 10), bar.x2.toISOString().slice(0, 10)]),
    ).toEqual([
      ['2024-06-01', '2024-09-01'],
      ['2024-12-01', '2025-01-01'],
      ['2025-04-01', '2026-04-01'],
    ]);
    expect(layout.bars.map((bar) => bar.status)).toEqual(['overdue', 'overdue', 'in_progress']);
  });

  it('labels bars with the status symbol and their text', () => {
    expect(layout.bars[2]?.label).toBe(`▶ ${phases[2]?.text ?? ''}`);
  });

  it('has one fiscal-year tick per year and no quarter ticks at year zoom', () => {
    expect(layout.yearTicks.map((tick) => tick.label)).toEqual([
      'FY2024',
      'FY2025',
      'FY2026',
      'FY2027',
      'FY2028',
    ]);
    expect(layout.quarterTicks).toEqual([]);
  });

  it('puts the reference line on its day', () => {
    expect(layout.reference.iso).toBe('2025-07-15');
    expect(layout.reference.at.getTime()).toBeGreaterThan(dayStart('2025-07-15'));
    expect(layout.reference.at.getTime()).toBeLessThan(dayStart('2025-07-16'));
  });

  it('is twice as wide with quarter ticks at quarter zoom', () => {
    const wide = layoutTimeline(sheet, {
      domain: { start: '2024-04-01', end: '2029-03-31' },
      zoom: 'quarter',
      referenceDate: '2025-07-15',
      labels: LABELS,
      describePhase: (p) => p.text,
    });
    expect(wide.width).toBeGreaterThan(2 * layout.width - 100);
    expect(wide.quarterTicks).toHaveLength(20);
  });
});

describe('buildTimelineSheets', () => {
  const measure = (id: string, isRepost: boolean) => ({
    id,
    title: `施策${id}`,
    ministries: ['厚'],
    isRepost,
    phases: [phase(...SUMMER)],
    kpis: [],
    progress: [],
    projects: [],
  });
  const plan = {
    sheets: [
      { id: 'a', number: 1, title: '一', measures: [measure('m1', false)], progress: [], projects: [] },
      {
        id: 'b',
        number: 2,
        title: '二',
        measures: [measure('m1', true), measure('m2', false)],
        progress: [],
        projects: [],
      },
    ],
  } as unknown as PlanTree;

  it('draws a reposted measure once, pointing the repost at its original sheet', () => {
    const sheets = buildTimelineSheets(plan, null);
    const repost = sheets[1]?.measures[0];
    expect(repost?.repostOf).toEqual({ sheetNumber: 1, sheetTitle: '一' });
    expect(repost?.phases).toEqual([]);
    expect(sheets[0]?.measures[0]?.phases).toHaveLength(1);
  });

  it('shows one sheet when asked', () => {
    expect(buildTimelineSheets(plan, 2).map((sheet) => sheet.number)).toEqual([2]);
  });
});
