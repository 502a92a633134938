import { describe, expect, it } from 'vitest';
import { importDocument } from '../import-document.js';
import { isPdf } from './pdf-document.js';
import type { PageRule, PageText } from './pdf-geometry.js';
import { pageRows } from './pdf-lattice.js';
import { parseKpiPdf } from './index.js';
import { kpiNamed } from './test-support.js';

// A ruled table's text and rules as a PDF page gives them: y downwards, 10-point text.
function text(value: string, x: number, baseline: number, width = value.length * 5): PageText {
  return { text: value, x, right: x + width, baseline, size: 10 };
}
const across = (y: number, x1: number, x2: number): PageRule => ({ x1, y1: y, x2, y2: y });
const down = (x: number, y1: number, y2: number): PageRule => ({ x1: x, y1, x2: x, y2 });

function cellTexts(rows: ReturnType<typeof pageRows>['rows']): string[][] {
  return rows.map((row) => row.cells.map((cell) => cell.text));
}

describe('a PDF page read back as rows (pdf-lattice)', () => {
  // Three columns, a header row whose last two cells share one upper cell (目標), the rule between them missing.
  const rules = [
    across(100, 50, 350),
    across(120, 200, 350),
    across(140, 50, 350),
    across(170, 50, 350),
    down(50, 100, 170),
    down(200, 100, 170),
    down(275, 120, 170),
    down(350, 100, 170),
  ];

  it('rebuilds the cells from the rules, a cell with no rule between merged, a wrapped cell joined', () => {
    const texts = [
      text('第1表 成果目標', 50, 90),
      text('指標', 60, 115),
      text('目標', 260, 115),
      text('現状値', 210, 135),
      text('目標値', 285, 135),
      text('国の審議会等委員に占める女', 55, 155),
      text('性の割合', 55, 166),
      text('33.2%', 210, 160),
      text('40%', 285, 155),
      text('(平成32年)', 285, 166),
      text('※ 注 出典は各府省', 50, 190),
    ];
    const rows = cellTexts(pageRows(texts, rules, 1).rows);
    expect(rows).toEqual([
      ['第1表 成果目標'],
      // The header's 指標 spans two rows down (no rule under it), 目標 two columns across: each cell it covers
      // holds its text, as a merged cell of a workbook does.
      ['指標', '目標', '目標'],
      ['指標', '現状値', '目標値'],
      ['国の審議会等委員に占める女性の割合', '33.2%', '40% (平成32年)'],
      ['※ 注 出典は各府省'],
    ]);
  });

  it('names each cell by its page, row and column', () => {
    const rows = pageRows([text('33.2%', 210, 160)], rules, 3).rows;
    expect(rows[0]?.cells[1]?.ref).toBe('page 3, row 3, cell 2');
  });

  it('parts a line of text outside any table where wide gaps stand between its words', () => {
    const rows = cellTexts(
      pageRows([text('成人の喫煙率', 50, 300), text('19.5%', 200, 300), text('12%', 300, 300)], [], 1).rows,
    );
    expect(rows).toEqual([['成人の喫煙率', '19.5%', '12%']]);
  });

  it('reads a table ruled across only: the lines between two rules are one row, cells parted by space', () => {
    const rulesAcross = [
      across(100, 50, 400),
      across(120, 50, 400),
      across(150, 50, 400),
      across(170, 50, 400),
    ];
    const texts = [
      text('指標', 50, 114),
      text('現状値', 250, 114),
      text('目標値', 330, 114),
      text('国の審議会等委員に占める女', 50, 134),
      text('性の割合', 50, 146),
      text('33.2%', 250, 140),
      text('40%', 330, 140),
      text('成人の喫煙率', 50, 164),
      text('19.5%', 250, 164),
      text('12%', 330, 164),
    ];
    expect(cellTexts(pageRows(texts, rulesAcross, 1).rows)).toEqual([
      ['指標', '現状値', '目標値'],
      ['国の審議会等委員に占める女性の割合', '33.2%', '40%'],
      ['成人の喫煙率', '19.5%', '12%'],
    ]);
  });

  it('reads a table with no rules: a wrapped cell goes with its row, rows a little further apart than lines', () => {
    // Lines 12 points apart in a cell; rows 16 points apart; a one-line cell centred beside a two-line one.
    const texts = [
      text('指標', 50, 100),
      text('現状値', 250, 100),
      text('目標値', 330, 100),
      text('国の審議会等委員に占める女', 50, 116),
      text('33.2%', 250, 122),
      text('40%', 330, 122),
      text('性の割合', 50, 128),
      text('成人の喫煙率', 50, 144),
      text('19.5%', 250, 144),
      text('12%', 330, 144),
      // A note below, well apart: a block of its own, its words not forced into the table's columns.
      text('※ 出典: 各府省調べ', 50, 200),
    ];
    expect(cellTexts(pageRows(texts, [], 1).rows)).toEqual([
      ['指標', '現状値', '目標値'],
      ['国の審議会等委員に占める女性の割合', '33.2%', '40%'],
      ['成人の喫煙率', '19.5%', '12%'],
      ['※ 出典: 各府省調べ'],
    ]);
  });

  // A spreadsheet printed without rules (LibreOffice Calc, Excel): rows as tall as their longest cell and far
  // apart, one-line cells centred on the middle of wrapped ones, and cells that stand edge to edge.
  const sheet = [
    text('目標', 50, 100),
    text('具体的な目標値', 180, 100),
    text('現状値', 300, 100),
    text('目標値', 350, 100),
    // The name wraps over two lines; the goal and the figures stand on the line between them.
    text('①食育に関心を持っている', 180, 130),
    text('食育に関心を持っている国民を増やす', 50, 136),
    text('75.0%', 300, 136),
    text('90%以上', 350, 136),
    text('国民の割合', 180, 142),
    text('②朝食を欠食する子供の割', 180, 182),
    text('朝食を欠食する国民を減らす', 50, 188),
    text('4.4%', 300, 188),
    text('0%', 350, 188),
    text('合', 180, 194),
    text('③学校給食実施率', 180, 234),
    text('学校給食の実施率を上げる', 50, 240),
    text('87.5%', 300, 240),
    text('90%以上', 350, 240),
    text('(中学校)', 180, 246),
  ];

  it("reads a spreadsheet printed without rules: rows far apart keep the table's columns", () => {
    expect(cellTexts(pageRows(sheet, [], 1).rows)).toEqual([
      ['目標', '具体的な目標値', '現状値', '目標値'],
      ['食育に関心を持っている国民を増やす', '①食育に関心を持っている国民の割合', '75.0%', '90%以上'],
      ['朝食を欠食する国民を減らす', '②朝食を欠食する子供の割合', '4.4%', '0%'],
      ['学校給食の実施率を上げる', '③学校給食実施率(中学校)', '87.5%', '90%以上'],
    ]);
  });

  it('parts cells that stand edge to edge where other lines start a cell at that column', () => {
    // The first row's texts fill their columns to within a cell's margin (3 points, less than a gap between
    // words): no gap parts them.
    // The header and the shorter rows start their cells at those columns.
    const tight = [
      text('指標', 50, 100),
      text('説明', 150, 100),
      text('現状値', 250, 100),
      text('目標値', 320, 100),
      text('健康であると感じる人', 50, 120, 97),
      text('健康的な生活を送る人が', 150, 120, 97),
      text('70.7%', 250, 120),
      text('75%', 320, 120),
      text('歩く人の割合', 50, 140),
      text('予防になる', 150, 140),
      text('49.8%', 250, 140),
      text('54%', 320, 140),
      text('BMIが標準の人', 50, 160),
      text('配慮する', 150, 160),
      text('68.5%', 250, 160),
      text('73%', 320, 160),
    ];
    expect(cellTexts(pageRows(tight, [], 1).rows)).toEqual([
      ['指標', '説明', '現状値', '目標値'],
      ['健康であると感じる人', '健康的な生活を送る人が', '70.7%', '75%'],
      ['歩く人の割合', '予防になる', '49.8%', '54%'],
      ['BMIが標準の人', '配慮する', '68.5%', '73%'],
    ]);
  });

  it('keeps two tables apart: the rules that meet make one table each', () => {
    const second = [
      across(400, 50, 150),
      across(420, 50, 150),
      across(440, 50, 150),
      down(50, 400, 440),
      down(100, 400, 440),
      down(150, 400, 440),
    ];
    const rows = pageRows(
      [text('A', 60, 415), text('B', 110, 435), text('C', 210, 160)],
      [...rules, ...second],
      1,
    );
    expect(cellTexts(rows.rows)).toEqual([
      ['', 'C', ''],
      ['A', ''],
      ['', 'B'],
    ]);
  });
});

// A one-page PDF written by hand: Helvetica text, and a table ruled with stroked lines under a transform that
// scales the page by half, as word processors draw borders (not the filled boxes browsers draw).
function handMadePdf(withText = true): Uint8Array {
  const cells = [
    ['Indicator', 'Baseline', 'Target (FY2030)', 'Latest'],
    ['Employment rate (%)', '74.6 (2010)', '80', '77.5 (2014)'],
    ['Annual leave taken (%)', '47.4 (2010)', '70', '48.8 (2013)'],
  ];
  const xs = [50, 200, 300, 420, 520];
  const ys = [700, 680, 660, 640];
  const [left, right, top, bottom] = [50, 520, 700, 640];
  const draw: string[] = ['q 0.5 0 0 0.5 0 0 cm 1 w'];
  for (const y of ys) draw.push(`${left * 2} ${y * 2} m ${right * 2} ${y * 2} l S`);
  for (const x of xs) draw.push(`${x * 2} ${top * 2} m ${x * 2} ${bottom * 2} l S`);
  draw.push('Q');
  // Without its text the page is as a scan's would read: rules, and no words.
  if (withText) {
    draw.push('BT /F1 9 Tf');
    cells.forEach((row, r) => {
      row.forEach((value, c) =>
        draw.push(`1 0 0 1 ${(xs[c] as number) + 4} ${(ys[r] as number) - 14} Tm (${value}) Tj`),
      );
    });
    draw.push('ET');
  }
  const stream = draw.join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

describe('a PDF file (pdf-document)', () => {
  it('reads a table ruled with stroked lines under a transform, its header in English', async () => {
    const result = await parseKpiPdf(handMadePdf(), { sourceName: 'table.pdf' });
    expect(result.format).toBe('pdf');
    expect(result.kpis).toHaveLength(2);
    expect(kpiNamed(result, 'Employment rate')).toMatchObject({
      unit: '%',
      baseline: { value: 74.6, year: 2010 },
      target: { value: 80, year: 2030 },
      latest: { value: 77.5, year: 2014 },
    });
    expect(kpiNamed(result, 'Annual leave taken').latest?.ref).toBe('page 1, row 3, cell 4');
  });

  it('is recognised by its bytes, as `kotei import` and the web import take any file', async () => {
    const bytes = handMadePdf();
    expect(isPdf(bytes)).toBe(true);
    const outcome = await importDocument({ bytes, fileName: 'kpi.pdf' });
    expect(outcome.ok && outcome.kind).toBe('kpi-table');
    expect(outcome.ok && outcome.table?.kpis.length).toBe(2);
  });

  it('says a PDF of no text is likely a scan, and imports nothing', async () => {
    const result = await parseKpiPdf(handMadePdf(false), { sourceName: 'scan.pdf' });
    expect(result.kpis).toEqual([]);
    expect(result.issues[0]).toMatchObject({ code: 'pdf-unreadable', found: 'scan.pdf', severity: 'error' });
    expect(result.issues[0]?.message).toMatch(/no text on its 1 page\(s\): it is likely a scan/u);
  });

  it('refuses a damaged PDF with the reason, and imports nothing', async () => {
    const bytes = handMadePdf().slice(0, 200);
    const result = await parseKpiPdf(bytes, { sourceName: 'broken.pdf' });
    expect(result.kpis).toEqual([]);
    expect(result.plan.sheets).toEqual([]);
    expect(result.issues[0]).toMatchObject({
      code: 'pdf-unreadable',
      found: 'broken.pdf',
      severity: 'error',
    });
  });
});
