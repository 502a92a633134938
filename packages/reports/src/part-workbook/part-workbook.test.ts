import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { RoundPart } from '@kotei/contracts';
import { readPartWorkbook, writePartWorkbook } from './part-workbook.js';
import { phaseStateOf } from './part-form.js';

const FY2024 = { label: '2024年度', start: '2024-04-01', end: '2025-03-31', fiscalYear: 2024 };
const KPI = '11111111-1111-4111-8111-111111111111';
const PHASE = '22222222-2222-4222-8222-222222222222';
const PART: RoundPart = {
  id: '33333333-3333-4333-8333-333333333333',
  measure: { id: '44444444-4444-4444-8444-444444444444', title: '承認要件の見直し', sheetNumbers: [1] },
  ministry: '厚',
  state: 'draft',
  version: 4,
  updatedAt: null,
  flags: 0,
  unnotedFlags: 0,
  returnReason: null,
  remindedAt: null,
  plan: { slug: 'plan', title: '計画' },
  round: {
    id: '55555555-5555-4555-8555-555555555555',
    title: '2025年6月末',
    asOfDate: '2025-06-30',
    deadline: null,
    state: 'open',
    publishAt: null,
    publishedAt: null,
  },
  bullets: ['検討会を開いた。'],
  actuals: [
    {
      kpiId: KPI,
      value: 12,
      unit: '件',
      period: FY2024,
      sourceNote: '医政局調べ',
      note: '',
      flags: [],
    },
  ],
  phases: [],
  comments: [],
  kpis: [{ id: KPI, name: '治験数', unit: '件', lastActual: { value: 10, period: FY2024 } }],
  schedule: [{ id: PHASE, text: '要件の見直し', period: FY2024 }],
  mayEdit: true,
  mayDecide: false,
};

async function roundTrip(edit: (workbook: ExcelJS.Workbook) => void, part: RoundPart = PART) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await writePartWorkbook(part)) as unknown as ExcelJS.Buffer);
  edit(workbook);
  return readPartWorkbook(Buffer.from(await workbook.xlsx.writeBuffer()), part);
}
const cell = (workbook: ExcelJS.Workbook, sheet: string, address: string) => {
  const ws = workbook.getWorksheet(sheet);
  if (!ws) throw new Error(sheet);
  return ws.getCell(address);
};

describe('the part workbook', () => {
  it('reads back what it wrote: the same save, nothing else', async () => {
    const reading = await roundTrip(() => undefined);
    expect(reading.issues).toEqual([]);
    expect(reading.identity).toEqual({ partId: PART.id, ministry: '厚', version: 4 });
    expect(reading.save).toEqual({
      version: 4,
      bullets: ['検討会を開いた。'],
      actuals: [{ kpiId: KPI, value: 12, unit: '件', period: '2024年度', sourceNote: '医政局調べ' }],
      phases: [],
    });
  });

  it('reads a filled row, a phase state by its word, and a number typed as text', async () => {
    const reading = await roundTrip((wb) => {
      cell(wb, '進捗状況', 'A4').value = '二つ目';
      cell(wb, '実績', 'E3').value = '1,234';
      cell(wb, '実績', 'G3').value = 'R6';
      cell(wb, '工程', 'D2').value = '見直し中';
      cell(wb, '工程', 'E2').value = '対象を広げる';
    });
    expect(reading.issues).toEqual([]);
    expect(reading.save.bullets).toEqual(['検討会を開いた。', '二つ目']);
    expect(reading.save.actuals[1]).toEqual({ kpiId: KPI, value: 1234, period: 'R6' });
    expect(reading.save.phases).toEqual([{ phaseId: PHASE, state: 'under_revision', note: '対象を広げる' }]);
    expect(reading.cells['actuals.1.period']).toBe('実績!G3');
    expect(reading.cells['bullets.1']).toBe('進捗状況!A4');
  });

  it('names every changed locked cell, a cell outside the form and a value its column does not take', async () => {
    const reading = await roundTrip((wb) => {
      cell(wb, '実績', 'A2').value = 'another-kpi';
      cell(wb, '報告について', 'B4').value = '別の施策';
      cell(wb, '実績', 'L2').value = 'メモ';
      cell(wb, '実績', 'E3').value = '多い';
      cell(wb, '工程', 'D2').value = '済';
    });
    expect(reading.issues.map((i) => `${i.worksheet}!${i.cell}`)).toEqual([
      '報告について!B4',
      '実績!A2',
      '実績!L2',
      '実績!E3',
      '工程!D2',
    ]);
    expect(reading.issues[1]).toMatchObject({ found: 'another-kpi', expected: KPI });
  });

  it("gives another part's identity without comparing its cells", async () => {
    const other = { ...PART, id: '66666666-6666-4666-8666-666666666666', ministry: '文' };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writePartWorkbook(other)) as unknown as ExcelJS.Buffer);
    const reading = await readPartWorkbook(Buffer.from(await workbook.xlsx.writeBuffer()), PART);
    expect(reading.identity).toMatchObject({ partId: other.id, ministry: '文' });
    expect(reading.issues).toEqual([]);
  });

  it('says a file that is no workbook is none', async () => {
    const reading = await readPartWorkbook(Buffer.from('not a workbook'), PART);
    expect(reading.issues[0]?.expected).toBe('an .xlsx workbook');
  });

  it('knows the phase states by word and by code', () => {
    expect(['未着手', '実施中', '完了', '遅延', '見直し中', 'done', '済'].map(phaseStateOf)).toEqual([
      'not_started',
      'in_progress',
      'done',
      'delayed',
      'under_revision',
      'done',
      null,
    ]);
  });
});
