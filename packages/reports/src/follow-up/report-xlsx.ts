import ExcelJS from 'exceljs';
import type { FollowUpReport, ReportKpi, ReportMeasureRow, ReportSheet } from './report-model.js';
import type { DataTable } from './open-data.js';

type Worksheet = ExcelJS.Worksheet;

const WRAP: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top' };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const HEAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF6' } };

// A3 landscape, fit to one page wide and as many tall as needed (exceljs paper size 8 is A3).
const PRINT: Partial<ExcelJS.PageSetup> = {
  // exceljs's enum lacks A3, whose Excel code is 8.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment
  paperSize: 8 as ExcelJS.PaperSize,
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
};

/** A KPI in one cell, as the seed writes it: name, note, baseline → target, latest actual, status. */
export function kpiCellText(kpi: ReportKpi): string {
  return [
    kpi.name,
    kpi.note,
    `${kpi.baseline} → ${kpi.target}`,
    `最新の実績: ${kpi.latest ?? '実績なし'}`,
    `状況: ${kpi.statusText}`,
  ]
    .filter((line) => line !== '')
    .join('\n');
}

function mergeAndSet(
  ws: Worksheet,
  top: number,
  left: number,
  bottom: number,
  right: number,
  value: string,
): void {
  if (bottom > top || right > left) ws.mergeCells(top, left, bottom, right);
  const cell = ws.getCell(top, left);
  cell.value = value;
  cell.alignment = WRAP;
}

function writeMeasure(ws: Worksheet, row: ReportMeasureRow, top: number, columns: number): number {
  const height = row.lanes.length;
  const bottom = top + height - 1;
  mergeAndSet(ws, top, 1, bottom, 1, row.isRepost ? `${row.title}\n（再掲）` : row.title);
  row.lanes.forEach((lane, i) => {
    for (const cell of lane) {
      const left = 2 + cell.fromColumn;
      mergeAndSet(ws, top + i, left, top + i, left + cell.span - 1, `${cell.text}\n${cell.statusText}`);
    }
  });
  mergeAndSet(ws, top, columns + 2, bottom, columns + 2, row.kpis.map(kpiCellText).join('\n\n'));
  mergeAndSet(
    ws,
    top,
    columns + 3,
    bottom,
    columns + 3,
    row.progress.map((b) => `・${b.display}`).join('\n'),
  );
  mergeAndSet(
    ws,
    top,
    columns + 4,
    bottom,
    columns + 4,
    row.projects.map((p) => `・${p.display}`).join('\n'),
  );
  for (let r = top; r <= bottom; r++) {
    for (let c = 1; c <= columns + 4; c++) ws.getCell(r, c).border = THIN;
  }
  return bottom + 1;
}

function addSheet(workbook: ExcelJS.Workbook, sheet: ReportSheet, report: FollowUpReport): void {
  const n = report.columns.length;
  const ws = workbook.addWorksheet(sheet.heading, {
    views: [{ state: 'frozen', xSplit: 1, ySplit: 2 }],
    pageSetup: { ...PRINT, printTitlesRow: '1:2' },
  });
  ws.columns = [
    { width: 22 },
    ...report.columns.map(() => ({ width: 20 })),
    { width: 34 },
    { width: 50 },
    { width: 30 },
  ];
  mergeAndSet(ws, 1, 1, 1, n + 4, `各施策のスケジュール・${sheet.heading} ${sheet.title}`);
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  const heads = [
    '施策',
    ...report.columns.map((c) => c.label),
    'KPI（成果指標）',
    `進捗状況${report.asOfNote}`,
    '該当事業',
  ];
  heads.forEach((text, i) => {
    const cell = ws.getCell(2, i + 1);
    cell.value = text;
    cell.font = { bold: true };
    cell.fill = HEAD_FILL;
    cell.border = THIN;
    cell.alignment = WRAP;
  });
  let next = 3;
  for (const row of sheet.rows) next = writeMeasure(ws, row, next, n);
  if (sheet.progress.length + sheet.projects.length > 0) {
    mergeAndSet(ws, next, 1, next, 1, '工程表全体');
    mergeAndSet(ws, next, n + 3, next, n + 3, sheet.progress.map((b) => `・${b.display}`).join('\n'));
    mergeAndSet(ws, next, n + 4, next, n + 4, sheet.projects.map((p) => `・${p.display}`).join('\n'));
  }
}

function addCover(workbook: ExcelJS.Workbook, report: FollowUpReport): void {
  const ws = workbook.addWorksheet('表紙', { pageSetup: PRINT, views: [{ state: 'frozen', ySplit: 4 }] });
  ws.columns = [{ width: 12 }, { width: 60 }, { width: 18 }, { width: 18 }, { width: 22 }, { width: 20 }];
  ws.addRow([report.plan.title]).font = { bold: true, size: 14 };
  ws.addRow([`${report.plan.owner} ${report.round.title}（${report.asOfNote}）`]);
  ws.addRow(report.revisionNote ? [report.revisionNote] : []);
  ws.addRow(['戦略目標', '成果目標（アウトカム）', '基準値', '目標値', '最新の実績', '状況']).font = {
    bold: true,
  };
  for (const goal of report.goals) {
    ws.addRow([`(${goal.number})`, goal.title]).font = { bold: true };
    for (const k of goal.outcomes)
      ws.addRow(['', k.name, k.baseline, k.target, k.latest ?? '実績なし', k.statusText]);
  }
  ws.getColumn(2).alignment = WRAP;
}

function addSummary(workbook: ExcelJS.Workbook, report: FollowUpReport): void {
  const ws = workbook.addWorksheet('集計', { pageSetup: PRINT, views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { width: 50 },
    ...report.summaryColumns.map(() => ({ width: 14 })),
    { width: 8 },
    { width: 20 },
  ];
  ws.addRow(['対象', ...report.summaryColumns, '計', '全体の状況']).font = {
    bold: true,
  };
  for (const line of report.summary) {
    ws.addRow([line.label, ...line.counts, line.total, line.overall]);
  }
}

function addEvaluations(workbook: ExcelJS.Workbook, report: FollowUpReport): void {
  const ws = workbook.addWorksheet('総合評価', { pageSetup: PRINT, views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [{ width: 18 }, { width: 16 }, { width: 90 }, { width: 18 }];
  ws.addRow(['対象', '評価', 'コメント', '有識者']).font = { bold: true };
  for (const e of report.evaluations) ws.addRow([e.target, e.ratingText, e.comment, e.evaluator]);
  ws.getColumn(3).alignment = WRAP;
}

function addChanges(workbook: ExcelJS.Workbook, report: FollowUpReport): void {
  const ws = workbook.addWorksheet('前回からの変更', {
    pageSetup: PRINT,
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  ws.columns = [{ width: 40 }, { width: 10 }, { width: 70 }, { width: 30 }, { width: 30 }];
  ws.addRow(['施策', '種別', '内容', '前回', '今回']).font = { bold: true };
  for (const m of report.changes?.measures ?? []) {
    for (const b of m.bullets) {
      ws.addRow([m.measure, b.kindText, b.text, b.before ?? '', '']);
    }
    for (const a of m.actuals) ws.addRow([m.measure, '実績', a.kpi, a.before, a.after]);
    for (const p of m.phases) ws.addRow([m.measure, '工程', `${p.text}（${p.period}）`, p.before, p.after]);
  }
  ws.getColumn(3).alignment = WRAP;
}

function addData(workbook: ExcelJS.Workbook, table: DataTable): void {
  const ws = workbook.addWorksheet(`data_${table.name}`, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = table.fields.map((field) => ({ header: field.name, key: field.name, width: 18 }));
  ws.getRow(1).font = { bold: true };
  for (const row of table.rows) ws.addRow(row);
}

/**
 * The report as an Excel workbook: a cover, the status summary, one worksheet per sheet in the seed's columns
 * (merged period cells, frozen heads, A3 landscape fit to width), the evaluations, then one data worksheet per
 * entity type.
 */
export async function renderReportXlsx(
  report: FollowUpReport,
  tables: readonly DataTable[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'kotei';
  addCover(workbook, report);
  addSummary(workbook, report);
  for (const sheet of report.sheets) addSheet(workbook, sheet, report);
  addEvaluations(workbook, report);
  addChanges(workbook, report);
  for (const table of tables) addData(workbook, table);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
