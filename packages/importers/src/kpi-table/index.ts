import { PlanDocument } from '@kotei/contracts';
import type { ParseIssue, ParseResult } from '../parse-issue.js';
import type { Grid, TableFormat } from './grid.js';
import { rowText } from './grid.js';
import type { ColumnRoleOverride } from './header.js';
import { splitColumnGroups } from './column-groups.js';
import { detectHeader } from './header.js';
import type { KpiTableOptions } from './plan-from-table.js';
import { planFromTable } from './plan-from-table.js';
import { readFlatLines } from './flat-lines.js';
import { readListedColumns } from './listed-columns.js';
import { detectTextFormat, readTextTable } from './read-table.js';
import type { TableKpi, TableReading } from './table-kpis.js';
import { readTableKpis } from './table-kpis.js';
import { readPdf } from './pdf-document.js';
import { isZip, readWorkbook } from './workbook.js';
import type { EraHint } from './years.js';
import { eraHintOf } from './years.js';

export type { ColumnMapping, ColumnRole, ColumnRoleOverride } from './header.js';
export { COLUMN_ROLES, headerSignature } from './header.js';
export type { KpiTableOptions } from './plan-from-table.js';
export type { TableKpi, TablePoint } from './table-kpis.js';
export type { Grid, GridCell, GridRow, TableFormat } from './grid.js';
export { isZip } from './workbook.js';
export { isPdf } from './pdf-document.js';
export { detectTextFormat } from './read-table.js';

/** What a table import gives: the plan and issues (as every importer), and the KPIs and column mappings read. */
export interface KpiTableResult extends ParseResult<PlanDocument> {
  readonly format: TableFormat;
  readonly kpis: readonly TableKpi[];
  /** The header rows found and the role proposed for each column, with confidence and evidence. */
  readonly mappings: TableReading['mappings'];
}

/** Options of a table import: those of the plan, and the columns whose role the user corrected. */
export interface KpiTableParseOptions extends KpiTableOptions {
  readonly columnRoles?: readonly ColumnRoleOverride[];
}

function gridText(grids: readonly Grid[]): string {
  return grids.flatMap((grid) => grid.rows.slice(0, 2000).map(rowText)).join('\n');
}

// Text read as rows of cells may instead hold its tables on a long line, or in lines whose cells only spaces part.
// Tried where the rows gave no KPI, or only a few: taken where it reads at least twice as many (and three or more),
// so a table read as rows keeps its reading.
const FEW_KPIS = 5;

function readTableKpisOrFlat(
  grids: readonly Grid[],
  hint: EraHint,
  overrides: readonly ColumnRoleOverride[],
): TableReading {
  const reading = readTableKpis(grids, hint, overrides);
  const failed = reading.kpis.length === 0 && reading.issues.some((i) => i.code === 'kpi-table-no-header');
  if (!failed && (reading.kpis.length >= FEW_KPIS || overrides.length > 0)) return reading;
  const listed = readListedColumns(grids, hint);
  if (listed !== null) {
    const again = readTableKpis(listed, hint, overrides);
    if (again.kpis.length > reading.kpis.length) return again;
  }
  const flat = readFlatLines(grids, hint);
  if (flat === null) return reading;
  const again = readTableKpis(flat.grids, hint, overrides);
  const better = failed
    ? again.kpis.length > 0
    : again.kpis.length >= 3 && again.kpis.length >= 2 * reading.kpis.length;
  return better ? { ...again, issues: [...flat.issues, ...again.issues] } : reading;
}

/** Reads KPI grids (worksheets or a text table) into a plan; pure, never throws. */
export function parseKpiGrids(
  grids: readonly Grid[],
  format: TableFormat,
  options: KpiTableParseOptions = {},
): KpiTableResult {
  try {
    const hint: EraHint = eraHintOf(gridText(grids));
    const tables = grids.flatMap((grid) => splitColumnGroups(grid, hint) ?? [grid]);
    const reading = readTableKpisOrFlat(tables, hint, options.columnRoles ?? []);
    const issues: ParseIssue[] = [...reading.issues];
    const draft = planFromTable(reading.kpis, reading.title, options, issues);
    const parsed = PlanDocument.safeParse(draft);
    if (!parsed.success) {
      issues.push({
        code: 'kpi-table-invalid-plan',
        line: 1,
        found: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '),
        expected: 'a plan valid under PlanDocument',
        message: 'The table was read but the plan built from it is not valid; nothing was imported.',
        severity: 'error',
      });
      return { plan: emptyPlan(options), issues, format, kpis: reading.kpis, mappings: reading.mappings };
    }
    issues.sort((a, b) => a.line - b.line);
    return { plan: parsed.data, issues, format, kpis: reading.kpis, mappings: reading.mappings };
  } catch (error) {
    return {
      plan: emptyPlan(options),
      issues: [
        {
          code: 'internal-error',
          line: 1,
          found: error instanceof Error ? `${error.name}: ${error.message}` : 'an unknown error',
          expected: 'a table the importer can read',
          message:
            'The table importer failed on this file; nothing was imported. Please report it with the file.',
          severity: 'error',
        },
      ],
      format,
      kpis: [],
      mappings: [],
    };
  }
}

/** Reads a KPI table given as text (CSV, TSV, HTML, Markdown, PDF-extract); pure, never throws. */
export function parseKpiTableText(text: string, options: KpiTableParseOptions = {}): KpiTableResult {
  const format = detectTextFormat(text) ?? 'pdf-text';
  return parseKpiGrids([readTextTable(text, format)], format, options);
}

/** Reads a KPI table from a file's bytes: an .xlsx workbook (every worksheet) or decoded text. Never throws. */
export async function parseKpiWorkbook(
  bytes: Uint8Array,
  options: KpiTableParseOptions = {},
): Promise<KpiTableResult> {
  const book = await readWorkbook(bytes);
  if (!book.ok) return unreadableFile('xlsx', 'xlsx-unreadable', 'an .xlsx workbook', book.message, options);
  return parseKpiGrids(book.grids, 'xlsx', options);
}

/** Reads a KPI table from a PDF's bytes: its ruled tables rebuilt cell by cell, other text as lines. Never throws. */
export async function parseKpiPdf(
  bytes: Uint8Array,
  options: KpiTableParseOptions = {},
): Promise<KpiTableResult> {
  const read = await readPdf(bytes);
  if (!read.ok) {
    const expected = 'a PDF whose text can be read (not a scanned image)';
    return unreadableFile('pdf', 'pdf-unreadable', expected, read.message, options);
  }
  return parseKpiGrids(read.grids, 'pdf', options);
}

/**
 * Whether text is a KPI table rather than a follow-up document: it is laid out as a table (CSV, TSV, HTML,
 * pipe or PDF-extract rows, or without separators reads as KPIs) and is no 工程表 document. A table without a recognisable header is still a table:
 * its import then says so, naming the rows it looked at, instead of reading it as prose.
 */
export function looksLikeKpiTable(text: string): boolean {
  const format = detectTextFormat(text);
  if ((text.slice(0, 200_000).match(/工程表/gu) ?? []).length >= 2) return false;
  if (format === null) {
    // Text with no separator is a table only if it reads as one: 「名称:基準 → 目標」 lines, one cell a line
    // under a header of roles, or a table on a line that lost its breaks (a header run, then its rows).
    const head = text.split('\n', 2000).join('\n');
    return readTableKpisOrFlat([readTextTable(head, 'pdf-text')], eraHintOf(head), []).kpis.length > 0;
  }
  if (format !== 'markdown') return true;
  // Markdown is a follow-up document's own form: only a KPI header among its first rows makes it a table.
  const head = text.split('\n', 300).join('\n');
  const hint = eraHintOf(head);
  return readTextTable(head, format).rows.some((row) => detectHeader(row, hint) !== null);
}

// A file its reader refused: an empty plan and the one error that says why, so nothing is imported.
function unreadableFile(
  format: TableFormat,
  code: string,
  expected: string,
  message: string,
  options: KpiTableParseOptions,
): KpiTableResult {
  const issue: ParseIssue = {
    code,
    line: 1,
    found: options.sourceName ?? 'the file',
    expected,
    message,
    severity: 'error',
  };
  return { plan: emptyPlan(options), issues: [issue], format, kpis: [], mappings: [] };
}

function emptyPlan(options: KpiTableOptions): PlanDocument {
  return PlanDocument.parse({
    slug: options.slug ?? 'imported-kpi-table',
    title: options.title ?? 'KPI表',
    owner: '不明',
    adoptedOn: null,
  });
}

export { isZip as isWorkbookBytes };
