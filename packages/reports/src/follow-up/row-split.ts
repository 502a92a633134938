import type { ReportKpi, ReportMeasureRow, ReportPhaseCell } from './report-model.js';

/** The printable area of a page and the body font, which set how much of a sheet fits on one page. */
export interface PageGeometry {
  /** Printable width and height, in em of the body font. */
  widthEm: number;
  heightEm: number;
}

/** Line height of the printed report, in em (set in its style sheet). */
export const LINE_HEIGHT = 1.35;

const MM_TO_PT = 72 / 25.4;

/** A page's printable area in em, from its size and margins in millimetres and the font size in points. */
export function pageGeometry(
  page: { widthMm: number; heightMm: number },
  margin: { top: number; right: number; bottom: number; left: number },
  fontPt: number,
): PageGeometry {
  return {
    widthEm: ((page.widthMm - margin.left - margin.right) * MM_TO_PT) / fontPt,
    heightEm: ((page.heightMm - margin.top - margin.bottom) * MM_TO_PT) / fontPt,
  };
}

// A CJK or full-width character is one em wide; Latin letters, digits and spaces about half of one.
const emOf = (text: string): number => {
  let em = 0;
  for (const ch of text) em += (ch.codePointAt(0) ?? 0) > 0x2e7f ? 1 : 0.55;
  return em;
};

/** How many lines a text takes in a box of the width (in em), each paragraph starting a line. */
export function estimateLines(text: string, widthEm: number): number {
  const usable = Math.max(widthEm, 1);
  return text
    .split('\n')
    .reduce((lines, paragraph) => lines + Math.max(1, Math.ceil(emOf(paragraph) / usable)), 0);
}

/** The widths of a sheet's columns in em, from their shares of the printable width. */
export interface SheetWidths {
  measure: number;
  period: number;
  kpi: number;
  progress: number;
  projects: number;
}

// Padding and borders of a cell, in em.
const CELL_INSET = 0.9;

const heightOf = (lines: number, inset = 0.4): number => lines * LINE_HEIGHT + inset;

function kpiHeight(kpi: ReportKpi, width: number): number {
  const text = [
    kpi.name,
    kpi.note,
    `${kpi.baseline} → ${kpi.target}`,
    `最新の実績: ${kpi.latest ?? ''}`,
    kpi.statusText,
  ];
  return heightOf(text.filter((t) => t !== '').reduce((n, t) => n + estimateLines(t, width - CELL_INSET), 0));
}

/** A phase's text as printed, with its state: used for the estimate and by the renderer alike. */
export const phaseLabel = (cell: ReportPhaseCell): string => `${cell.text} 〔${cell.statusText}〕`;

function laneHeight(lane: readonly ReportPhaseCell[], widths: SheetWidths): number {
  const cells = lane.map((cell) =>
    heightOf(estimateLines(phaseLabel(cell), widths.period * cell.span - CELL_INSET - 0.4), 0.6),
  );
  return Math.max(LINE_HEIGHT, ...cells);
}

/** The estimated height (em) of what a measure shows beside its phases: title, KPIs, progress, projects. */
export function sideHeight(row: ReportMeasureRow, widths: SheetWidths): number {
  const list = (items: readonly string[], width: number): number =>
    heightOf(items.reduce((n, t) => n + estimateLines(t, width - CELL_INSET - 1.1), 0));
  return Math.max(
    heightOf(estimateLines(row.title, widths.measure - CELL_INSET) + (row.isRepost ? 1 : 0)),
    row.kpis.reduce((sum, kpi) => sum + kpiHeight(kpi, widths.kpi), 0.4),
    list(
      row.progress.map((b) => b.display),
      widths.progress,
    ),
    list(
      row.projects.map((p) => p.display),
      widths.projects,
    ),
  );
}

/**
 * A measure's lanes cut into groups that each fit in `budget` em, so that a measure taller than a page prints as
 * several whole rows (the first with its KPIs, progress and projects) instead of one row cut by the page.
 */
export function splitLanes(
  row: ReportMeasureRow,
  widths: SheetWidths,
  budget: number,
): ReportPhaseCell[][][] {
  const chunks: ReportPhaseCell[][][] = [[]];
  let used = 0;
  for (const lane of row.lanes) {
    const height = laneHeight(lane, widths);
    const current = chunks[chunks.length - 1] ?? [];
    if (current.length > 0 && used + height > budget) {
      chunks.push([lane]);
      used = height;
    } else {
      current.push(lane);
      used += height;
    }
  }
  return chunks;
}
