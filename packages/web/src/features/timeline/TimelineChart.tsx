// The Gantt chart itself, drawn by Observable Plot. Loaded lazily (React.lazy in TimelinePage), so Plot and
// d3 stay out of the first-load bundle.

import { dot, plot, rect, ruleX, ruleY, text, type Markish, type RenderFunction } from '@observablehq/plot';
import { useEffect, useId, useMemo, useRef } from 'react';
import type { Phase } from '../../api/types';
import type { MessageKey } from '../../i18n/ja';
import { useI18n } from '../../i18n/useI18n';
import { formatFiscalYear } from '../../lib/fiscal-year-label';
import { circledNumber } from '../../lib/format';
import { formatDate } from '../../lib/date-format';
import { phaseStatusKey } from '../../ui/phase-status';
import { PHASE_STATUS_SYMBOL, PHASE_STATUSES, type PhaseStatus } from '@kotei/domain/status';
import {
  GEOMETRY,
  layoutTimeline,
  timelineDomain,
  type TimelineBar,
  type TimelineLabels,
  type TimelineLayout,
} from './timeline-layout';
import type { TimelineSheet } from './timeline-rows';
import { originalBars, useOriginalPeriods, type OriginalBar } from './timeline-originals';
import type { TimelineZoom } from './timeline-zoom';

// Colours are the Digital Agency tokens (named beside each); SVG presentation attributes cannot read CSS
// variables. Text is gray-900 on white halos, so it keeps 4.5:1 over any fill; borders keep 3:1 on white.
const COLOR = {
  text: '#1a1a1a', // neutral-solid-gray-900
  muted: '#4d4d4d', // neutral-solid-gray-700
  grid: '#767676', // neutral-solid-gray-536
  gridMinor: '#b3b3b3', // neutral-solid-gray-300
  separator: '#cccccc', // neutral-solid-gray-200
  column: '#f2f2f2', // neutral-solid-gray-50
  reference: '#0017c1', // primitive-blue-900 (11.4:1 on white)
} as const;

/** How each status is drawn: a fill pattern and a border, distinct without colour. */
const BAR_STYLE: Record<PhaseStatus, { stroke: string; strokeWidth: number; strokeDasharray?: string }> = {
  not_started: { stroke: '#767676', strokeWidth: 1.5, strokeDasharray: '4 3' }, // gray-536, dotted outline
  in_progress: { stroke: '#0017c1', strokeWidth: 1.5 }, // blue-900, solid
  done: { stroke: '#115a36', strokeWidth: 1.5 }, // green-900, solid
  delayed: { stroke: '#8b4800', strokeWidth: 2.5, strokeDasharray: '8 3' }, // orange-1100, thick dashes
  under_revision: { stroke: '#5c10be', strokeWidth: 2, strokeDasharray: '2 2' }, // purple-1000, dotted
  overdue: { stroke: '#a90000', strokeWidth: 3 }, // red-1000, thick
  unreported: { stroke: '#4d4d4d', strokeWidth: 1.5, strokeDasharray: '1 3' }, // gray-700, sparse dots
};

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The fill patterns, one per status, with ids unique to this chart. */
function patternDefs(prefix: string): RenderFunction {
  return () => {
    const defs = document.createElementNS(SVG_NS, 'defs');
    // Not started: empty (white). In progress: diagonal stripes (blue-300 on blue-50). Done: solid (green-200).
    // Overdue: cross-hatch (red-300 on red-50). Light enough for text with a halo to read on top.
    defs.innerHTML = `
      <pattern id="${prefix}-not_started" patternUnits="userSpaceOnUse" width="8" height="8">
        <rect width="8" height="8" fill="#ffffff"/>
      </pattern>
      <pattern id="${prefix}-in_progress" patternUnits="userSpaceOnUse" width="8" height="8"
        patternTransform="rotate(45)">
        <rect width="8" height="8" fill="#e8f1fe"/>
        <line x1="0" y1="0" x2="0" y2="8" stroke="#9db7f9" stroke-width="3"/>
      </pattern>
      <pattern id="${prefix}-done" patternUnits="userSpaceOnUse" width="8" height="8">
        <rect width="8" height="8" fill="#9bd4b5"/>
      </pattern>
      <pattern id="${prefix}-delayed" patternUnits="userSpaceOnUse" width="8" height="8"
        patternTransform="rotate(-45)">
        <rect width="8" height="8" fill="#ffeee2"/>
        <line x1="0" y1="0" x2="0" y2="8" stroke="#8b4800" stroke-width="1.5"/>
      </pattern>
      <pattern id="${prefix}-under_revision" patternUnits="userSpaceOnUse" width="6" height="6">
        <rect width="6" height="6" fill="#f1eafa"/>
        <circle cx="3" cy="3" r="1" fill="#5c10be"/>
      </pattern>
      <pattern id="${prefix}-unreported" patternUnits="userSpaceOnUse" width="8" height="8">
        <rect width="8" height="8" fill="#f2f2f2"/>
      </pattern>
      <pattern id="${prefix}-overdue" patternUnits="userSpaceOnUse" width="8" height="8">
        <rect width="8" height="8" fill="#fdeeee"/>
        <path d="M0 0L8 8M8 0L0 8" stroke="#ff9696" stroke-width="1.5"/>
      </pattern>`;
    return defs;
  };
}

/** The document's period columns and the fiscal-year (and quarter) grid, with their labels. */
function axisMarks(layout: TimelineLayout): Markish[] {
  const g = GEOMETRY;
  return [
    // The document's period columns, shaded behind everything, with their labels in two staggered rows.
    rect(layout.columns, {
      x1: 'x1',
      x2: 'x2',
      y1: layout.columnTop,
      y2: layout.bodyBottom,
      fill: COLOR.column,
    }),
    text(layout.columns, {
      x: 'middle',
      y: 'labelY',
      text: 'label',
      fontSize: 11,
      fill: COLOR.muted,
    }),
    // Fiscal years (and quarters): grid lines and labels centred on their span.
    ruleX(layout.quarterTicks, {
      x: 'at',
      y1: g.yearRow,
      y2: layout.bodyBottom,
      stroke: COLOR.gridMinor,
      strokeDasharray: '2 3',
    }),
    ruleX([...layout.yearTicks.map((tick) => tick.at), layout.domainEnd], {
      x: (date: Date) => date,
      y1: 0,
      y2: layout.bodyBottom,
      stroke: COLOR.grid,
    }),
    text(layout.yearTicks, {
      x: 'middle',
      y: layout.yearLabelY,
      text: 'label',
      fontSize: g.fontSize,
      fontWeight: 'bold',
      fill: COLOR.text,
    }),
    text(layout.quarterTicks, {
      x: 'middle',
      y: layout.quarterLabelY,
      text: 'label',
      fontSize: 11,
      fill: COLOR.muted,
    }),
    ruleY([layout.headerBottom, layout.bodyBottom], { y: (y: number) => y, stroke: COLOR.grid }),
    ruleY(layout.separators.slice(1), { y: (y: number) => y, stroke: COLOR.separator }),
  ];
}

/** Measure titles across the chart; reposts and notes in the muted style. */
function titleMarks(layout: TimelineLayout): Markish[] {
  const g = GEOMETRY;
  return [
    // Measure titles across the chart; reposts and notes in the muted style.
    text(
      layout.titles.filter((title) => title.kind === 'measure'),
      {
        frameAnchor: 'left',
        y: 'y',
        text: 'text',
        textAnchor: 'start',
        dx: g.labelPadding,
        fontSize: g.titleFontSize,
        fontWeight: 'bold',
        fill: COLOR.text,
        stroke: 'white',
        strokeWidth: 3,
      },
    ),
    text(
      layout.titles.filter((title) => title.kind !== 'measure'),
      {
        frameAnchor: 'left',
        y: 'y',
        text: 'text',
        textAnchor: 'start',
        dx: g.labelPadding,
        fontSize: g.fontSize,
        fontStyle: 'italic',
        fill: COLOR.muted,
        stroke: 'white',
        strokeWidth: 3,
      },
    ),
  ];
}

/** The phases' bars, one mark per status, with open ends and labels. */
function barMarks(layout: TimelineLayout, patternPrefix: string): Markish[] {
  const g = GEOMETRY;
  const barsOf = (status: PhaseStatus): TimelineBar[] => layout.bars.filter((bar) => bar.status === status);
  const labelled = layout.bars.filter((bar) => bar.label !== '');
  return [
    // One mark per status, so that each status's bars can be found by class (and styled in print).
    ...PHASE_STATUSES.map((status) =>
      rect(barsOf(status), {
        x1: 'x1',
        x2: 'x2',
        y1: 'y1',
        y2: 'y2',
        rx: 3,
        fill: `url(#${patternPrefix}-${status})`,
        ...BAR_STYLE[status],
        className: `timeline-bar--${status}`,
        title: 'title',
      }),
    ),
    // Open-ended phases run to the axis end and carry an arrowhead there.
    dot(
      layout.bars.filter((bar) => bar.isOpenEnded),
      {
        x: 'x2',
        y: (bar: TimelineBar) => (bar.y1 + bar.y2) / 2,
        symbol: 'triangle',
        rotate: 90,
        r: 6,
        fill: COLOR.text,
        className: 'timeline-open-end',
      },
    ),
    // Labels start inside their bar and may run on to the next bar of the lane; white halos keep contrast.
    text(
      labelled.filter((bar) => bar.status !== 'overdue'),
      {
        x: 'x1',
        y: 'labelY',
        text: 'label',
        textAnchor: 'start',
        dx: g.labelPadding,
        fontSize: g.fontSize,
        fill: COLOR.text,
        stroke: 'white',
        strokeWidth: 3,
        className: 'timeline-label',
      },
    ),
    text(
      labelled.filter((bar) => bar.status === 'overdue'),
      {
        x: 'x1',
        y: 'labelY',
        text: 'label',
        textAnchor: 'start',
        dx: g.labelPadding,
        fontSize: g.fontSize,
        fontWeight: 'bold',
        fill: COLOR.text,
        stroke: 'white',
        strokeWidth: 3,
        className: 'timeline-label--overdue',
      },
    ),
  ];
}

/** The reference date: a vertical line through the body, labelled below it. */
function referenceMarks(layout: TimelineLayout): Markish[] {
  const g = GEOMETRY;
  return [
    // The reference date: a vertical line through the body, labelled below it.
    ruleX([layout.reference], {
      x: 'at',
      y1: layout.columnTop,
      y2: layout.bodyBottom + 6,
      stroke: COLOR.reference,
      strokeWidth: 2.5,
      className: 'timeline-reference',
    }),
    text([layout.reference], {
      x: 'at',
      y: 'labelY',
      text: 'label',
      textAnchor: layout.reference.anchor,
      dx: layout.reference.anchor === 'start' ? 4 : -4,
      fontSize: g.fontSize,
      fontWeight: 'bold',
      fill: COLOR.reference,
    }),
  ];
}

/** The original periods (当初) of moved phases: dashed outlines without fill, behind the current bars. */
function originalMarks(originals: readonly OriginalBar[]): Markish[] {
  return originals.length === 0
    ? []
    : [
        rect(originals, {
          x1: 'x1',
          x2: 'x2',
          y1: 'y1',
          y2: 'y2',
          rx: 3,
          fill: 'none',
          stroke: COLOR.text,
          strokeWidth: 1.5,
          strokeDasharray: '3 3',
          className: 'timeline-original',
          title: 'title',
        }),
      ];
}

/** The Plot marks of one laid-out chart, back to front. */
function timelineMarks(
  layout: TimelineLayout,
  patternPrefix: string,
  originals: readonly OriginalBar[],
): Markish[] {
  return [
    patternDefs(patternPrefix),
    ...axisMarks(layout),
    ...titleMarks(layout),
    ...originalMarks(originals),
    ...barMarks(layout, patternPrefix),
    ...referenceMarks(layout),
  ];
}

const QUARTER_KEYS: readonly MessageKey[] = [
  'timeline.quarter.0',
  'timeline.quarter.1',
  'timeline.quarter.2',
  'timeline.quarter.3',
];

/** Props of the lazily loaded chart. */
export interface TimelineChartProps {
  sheet: TimelineSheet;
  /** The sheets of the whole view: every chart of a page shares one time axis, so they line up. */
  domainSheets: readonly TimelineSheet[];
  referenceDate: string;
  zoom: TimelineZoom;
  ariaLabel: string;
}

/** One sheet's Gantt chart: Plot's SVG mounted into a div, redrawn when its data, zoom or language change. */
export default function TimelineChart({
  sheet,
  domainSheets,
  referenceDate,
  zoom,
  ariaLabel,
}: TimelineChartProps) {
  const { t, lang } = useI18n();
  const containerRef = useRef<HTMLDivElement>(null);
  const patternPrefix = `timeline${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;

  const domain = useMemo(() => timelineDomain(domainSheets, referenceDate), [domainSheets, referenceDate]);
  const { byPhase } = useOriginalPeriods();

  const layout = useMemo(() => {
    const labels: TimelineLabels = {
      fiscalYear: (year) => formatFiscalYear(year, lang, t),
      quarter: (quarter) => t(QUARTER_KEYS[quarter] ?? 'timeline.quarter.0'),
      statusSymbol: PHASE_STATUS_SYMBOL,
      repost: (sheetNumber) => t('timeline.chart.repost', { number: circledNumber(sheetNumber) }),
      noPhases: t('timeline.chart.noPhases'),
      referenceDate: t('timeline.chart.referenceDate', { date: formatDate(referenceDate, lang) }),
    };
    const moved = (phase: Phase): string[] => {
      const was = byPhase.get(phase.id);
      return was
        ? [t('timeTravel.original', { original: was.original.label, current: was.current.label })]
        : [];
    };
    const describePhase = (phase: Phase): string =>
      [
        phase.text,
        `${phase.period.label} (${phase.period.start} – ${phase.period.end ?? t('timeline.table.openEnd')})`,
        `${PHASE_STATUS_SYMBOL[phase.status]} ${t(phaseStatusKey(phase.status))}`,
        ...moved(phase),
      ].join('\n');
    return layoutTimeline(sheet, { domain, zoom, referenceDate, labels, describePhase });
  }, [sheet, domain, zoom, referenceDate, t, lang, byPhase]);
  const originals = useMemo(
    () =>
      originalBars(layout.bars, byPhase, { start: layout.domainStart, end: layout.domainEnd }, (p) =>
        t('timeTravel.original', { original: p.original.label, current: p.current.label }),
      ),
    [layout, byPhase, t],
  );

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const chart = plot({
      width: layout.width,
      height: layout.height,
      marginLeft: GEOMETRY.marginLeft,
      marginRight: GEOMETRY.marginRight,
      marginTop: 0,
      marginBottom: 0,
      x: { type: 'utc', domain: [layout.domainStart, layout.domainEnd], axis: null },
      y: { type: 'identity', axis: null },
      ariaLabel,
      marks: timelineMarks(layout, patternPrefix, originals),
    });
    // The chart is a picture with a text alternative (aria-label) and a data table beside it. Plot names its
    // mark groups ("rect", "rule"); inside an image they mean nothing, and ARIA forbids names on plain <g>.
    chart.setAttribute('role', 'img');
    for (const element of chart.querySelectorAll('[aria-label]')) element.removeAttribute('aria-label');
    chart.querySelector('.timeline-reference')?.setAttribute('data-reference-date', layout.reference.iso);
    container.replaceChildren(chart);
    return () => {
      chart.remove();
    };
  }, [layout, ariaLabel, patternPrefix, originals]);

  return (
    <div
      ref={containerRef}
      className="timeline-chart"
      style={{ width: layout.width, minHeight: layout.height }}
      data-zoom={zoom}
    />
  );
}
