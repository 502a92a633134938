import ExcelJS from 'exceljs';
import type { LogicalTable } from './layout.js';
import { encodeShiftJis } from './shift-jis.js';

/** The input kinds the issue names, as files an office would hand over. */
export const INPUT_KINDS = [
  'csv-utf8',
  'csv-utf8-bom',
  'csv-shift-jis',
  'tsv',
  'xlsx',
  'html',
  'markdown',
  'pdf-text',
  'pdf-text-wrapped',
  'pdf-text-paged',
] as const;
export type InputKind = (typeof INPUT_KINDS)[number];

/** A file as `kotei import` is given it. */
export interface RenderedFile {
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

/** The rows of a table as a text format writes them: title, a blank line, header, body, note. */
function textRows(table: LogicalTable): string[][] {
  const rows: string[][] = [];
  if (table.title !== null) rows.push([table.title], []);
  rows.push(...table.header.map((row) => [...row]), ...table.body.map((row) => [...row]));
  if (table.note !== null) rows.push([table.note]);
  return rows;
}

function csvCell(text: string): string {
  return /[",\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

function delimited(table: LogicalTable, separator: string): string {
  const cell = separator === ',' ? csvCell : (text: string) => text;
  return textRows(table)
    .map((row) => row.map(cell).join(separator))
    .join('\r\n');
}

function escapeHtml(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
}

function html(table: LogicalTable): string {
  const lines = ['<!DOCTYPE html>', '<html lang="ja"><body>'];
  if (table.title !== null) lines.push(`<h2>${escapeHtml(table.title)}</h2>`);
  lines.push('<table border="1">');
  table.header.forEach((row, r) => {
    const cells: string[] = [];
    row.forEach((text, c) => {
      const merge = table.merges.find((m) => m.row === r && m.column === c);
      const covered = table.merges.some(
        (m) => m !== merge && r >= m.row && r < m.row + m.rows && c >= m.column && c < m.column + m.columns,
      );
      if (covered) return;
      const span =
        (merge !== undefined && merge.rows > 1 ? ` rowspan="${merge.rows}"` : '') +
        (merge !== undefined && merge.columns > 1 ? ` colspan="${merge.columns}"` : '');
      cells.push(`<th${span}>${escapeHtml(text)}</th>`);
    });
    lines.push(`<tr>${cells.join('')}</tr>`);
  });
  table.body.forEach((row, r) => {
    if (table.sectionRows.has(r))
      lines.push(`<tr><td colspan="${table.width}">${escapeHtml(row[0] ?? '')}</td></tr>`);
    else lines.push(`<tr>${row.map((text) => `<td>${escapeHtml(text)}</td>`).join('')}</tr>`);
  });
  lines.push('</table>');
  if (table.note !== null) lines.push(`<p>${escapeHtml(table.note)}</p>`);
  lines.push('</body></html>');
  return lines.join('\n');
}

function markdown(table: LogicalTable): string {
  const line = (row: readonly string[]) => `| ${row.map((t) => t.replace(/\|/gu, '\\|')).join(' | ')} |`;
  const lines: string[] = [];
  if (table.title !== null) lines.push(`## ${table.title}`, '');
  const [first, ...rest] = table.header;
  lines.push(line(first ?? []), line(Array.from({ length: table.width }, () => '---')));
  lines.push(...rest.map(line), ...table.body.map(line));
  if (table.note !== null) lines.push('', table.note);
  return lines.join('\n');
}

/** PDF-extract text: cells joined with 「 | 」, one row a line; wrapped rows, or the header repeated per page. */
function pdfText(table: LogicalTable, mode: 'plain' | 'wrapped' | 'paged'): string {
  const joined = (row: readonly string[]) => row.join(' | ');
  const lines: string[] = [];
  if (table.title !== null) lines.push(table.title, '');
  const header = table.header.map(joined);
  lines.push(...header);
  table.body.forEach((row, r) => {
    if (mode === 'paged' && r > 0 && r % 5 === 0) lines.push('', `- ${r / 5} -`, '', ...header);
    if (table.sectionRows.has(r)) {
      lines.push(row[0] ?? '');
      return;
    }
    const name = row[0] ?? '';
    if (mode === 'wrapped' && name.length > 12) {
      // The extractor breaks a long first cell: the row's cells on the first line, the name's tail on the next.
      lines.push(joined([name.slice(0, 12), ...row.slice(1)]), name.slice(12));
    } else lines.push(joined(row));
  });
  if (table.note !== null) lines.push(table.note);
  return lines.join('\n');
}

async function xlsx(table: LogicalTable): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('成果指標');
  const offset = table.title === null ? 0 : 2;
  if (table.title !== null) sheet.addRow([table.title]).commit();
  if (table.title !== null) sheet.addRow([]);
  for (const row of table.header) sheet.addRow([...row]);
  for (const merge of table.merges)
    sheet.mergeCells(
      offset + merge.row + 1,
      merge.column + 1,
      offset + merge.row + merge.rows,
      merge.column + merge.columns,
    );
  table.body.forEach((row, r) => {
    const added = sheet.addRow([...row]);
    if (table.sectionRows.has(r)) sheet.mergeCells(added.number, 1, added.number, table.width);
  });
  if (table.note !== null) sheet.addRow([table.note]);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Writes a logical table as a file of an input kind. */
export async function renderInput(table: LogicalTable, kind: InputKind): Promise<RenderedFile> {
  switch (kind) {
    case 'csv-utf8':
      return { fileName: 'table.csv', bytes: utf8(delimited(table, ',')) };
    case 'csv-utf8-bom':
      return { fileName: 'table.csv', bytes: utf8(`\ufeff${delimited(table, ',')}`) };
    case 'csv-shift-jis':
      return { fileName: 'table.csv', bytes: encodeShiftJis(delimited(table, ',')) };
    case 'tsv':
      return { fileName: 'table.tsv', bytes: utf8(delimited(table, '\t')) };
    case 'xlsx':
      return { fileName: 'table.xlsx', bytes: await xlsx(table) };
    case 'html':
      return { fileName: 'table.html', bytes: utf8(html(table)) };
    case 'markdown':
      return { fileName: 'table.md', bytes: utf8(markdown(table)) };
    case 'pdf-text':
      return { fileName: 'table.txt', bytes: utf8(pdfText(table, 'plain')) };
    case 'pdf-text-wrapped':
      return { fileName: 'table.txt', bytes: utf8(pdfText(table, 'wrapped')) };
    case 'pdf-text-paged':
      return { fileName: 'table.txt', bytes: utf8(pdfText(table, 'paged')) };
  }
}
