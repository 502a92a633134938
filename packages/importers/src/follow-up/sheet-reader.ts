import { readProjectItem } from './budget-text.js';
import type { IssueLog } from './drafts.js';
import { sourceOf } from './drafts.js';
import type { SourceLine } from './markdown-blocks.js';
import { cleanText, compactText, isNone, stripBullet } from './text.js';
import { addProgressItem, addProject } from './cell-readers.js';
import { readTable } from './table-reader.js';
import type { MeasureReading, ReadContext, SheetLabel, SheetReading } from './sheet-model.js';

export type {
  MeasureReading,
  PhaseOwner,
  PlacedKpi,
  PlacedProject,
  ProgressReading,
  ReadContext,
  SheetLabel,
  SheetReading,
} from './sheet-model.js';
export { joinParts, phasePieces, readCellText } from './sheet-model.js';

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
