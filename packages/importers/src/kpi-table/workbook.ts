import ExcelJS from 'exceljs';
import type { Grid, GridRow } from './grid.js';
import { columnLetter } from './grid.js';

/** The bytes of a zip archive, which an .xlsx workbook is. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

// A workbook larger than this many cells is refused rather than read into memory whole.
const MAX_CELLS = 5_000_000;

/** Every worksheet of an .xlsx workbook as a grid, or why it cannot be read. Merged cells give their value to each cell they cover. */
export async function readWorkbook(
  bytes: Uint8Array,
): Promise<{ ok: true; grids: Grid[] } | { ok: false; message: string }> {
  const book = new ExcelJS.Workbook();
  try {
    // exceljs takes a Node Buffer (or an ArrayBuffer); a copy of the view keeps the caller's bytes untouched.
    await book.xlsx.load(bytes.slice().buffer);
  } catch (error) {
    return {
      ok: false,
      message: `The file is not a readable .xlsx workbook (${error instanceof Error ? error.message : 'unknown error'}).`,
    };
  }
  const grids: Grid[] = [];
  let cellCount = 0;
  for (const sheet of book.worksheets) {
    const rows: GridRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells = [];
      for (let column = 1; column <= row.cellCount; column += 1) {
        const cell = row.getCell(column);
        cells.push({ text: cellText(cell), ref: `${columnLetter(column)}${rowNumber}` });
      }
      cellCount += cells.length;
      rows.push({ line: rowNumber, cells });
    });
    if (cellCount > MAX_CELLS) {
      return {
        ok: false,
        message: `The workbook has more than ${MAX_CELLS} cells; split it into smaller files.`,
      };
    }
    grids.push({ sheet: sheet.name, rows });
  }
  return { ok: true, grids };
}

function cellText(cell: ExcelJS.Cell): string {
  const source = cell.isMerged ? cell.master : cell;
  const value = source.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatNumber(value, source.numFmt);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  try {
    return source.text.replace(/\s+/gu, ' ').trim();
  } catch {
    return '';
  }
}

// A percentage stored as 0.125 with a % format is the 12.5% the sheet shows.
function formatNumber(value: number, format: string | undefined): string {
  if (format !== undefined && format.includes('%')) return `${round(value * 100)}%`;
  return String(round(value));
}

function round(value: number): number {
  return Math.round(value * 1e10) / 1e10;
}
