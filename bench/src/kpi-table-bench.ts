import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { parseKpiTableText, parseKpiWorkbook } from '@kotei/importers';
import { summarize, time, type Timing } from './stats.js';

/** What the KPI table benchmark measured, per input size and kind. */
export interface KpiTableBench {
  rows: number;
  xlsx: Timing;
  xlsxRowsPerSecond: number;
  csv: Timing;
  csvRowsPerSecond: number;
  /** The same run's 1,000-row workbook, per row, over the 10,000-row one's, per row: 1.0 is linear. */
  perRowRatio: number;
  /** Peak resident memory (MiB) of a process that reads the large workbook once, and of one that reads nothing. */
  peakRssMiB: number;
  idleRssMiB: number;
  kpisRead: number;
}

const UNITS = ['%', '人', '件', '箇所', '万人', '市町村'];

// A row of a KPI table as offices write one: name, unit, baseline and target with their years, two actuals.
function rowOf(i: number): string[] {
  const unit = UNITS[i % UNITS.length] ?? '%';
  const base = 10 + (i % 90);
  return [
    `施策${Math.floor(i / 20) + 1}`,
    `指標${i + 1} 参加者数`,
    `${base.toLocaleString('en-US')}${unit}(平成${20 + (i % 10)}年度)`,
    `${(base * 2).toLocaleString('en-US')}${unit}以上(令和${2 + (i % 8)}年度)`,
    `${base + 3}${unit}(令和元年度)`,
    `${base + 5}${unit}(令和2年度)`,
    i % 7 === 0 ? '―' : '進展',
  ];
}

const HEADER = ['施策', '指標名', '基準値', '目標値', '実績値', '最新値', '達成状況'];

async function workbookOf(rows: number): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const perSheet = Math.ceil(rows / 4);
  for (let sheet = 0; sheet * perSheet < rows; sheet += 1) {
    const ws = book.addWorksheet(`分野${sheet + 1}`);
    ws.addRow(HEADER);
    for (let i = sheet * perSheet; i < Math.min(rows, (sheet + 1) * perSheet); i += 1) ws.addRow(rowOf(i));
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

function csvOf(rows: number): string {
  const lines = [HEADER.join(',')];
  for (let i = 0; i < rows; i += 1)
    lines.push(
      rowOf(i)
        .map((cell) => `"${cell}"`)
        .join(','),
    );
  return lines.join('\n');
}

const MiB = 1024 * 1024;

/**
 * Reads a generated 10,000-row KPI workbook (four worksheets) and the same rows as CSV, against a 1,000-row
 * workbook read in the same run, and reports rows per second and the process's peak resident memory.
 */
export async function benchKpiTable(rows = 10_000, samples = 3): Promise<KpiTableBench> {
  const small = await workbookOf(rows / 10);
  const large = await workbookOf(rows);
  const csv = csvOf(rows);
  let kpisRead = 0;
  const smallTiming = summarize(await time(samples, 1, () => parseKpiWorkbook(small)));
  const xlsx = summarize(
    await time(samples, 0, async () => {
      kpisRead = (await parseKpiWorkbook(large)).kpis.length;
    }),
  );
  // Peak memory is measured in processes of their own, so what this one generated does not count.
  const dir = mkdtempSync(join(tmpdir(), 'kotei-kpi-bench-'));
  let peakRssMiB: number;
  let idleRssMiB: number;
  try {
    const file = join(dir, 'kpis.xlsx');
    writeFileSync(file, large);
    peakRssMiB = childPeak(file);
    idleRssMiB = childPeak(null);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const csvTiming = summarize(await time(samples, 1, () => parseKpiTableText(csv)));
  return {
    rows,
    xlsx,
    xlsxRowsPerSecond: Math.round(rows / (xlsx.p50 / 1000)),
    csv: csvTiming,
    csvRowsPerSecond: Math.round(rows / (csvTiming.p50 / 1000)),
    perRowRatio: xlsx.p50 / rows / (smallTiming.p50 / (rows / 10)),
    peakRssMiB,
    idleRssMiB,
    kpisRead,
  };
}

// Runs this file again to read one workbook (or none) and report that process's peak resident memory.
function childPeak(file: string | null): number {
  const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--read', file ?? '-'], {
    encoding: 'utf8',
  });
  return (JSON.parse(out) as { maxRssMiB: number }).maxRssMiB;
}

const isMain = process.argv[1] === fileURLToPath(import.meta.url);
if (isMain && process.argv[2] === '--read') {
  const file = process.argv[3] ?? '-';
  if (file !== '-') await parseKpiWorkbook(readFileSync(file));
  // maxRSS is in kibibytes.
  console.log(JSON.stringify({ maxRssMiB: Math.round((process.resourceUsage().maxRSS * 1024) / MiB) }));
} else if (isMain) {
  console.log(JSON.stringify(await benchKpiTable(), null, 2));
}
