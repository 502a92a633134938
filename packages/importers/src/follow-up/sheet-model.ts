import type { KpiReading } from './kpi-text.js';
import type { ProjectReading } from './budget-text.js';
import { splitCellHtml } from './cell-html.js';
import type { IssueLog, PhaseDraft, SourceDraft } from './drafts.js';
import type { ListItem, RowBlock, SourceLine } from './markdown-blocks.js';
import type { CellRole, TableLayout } from './table-layout.js';
import { cleanText, compactText, stripBullet, stripRepost } from './text.js';
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

/** One cell of a table row, with the role its header column gives it. */
export interface RowCell {
  readonly index: number;
  readonly raw: string;
  readonly role: CellRole;
}

// Each sheet's KPI names as they are read, so a progress bullet is checked against them in O(1) and a sheet of
// many rows stays linear to read.
const sheetOfMeasure = new WeakMap<MeasureReading, SheetReading>();
const kpiNamesOfSheet = new WeakMap<SheetReading, Set<string>>();

/** A new measure of the sheet, placed after its others. */
export function newMeasure(sheet: SheetReading, title: string, lines: SourceLine[]): MeasureReading {
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
  sheetOfMeasure.set(measure, sheet);
  return measure;
}

/** Adds a KPI to a measure, and its name to those of the measure's sheet. */
export function addKpiToMeasure(measure: MeasureReading, kpi: PlacedKpi): void {
  measure.kpis.push(kpi);
  const sheet = sheetOfMeasure.get(measure);
  if (sheet !== undefined) sheetKpiNames(sheet).add(compactText(kpi.draft.name));
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
export function splitBullets(raw: string): string[] {
  if (!raw.trimStart().startsWith('・')) return [raw];
  return raw.split(/(?:^|\s+)・(?=\s*\S)/u).filter((s) => s.trim() !== '');
}

export function endsWithPeriod(text: string): boolean {
  const trimmed = text.trimEnd();
  if (!trimmed.endsWith(')')) return false;
  const open = trimmed.lastIndexOf('(');
  return open >= 0 && readPeriodLabel(trimmed.slice(open + 1, -1)) !== null;
}

export function trimmedWidth(cells: readonly string[]): number {
  let width = cells.length;
  while (width > 0 && (cells[width - 1] ?? '').trim() === '') width -= 1;
  return width;
}

export function excerptCells(texts: readonly string[]): string {
  return texts.join(' | ');
}

/** The compact names of the KPIs read so far in a sheet. */
export function sheetKpiNames(sheet: SheetReading): Set<string> {
  let names = kpiNamesOfSheet.get(sheet);
  if (names === undefined) {
    names = new Set();
    kpiNamesOfSheet.set(sheet, names);
  }
  return names;
}

// The words before the first digit: "デュアルユース設備を有する拠点0拠点→16拠点(…)" → its KPI name.
export function kpiNamePart(text: string): string {
  const digit = /\d/u.exec(text);
  return digit === null ? text : text.slice(0, digit.index);
}
