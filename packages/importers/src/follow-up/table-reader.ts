import { hasKpiValue } from './kpi-text.js';
import type { SourceLine } from './markdown-blocks.js';
import { alignRow } from './table-layout.js';
import type { CellRole, TableLayout } from './table-layout.js';
import { cleanText, compactText } from './text.js';
import { addKpis, readKpiColumn, readProgressCell, readProjectsCell } from './cell-readers.js';
import {
  excerptCells,
  newMeasure,
  phasePieces,
  readCellText,
  trimmedWidth,
  type MeasureReading,
  type PlacedProject,
  type ReadContext,
  type RowCell,
  type SheetReading,
} from './sheet-model.js';

type PendingTitle = { title: string; lines: SourceLine[]; code: string };
type SheetPhases = Map<string, { measure: MeasureReading; line: number }>;

/** The cells of one row by the role their header column gives them. */
interface RowParts {
  line: number;
  lines: SourceLine[];
  filled: number;
  label: RowCell | undefined;
  kpi: RowCell | undefined;
  progress: RowCell | undefined;
  projects: RowCell | undefined;
  periods: RowCell[];
  periodTexts: string[];
}

const NO_ROLE: CellRole = { role: 'unknown', periodIndex: -1, header: '', isSurplus: false };

/** Reads a roadmap table's rows into the sheet's measures: phases, KPIs, progress and projects. */
export function readTable(
  sheet: SheetReading,
  table: SheetReading['tables'][number],
  initial: PendingTitle | null,
  sheetPhases: SheetPhases,
  context: ReadContext,
): void {
  new TableReader(sheet, table, initial, sheetPhases, context).readRows();
}

class TableReader {
  private pending: PendingTitle | null;
  private current: MeasureReading | null = null;
  private previousProjects: PlacedProject[] = [];
  private readonly roles: CellRole[];
  private readonly tablePhases: Map<string, number>;
  private readonly periodSignatures = new Set<string>();

  constructor(
    private readonly sheet: SheetReading,
    private readonly table: SheetReading['tables'][number],
    initial: PendingTitle | null,
    private readonly sheetPhases: SheetPhases,
    private readonly context: ReadContext,
  ) {
    this.pending = initial;
    this.roles = this.alignColumns();
    this.tablePhases = this.collectPhases();
  }

  readRows(): void {
    for (const row of this.table.rows) {
      const parts = this.partsOf(row);
      if (parts.filled === 0 || this.isRepostMark(parts) || this.isRepeatedRow(parts)) continue;
      const measure = this.measureOf(parts);
      this.readContent(measure, parts);
    }
  }

  // Rows wider than the header (a column lost in conversion) are aligned to it once, for every row.
  private alignColumns(): CellRole[] {
    const { layout } = this.table;
    // A loop, not Math.max(...rows): a table of a million rows would overflow the argument list.
    let width = layout.columns.length;
    for (const row of this.table.rows) width = Math.max(width, trimmedWidth(row.cells));
    if (width > layout.columns.length) {
      this.context.log.add({
        code: 'columns-shifted',
        line: this.table.header.lines[0]?.line ?? 1,
        found: `${width} cells in rows, ${layout.columns.length} in the header`,
        expected: 'rows as wide as the header',
        message:
          'Rows have more cells than the header names; KPI, progress and project columns are counted from the right ' +
          'and the extra cells are read as part of the period columns next to them.',
        severity: 'warning',
      });
    }
    return alignRow(layout, width);
  }

  // Every phase text of the table, known before its rows are read: a project cell may repeat a later phase.
  private collectPhases(): Map<string, number> {
    const phases = new Map<string, number>();
    for (const row of this.table.rows) {
      row.cells.forEach((raw, index) => {
        if (this.roles[index]?.role !== 'period' || raw.trim() === '') return;
        for (const piece of phasePieces(raw)) {
          const key = compactText(piece);
          if (!phases.has(key)) phases.set(key, row.lines[0]?.line ?? 1);
        }
      });
    }
    return phases;
  }

  private partsOf(row: SheetReading['tables'][number]['rows'][number]): RowParts {
    const line = row.lines[0]?.line ?? 1;
    const cells: RowCell[] = row.cells.map((raw, index) => ({
      index,
      raw,
      role: this.roles[index] ?? NO_ROLE,
    }));
    const filled = cells.filter((c) => c.raw.trim() !== '');
    const byRole = (role: CellRole['role']): RowCell | undefined => filled.find((c) => c.role.role === role);
    for (const cell of filled) {
      if (cell.role.role !== 'unknown') continue;
      this.context.log.add({
        code: 'cell-outside-columns',
        line,
        column: cell.index + 1,
        found: cell.raw,
        expected: 'a cell under a header column',
        message: 'This cell is beyond the columns the header names and was not imported.',
        severity: 'warning',
      });
    }
    const periods = filled.filter((c) => c.role.role === 'period');
    return {
      line,
      lines: row.lines,
      filled: filled.length,
      label: byRole('label'),
      kpi: byRole('kpi'),
      progress: byRole('progress'),
      projects: byRole('projects'),
      periods,
      periodTexts: periods.map((c) => readCellText(c.raw).text),
    };
  }

  // A row holding only 再掲 in the project column marks the projects of the row above (工程表① line 57).
  private isRepostMark(parts: RowParts): boolean {
    const cell = parts.projects;
    if (parts.filled !== 1 || cell === undefined || readCellText(cell.raw).text !== '') return false;
    const names = this.previousProjects.map((p) => p.draft.name).join('、');
    this.context.log.add({
      code: 'repost-project',
      line: parts.line,
      column: cell.index + 1,
      cell: cell.role.header,
      found: cleanText(cell.raw),
      expected: 'a project name',
      message:
        names === ''
          ? '再掲 stands alone with no project above it to mark.'
          : `再掲 marks ${names} on the row above as shown again; it is one project (matched by name) in two places.`,
      severity: names === '' ? 'warning' : 'info',
    });
    return true;
  }

  private isRepeatedRow(parts: RowParts): boolean {
    const signature = parts.periodTexts.join('\u0001');
    const onlyPeriods =
      parts.label === undefined && parts.kpi === undefined && !parts.progress && !parts.projects;
    if (onlyPeriods && signature !== '' && this.periodSignatures.has(signature)) {
      this.context.log.add({
        code: 'repeated-row',
        line: parts.line,
        found: excerptCells(parts.periodTexts),
        expected: 'a new row of phases',
        message: 'This row repeats the phases of an earlier row of the table and was not imported again.',
        severity: 'info',
      });
      return true;
    }
    if (signature !== '') this.periodSignatures.add(signature);
    return false;
  }

  // Which measure the row belongs to: its own title, a measure it reposts, or the measure of the rows above.
  private measureOf(parts: RowParts): MeasureReading {
    const startsMeasure = this.readLabel(parts);
    if (!startsMeasure) this.readRepostPhase(parts);
    const current = this.current;
    if (current === null) return this.measureFromPending(parts);
    if ((current.lines[current.lines.length - 1]?.line ?? 0) < parts.line) {
      for (const source of parts.lines) current.lines.push(source);
    }
    return current;
  }

  private readLabel(parts: RowParts): boolean {
    const { log } = this.context;
    const label = parts.label === undefined ? { text: '', isRepost: false } : readCellText(parts.label.raw);
    if (label.text === '') return false;
    const column = (parts.label?.index ?? 0) + 1;
    const owner = this.sheetPhases.get(compactText(label.text));
    if (compactText(label.text) === compactText(parts.periodTexts[0] ?? '')) {
      log.add({
        code: 'repeated-cell',
        line: parts.line,
        column,
        found: label.text,
        expected: 'a measure title in the first column',
        message: 'The first column repeats the first phase of the row; it is not read as a measure title.',
        severity: 'info',
      });
      return false;
    }
    if (owner !== undefined) {
      this.current = owner.measure;
      log.add({
        code: 'label-repeats-phase',
        line: parts.line,
        column,
        found: label.text,
        expected: 'a measure title in the first column',
        message: `The first column repeats a phase of "${owner.measure.title}" (line ${owner.line}); the row is read as part of that measure.`,
        severity: 'warning',
      });
      return false;
    }
    this.current = newMeasure(this.sheet, label.text, parts.lines);
    linkMeasure(this.current, this.sheet, this.context, parts.line, label.isRepost);
    return true;
  }

  private readRepostPhase(parts: RowParts): void {
    const repostPhase = parts.periods.map((c) => readCellText(c.raw)).find((p) => p.isRepost);
    if (repostPhase === undefined) return;
    const owner = this.context.phases.get(compactText(repostPhase.text));
    if (owner !== undefined && owner.sheet !== this.sheet.number) {
      this.current = newMeasure(this.sheet, owner.measure.title, parts.lines);
      this.current.repostOf = { sheet: owner.sheet, title: owner.measure.title };
      this.context.log.add({
        code: 'repost-measure',
        line: parts.line,
        found: repostPhase.text,
        expected: 'a phase',
        message: `再掲: this row shows again "${owner.measure.title}" of sheet ${owner.sheet} (line ${owner.line}); it is read as a measure linked to it by repostOf.`,
        severity: 'info',
      });
      return;
    }
    this.context.log.add({
      code: 'repost-unlinked',
      line: parts.line,
      found: repostPhase.text,
      expected: 'a phase shown earlier in another sheet',
      message: '再掲 marks a phase that appears in no earlier sheet; it stays in the current measure.',
      severity: 'warning',
    });
  }

  // The first row of a table without a measure column: the header, a heading or the sheet title names it.
  private measureFromPending(parts: RowParts): MeasureReading {
    const from = this.pending ?? {
      title: this.sheet.title,
      lines: parts.lines,
      code: 'measure-from-sheet-title',
    };
    const measure = newMeasure(this.sheet, from.title, from.lines);
    if ((measure.lines[measure.lines.length - 1]?.line ?? 0) < parts.line) {
      for (const source of parts.lines) measure.lines.push(source);
    }
    this.context.log.add({
      code: from.code,
      line: from.lines[0]?.line ?? parts.line,
      found: from.title,
      expected: 'a measure title in the first column of the table',
      message:
        from.code === 'measure-from-header'
          ? 'The header row carries the first measure title in its first cell; it names the measure of the rows below.'
          : from.code === 'measure-from-heading'
            ? 'The table has no measure column; the heading above it names its one measure.'
            : 'The table has no measure column and no heading names a measure; the sheet title names it.',
      severity: 'info',
    });
    this.pending = null;
    this.current = measure;
    return measure;
  }

  private readContent(measure: MeasureReading, parts: RowParts): void {
    const { layout } = this.table;
    const { line } = parts;
    const kpiRead = parts.kpi === undefined ? { text: '', isRepost: false } : readCellText(parts.kpi.raw);
    const row = { measure, sheet: this.sheet, line, kpiText: kpiRead.text, layout };
    readPhases(row, parts.periods, this.sheetPhases, this.context);
    if (parts.kpi !== undefined) readKpiColumn(measure, parts.kpi, kpiRead, layout, line, this.context);
    if (parts.progress !== undefined) {
      readProgressCell(measure, this.sheet, parts.progress, layout, line, this.context);
    }
    this.previousProjects =
      parts.projects === undefined
        ? []
        : readProjectsCell(measure, this.sheet, parts.projects, line, this.tablePhases, this.context);
  }
}

// A measure whose title an earlier sheet already has is one entity shown twice (再掲, marked or not).
function linkMeasure(
  measure: MeasureReading,
  sheet: SheetReading,
  context: ReadContext,
  line: number,
  isMarked: boolean,
): void {
  const earlier = context.measures.get(compactText(measure.title));
  if (earlier !== undefined && earlier.sheet !== sheet.number) {
    measure.repostOf = { sheet: earlier.sheet, title: earlier.title };
    context.log.add({
      code: isMarked ? 'repost-measure' : 'repeated-measure',
      line,
      found: measure.title,
      expected: 'a measure title',
      message: `${isMarked ? '再掲: ' : 'Not marked 再掲, but '}sheet ${earlier.sheet} has a measure of this title; linked to it by repostOf.`,
      severity: 'info',
    });
  } else if (isMarked) {
    context.log.add({
      code: 'repost-unlinked',
      line,
      found: measure.title,
      expected: 'a measure title shown in an earlier sheet',
      message: `The measure "${measure.title}" is marked 再掲 but no earlier sheet has a measure of that title.`,
      severity: 'warning',
    });
  }
}

/** The row being read: its measure and sheet, its line, its KPI cell's text and the table's layout. */
interface PhaseRow {
  measure: MeasureReading;
  sheet: SheetReading;
  line: number;
  kpiText: string;
  layout: TableLayout;
}

interface LivePhase {
  cell: RowCell;
  text: string;
  end: number;
}

// A row's period cells as phases: each spans the empty columns up to the next filled one.
function readPhases(row: PhaseRow, cells: RowCell[], sheetPhases: SheetPhases, context: ReadContext): void {
  const live = livePhases(row, cells, context);
  const lastPeriod = row.layout.periods.length - 1;
  for (let i = 0; i < live.length; i += 1) {
    const entry = live[i];
    if (entry === undefined) continue;
    const next = live[i + 1];
    const start = entry.cell.role.periodIndex;
    // A cell spans the empty columns up to the next filled one; empty columns at the end of a row stay empty.
    let end = entry.end;
    if (next !== undefined && next.cell.role.periodIndex > end + 1) end = next.cell.role.periodIndex - 1;
    const from = row.layout.periods[start] ?? row.layout.periods[lastPeriod] ?? '';
    const to = row.layout.periods[end] ?? from;
    placePhase(row, entry, end > start ? `${from}～${to}` : from, sheetPhases, context);
  }
}

// The filled period cells that are phases: a cell repeating the KPI cell is not, and one repeating the cell
// before it widens that phase instead.
function livePhases(row: PhaseRow, cells: RowCell[], context: ReadContext): LivePhase[] {
  const live: LivePhase[] = [];
  for (const cell of cells) {
    const text = readCellText(cell.raw).text;
    if (text === '') continue;
    if (row.kpiText !== '' && compactText(text) === compactText(row.kpiText)) {
      context.log.add({
        code: 'repeated-kpi-cell',
        line: row.line,
        column: cell.index + 1,
        cell: cell.role.header,
        found: text,
        expected: 'a phase',
        message: 'This period cell repeats the KPI cell of the row and was not read as a phase.',
        severity: 'info',
      });
      continue;
    }
    const previous = live[live.length - 1];
    if (previous !== undefined && compactText(previous.text) === compactText(text)) {
      previous.end = Math.max(previous.end, cell.role.periodIndex);
      context.log.add({
        code: 'repeated-cell',
        line: row.line,
        column: cell.index + 1,
        cell: cell.role.header,
        found: text,
        expected: 'a new phase',
        message: 'This cell repeats the cell before it: read as one phase spanning both columns.',
        severity: 'info',
      });
      continue;
    }
    live.push({ cell, text, end: cell.role.periodIndex });
  }
  return live;
}

// The pieces of one period cell on their period: phases, or a KPI put in the wrong column.
function placePhase(
  row: PhaseRow,
  entry: LivePhase,
  period: string,
  sheetPhases: SheetPhases,
  context: ReadContext,
): void {
  const { log } = context;
  const { cell } = entry;
  const place = { line: row.line, column: cell.index + 1, cell: cell.role.header };
  if (cell.role.isSurplus) {
    log.add({
      code: 'surplus-cell',
      line: row.line,
      column: cell.index + 1,
      found: entry.text,
      expected: 'one cell per period column',
      message: `This row has more period cells than the header; this one is placed on ${period}.`,
      severity: 'warning',
    });
  }
  for (const text of phasePieces(cell.raw)) {
    if (row.kpiText !== '' && compactText(text) === compactText(row.kpiText)) {
      log.add({
        code: 'repeated-kpi-cell',
        ...place,
        found: text,
        expected: 'a phase',
        message: 'This part of a period cell repeats the KPI cell of the row and was not read as a phase.',
        severity: 'info',
      });
      continue;
    }
    if (hasKpiValue(text)) {
      addKpis(row.measure, text, cell.raw, row.line, cell, context);
      log.add({
        code: 'kpi-in-period-column',
        ...place,
        found: text,
        expected: 'a phase in a period column',
        message:
          'This period cell holds a KPI (a value with its period); it is read as a KPI of the measure.',
        severity: 'warning',
      });
      continue;
    }
    row.measure.phases.push({
      text,
      period,
      source: { lineFrom: row.line, lineTo: row.line, rawText: cell.raw },
    });
    const key = compactText(text);
    if (!sheetPhases.has(key)) sheetPhases.set(key, { measure: row.measure, line: row.line });
    if (!context.phases.has(key))
      context.phases.set(key, { sheet: row.sheet.number, measure: row.measure, line: row.line });
  }
}
