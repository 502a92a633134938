// An outcome target's trajectory, drawn by Observable Plot. Loaded lazily (React.lazy in DashboardPage), so
// Plot and d3 stay out of the first-load bundle.

import { dot, line, plot, text } from '@observablehq/plot';
import { useEffect, useRef } from 'react';
import type { OriginalTarget, TrajectoryRow } from './outcome-series';

// Digital Agency tokens (SVG presentation attributes cannot read CSS variables).
const COLOR = {
  path: '#0017c1', // primitive-blue-900
  actual: '#1a1a1a', // neutral-solid-gray-900
  forecast: '#a90000', // primitive-red-1000
  original: '#4d4d4d', // neutral-solid-gray-700
  axis: '#4d4d4d', // neutral-solid-gray-700
} as const;

/** Props of the lazily loaded chart. */
export interface OutcomeChartProps {
  rows: readonly TrajectoryRow[];
  unit: string;
  ariaLabel: string;
  labels: { required: string; actual: string; forecast: string; original: string };
  /** The target first adopted, where a revision changed it: a hollow diamond with its label. */
  original?: OriginalTarget | null;
}

/** Path as a line (●), actuals as filled dots (■), the forecast as a cross (✕): shapes, not only colours. */
export default function OutcomeChart({ rows, unit, ariaLabel, labels, original = null }: OutcomeChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const path = rows.filter((row) => row.required !== null);
    const actuals = rows.filter((row) => row.actual !== null);
    const forecasts = rows.filter((row) => row.forecast !== null);
    const originals = original === null ? [] : [original];
    const years = [...rows.map((row) => row.year), ...originals.map((o) => o.year)];
    const chart = plot({
      width: 480,
      height: 220,
      marginLeft: 56,
      marginRight: 24,
      marginTop: 24,
      marginBottom: 36,
      style: { fontSize: '12px', color: COLOR.axis, background: 'transparent' },
      x: {
        label: null,
        domain: [Math.min(...years) - 0.5, Math.max(...years) + 0.5],
        ticks: years,
        tickFormat: (year: number) => String(year),
      },
      y: { label: unit || null, grid: true, nice: true, zero: false },
      ariaLabel,
      marks: [
        line(path, { x: 'year', y: 'required', stroke: COLOR.path, strokeWidth: 2, strokeDasharray: '6 3' }),
        dot(path, {
          x: 'year',
          y: 'required',
          r: 2.5,
          fill: COLOR.path,
          symbol: 'circle',
          className: 'outcome-chart__path',
        }),
        dot(actuals, { x: 'year', y: 'actual', r: 5, fill: COLOR.actual, symbol: 'square' }),
        dot(forecasts, {
          x: 'year',
          y: 'forecast',
          r: 6,
          stroke: COLOR.forecast,
          strokeWidth: 2.5,
          symbol: 'times',
        }),
        dot(originals, {
          x: 'year',
          y: 'value',
          r: 6,
          stroke: COLOR.original,
          strokeWidth: 2,
          fill: 'none',
          symbol: 'diamond',
          className: 'outcome-chart__original',
        }),
        text(originals, { x: 'year', y: 'value', text: () => labels.original, dy: 14, fill: COLOR.original }),
        text(forecasts, {
          x: 'year',
          y: 'forecast',
          text: () => labels.forecast,
          dy: -12,
          fill: COLOR.forecast,
          fontWeight: 'bold',
        }),
      ],
    });
    // A picture with a text alternative and a data table beside it: Plot's per-mark names mean nothing inside.
    chart.setAttribute('role', 'img');
    for (const element of chart.querySelectorAll('[aria-label]')) element.removeAttribute('aria-label');
    container.replaceChildren(chart);
    return () => {
      chart.remove();
    };
  }, [rows, unit, ariaLabel, labels, original]);

  return <div ref={containerRef} className="outcome-chart" data-testid="outcome-chart" />;
}
