import ExcelJS from 'exceljs';
import { OPEN_DATA_TABLES, type DataField, type DataTable, type DataValue } from './open-data.js';

/** A cell of an uploaded workbook that does not hold what its column expects. */
export interface WorkbookIssue {
  worksheet: string;
  /** A1-style address, e.g. I5. */
  cell: string;
  field: string | null;
  found: string;
  expected: string;
  message: string;
}

/** One cell whose value differs from the plan's at the round, by worksheet and address. */
export interface CellChange {
  worksheet: string;
  cell: string;
  table: string;
  /** The row's id (its first field), or null for a row that is not in the plan. */
  rowId: string | null;
  field: string;
  before: DataValue;
  after: DataValue;
}

const worksheetOf = (table: string): string => `data_${table}`;

const EXPECTED: Record<DataField['type'], string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  date: 'a date as YYYY-MM-DD',
  boolean: 'TRUE or FALSE',
};

function shown(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '(empty)';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A cell's value read as its field's type, or the reason it cannot be. */
function readCell(
  value: ExcelJS.CellValue,
  field: DataField,
): { ok: true; value: DataValue } | { ok: false } {
  if (value === null || value === undefined || value === '') return { ok: true, value: null };
  switch (field.type) {
    case 'string':
      return typeof value === 'string' || typeof value === 'number'
        ? { ok: true, value: String(value) }
        : { ok: false };
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) ? { ok: true, value } : { ok: false };
    case 'number':
      return typeof value === 'number' ? { ok: true, value } : { ok: false };
    case 'boolean':
      return typeof value === 'boolean' ? { ok: true, value } : { ok: false };
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
        ? { ok: true, value }
        : { ok: false };
  }
}

/**
 * The data worksheets of a report workbook (`data_kpis` …) read back as tables, with an issue for every cell
 * that does not hold what its column expects (worksheet, cell address, expected). Never throws on content; a file
 * that is no workbook is one issue.
 */
export async function readReportWorkbook(
  bytes: Uint8Array,
  template: readonly DataTable[],
): Promise<{ tables: DataTable[]; issues: WorkbookIssue[] }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    const issue = { worksheet: '', cell: '', field: null, found: 'a file that is not an .xlsx workbook' };
    return {
      tables: [],
      issues: [{ ...issue, expected: 'an .xlsx workbook', message: 'The file is not an .xlsx workbook' }],
    };
  }
  const issues: WorkbookIssue[] = [];
  const tables: DataTable[] = [];
  for (const shape of template) {
    const name = worksheetOf(shape.name);
    const ws = workbook.getWorksheet(name);
    if (!ws) {
      issues.push({
        worksheet: name,
        cell: 'A1',
        field: null,
        found: '(no such worksheet)',
        expected: `a worksheet ${name}`,
        message: `The workbook has no worksheet ${name}`,
      });
      continue;
    }
    shape.fields.forEach((field, i) => {
      const cell = ws.getCell(1, i + 1);
      if (cell.value !== field.name) {
        issues.push({
          worksheet: name,
          cell: cell.address,
          field: field.name,
          found: shown(cell.value),
          expected: field.name,
          message: `${name}!${cell.address}: expected the column head ${field.name}`,
        });
      }
    });
    const rows: DataValue[][] = [];
    for (let r = 2; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      if (!row.hasValues) continue;
      rows.push(
        shape.fields.map((field, i) => {
          const cell = row.getCell(i + 1);
          const read = readCell(cell.value, field);
          if (read.ok) return read.value;
          issues.push({
            worksheet: name,
            cell: cell.address,
            field: field.name,
            found: shown(cell.value),
            expected: EXPECTED[field.type],
            message: `${name}!${cell.address} (${field.name}): expected ${EXPECTED[field.type]}, found ${shown(cell.value)}`,
          });
          return null;
        }),
      );
    }
    tables.push({ ...shape, rows });
  }
  return { tables, issues };
}

const same = (a: DataValue, b: DataValue): boolean =>
  a === b || ((a === null || a === '') && (b === null || b === ''));

/**
 * The cells of the uploaded tables that differ from the current ones, rows matched by their id (first field) and
 * listed with the worksheet and address they were read from.
 */
export function diffTables(current: readonly DataTable[], uploaded: readonly DataTable[]): CellChange[] {
  const changes: CellChange[] = [];
  for (const table of uploaded) {
    const before = current.find((t) => t.name === table.name);
    if (!before || !(OPEN_DATA_TABLES as readonly string[]).includes(table.name)) continue;
    // A row is known by its id and which row with that id it is: a reposted measure and a project's lines share one.
    const byKey = new Map(keyed(before.rows).map(({ key, row }) => [key, row]));
    keyed(table.rows).forEach(({ key, row }, r) => {
      const id = row[0] === null || row[0] === undefined ? null : String(row[0]);
      const old = id === null ? undefined : byKey.get(key);
      table.fields.forEach((field, c) => {
        const after = row[c] ?? null;
        const was = old ? (old[c] ?? null) : null;
        if (old && same(was, after)) return;
        if (!old && c > 0) return;
        const address = `${columnLetter(c + 1)}${r + 2}`;
        changes.push({
          worksheet: worksheetOf(table.name),
          cell: address,
          table: table.name,
          rowId: old ? id : null,
          field: field.name,
          before: was,
          after,
        });
      });
    });
  }
  return changes;
}

function keyed(rows: readonly DataValue[][]): { key: string; row: DataValue[] }[] {
  const seen = new Map<string, number>();
  return rows.map((row) => {
    const id = String(row[0] ?? '');
    const n = seen.get(id) ?? 0;
    seen.set(id, n + 1);
    return { key: `${id}#${n}`, row };
  });
}

function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
