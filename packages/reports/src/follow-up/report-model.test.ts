import { describe, expect, it } from 'vitest';
import type { KpiActual, PeriodValue, PlanTree, Round } from '@kotei/contracts';
import { columnSpan, layLanes, periodColumns } from './period-columns.js';
import { latestActual, reportRound, valueUnit } from './report-model.js';
import { asOfNote, formatPoint, revisionNote } from './words.js';
import { toCsv, type DataTable } from './open-data.js';

const period = (label: string, start: string, end: string): PeriodValue => ({
  label,
  start,
  end,
  fiscalYear: null,
});
const SUMMER = period('2024年夏', '2024-06-01', '2024-08-31');
const YEAR_END = period('2024年末', '2024-12-01', '2024-12-31');
const FY_END = period('2024年度末', '2025-03-01', '2025-03-31');
const FY2025 = period('2025年度', '2025-04-01', '2026-03-31');
const LATER = period('2026-2028年度', '2026-04-01', '2029-03-31');
const YEAR_END_TO_FY_END = period('2024年末～2024年度末', '2024-12-01', '2025-03-31');

describe('periodColumns', () => {
  it('keeps the seed columns in order and leaves a spanning period out', () => {
    const columns = periodColumns([FY2025, YEAR_END_TO_FY_END, SUMMER, LATER, YEAR_END, FY_END, SUMMER]);
    expect(columns.map((c) => c.label)).toEqual([
      '2024年夏',
      '2024年末',
      '2024年度末',
      '2025年度',
      '2026-2028年度',
    ]);
  });

  it('merges a phase over every column inside its period', () => {
    const columns = periodColumns([SUMMER, YEAR_END, FY_END, FY2025, LATER]);
    expect(columnSpan(columns, YEAR_END_TO_FY_END)).toEqual({ fromColumn: 1, span: 2 });
    expect(columnSpan(columns, period('2024年夏～2024年度末', '2024-06-01', '2025-03-31'))).toEqual({
      fromColumn: 0,
      span: 3,
    });
  });

  it('lays phases on the first free lane, as the seed rows them', () => {
    const columns = periodColumns([SUMMER, YEAR_END, FY_END, FY2025, LATER]);
    const lanes = layLanes(columns, [
      { period: SUMMER, id: 'a' },
      { period: YEAR_END_TO_FY_END, id: 'b' },
      { period: FY2025, id: 'c' },
      { period: SUMMER, id: 'd' },
      { period: YEAR_END, id: 'e' },
    ]);
    expect(lanes.map((lane) => lane.map((p) => p.item.id))).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e'],
    ]);
  });
});

describe('latestActual', () => {
  const actual = (value: number, p: PeriodValue): KpiActual => ({
    value,
    period: p,
    origin: 'imported',
    breakdown: null,
    borrowedFrom: null,
  });

  it('takes the actual ending last among those begun by the as-of date', () => {
    const actuals = [actual(86, period('2024年度', '2024-04-01', '2025-03-31')), actual(90, FY2025)];
    expect(latestActual(actuals, '2025-03-31')?.value).toBe(86);
    expect(latestActual(actuals, '2025-06-30')?.value).toBe(90);
    expect(latestActual(actuals, '2024-01-01')).toBeNull();
  });
});

describe('reportRound', () => {
  const round = (id: string, asOfDate: string, state: Round['state']): Round => ({
    id,
    title: id,
    asOfDate,
    deadline: null,
    publishAt: null,
    publishedAt: null,
    state,
  });
  const tree: Pick<PlanTree, 'slug' | 'rounds'> = {
    slug: 'p',
    rounds: [round('r1', '2025-06-30', 'published'), round('r2', '2026-06-30', 'open')],
  };

  it('takes the latest published round, and refuses one not published', () => {
    expect(reportRound(tree).id).toBe('r1');
    expect(() => reportRound(tree, 'r2')).toThrow(/published round only/);
    expect(() => reportRound(tree, 'r3')).toThrow(/No round r3/);
    expect(() => reportRound({ slug: 'p', rounds: [] })).toThrow(/no published round/);
  });
});

describe('report words', () => {
  it('writes the as-of note as the seed does', () => {
    expect(asOfNote('2025-06-30')).toBe('※2025年6月末時点');
    expect(asOfNote('2025-06-15')).toBe('※2025年6月15日時点');
  });

  it('names the revision a report shows, with its reason', () => {
    expect(revisionNote({ number: 1, reason: '策定' })).toBe('第1版（策定）の計画による');
    expect(revisionNote({ number: 2, reason: '令和7年6月 見直し' })).toBe(
      '第2版（令和7年6月 見直し）の計画による',
    );
  });

  it('writes a point with its unit and the period as written', () => {
    const point = { value: 1365, period: period('R3～R5平均', '2021-04-01', '2024-03-31'), breakdown: null };
    expect(formatPoint(point, '件')).toBe('1,365件 (R3～R5平均)');
  });
});

describe('toCsv', () => {
  const table: DataTable = {
    name: 'progress',
    title: '進捗状況',
    fields: [
      { name: 'text', type: 'string', title: '進捗' },
      { name: 'n', type: 'integer', title: 'n' },
    ],
    rows: [
      ['治験, "国際"\n共同', 3],
      ['空', null],
    ],
  };

  it('quotes as RFC 4180 with CRLF, and leads with a BOM only when asked', () => {
    expect(toCsv(table)).toBe('text,n\r\n"治験, ""国際""\n共同",3\r\n空,\r\n');
    expect(toCsv(table, { bom: true }).charCodeAt(0)).toBe(0xfeff);
  });
});

describe('valueUnit', () => {
  it('writes a share-meeting-bar KPI as a count of units, its % belonging to the bar', () => {
    expect(valueUnit({ unit: '%', shape: 'share-meeting-bar' })).toBe('');
    expect(valueUnit({ unit: '件', shape: 'level' })).toBe('件');
  });
});
