import { hasKpiValue, readKpiCell } from './kpi-text.js';
import type { KpiReading } from './kpi-text.js';
import { mentionsBudget, readProjectItem, readsAsProgress } from './budget-text.js';
import type { ProjectReading } from './budget-text.js';
import { splitCellHtml } from './cell-html.js';
import type { IssueLog, PhaseDraft, SourceDraft } from './drafts.js';
import { sourceOf } from './drafts.js';
import type { ListItem, RowBlock, SourceLine } from './markdown-blocks.js';
import { alignRow } from './table-layout.js';
import type { CellRole, TableLayout } from './table-layout.js';
import {
  cleanText,
  compactText,
  findTags,
  isNone,
  splitTrailingTags,
  stripBullet,
  stripRepost,
} from './text.js';
import { readPeriodLabel } from './values.js';

/** A progress bullet as read, with its provenance. */
export interface ProgressReading {
  ministry: string | null;
  otherMinistries: string[];
  text: string;
  source: SourceDraft;
}

/** A budget project as read, with its provenance. */
export interface PlacedProject {
  draft: ProjectReading;
  source: SourceDraft;
}

/** A KPI as read, with its provenance. */
export interface PlacedKpi {
  draft: KpiReading;
  source: SourceDraft;
  line: number;
}

/** A measure being read. */
export interface MeasureReading {
  title: string;
  repostOf: { sheet: number; title: string } | null;
  lines: SourceLine[];
  phases: PhaseDraft[];
  kpis: PlacedKpi[];
  progress: ProgressReading[];
  projects: PlacedProject[];
}

/** Something before a sheet's table that names it or its measures: a heading, a bold label, a label block. */
export interface SheetLabel {
  readonly text: string;
  readonly lines: SourceLine[];
}

/** A sheet being read. */
export interface SheetReading {
  number: number;
  title: string;
  headingLines: SourceLine[];
  labels: SheetLabel[];
  tables: { header: RowBlock; layout: TableLayout; rows: RowBlock[] }[];
  sections: { kind: 'progress' | 'projects'; heading: SourceLine[]; items: ListItem[] }[];
  measures: MeasureReading[];
  progress: ProgressReading[];
  projects: PlacedProject[];
}

/** Where a phase text was first met: to link 再掲 phases and labels that repeat a phase. */
export interface PhaseOwner {
  readonly sheet: number;
  readonly measure: MeasureReading;
  readonly line: number;
}

/** What sheets share while they are read: phases seen so far, for 再掲 links. */
export interface ReadContext {
  readonly log: IssueLog;
  readonly planFiscalYear: number | null;
  readonly phases: Map<string, PhaseOwner>;
  /** Measures of the sheets read so far, by compact title. */
  readonly measures: Map<string, { sheet: number; title: string }>;
}

interface RowCell {
  readonly index: number;
  readonly raw: string;
  readonly role: CellRole;
}

/** Reads a sheet's tables and sections into measures, sheet progress and sheet projects. */
export function readSheet(sheet: SheetReading, context: ReadContext): void {
  const { log } = context;
  const labels = [...sheet.labels];
  const titleLabel = labels.shift();
  sheet.title = titleLabel === undefined ? '' : cleanText(titleLabel.text);
  if (sheet.title === '') {
    sheet.title = `工程表${String.fromCharCode(0x2460 + Math.min(19, Math.max(0, sheet.number - 1)))}`;
    log.add({
      code: 'sheet-title-missing',
      line: sheet.headingLines[0]?.line ?? 1,
      found: sheet.headingLines.map((l) => l.text).join(' '),
      expected: 'a title heading after the 工程表 heading',
      message: `Sheet ${sheet.number} has no title; it is called "${sheet.title}".`,
      severity: 'warning',
    });
  }
  const sheetPhases = new Map<string, { measure: MeasureReading; line: number }>();
  const hints: SheetLabel[] = [];
  for (const table of sheet.tables) {
    let pending: { title: string; lines: SourceLine[]; code: string } | null = null;
    if (table.layout.headerTitle !== null) {
      pending = { title: table.layout.headerTitle, lines: table.header.lines, code: 'measure-from-header' };
    } else if (!table.layout.hasLabel) {
      const heading = labels.length > 0 ? labels[labels.length - 1] : undefined;
      pending =
        heading === undefined
          ? { title: sheet.title, lines: table.header.lines, code: 'measure-from-sheet-title' }
          : { title: cleanText(heading.text), lines: heading.lines, code: 'measure-from-heading' };
      if (heading !== undefined) labels.splice(labels.indexOf(heading), 1);
    }
    readTable(sheet, table, pending, sheetPhases, context);
  }
  for (const label of labels) hints.push(label);
  checkLabels(sheet, hints, log);
  for (const section of sheet.sections) readSection(sheet, section, context);
}

function readTable(
  sheet: SheetReading,
  table: SheetReading['tables'][number],
  initial: { title: string; lines: SourceLine[]; code: string } | null,
  sheetPhases: Map<string, { measure: MeasureReading; line: number }>,
  context: ReadContext,
): void {
  const { log } = context;
  const { layout } = table;
  let pending = initial;
  let current: MeasureReading | null = null;
  // A loop, not Math.max(...rows): a table of a million rows would overflow the argument list.
  let width = layout.columns.length;
  for (const row of table.rows) width = Math.max(width, trimmedWidth(row.cells));
  const roles = alignRow(layout, width);
  if (width > layout.columns.length) {
    log.add({
      code: 'columns-shifted',
      line: table.header.lines[0]?.line ?? 1,
      found: `${width} cells in rows, ${layout.columns.length} in the header`,
      expected: 'rows as wide as the header',
      message:
        'Rows have more cells than the header names; KPI, progress and project columns are counted from the right ' +
        'and the extra cells are read as part of the period columns next to them.',
      severity: 'warning',
    });
  }
  // Every phase text of the table, known before its rows are read: a project cell may repeat a later phase.
  const tablePhases = new Map<string, number>();
  for (const row of table.rows) {
    row.cells.forEach((raw, index) => {
      if (roles[index]?.role !== 'period' || raw.trim() === '') return;
      for (const piece of phasePieces(raw)) {
        const key = compactText(piece);
        if (!tablePhases.has(key)) tablePhases.set(key, row.lines[0]?.line ?? 1);
      }
    });
  }
  const periodSignatures = new Set<string>();
  let previousProjects: PlacedProject[] = [];
  const lastPeriod = layout.periods.length - 1;

  for (const row of table.rows) {
    const line = row.lines[0]?.line ?? 1;
    const cells: RowCell[] = row.cells.map((raw, index) => ({
      index,
      raw,
      role: roles[index] ?? { role: 'unknown', periodIndex: -1, header: '', isSurplus: false },
    }));
    const filled = cells.filter((c) => c.raw.trim() !== '');
    if (filled.length === 0) continue;

    const byRole = (role: CellRole['role']): RowCell | undefined =>
      cells.find((c) => c.role.role === role && c.raw.trim() !== '');
    const labelCell = byRole('label');
    const kpiCell = byRole('kpi');
    const progressCell = byRole('progress');
    const projectsCell = byRole('projects');
    const periodCells = cells.filter((c) => c.role.role === 'period' && c.raw.trim() !== '');
    for (const cell of cells) {
      if (cell.role.role === 'unknown' && cell.raw.trim() !== '') {
        log.add({
          code: 'cell-outside-columns',
          line,
          column: cell.index + 1,
          found: cell.raw,
          expected: 'a cell under a header column',
          message: 'This cell is beyond the columns the header names and was not imported.',
          severity: 'warning',
        });
      }
    }

    // A row holding only 再掲 in the project column marks the projects of the row above (工程表① line 57).
    if (filled.length === 1 && projectsCell !== undefined && readCellText(projectsCell.raw).text === '') {
      const names = previousProjects.map((p) => p.draft.name).join('、');
      log.add({
        code: 'repost-project',
        line,
        column: projectsCell.index + 1,
        cell: projectsCell.role.header,
        found: cleanText(projectsCell.raw),
        expected: 'a project name',
        message:
          names === ''
            ? '再掲 stands alone with no project above it to mark.'
            : `再掲 marks ${names} on the row above as shown again; it is one project (matched by name) in two places.`,
        severity: names === '' ? 'warning' : 'info',
      });
      continue;
    }

    const periodTexts = periodCells.map((c) => readCellText(c.raw).text);
    const signature = periodTexts.join('\u0001');
    const onlyPeriods = labelCell === undefined && kpiCell === undefined && !progressCell && !projectsCell;
    if (onlyPeriods && signature !== '' && periodSignatures.has(signature)) {
      log.add({
        code: 'repeated-row',
        line,
        found: excerptCells(periodTexts),
        expected: 'a new row of phases',
        message: 'This row repeats the phases of an earlier row of the table and was not imported again.',
        severity: 'info',
      });
      continue;
    }
    if (signature !== '') periodSignatures.add(signature);

    // Which measure the row belongs to.
    const label = labelCell === undefined ? { text: '', isRepost: false } : readCellText(labelCell.raw);
    let startsMeasure = false;
    if (label.text !== '') {
      const owner = sheetPhases.get(compactText(label.text));
      if (compactText(label.text) === compactText(periodTexts[0] ?? '')) {
        log.add({
          code: 'repeated-cell',
          line,
          column: (labelCell?.index ?? 0) + 1,
          found: label.text,
          expected: 'a measure title in the first column',
          message: 'The first column repeats the first phase of the row; it is not read as a measure title.',
          severity: 'info',
        });
      } else if (owner !== undefined) {
        current = owner.measure;
        log.add({
          code: 'label-repeats-phase',
          line,
          column: (labelCell?.index ?? 0) + 1,
          found: label.text,
          expected: 'a measure title in the first column',
          message: `The first column repeats a phase of "${owner.measure.title}" (line ${owner.line}); the row is read as part of that measure.`,
          severity: 'warning',
        });
      } else {
        current = newMeasure(sheet, label.text, row.lines);
        startsMeasure = true;
        linkMeasure(current, sheet, context, line, label.isRepost);
      }
    }
    const repostPhase = periodCells.map((c) => readCellText(c.raw)).find((p) => p.isRepost);
    if (repostPhase !== undefined && !startsMeasure) {
      const owner = context.phases.get(compactText(repostPhase.text));
      if (owner !== undefined && owner.sheet !== sheet.number) {
        current = newMeasure(sheet, owner.measure.title, row.lines);
        current.repostOf = { sheet: owner.sheet, title: owner.measure.title };
        log.add({
          code: 'repost-measure',
          line,
          found: repostPhase.text,
          expected: 'a phase',
          message: `再掲: this row shows again "${owner.measure.title}" of sheet ${owner.sheet} (line ${owner.line}); it is read as a measure linked to it by repostOf.`,
          severity: 'info',
        });
      } else {
        log.add({
          code: 'repost-unlinked',
          line,
          found: repostPhase.text,
          expected: 'a phase shown earlier in another sheet',
          message: '再掲 marks a phase that appears in no earlier sheet; it stays in the current measure.',
          severity: 'warning',
        });
      }
    }
    if (current === null) {
      const from = pending ?? { title: sheet.title, lines: row.lines, code: 'measure-from-sheet-title' };
      current = newMeasure(sheet, from.title, from.lines);
      if ((current.lines[current.lines.length - 1]?.line ?? 0) < line) {
        for (const source of row.lines) current.lines.push(source);
      }
      log.add({
        code: from.code,
        line: from.lines[0]?.line ?? line,
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
      pending = null;
    } else if ((current.lines[current.lines.length - 1]?.line ?? 0) < line) {
      for (const source of row.lines) current.lines.push(source);
    }
    const measure = current;

    const kpiRead = kpiCell === undefined ? { text: '', isRepost: false } : readCellText(kpiCell.raw);
    const kpiText = kpiRead.text;
    readPhases(measure, sheet, periodCells, kpiText, layout, lastPeriod, line, sheetPhases, context);
    if (kpiCell !== undefined) readKpiColumn(measure, kpiCell, kpiRead, layout, line, context);
    if (progressCell !== undefined) readProgressCell(measure, sheet, progressCell, layout, line, context);
    previousProjects =
      projectsCell === undefined
        ? []
        : readProjectsCell(measure, sheet, projectsCell, line, tablePhases, context);
  }
}

function newMeasure(sheet: SheetReading, title: string, lines: SourceLine[]): MeasureReading {
  const measure: MeasureReading = {
    title,
    repostOf: null,
    lines: [...lines],
    phases: [],
    kpis: [],
    progress: [],
    projects: [],
  };
  sheet.measures.push(measure);
  return measure;
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

function readPhases(
  measure: MeasureReading,
  sheet: SheetReading,
  cells: RowCell[],
  kpiText: string,
  layout: TableLayout,
  lastPeriod: number,
  line: number,
  sheetPhases: Map<string, { measure: MeasureReading; line: number }>,
  context: ReadContext,
): void {
  const { log } = context;
  const texts = cells.map((c) => readCellText(c.raw).text);
  const live: { cell: RowCell; text: string; end: number }[] = [];
  for (let i = 0; i < cells.length; i += 1) {
    const cell = cells[i];
    const text = texts[i] ?? '';
    if (cell === undefined || text === '') continue;
    if (kpiText !== '' && compactText(text) === compactText(kpiText)) {
      log.add({
        code: 'repeated-kpi-cell',
        line,
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
      log.add({
        code: 'repeated-cell',
        line,
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
  for (let i = 0; i < live.length; i += 1) {
    const entry = live[i];
    if (entry === undefined) continue;
    const next = live[i + 1];
    const start = entry.cell.role.periodIndex;
    // A cell spans the empty columns up to the next filled one; empty columns at the end of a row stay empty.
    let end = entry.end;
    if (next !== undefined && next.cell.role.periodIndex > end + 1) end = next.cell.role.periodIndex - 1;
    const from = layout.periods[start] ?? layout.periods[lastPeriod] ?? '';
    const to = layout.periods[end] ?? from;
    const period = end > start ? `${from}～${to}` : from;
    if (entry.cell.role.isSurplus) {
      log.add({
        code: 'surplus-cell',
        line,
        column: entry.cell.index + 1,
        found: entry.text,
        expected: 'one cell per period column',
        message: `This row has more period cells than the header; this one is placed on ${period}.`,
        severity: 'warning',
      });
    }
    for (const text of phasePieces(entry.cell.raw)) {
      if (kpiText !== '' && compactText(text) === compactText(kpiText)) {
        log.add({
          code: 'repeated-kpi-cell',
          line,
          column: entry.cell.index + 1,
          cell: entry.cell.role.header,
          found: text,
          expected: 'a phase',
          message: 'This part of a period cell repeats the KPI cell of the row and was not read as a phase.',
          severity: 'info',
        });
        continue;
      }
      if (hasKpiValue(text)) {
        addKpis(measure, text, entry.cell.raw, line, entry.cell, context);
        log.add({
          code: 'kpi-in-period-column',
          line,
          column: entry.cell.index + 1,
          cell: entry.cell.role.header,
          found: text,
          expected: 'a phase in a period column',
          message:
            'This period cell holds a KPI (a value with its period); it is read as a KPI of the measure.',
          severity: 'warning',
        });
        continue;
      }
      measure.phases.push({
        text,
        period,
        source: { lineFrom: line, lineTo: line, rawText: entry.cell.raw },
      });
      const key = compactText(text);
      if (!sheetPhases.has(key)) sheetPhases.set(key, { measure, line });
      if (!context.phases.has(key)) context.phases.set(key, { sheet: sheet.number, measure, line });
    }
  }
}

function readKpiColumn(
  measure: MeasureReading,
  cell: RowCell,
  read: { text: string; isRepost: boolean },
  layout: TableLayout,
  line: number,
  context: ReadContext,
): void {
  if (read.text === '') return;
  const reading = readKpiCell(read.text, context.planFiscalYear);
  if (reading.problems.some((p) => p.code === 'kpi-unreadable')) {
    // No value and no period: the conversion put a phase here (工程表⑦⑧).
    addPhaseOnLastColumn(measure, layout, cell, line, context, 'phase-in-kpi-column');
    return;
  }
  addKpis(measure, read.text, cell.raw, line, cell, context, read.isRepost);
}

function addKpis(
  measure: MeasureReading,
  text: string,
  raw: string,
  line: number,
  cell: RowCell,
  context: ReadContext,
  isRepost = false,
): void {
  const reading = readKpiCell(text, context.planFiscalYear);
  for (const problem of reading.problems) {
    context.log.add({ ...problem, line, column: cell.index + 1, cell: cell.role.header });
  }
  for (const draft of reading.kpis) {
    if (isRepost) draft.isRepost = true;
    measure.kpis.push({ draft, source: { lineFrom: line, lineTo: line, rawText: raw }, line });
  }
}

function addPhaseOnLastColumn(
  measure: MeasureReading,
  layout: TableLayout,
  cell: RowCell,
  line: number,
  context: ReadContext,
  code: string,
  only?: string,
): void {
  const period = layout.periods[layout.periods.length - 1] ?? '';
  const pieces = only === undefined ? phasePieces(cell.raw) : [only];
  for (const text of pieces) {
    if (text === '' || period === '') continue;
    measure.phases.push({ text, period, source: { lineFrom: line, lineTo: line, rawText: cell.raw } });
  }
  context.log.add({
    code,
    line,
    column: cell.index + 1,
    cell: cell.role.header,
    found: only ?? cleanText(joinParts(cell.raw)),
    expected:
      code === 'phase-in-kpi-column' ? 'a KPI with a value or period' : 'progress bullets tagged 【省】',
    message: `This text reads as a phase, not as ${code === 'phase-in-kpi-column' ? 'a KPI' : 'progress'}; it is kept as a phase on the last period column (${period}).`,
    severity: 'warning',
  });
}

function readProgressCell(
  measure: MeasureReading,
  sheet: SheetReading,
  cell: RowCell,
  layout: TableLayout,
  line: number,
  context: ReadContext,
): void {
  const split = splitCellHtml(cell.raw);
  for (const part of split.parts) {
    // A <p> in a progress cell, or text beside its list, is not a bullet: a KPI or a phase put in the wrong column.
    const isLoose = part.kind === 'paragraph' || (split.hasList && part.kind === 'text');
    const items = part.kind === 'item' ? [part.raw] : splitBullets(part.raw);
    for (const rawItem of items) {
      const text = stripBullet(cleanText(rawItem));
      if (isNone(text)) continue;
      if (isLoose && findTags(text).length === 0) {
        if (hasKpiValue(text) || endsWithPeriod(text)) {
          addKpis(measure, text, cell.raw, line, cell, context);
          context.log.add({
            code: 'kpi-in-progress-column',
            line,
            column: cell.index + 1,
            cell: cell.role.header,
            found: text,
            expected: 'progress bullets tagged 【省】',
            message:
              'Text outside the progress list states a KPI (a target with its period); it is read as a KPI.',
            severity: 'warning',
          });
        } else {
          addPhaseOnLastColumn(measure, layout, cell, line, context, 'phase-in-progress-column', text);
        }
        continue;
      }
      addProgressItem(measure.progress, measure.projects, sheet, text, rawItem, line, cell, context);
    }
  }
}

/** Reads a list item of progress: a bullet, or a budget project mixed into the list. */
function addProgressItem(
  progress: ProgressReading[],
  projects: PlacedProject[],
  sheet: SheetReading,
  text: string,
  raw: string,
  line: number,
  cell: RowCell | null,
  context: ReadContext,
): void {
  const { log } = context;
  const place = cell === null ? {} : { column: cell.index + 1, cell: cell.role.header };
  const tags = findTags(text);
  const afterTag = tags.length === 0 ? '' : text.slice(tags[0]?.end ?? 0);
  if (tags.length > 0 && afterTag.trim().startsWith('(') && mentionsBudget(afterTag)) {
    const reading = readProjectItem(text);
    for (const problem of reading.problems) log.add({ ...problem, line, ...place });
    for (const draft of reading.projects) {
      addProject(projects, { draft, source: { lineFrom: line, lineTo: line, rawText: raw } }, line, log);
    }
    log.add({
      code: 'budget-in-progress-list',
      line,
      ...place,
      found: text,
      expected: 'a progress bullet',
      message: 'A budget project is listed among the progress bullets; it is read as a project.',
      severity: 'info',
    });
    return;
  }
  const { text: body, codes } = splitTrailingTags(text);
  const inner = codes.length === 0 ? tags.map((t) => t.code) : codes;
  const ministry = inner[0] ?? null;
  const bullet: ProgressReading = {
    ministry,
    otherMinistries: inner.slice(1),
    text: body === '' ? text : body,
    source: { lineFrom: line, lineTo: line, rawText: raw },
  };
  if (ministry === null) {
    log.add({
      code: 'untagged-progress',
      line,
      ...place,
      found: text,
      expected: 'a progress bullet ending in a ministry tag such as 【厚】',
      message:
        'This progress bullet names no ministry; it is kept with ministry null for the coordinator to assign.',
      severity: 'warning',
    });
  } else if (inner.length > 1) {
    log.add({
      code: 'multiple-ministries',
      line,
      ...place,
      found: text,
      expected: 'one ministry tag per bullet',
      message: `This bullet is tagged ${inner.map((c) => `【${c}】`).join('')}; it is attributed to ${ministry} and every tag is listed among the measure's ministries.`,
      severity: 'warning',
    });
  }
  const kpiTwin = hasKpiValue(body) && sheetKpiNames(sheet).has(compactText(kpiNamePart(body)));
  if (kpiTwin) {
    log.add({
      code: 'kpi-text-in-progress',
      line,
      ...place,
      found: text,
      expected: 'a progress report',
      message:
        'This bullet repeats a KPI of the sheet (name and target), not progress; it is kept as an untagged bullet.',
      severity: 'warning',
    });
  }
  const seen = seenBullets(progress);
  const first = seen.get(`${bullet.ministry ?? ''}|${bullet.text}`);
  if (first !== undefined) {
    log.add({
      code: 'duplicate-progress',
      line,
      ...place,
      found: text,
      expected: 'a new bullet',
      message: `This bullet repeats line ${first.source.lineFrom} word for word; both are kept, as the document lists both.`,
      severity: 'info',
    });
  } else {
    seen.set(`${bullet.ministry ?? ''}|${bullet.text}`, bullet);
  }
  progress.push(bullet);
}

function readProjectsCell(
  measure: MeasureReading,
  sheet: SheetReading,
  cell: RowCell,
  line: number,
  tablePhases: ReadonlyMap<string, number>,
  context: ReadContext,
): PlacedProject[] {
  const { log } = context;
  const placed: PlacedProject[] = [];
  const split = splitCellHtml(cell.raw);
  const place = { column: cell.index + 1, cell: cell.role.header };
  for (const part of split.parts) {
    const items = part.kind === 'item' ? [part.raw] : splitBullets(part.raw);
    for (const rawItem of items) {
      const text = stripBullet(cleanText(rawItem));
      if (isNone(text)) continue;
      if (stripRepost(text).text === '') {
        log.add({
          code: 'repost-unlinked',
          line,
          ...place,
          found: text,
          expected: 'a project name with 再掲',
          message:
            '再掲 stands in the project column without a project name; there is nothing to link it to.',
          severity: 'warning',
        });
        continue;
      }
      if (readsAsProgress(text)) {
        addProgressItem(measure.progress, measure.projects, sheet, text, rawItem, line, cell, context);
        log.add({
          code: 'progress-in-projects-column',
          line,
          ...place,
          found: text,
          expected: 'a project name with its budget',
          message: 'Progress text stands in the project column; it is read as a progress bullet.',
          severity: 'warning',
        });
        continue;
      }
      const reading = readProjectItem(stripRepost(text).text);
      for (const problem of reading.problems) log.add({ ...problem, line, ...place });
      for (const draft of reading.projects) {
        const entry = { draft, source: { lineFrom: line, lineTo: line, rawText: rawItem } };
        placed.push(entry);
        addProject(measure.projects, entry, line, log);
      }
      if (reading.leftover !== '') {
        const twin = tablePhases.get(compactText(reading.leftover));
        if (twin !== undefined) {
          log.add({
            code: 'repeated-phase-in-projects',
            line,
            ...place,
            found: reading.leftover,
            expected: 'a project name with its budget',
            message: `This text in the project column repeats a phase (line ${twin}); it is not a project.`,
            severity: 'info',
          });
        } else {
          const draft: ProjectReading = {
            name: reading.leftover,
            ministry: null,
            otherMinistries: [],
            lines: [],
          };
          const entry = { draft, source: { lineFrom: line, lineTo: line, rawText: rawItem } };
          placed.push(entry);
          addProject(measure.projects, entry, line, log);
          log.add({
            code: 'project-without-ministry',
            line,
            ...place,
            found: reading.leftover,
            expected: 'a project name followed by a ministry tag such as 【厚】',
            message: 'This project names no ministry; it is kept with ministry null.',
            severity: 'warning',
          });
        }
      }
    }
  }
  return placed;
}

/** Adds a project unless the same project (name, ministry, budget) is already in the list. */
export function addProject(list: PlacedProject[], entry: PlacedProject, line: number, log: IssueLog): void {
  const key = projectKey(entry.draft);
  let index = projectIndex.get(list);
  if (index === undefined) {
    index = new Map();
    projectIndex.set(list, index);
  }
  const twin = index.get(key);
  if (twin !== undefined) {
    log.add({
      code: 'duplicate-project',
      line,
      found: entry.draft.name,
      expected: 'a project listed once per measure or sheet',
      message: `The project "${entry.draft.name}" is listed again with the same budget (first on line ${twin.source.lineFrom}); it is kept once.`,
      severity: 'info',
    });
    return;
  }
  index.set(key, entry);
  list.push(entry);
}

// Per list, what it holds already, so a list of thousands stays linear to fill.
const projectIndex = new WeakMap<PlacedProject[], Map<string, PlacedProject>>();
const bulletIndex = new WeakMap<ProgressReading[], Map<string, ProgressReading>>();

function seenBullets(list: ProgressReading[]): Map<string, ProgressReading> {
  let index = bulletIndex.get(list);
  if (index === undefined) {
    index = new Map();
    bulletIndex.set(list, index);
  }
  return index;
}

function projectKey(draft: ProjectReading): string {
  const lines = draft.lines.map((l) => `${l.amountYen ?? ''}/${l.fiscalYear ?? ''}/${l.type}/${l.isPartOf}`);
  return `${compactText(draft.name)}|${draft.ministry ?? ''}|${lines.join(',')}`;
}

function readSection(
  sheet: SheetReading,
  section: SheetReading['sections'][number],
  context: ReadContext,
): void {
  for (const item of section.items) {
    const line = item.lines[0]?.line ?? 1;
    const raw = item.lines.map((l) => l.text).join('\n');
    const text = stripBullet(cleanText(item.text));
    if (isNone(text)) continue;
    if (section.kind === 'progress') {
      addProgressItem(sheet.progress, sheet.projects, sheet, text, raw, line, null, context);
      continue;
    }
    const reading = readProjectItem(text);
    for (const problem of reading.problems) context.log.add({ ...problem, line });
    for (const draft of reading.projects) {
      addProject(sheet.projects, { draft, source: sourceOf(item.lines, raw) }, line, context.log);
    }
    if (reading.leftover !== '') {
      addProject(
        sheet.projects,
        {
          draft: { name: reading.leftover, ministry: null, otherMinistries: [], lines: [] },
          source: sourceOf(item.lines, raw),
        },
        line,
        context.log,
      );
      context.log.add({
        code: 'project-without-ministry',
        line,
        found: reading.leftover,
        expected: 'a project name followed by a ministry tag such as 【厚】',
        message: 'This project names no ministry; it is kept with ministry null.',
        severity: 'warning',
      });
    }
  }
}

function checkLabels(sheet: SheetReading, hints: readonly SheetLabel[], log: IssueLog): void {
  const titles = sheet.measures.map((m) => compactText(m.title));
  for (const hint of hints) {
    const text = compactText(hint.text);
    if (text === '' || coversTitles(text, titles)) continue;
    log.add({
      code: 'label-unmatched',
      line: hint.lines[0]?.line ?? 1,
      found: hint.text,
      expected: 'the title of a measure of the sheet',
      message: 'This label before the table matches no measure of the sheet and was not imported.',
      severity: 'warning',
    });
  }
}

// A label block is one or more measure titles run together ("…の整備臨床研究中核病院の…").
function coversTitles(text: string, titles: readonly string[]): boolean {
  for (let start = 0; start < titles.length; start += 1) {
    let rest = text;
    for (let i = start; i < titles.length && rest !== ''; i += 1) {
      const title = titles[i] ?? '';
      if (title !== '' && rest.startsWith(title)) rest = rest.slice(title.length);
      else break;
    }
    if (rest === '') return true;
  }
  return titles.includes(text);
}

/** The texts a period cell holds: list items, paragraphs, parts split at double spaces and at " ・". */
export function phasePieces(raw: string): string[] {
  const pieces: string[] = [];
  for (const part of splitCellHtml(raw).parts) {
    const split =
      part.kind === 'item' ? [part.raw] : splitBullets(part.raw).flatMap((p) => p.split(/\s{2,}/u));
    for (const piece of split) {
      const text = stripBullet(cleanText(stripRepost(piece.trim()).text));
      if (text === '') continue;
      const previous = pieces[pieces.length - 1];
      // "(例) …", "※1 …" and a bracket carry on the piece before them.
      if (previous !== undefined && /^(?:\(例\)|※|\()/u.test(text)) {
        pieces[pieces.length - 1] = cleanText(`${previous} ${text}`);
      } else {
        pieces.push(text);
      }
    }
  }
  return pieces;
}

/** A cell as one clean text, with its 再掲 mark taken off before spaces are normalised away. */
export function readCellText(raw: string): { text: string; isRepost: boolean } {
  const { text, isRepost } = stripRepost(joinParts(raw).trim());
  return { text: cleanText(text), isRepost };
}

/** The parts of a cell joined with spaces: the whole cell as one text. */
export function joinParts(raw: string): string {
  return splitCellHtml(raw)
    .parts.map((p) => p.raw)
    .join(' ');
}

/**
 * Splits a text written as a ・ list ("・ A ・ B"). Only a text that starts with ・ is a list: elsewhere " ・" is as
 * likely a wrap inside "サポート人材・マネジメント人材", so the text stays whole.
 */
function splitBullets(raw: string): string[] {
  if (!raw.trimStart().startsWith('・')) return [raw];
  return raw.split(/(?:^|\s+)・(?=\s*\S)/u).filter((s) => s.trim() !== '');
}

function endsWithPeriod(text: string): boolean {
  const trimmed = text.trimEnd();
  if (!trimmed.endsWith(')')) return false;
  const open = trimmed.lastIndexOf('(');
  return open >= 0 && readPeriodLabel(trimmed.slice(open + 1, -1)) !== null;
}

function trimmedWidth(cells: readonly string[]): number {
  let width = cells.length;
  while (width > 0 && (cells[width - 1] ?? '').trim() === '') width -= 1;
  return width;
}

function excerptCells(texts: readonly string[]): string {
  return texts.join(' | ');
}

function sheetKpiNames(sheet: SheetReading): Set<string> {
  return new Set(sheet.measures.flatMap((m) => m.kpis.map((k) => compactText(k.draft.name))));
}

// The words before the first digit: "デュアルユース設備を有する拠点0拠点→16拠点(…)" → its KPI name.
function kpiNamePart(text: string): string {
  const digit = /\d/u.exec(text);
  return digit === null ? text : text.slice(0, digit.index);
}
