// Geometry of the roadmap timeline: time axis, period columns, lanes, bar labels. Pure, so it is tested without a
// browser; TimelineChart hands the result to Observable Plot. Only the lazily loaded chart imports this module.

import type { Phase } from '../../api/types';
import {
  COLUMN_PERIOD_KINDS,
  fiscalYearEnd,
  fiscalYearOfDate,
  fiscalYearStart,
  formatPeriod,
  parsePeriod,
  type ColumnPeriod,
  type ColumnPeriodKind,
} from '@kotei/domain/calendar';
import type { TimelineSheet } from './timeline-rows';
import type { TimelineZoom } from './timeline-zoom';

/** A phase's status, as the API computes it at the reference date. */
export type PhaseStatus = Phase['status'];

const DAY_MS = 86_400_000;
const YEAR_MS = 365.25 * DAY_MS;
const PX_PER_YEAR: Record<TimelineZoom, number> = { quarter: 440, year: 210 };

/** Pixel sizes of the chart; exported so the chart and the tests agree. */
export const GEOMETRY = {
  marginLeft: 8,
  marginRight: 28,
  yearRow: 26,
  quarterRow: 20,
  columnRow: 18,
  headerGap: 6,
  titleLane: 28,
  lane: 28,
  barHeight: 20,
  footer: 26,
  fontSize: 12,
  titleFontSize: 13,
  labelPadding: 4,
} as const;

/** The first and last day (inclusive, ISO) of the time axis: whole fiscal years. */
export interface TimelineDomain {
  start: string;
  end: string;
}

/** Texts the layout places on the chart, in the page's language. */
export interface TimelineLabels {
  fiscalYear: (fiscalYear: number) => string;
  /** Quarter of the fiscal year, 0 = April–June. */
  quarter: (quarter: number) => string;
  statusSymbol: Record<PhaseStatus, string>;
  repost: (sheetNumber: number) => string;
  noPhases: string;
  referenceDate: string;
}

/** One phase bar with its label, in chart coordinates (x as dates, y in pixels). */
export interface TimelineBar {
  phaseId: string;
  status: PhaseStatus;
  x1: Date;
  x2: Date;
  y1: number;
  y2: number;
  isOpenEnded: boolean;
  /** As much of "symbol text" as fits before the next bar of the lane; '' when nothing fits. */
  label: string;
  labelY: number;
  /** Everything about the phase, for the tooltip. */
  title: string;
}

/** A row of text across the chart: a measure's title, a repost's pointer, or a note that there is nothing. */
export interface TimelineTitle {
  y: number;
  text: string;
  kind: 'measure' | 'repost' | 'note';
}

/** A tick of the time axis with its label centred on its span. */
export interface TimelineTick {
  at: Date;
  middle: Date;
  label: string;
}

/** A period column of the document (2024年夏 … 2026～2028年度), shaded behind the bars. */
export interface TimelineColumn {
  x1: Date;
  x2: Date;
  middle: Date;
  label: string;
  labelY: number;
}

/** Everything the chart draws. */
export interface TimelineLayout {
  width: number;
  height: number;
  domainStart: Date;
  domainEnd: Date;
  /** Top of the period-column labels; the column shading runs from here down through the body. */
  columnTop: number;
  headerBottom: number;
  bodyTop: number;
  bodyBottom: number;
  yearTicks: TimelineTick[];
  yearLabelY: number;
  quarterTicks: TimelineTick[];
  quarterLabelY: number;
  columns: TimelineColumn[];
  titles: TimelineTitle[];
  separators: number[];
  bars: TimelineBar[];
  reference: { at: Date; iso: string; label: string; labelY: number; anchor: 'start' | 'end' };
}

/** Milliseconds of the start of an ISO day (UTC, so the browser's zone never matters). */
export function dayStart(isoDate: string): number {
  const [year = 0, month = 1, day = 1] = isoDate.split('-').map(Number);
  return Date.UTC(year, month - 1, day);
}

/** Milliseconds just after an ISO day: inclusive end dates become exclusive bar ends. */
function dayAfter(isoDate: string): number {
  return dayStart(isoDate) + DAY_MS;
}

/**
 * The axis runs over whole fiscal years: from the year of the earliest phase (or the reference date) to the
 * year of the latest phase end, KPI target or reference date. KPI targets count because a roadmap's last column
 * runs to them (2026～2028年度 for targets in R10) even where no phase is written there.
 */
export function timelineDomain(sheets: readonly TimelineSheet[], referenceDate: string): TimelineDomain {
  const starts: string[] = [referenceDate];
  const ends: string[] = [referenceDate];
  for (const sheet of sheets) {
    for (const measure of sheet.measures) {
      for (const phase of measure.phases) {
        starts.push(phase.period.start);
        // An open-ended phase still needs its first year on the axis, and the year after to show it runs on.
        ends.push(phase.period.end ?? fiscalYearEnd(fiscalYearOfDate(phase.period.start) + 1));
      }
      ends.push(...measure.targetEnds);
    }
  }
  const first = Math.min(...starts.map(fiscalYearOfDate));
  const last = Math.max(...ends.map(fiscalYearOfDate));
  return { start: fiscalYearStart(first), end: fiscalYearEnd(last) };
}

/**
 * Width of text in pixels, estimated: CJK, full-width characters, symbols and general punctuation (… ※, which
 * Japanese fonts draw full width) take 1em, the rest about 0.6em.
 */
export function estimateTextWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const isWide = code >= 0x2e80 || (code >= 0x2010 && code <= 0x206f) || (code >= 0x2190 && code <= 0x27bf);
    ems += isWide ? 1 : 0.6;
  }
  return ems * fontSize;
}

const GRAPHEMES = new Intl.Segmenter('ja', { granularity: 'grapheme' });

/** As much of `text` as fits in `maxWidth` pixels, with "…" when cut; '' when not even two characters fit. */
export function fitText(text: string, maxWidth: number, fontSize: number): string {
  if (estimateTextWidth(text, fontSize) <= maxWidth) return text;
  let kept = '';
  let count = 0;
  for (const { segment } of GRAPHEMES.segment(text)) {
    if (estimateTextWidth(`${kept}${segment}…`, fontSize) > maxWidth) break;
    kept += segment;
    count += 1;
  }
  return count >= 2 ? `${kept}…` : '';
}

/**
 * Puts phases in lanes, first fit in document order: a phase goes to the first lane where it overlaps no bar,
 * so a measure takes as many lanes as it has phases running at once.
 */
export function assignLanes(phases: readonly Phase[]): number[] {
  const lanes: Array<Array<[number, number]>> = [];
  return phases.map((phase) => {
    const start = dayStart(phase.period.start);
    const end = phase.period.end === null ? Number.POSITIVE_INFINITY : dayAfter(phase.period.end);
    let lane = lanes.findIndex((bars) => bars.every(([s, e]) => end <= s || start >= e));
    if (lane === -1) {
      lane = lanes.length;
      lanes.push([]);
    }
    lanes[lane]?.push([start, end]);
    return lane;
  });
}

const COLUMN_KINDS: ReadonlySet<string> = new Set<ColumnPeriodKind>(COLUMN_PERIOD_KINDS);

function isColumn(period: { kind: string }): period is ColumnPeriod {
  return COLUMN_KINDS.has(period.kind);
}

/**
 * The document's period columns, read back from the phases' labels (a span 2024年末～2024年度末 gives both its
 * columns). Where the axis runs on past the last column in whole fiscal years, those years form one more
 * column (2026～2028年度), as the roadmaps close with a multi-year column up to the KPI targets.
 */
export function periodColumns(phases: readonly Phase[], domain: TimelineDomain): ColumnPeriod[] {
  const byInterval = new Map<string, ColumnPeriod>();
  for (const phase of phases) {
    const parsed = parsePeriod(phase.period.label);
    if (!parsed.ok) continue;
    const period = parsed.value;
    const parts = period.kind === 'span' ? [period.from, period.to] : isColumn(period) ? [period] : [];
    for (const part of parts) byInterval.set(`${part.start}/${part.end}`, part);
  }
  const columns = [...byInterval.values()].sort((a, b) => a.start.localeCompare(b.start));

  const lastEnd = columns.at(-1)?.end;
  if (lastEnd !== undefined && lastEnd.endsWith('-03-31') && lastEnd < domain.end) {
    const from = fiscalYearOfDate(lastEnd) + 1;
    const to = fiscalYearOfDate(domain.end);
    columns.push({
      kind: from === to ? 'fiscal-year' : 'fiscal-year-range',
      start: fiscalYearStart(from),
      end: fiscalYearEnd(to),
      fiscalYear: to,
      aggregate: null,
      budget: null,
      label: '',
    });
  }
  return columns;
}

/** Fiscal-year ticks, their labels fitted to the year's width, and quarter ticks over the domain. */
function axisTicks(
  domain: TimelineDomain,
  labels: TimelineLabels,
  xOf: (ms: number) => number,
): { yearTicks: TimelineTick[]; quarterTicks: TimelineTick[] } {
  const g = GEOMETRY;
  const firstYear = fiscalYearOfDate(domain.start);
  const lastYear = fiscalYearOfDate(domain.end);
  const yearTicks: TimelineTick[] = [];
  const quarterTicks: TimelineTick[] = [];
  for (let year = firstYear; year <= lastYear; year += 1) {
    const start = dayStart(fiscalYearStart(year));
    const end = dayAfter(fiscalYearEnd(year));
    const yearWidth = xOf(end) - xOf(start);
    yearTicks.push({
      at: new Date(start),
      middle: new Date((start + end) / 2),
      label: fitText(labels.fiscalYear(year), yearWidth - 8, g.fontSize),
    });
    for (let quarter = 0; quarter < 4; quarter += 1) {
      const qStart = Date.UTC(year, 3 + 3 * quarter, 1);
      const qEnd = Date.UTC(year, 6 + 3 * quarter, 1);
      quarterTicks.push({
        at: new Date(qStart),
        middle: new Date((qStart + qEnd) / 2),
        label: labels.quarter(quarter),
      });
    }
  }

  return { yearTicks, quarterTicks };
}

/**
 * The bars of one measure's phases in lanes from `top`, with how many lanes they take. A label may run past
 * its bar, up to the next bar of the lane (or the chart's edge).
 */
function measureBars(
  phases: readonly Phase[],
  top: number,
  scale: { xOf: (ms: number) => number; d1: number; right: number },
  labels: TimelineLabels,
  describePhase: (phase: Phase) => string,
): { bars: TimelineBar[]; laneCount: number } {
  const g = GEOMETRY;
  const { xOf, d1, right } = scale;
  const bars: TimelineBar[] = [];
  const laneOf = assignLanes(phases);
  const laneCount = Math.max(...laneOf) + 1;
  const placed = phases.map((phase, index) => {
    const start = dayStart(phase.period.start);
    const end = phase.period.end === null ? d1 : Math.min(dayAfter(phase.period.end), d1);
    return { phase, lane: laneOf[index] ?? 0, start, end };
  });
  for (const { phase, lane, start, end } of placed) {
    // The label may run past its bar, up to the next bar of the lane (or the chart's edge).
    const next = placed
      .filter((other) => other.lane === lane && other.start >= end)
      .reduce((min, other) => Math.min(min, other.start), Number.POSITIVE_INFINITY);
    const labelRoom = (Number.isFinite(next) ? xOf(next) : right) - xOf(start) - 2 * g.labelPadding;
    const symbol = labels.statusSymbol[phase.status];
    const fitted = fitText(`${symbol} ${phase.text}`, labelRoom, g.fontSize);
    const barWidth = xOf(end) - xOf(start);
    const symbolOnly = barWidth >= estimateTextWidth(symbol, g.fontSize) + 2 * g.labelPadding;
    const laneTop = top + lane * g.lane;
    const barTop = laneTop + (g.lane - g.barHeight) / 2;
    bars.push({
      phaseId: phase.id,
      status: phase.status,
      x1: new Date(start),
      x2: new Date(end),
      y1: barTop,
      y2: barTop + g.barHeight,
      isOpenEnded: phase.period.end === null,
      label: fitted || (symbolOnly ? symbol : ''),
      labelY: laneTop + g.lane / 2,
      title: describePhase(phase),
    });
  }
  return { bars, laneCount };
}

/** Lays out one sheet's chart. */
export function layoutTimeline(
  sheet: TimelineSheet,
  options: {
    domain: TimelineDomain;
    zoom: TimelineZoom;
    referenceDate: string;
    labels: TimelineLabels;
    /** Text for a phase's tooltip. */
    describePhase: (phase: Phase) => string;
  },
): TimelineLayout {
  const { domain, zoom, referenceDate, labels } = options;
  const g = GEOMETRY;
  const d0 = dayStart(domain.start);
  const d1 = dayAfter(domain.end);
  const pxPerMs = PX_PER_YEAR[zoom] / YEAR_MS;
  const innerWidth = Math.round((d1 - d0) * pxPerMs);
  const width = g.marginLeft + innerWidth + g.marginRight;
  const xOf = (ms: number): number => g.marginLeft + (ms - d0) * pxPerMs;
  const right = g.marginLeft + innerWidth;

  // Header: fiscal years, then quarters (quarter zoom), then the period columns in two staggered rows.
  let y = 0;
  const yearLabelY = y + g.yearRow / 2;
  y += g.yearRow;
  const quarterLabelY = y + g.quarterRow / 2;
  if (zoom === 'quarter') y += g.quarterRow;
  const columnTop = y;
  y += 2 * g.columnRow + g.headerGap;
  const headerBottom = y;

  const { yearTicks, quarterTicks } = axisTicks(domain, labels, xOf);

  const phases = sheet.measures.flatMap((measure) => measure.phases);
  const columns = periodColumns(phases, domain).map((column, index) => {
    const start = dayStart(column.start);
    const end = dayAfter(column.end);
    return {
      x1: new Date(start),
      x2: new Date(end),
      middle: new Date((start + end) / 2),
      label: formatPeriod(column),
      labelY: columnTop + g.columnRow * (index % 2) + g.columnRow / 2,
    };
  });

  // Body: per measure a title row, then its lanes.
  const bodyTop = y;
  const titles: TimelineTitle[] = [];
  const separators: number[] = [];
  const bars: TimelineBar[] = [];
  const titleWidth = innerWidth - 2 * g.labelPadding;
  for (const measure of sheet.measures) {
    separators.push(y);
    const isRepost = measure.repostOf !== null;
    const titleText = isRepost
      ? `${measure.title} ${labels.repost(measure.repostOf?.sheetNumber ?? 0)}`
      : measure.title;
    titles.push({
      y: y + g.titleLane / 2,
      text: fitText(titleText, titleWidth, g.titleFontSize * 1.05),
      kind: isRepost ? 'repost' : 'measure',
    });
    y += g.titleLane;
    if (isRepost) continue;
    if (measure.phases.length === 0) {
      titles.push({ y: y + g.lane / 2, text: labels.noPhases, kind: 'note' });
      y += g.lane;
      continue;
    }

    const placed = measureBars(measure.phases, y, { xOf, d1, right }, labels, options.describePhase);
    bars.push(...placed.bars);
    const laneCount = placed.laneCount;
    y += laneCount * g.lane;
  }
  const bodyBottom = y;
  y += g.footer;

  const referenceMs = dayStart(referenceDate) + DAY_MS / 2;
  const referenceLabelWidth = estimateTextWidth(labels.referenceDate, g.fontSize);
  return {
    width,
    height: y,
    domainStart: new Date(d0),
    domainEnd: new Date(d1),
    columnTop,
    headerBottom,
    bodyTop,
    bodyBottom,
    yearTicks,
    yearLabelY,
    quarterTicks: zoom === 'quarter' ? quarterTicks : [],
    quarterLabelY,
    columns,
    titles,
    separators,
    bars,
    reference: {
      at: new Date(referenceMs),
      iso: referenceDate,
      label: labels.referenceDate,
      labelY: bodyBottom + g.footer / 2,
      anchor: xOf(referenceMs) + referenceLabelWidth + 8 > right ? 'end' : 'start',
    },
  };
}
