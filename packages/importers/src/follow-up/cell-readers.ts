import { hasKpiValue, readKpiCell } from './kpi-text.js';
import { mentionsBudget, readProjectItem, readsAsProgress } from './budget-text.js';
import type { ProjectReading } from './budget-text.js';
import { splitCellHtml } from './cell-html.js';
import type { IssueLog } from './drafts.js';
import type { TableLayout } from './table-layout.js';
import {
  cleanText,
  compactText,
  findTags,
  isNone,
  splitTrailingTags,
  stripBullet,
  stripRepost,
} from './text.js';
import {
  addKpiToMeasure,
  endsWithPeriod,
  joinParts,
  kpiNamePart,
  phasePieces,
  sheetKpiNames,
  splitBullets,
  type MeasureReading,
  type PlacedProject,
  type ProgressReading,
  type ReadContext,
  type RowCell,
  type SheetReading,
} from './sheet-model.js';

export function readKpiColumn(
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

export function addKpis(
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
    addKpiToMeasure(measure, { draft, source: { lineFrom: line, lineTo: line, rawText: raw }, line });
  }
}

export function addPhaseOnLastColumn(
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

export function readProgressCell(
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
export function addProgressItem(
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

export function readProjectsCell(
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
