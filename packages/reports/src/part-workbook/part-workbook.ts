import ExcelJS from 'exceljs';
import type { RoundPart } from '@kotei/contracts';
import type { PhaseReportState } from '@kotei/domain';
import type { WorkbookIssue } from '../follow-up/workbook-read.js';
import {
  ABOUT_ROWS,
  PART_SHEETS,
  PHASE_STATE_WORDS,
  partForm,
  phaseStateOf,
  type FormSheet,
} from './part-form.js';

const LOCKED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };

/** A ministry's workbook for one part: its measure's KPIs, phases and the part's drafts; locked cells protected. */
export async function writePartWorkbook(part: RoundPart): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'kotei';
  for (const sheet of partForm(part)) {
    const ws = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.widths.forEach((width, i) => (ws.getColumn(i + 1).width = width));
    sheet.rows.forEach((row, r) => {
      row.forEach((cell, c) => {
        const target = ws.getCell(r + 1, c + 1);
        target.value = cell.value;
        target.alignment = { wrapText: true, vertical: 'top' };
        if (cell.locked) target.fill = LOCKED_FILL;
        else target.protection = { locked: false };
        if (r === 0 && sheet.name !== PART_SHEETS.about) target.font = { bold: true };
      });
    });
    if (sheet.name === PART_SHEETS.phases) {
      for (let r = 2; r <= sheet.rows.length; r++) {
        ws.getCell(r, 4).dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [`"${PHASE_STATE_WORDS.join(',')}"`],
        };
      }
    }
    // A deterrent, not a lock: the reader checks every locked cell again on upload.
    await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A part's content read from its workbook: the save it asks for, and where each item came from. */
export interface PartWorkbookReading {
  /** The part the workbook was made for, as its locked cells say. */
  identity: { partId: string; ministry: string; version: number | null };
  save: {
    version: number;
    bullets: string[];
    actuals: {
      kpiId: string;
      value: number;
      unit?: string;
      period: string;
      sourceNote?: string;
      note?: string;
    }[];
    phases: { phaseId: string; state: PhaseReportState; note?: string }[];
  };
  /** A save's field path (`bullets.2`, `actuals.0.period`) → the cell it was read from (`実績!G3`). */
  cells: Record<string, string>;
  issues: WorkbookIssue[];
}

/** A cell's plain value: rich text joined, a formula's result, a hyperlink's text. */
function plain(value: ExcelJS.CellValue): string | number | boolean | Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('result' in value) return plain(value.result);
  if ('text' in value) return typeof value.text === 'string' ? value.text : null;
  return null;
}

const textOf = (value: ExcelJS.CellValue): string => {
  const v = plain(value);
  if (v === null) return '';
  return v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
};

function issue(sheet: string, cell: string, found: string, expected: string, message: string): WorkbookIssue {
  return { worksheet: sheet, cell, field: null, found: found === '' ? '(empty)' : found, expected, message };
}

/** A number as a reporter types it: 1234, "1,234", "１２３４" (full-width); null for anything else. */
function numberOf(value: ExcelJS.CellValue): number | null {
  const v = plain(value);
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string') return null;
  const t = v.normalize('NFKC').replace(/,/g, '').trim();
  return t !== '' && Number.isFinite(Number(t)) ? Number(t) : null;
}

// Every locked cell holds what the form says, and nothing is written outside the form.
function checkForm(ws: ExcelJS.Worksheet, sheet: FormSheet, issues: WorkbookIssue[]): void {
  sheet.rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (!cell.locked) return;
      const target = ws.getCell(r + 1, c + 1);
      const expected = cell.value === null ? '' : String(cell.value);
      if (textOf(target.value) !== expected)
        issues.push(
          issue(
            sheet.name,
            target.address,
            textOf(target.value),
            expected === '' ? '(empty)' : expected,
            `${sheet.name}!${target.address}: 変更できないセルが変更されています（元の値: ${expected === '' ? '空欄' : expected}） / a locked cell was changed`,
          ),
        );
    });
  });
  const width = sheet.rows[0]?.length ?? 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if ((r <= sheet.rows.length && c <= width) || textOf(cell.value).trim() === '') return;
      issues.push(
        issue(
          sheet.name,
          cell.address,
          textOf(cell.value),
          '(empty)',
          `${sheet.name}!${cell.address}: 記入欄の外です（行や列は追加できません） / outside the form; rows and columns cannot be added`,
        ),
      );
    });
  });
}

/**
 * Read a part's workbook against the part as it now stands (`partForm`): the content to save through the part's
 * own save path, and an issue (worksheet, cell, expected) for every locked cell changed, every cell outside the
 * form and every value that is not what its column takes. Never throws on content.
 */
export async function readPartWorkbook(bytes: Uint8Array, part: RoundPart): Promise<PartWorkbookReading> {
  const reading: PartWorkbookReading = {
    identity: { partId: '', ministry: '', version: null },
    save: { version: 0, bullets: [], actuals: [], phases: [] },
    cells: {},
    issues: [],
  };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    reading.issues.push(
      issue(
        '',
        '',
        'a file that is not an .xlsx workbook',
        'an .xlsx workbook',
        'Excelファイル（.xlsx）ではありません / The file is not an .xlsx workbook',
      ),
    );
    return reading;
  }
  const form = partForm(part);
  const sheets = new Map<string, ExcelJS.Worksheet>();
  for (const sheet of form) {
    const ws = workbook.getWorksheet(sheet.name);
    if (ws) sheets.set(sheet.name, ws);
    else
      reading.issues.push(
        issue(
          sheet.name,
          'A1',
          '(no such worksheet)',
          `a worksheet ${sheet.name}`,
          `ワークシート「${sheet.name}」がありません / The workbook has no worksheet ${sheet.name}`,
        ),
      );
  }
  const about = sheets.get(PART_SHEETS.about);
  if (!about) return reading;
  reading.identity = {
    partId: textOf(about.getCell(ABOUT_ROWS.partId, 2).value),
    ministry: textOf(about.getCell(ABOUT_ROWS.ministry, 2).value),
    version: numberOf(about.getCell(ABOUT_ROWS.version, 2).value),
  };
  // Another part's workbook is refused whole by the caller; its cells are not compared with this part's form.
  if (reading.identity.partId !== part.id || reading.issues.length > 0) return reading;
  reading.save.version = reading.identity.version ?? -1;
  for (const sheet of form) {
    const ws = sheets.get(sheet.name);
    if (ws) checkForm(ws, sheet, reading.issues);
  }
  const get = (name: string) => sheets.get(name) as ExcelJS.Worksheet;
  readBullets(get(PART_SHEETS.bullets), form[1] as FormSheet, reading);
  readActuals(get(PART_SHEETS.actuals), form[2] as FormSheet, reading);
  readPhases(get(PART_SHEETS.phases), form[3] as FormSheet, reading);
  return reading;
}

function readBullets(ws: ExcelJS.Worksheet, sheet: FormSheet, reading: PartWorkbookReading): void {
  for (let r = 2; r <= sheet.rows.length; r++) {
    const cell = ws.getCell(r, 1);
    const text = textOf(cell.value).trim();
    if (text === '') continue;
    reading.cells[`bullets.${String(reading.save.bullets.length)}`] = `${sheet.name}!${cell.address}`;
    reading.save.bullets.push(text);
  }
}

function readActuals(ws: ExcelJS.Worksheet, sheet: FormSheet, reading: PartWorkbookReading): void {
  for (let r = 2; r <= sheet.rows.length; r++) {
    const kpiId = String(sheet.rows[r - 1]?.[0]?.value ?? '');
    const cell = (c: number) => ws.getCell(r, c);
    const texts = [5, 6, 7, 8, 9].map((c) => textOf(cell(c).value).trim());
    if (texts.every((t) => t === '')) continue;
    const value = numberOf(cell(5).value);
    const at = (c: number) => `${sheet.name}!${cell(c).address}`;
    if (value === null) {
      reading.issues.push(
        issue(
          sheet.name,
          cell(5).address,
          texts[0] ?? '',
          'a number',
          `${at(5)}: 実績値は数値で記入してください / the actual's value must be a number`,
        ),
      );
      continue;
    }
    if (texts[2] === '') {
      reading.issues.push(
        issue(
          sheet.name,
          cell(7).address,
          '',
          'a period such as 2024年度 or R6',
          `${at(7)}: 実績の期間（例: 2024年度）を記入してください / the actual needs its period`,
        ),
      );
      continue;
    }
    const i = reading.save.actuals.length;
    reading.cells[`actuals.${String(i)}`] = at(5);
    [5, 6, 7, 8, 9].forEach((c, k) => {
      reading.cells[`actuals.${String(i)}.${['value', 'unit', 'period', 'sourceNote', 'note'][k] ?? ''}`] =
        at(c);
    });
    reading.save.actuals.push({
      kpiId,
      value,
      period: texts[2] ?? '',
      ...(texts[1] ? { unit: texts[1] } : {}),
      ...(texts[3] ? { sourceNote: texts[3] } : {}),
      ...(texts[4] ? { note: texts[4] } : {}),
    });
  }
}

function readPhases(ws: ExcelJS.Worksheet, sheet: FormSheet, reading: PartWorkbookReading): void {
  for (let r = 2; r <= sheet.rows.length; r++) {
    const phaseId = String(sheet.rows[r - 1]?.[0]?.value ?? '');
    const stateCell = ws.getCell(r, 4);
    const stateText = textOf(stateCell.value).trim();
    const note = textOf(ws.getCell(r, 5).value).trim();
    if (stateText === '' && note === '') continue;
    const state = phaseStateOf(stateText);
    if (state === null) {
      reading.issues.push(
        issue(
          sheet.name,
          stateCell.address,
          stateText,
          PHASE_STATE_WORDS.join(' / '),
          `${sheet.name}!${stateCell.address}: 状態は${PHASE_STATE_WORDS.join('・')}のいずれかです / the state must be one of ${PHASE_STATE_WORDS.join(', ')}`,
        ),
      );
      continue;
    }
    const i = reading.save.phases.length;
    reading.cells[`phases.${String(i)}`] = `${sheet.name}!${stateCell.address}`;
    reading.cells[`phases.${String(i)}.state`] = `${sheet.name}!${stateCell.address}`;
    reading.cells[`phases.${String(i)}.note`] = `${sheet.name}!${ws.getCell(r, 5).address}`;
    reading.save.phases.push({ phaseId, state, ...(note ? { note } : {}) });
  }
}
