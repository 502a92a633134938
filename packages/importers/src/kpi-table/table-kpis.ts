import { normalizeText } from '@kotei/domain';
import type { ParseIssue } from '../parse-issue.js';
import { readArrowKpis } from './arrow-kpis.js';
import { cellLinesGrid } from './cell-lines.js';
import { splitColumnGroups } from './column-groups.js';
import { readDeadlineKpis } from './deadline-kpis.js';
import { columnNotes, datedByNotes } from './column-notes.js';
import { cleanName, isChildOf, type Group } from './name-parts.js';
import type { BreakdownReading, ValueReading } from './cell-value.js';
import { readValueCell } from './cell-value.js';
import type { Grid, GridRow } from './grid.js';
import type { ColumnMapping, ColumnRoleOverride } from './header.js';
import type { CellSample } from './column-content.js';
import { columnProfiles, inferColumns, realignRow } from './column-content.js';
import { findHeader, MAX_HEADER_SCAN, noHeaderIssue } from './header-rows.js';
import type { PointRead } from './spanned-cells.js';
import {
  cellAt,
  isValueRole,
  opensWithName,
  spanTail,
  withNameColumn,
  withoutRowNumber,
} from './spanned-cells.js';
import { datedYear, nameDetail } from './paired-columns.js';
import { rowKindOf, targetRowKpi, withActualRow, yearColumns } from './year-rows.js';
import type { EraHint, YearReading } from './years.js';
import { collapseSpannedRow } from './spanned-rows.js';
import { tableUnits, unitInName } from './unit-places.js';
import { boundedLastYear, buildKpi, roleColumns } from './kpi-build.js';

/** A KPI value as the table gives it, with the cell it came from. */
export interface TablePoint {
  readonly value: number | null;
  /** The year as written (年度 or 年); null when neither the cell nor its column names one. */
  readonly year: number | null;
  readonly fiscal: boolean;
  /** The period as written, for the label. */
  readonly label: string;
  readonly unit: string;
  readonly breakdown: readonly BreakdownReading[];
  readonly bound: ValueReading['bound'];
  /** Where: `B7` or `line 12, cell 3`. */
  readonly ref: string;
  readonly raw: string;
}

/** One KPI row of a table, read but not yet built into a plan. */
export interface TableKpi {
  readonly name: string;
  readonly unit: string;
  /** The section it sits under (a heading, 政策の柱, a worksheet), or null. */
  readonly section: string | null;
  /** The value of its group column (施策, 目標), or null. */
  readonly group: string | null;
  readonly baseline: TablePoint | null;
  readonly target: TablePoint | null;
  readonly actuals: readonly TablePoint[];
  /** The latest actual: the one of the latest year, else the rightmost. */
  readonly latest: TablePoint | null;
  readonly direction: 'increase' | 'decrease' | null;
  readonly notes: readonly string[];
  readonly status: string;
  readonly owner: string;
  readonly sheet: string | null;
  readonly line: number;
  readonly lineTo: number;
  readonly rawText: string;
}

/** What reading the grids gave: the KPIs, the column mappings used, the title, and issues. */
export interface TableReading {
  readonly kpis: TableKpi[];
  readonly mappings: { sheet: string | null; line: number; columns: ColumnMapping[] }[];
  readonly title: string | null;
  readonly issues: ParseIssue[];
}

// A heading row that opens a section (a chapter, a policy pillar, a heading in brackets of its own 「<施設系サービス>」).
const SECTION =
  /^(?:第\S+?(?:分野|章|節|部)|政策の柱|政策分野|基本目標|施策の柱|\d+[.．]\S|[◯○●◆■□]|[IVXⅠ-Ⅻ]+[.．\s-])|^[<＜〈《【‹][^<>＜＞〈〉《》【】‹›]+[>＞〉》】›]$/u;

class GridReader {
  readonly kpis: TableKpi[] = [];
  readonly issues: ParseIssue[] = [];
  readonly mappings: TableReading['mappings'] = [];
  title: string | null = null;
  private mapping: ColumnMapping[] | null = null;
  private rowMapping: readonly ColumnMapping[] | null = null;
  private headerLine = 0;
  private stacking = false;
  private section: string | null = null;
  private group: Group | null = null;
  private pendingSection: string | null = null;
  private lookedAt: number[] = [];
  private lastSingle: string | null = null;
  private headless: GridRow[] = [];
  private notes: string[] = [];
  private profiles: CellSample[][] = [];
  private lastItem: string | null = null;
  /** The units a line above the table gives all its rows (「(単位:百万円、%)」). */
  private tableUnits: readonly string[] = [];

  constructor(
    private readonly hint: EraHint,
    private readonly overrides: readonly ColumnRoleOverride[],
  ) {}

  read(grid: Grid): void {
    this.mapping = null;
    this.section = grid.sheet;
    this.group = null;
    this.lookedAt = [];
    this.lastSingle = null;
    this.headless = [];
    // The notes of the table as given (a one-cell-a-line table read again keeps those of its text).
    if (!this.stacking) {
      this.notes = columnNotes(grid);
      this.tableUnits = [];
    }
    let scanned = 0;
    for (let index = 0; index < grid.rows.length; index += 1) {
      const row = grid.rows[index] as GridRow;
      const texts = row.cells.map((cell) => cell.text.trim());
      if (texts.every((text) => text === '')) continue;
      if (row.isContinuation === true) {
        this.continueLast(row, texts);
        continue;
      }
      const found = findHeader(grid.rows, index, this.hint, this.overrides);
      if (found !== null) {
        const header = datedByNotes(found.header, this.notes, this.hint);
        index = found.next;
        this.profiles = found.profiles;
        this.lastItem = null;
        this.mapping = header;
        this.headerLine = row.line;
        this.mappings.push({ sheet: grid.sheet, line: row.line, columns: header });
        if (this.lastSingle !== null) this.section = this.lastSingle;
        else if (this.pendingSection !== null) this.section = this.pendingSection;
        this.pendingSection = null;
        this.lastSingle = null;
        this.group = null;
        continue;
      }
      const single = texts.filter((text) => text !== '');
      this.lastSingle = single.length === 1 && single[0] !== undefined ? normalizeText(single[0]) : null;
      const units = texts.map(tableUnits).find((found) => found.length > 0);
      if (this.mapping === null && units !== undefined) {
        this.tableUnits = units;
        continue;
      }
      if (this.mapping === null) {
        this.headless.push(row);
        if (scanned < MAX_HEADER_SCAN) this.lookedAt.push(row.line);
        scanned += 1;
        const only = texts.filter((text) => text !== '');
        if (only.length === 1 && only[0] !== undefined) {
          if (this.title === null) this.title = normalizeText(only[0]);
          else this.pendingSection = normalizeText(only[0]);
        }
        continue;
      }
      this.readRow(grid, withoutRowNumber(row, this.mapping), this.mapping);
    }
    if (this.mapping === null) this.readHeadless(grid);
  }

  // A grid with no header row may still state its KPIs cell by cell (「名称=基準→目標」); else it is refused.
  private readHeadless(grid: Grid): void {
    const arrows = readArrowKpis(grid, this.headless, this.hint);
    const deadlines = arrows.kpis.length === 0 ? readDeadlineKpis(grid, this.headless, this.hint) : [];
    if (deadlines.length > 0) {
      this.kpis.push(...deadlines);
      return;
    }
    if (arrows.kpis.length === 0) {
      if (!this.stacking && this.readInferred(grid)) return;
      const stacked = this.stacking ? null : cellLinesGrid(grid, this.hint);
      if (stacked === null) {
        this.issues.push(noHeaderIssue(grid, this.lookedAt, false));
        return;
      }
      this.stacking = true;
      this.pendingSection = null; // the last line of the text read as rows, no heading of the table read again
      // Indicators over the value columns (a row above the header) make one table each.
      for (const table of splitColumnGroups(stacked, this.hint) ?? [stacked]) this.read(table);
      this.stacking = false;
      return;
    }
    this.kpis.push(...arrows.kpis);
    this.issues.push(...arrows.issues);
  }

  // No header row: the columns as their cells show them (a column of long text, columns of figures), proposed
  // with a low confidence; the grid is read with them, and the missing header is still reported.
  private readInferred(grid: Grid): boolean {
    const inferred = inferColumns(this.headless, this.hint, this.overrides);
    if (inferred === null) return false;
    const before = { kpis: this.kpis.length, issues: this.issues.length };
    this.headerLine = inferred.line - 1;
    this.profiles = columnProfiles(this.headless, inferred.columns.length, this.hint);
    for (const row of this.headless) if (row.line >= inferred.line) this.readRow(grid, row, inferred.columns);
    if (this.kpis.length === before.kpis) {
      this.issues.splice(before.issues);
      return false;
    }
    this.mappings.push({ sheet: grid.sheet, line: inferred.line, columns: inferred.columns });
    this.issues.push(noHeaderIssue(grid, this.lookedAt, true));
    return true;
  }

  private continueLast(row: GridRow, texts: readonly string[]): void {
    const last = this.kpis[this.kpis.length - 1];
    const tail = texts.filter((text) => text !== '').join('');
    if (last === undefined || last.lineTo !== row.line - 1) return;
    // A unit the wrapped name ends with (「…利用時間」 / 「数（万時間）」) is the KPI's unit where none was read.
    const joined = normalizeText(last.name + tail);
    const named = last.unit === '' ? unitInName(joined) : null;
    this.kpis[this.kpis.length - 1] = {
      ...last,
      name: named?.name ?? joined,
      unit: named?.unit ?? last.unit,
      lineTo: row.line,
      rawText: `${last.rawText}\n${tail}`,
    };
  }

  private readRow(grid: Grid, given: GridRow, mapping: readonly ColumnMapping[]): void {
    const row = realignRow(collapseSpannedRow(given), this.profiles, this.hint);
    if (roleColumns(mapping, 'name').length === 0 && isValueRole(mapping[0]?.role)) {
      // No cell of the header stands over the names (the corner cell lost): a row that opens with a name is read
      // one column to the right; one that opens with a figure is the second row of the KPI above (its name cell
      // spans both), which gives the points the first row lacks.
      if (opensWithName(row, this.hint)) {
        this.readRow(grid, row, withNameColumn(mapping));
        return;
      }
      const previous = this.kpis[this.kpis.length - 1];
      if (previous !== undefined && previous.lineTo >= this.headerLine) {
        this.continueKpi(row, mapping, previous);
        return;
      }
    }
    this.rowMapping = mapping;
    const nameColumn = roleColumns(mapping, 'name')[0];
    const valueColumns = mapping.filter(
      (m) => m.role === 'baseline' || m.role === 'target' || m.role === 'actual',
    );
    const nameCell = cellAt(row, nameColumn ?? mapping[0]);
    if (!valueColumns.some((m) => cellAt(row, m).text !== '')) {
      this.readHeading(row, nameCell.text, nameColumn !== undefined);
      return;
    }
    const kind = rowKindOf(row, mapping);
    const previous = this.kpis[this.kpis.length - 1];
    if (
      kind === 'actuals' &&
      previous !== undefined &&
      (nameCell.text === '' || cleanName(nameCell.text).name === previous.name)
    ) {
      const points = yearColumns(mapping).map((m) => this.readPoint(row, m, previous.name, null).point);
      this.kpis[this.kpis.length - 1] = withActualRow(
        previous,
        points.filter((p): p is TablePoint => p?.value != null),
        row,
      );
      return;
    }
    const cleaned = cleanName(nameCell.text);
    const detail = nameDetail(row, mapping, this.hint);
    // A running number alone under a name header spanning two columns numbers the row: the name is the detail.
    const isNumberOnly = /^\d{1,3}$/u.test(cleaned.name);
    let name =
      detail === ''
        ? cleaned.name
        : isNumberOnly
          ? normalizeText(detail)
          : normalizeText(`${cleaned.name || (this.lastItem ?? '')} ${detail}`);
    if (cleaned.name !== '') this.lastItem = isNumberOnly ? null : cleaned.name;
    let deadline = cleaned.deadline;
    if (this.group !== null && isChildOf(this.group, name, nameCell.text)) {
      name = `${this.group.name} ${name}`;
      deadline ??= this.group.deadline;
    } else this.group = null;
    if (name === '') {
      this.issues.push({
        code: 'kpi-name-missing',
        line: row.line,
        column: (nameColumn?.column ?? 0) + 1,
        cell: nameCell.ref,
        found: 'an empty name cell',
        expected: 'the KPI name in the name column',
        message: 'A row with values has no KPI name; it was left out.',
        severity: 'warning',
      });
      return;
    }
    const baseline = this.readPoint(row, roleColumns(mapping, 'baseline')[0], name, null);
    const series = boundedLastYear(
      mapping,
      roleColumns(mapping, 'actual').map((m) => this.readPoint(row, m, name, null)),
    );
    const target = series.target ?? this.readPoint(row, roleColumns(mapping, 'target')[0], name, deadline);
    const actuals = series.actuals
      .map((read) => read.point)
      .filter((p): p is TablePoint => p !== null && p.value !== null);
    const kpi = buildKpi({
      grid,
      row,
      mapping,
      name,
      notes: cleaned.notes,
      section: this.section,
      baseline,
      target,
      actuals,
      tableUnits: this.tableUnits,
    });
    if (kind === 'targets') {
      const points = yearColumns(mapping).map((m) => this.readPoint(row, m, name, null).point);
      this.kpis.push(
        targetRowKpi(
          kpi,
          points.filter((p): p is TablePoint => p?.value != null),
        ),
      );
    } else this.kpis.push(kpi);
  }

  // The second row of a KPI whose name cell spans two rows: its target, where the first row gave none; its other
  // figures (a second series the table does not name, such as 予算) are kept in the note, never taken as actuals.
  private continueKpi(row: GridRow, mapping: readonly ColumnMapping[], kpi: TableKpi): void {
    this.rowMapping = mapping;
    const target =
      kpi.target?.value == null
        ? (roleColumns(mapping, 'target')
            .map((m) => this.readPoint(row, m, kpi.name, null).point)
            .find((p) => p?.value != null) ?? null)
        : null;
    const raw = row.cells.map((c) => c.text.trim()).filter((t) => t !== '');
    this.kpis[this.kpis.length - 1] = {
      ...kpi,
      target: target ?? kpi.target,
      unit: kpi.unit !== '' ? kpi.unit : (target?.unit ?? ''),
      notes: [...kpi.notes, `次行: ${raw.join(' / ')}`],
      lineTo: row.line,
      rawText: `${kpi.rawText}\n${row.cells.map((c) => c.text).join(' | ')}`,
    };
  }

  // A row with a name and no values: a section heading (第1分野, 2.保健・医療, a title in the first column) or the
  // head of a group whose children follow (男性の育児休業取得率 → 国家公務員 …).
  private readHeading(row: GridRow, nameText: string, hasNameColumn: boolean): void {
    const nonEmpty = row.cells.filter((c) => c.text.trim() !== '');
    const text = normalizeText(nonEmpty.map((c) => c.text).join(' '));
    if (nonEmpty.length === 1 && (SECTION.test(text) || (hasNameColumn && nameText === ''))) {
      this.section = text;
      this.group = null;
    } else if (nameText !== '') {
      const { name, deadline } = cleanName(nameText);
      this.group = { name, deadline };
    }
  }

  private readPoint(
    row: GridRow,
    m: ColumnMapping | undefined,
    name: string,
    fallbackYear: YearReading | null,
  ): PointRead {
    const c = cellAt(row, m);
    if (m === undefined || c.text === '') return { point: null, reading: null, ref: c.ref, raw: c.text };
    const reading = readValueCell(c.text, this.hint);
    if (!reading.isReadable) {
      this.issues.push({
        code: 'kpi-value-unreadable',
        line: row.line,
        column: m.column + 1,
        cell: `${c.ref} (${m.header})`,
        found: c.text,
        expected:
          'a figure with its unit and period, e.g. 「6.0% (平成31年)」, 「1,203市町村」, 「―」 or 「前年より増加」',
        message: `The ${m.header} cell of 「${name}」 could not be read; it was left empty.`,
        severity: 'warning',
      });
      return { point: null, reading, ref: c.ref, raw: c.text };
    }
    const tail =
      reading.isEmpty && reading.value === null
        ? spanTail(row, m, reading, this.rowMapping, this.hint)
        : null;
    if (tail !== null) return tail;
    if (reading.isEmpty && reading.value === null) return { point: null, reading, ref: c.ref, raw: c.text };
    const year = reading.period ?? datedYear(row, m, this.rowMapping, this.hint) ?? m.year ?? fallbackYear;
    return {
      reading,
      ref: c.ref,
      raw: c.text,
      point: {
        value: reading.value,
        year: year?.year ?? null,
        fiscal: year?.fiscal ?? true,
        label: year?.label ?? '',
        unit: reading.unit,
        breakdown: reading.breakdown,
        bound: reading.bound,
        ref: c.ref,
        raw: c.text,
      },
    };
  }
}

/**
 * Reads KPI rows from grids (worksheets or text tables): finds each header row (again after a repeated one),
 * keeps sections and group rows, reads every value cell. `overrides` are the user's corrections of the
 * proposed roles, applied to every header row found.
 */
export function readTableKpis(
  grids: readonly Grid[],
  hint: EraHint,
  overrides: readonly ColumnRoleOverride[] = [],
): TableReading {
  const reader = new GridReader(hint, overrides);
  for (const grid of grids) reader.read(grid);
  return { kpis: reader.kpis, mappings: reader.mappings, title: reader.title, issues: reader.issues };
}
