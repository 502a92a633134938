import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PAGE_MARGIN_MM, SHEET_COLUMN_SHARES } from '@kotei/reports';
import { useKotei } from './support/fixture.js';
import { ARTIFACTS, expectNoAxeViolations, saveScreenshot } from './support/page.js';

const SLUG = 'drug-discovery-2024';
const DIR = `${ARTIFACTS}report/`;
const { withPage, server } = useKotei();

// What the test reads of the plan tree (GET /api/plans/:slug).
interface Tree {
  rounds: { id: string; state: string }[];
  sheets: {
    number: number;
    measures: {
      title: string;
      phases: { text: string; period: { label: string } }[];
      kpis: { name: string }[];
      progress: { roundId: string; text: string }[];
    }[];
  }[];
}

/** Run a poppler tool, saying how to install poppler-utils when it is missing. */
function poppler(tool: string, args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(
        `${tool} not found: run \`bash scripts/install-system-deps.sh\` (installs poppler-utils)`,
        { cause: error },
      );
    }
    throw error;
  }
}

// PDF text is compared without the spaces and line breaks the layout puts in, in one Unicode form, and without
// hyphens (pdftotext drops one that ends a line, as if it hyphenated a word: 抗体-抗原 → 抗体抗原).
const compact = (text: string): string => text.normalize('NFKC').replace(/[\s\-‐‑–—−]+/g, '');
const pagesOf = (text: string): string[] => text.split('\f').slice(0, -1);

/** Page size in points, from pdfinfo. */
function pageSize(file: string): { width: number; height: number; pages: number } {
  const info = poppler('pdfinfo', [file]);
  const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info);
  const pages = /Pages:\s+(\d+)/.exec(info);
  return { width: Number(size?.[1]), height: Number(size?.[2]), pages: Number(pages?.[1]) };
}

/**
 * Each page's text in one column of the sheets' tables (from and to as per cent of the printable width), so
 * that a cell's lines are read together rather than mixed with the cells beside it.
 */
function columnText(file: string, width: number, height: number, from: number, to: number): string[] {
  const margin = (PAGE_MARGIN_MM.left / 25.4) * 72;
  const printable = width - 2 * margin;
  const x = Math.floor(margin + (printable * from) / 100) + 1;
  const w = Math.floor((printable * (to - from)) / 100) - 2;
  const args = ['-r', '72', '-x', String(x), '-y', '0', '-W', String(w), '-H', String(Math.floor(height))];
  return pagesOf(poppler('pdftotext', [...args, file, '-'])).map(compact);
}

const circled = (n: number): string => String.fromCodePoint(0x2460 + n - 1);

// One printed row of a sheet's table, as the print view's HTML holds it.
interface PrintedRow {
  sheet: number;
  title: string;
  phases: string[];
  kpis: string[];
  bullets: string[];
  projects: string[];
}

/** The rows of every sheet of the print view, read from its HTML in the browser. */
async function printedRows(paper: 'A3' | 'A4'): Promise<PrintedRow[]> {
  let rows: PrintedRow[] = [];
  await withPage(async (page, baseUrl) => {
    await page.goto(`${baseUrl}/api/plans/${SLUG}/report?paper=${paper}`);
    rows = await page.$$eval('section.sheet tbody tr', (trs) =>
      trs.map((tr) => {
        const cells = Array.from(tr.children);
        const texts = (cell: Element | undefined, selector: string): string[] =>
          cell ? Array.from(cell.querySelectorAll(selector), (e) => e.textContent) : [];
        return {
          sheet: Number(tr.closest('section')?.getAttribute('data-sheet')),
          title: cells[0]?.textContent ?? '',
          phases: texts(cells[1], '.phase[data-span="1"] .text'),
          kpis: cells.length === 5 ? texts(cells[2], '.kpi .name') : [],
          bullets: texts(cells[cells.length - 2], 'li'),
          projects: texts(cells[cells.length - 1], 'li'),
        };
      }),
    );
  });
  return rows;
}

/** Each page's text in the sheets' columns: title, the five period columns, KPI, progress, projects. */
function columnsOf(file: string) {
  const { width, height } = pageSize(file);
  const s = SHEET_COLUMN_SHARES;
  const strip = (from: number, to: number): string[] => columnText(file, width, height, from, to);
  const periodWidth = s.periods / 5;
  return {
    whole: pagesOf(poppler('pdftotext', [file, '-'])).map(compact),
    titles: strip(0, s.measure),
    periods: [0, 1, 2, 3, 4].map((i) =>
      strip(s.measure + i * periodWidth, s.measure + (i + 1) * periodWidth),
    ),
    kpis: strip(s.measure + s.periods, s.measure + s.periods + s.kpi),
    progress: strip(100 - s.projects - s.progress, 100 - s.projects),
    projects: strip(100 - s.projects, 100),
  };
}

/**
 * No row is cut across pages: each printed row is whole on one page headed by its sheet's title (the page
 * holds the row's title, each of its one-column phases, KPIs, bullets and budget lines, each read in its own
 * column of the table).
 */
function expectWholeRows(file: string, rows: readonly PrintedRow[]): void {
  const pdf = columnsOf(file);
  expect(rows.length).toBeGreaterThan(25);
  for (const row of rows) {
    const heading = compact(`各施策のスケジュール・工程表${circled(row.sheet)}`);
    const all = (texts: string[], pageTexts: string[], p: number): boolean =>
      texts.every((t) => pageTexts[p]?.includes(compact(t)));
    const holding = pdf.whole.flatMap((text, p) =>
      text.includes(heading) &&
      pdf.titles[p]?.includes(compact(row.title)) &&
      row.phases.every((t) => pdf.periods.some((column) => column[p]?.includes(compact(t)))) &&
      all(row.kpis, pdf.kpis, p) &&
      all(row.bullets, pdf.progress, p) &&
      all(row.projects, pdf.projects, p)
        ? [p]
        : [],
    );
    expect(holding, `sheet ${row.sheet}: ${row.title}`).not.toHaveLength(0);
  }
}

/** Every measure title, KPI and progress bullet of the plan's round is in the PDF, in its column. */
function expectEveryItem(file: string, tree: Tree, roundId: string): void {
  const pdf = columnsOf(file);
  const [titles, kpis, progress] = [pdf.titles.join(''), pdf.kpis.join(''), pdf.progress.join('')];
  let count = 0;
  for (const measure of tree.sheets.flatMap((sheet) => sheet.measures)) {
    expect(titles).toContain(compact(measure.title));
    for (const kpi of measure.kpis) expect(kpis).toContain(compact(kpi.name));
    for (const bullet of measure.progress.filter((b) => b.roundId === roundId)) {
      expect(progress).toContain(compact(bullet.text));
      count++;
    }
  }
  expect(count).toBeGreaterThan(40);
}

async function fetchPdf(query: string): Promise<Buffer> {
  const res = await fetch(`${server().url}/api/plans/${SLUG}/report?${query}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  return Buffer.from(await res.arrayBuffer());
}

describe('the follow-up report as PDF', () => {
  it('prints every sheet with every measure, KPI and progress bullet, no row cut across pages', async () => {
    const tree = (await (await fetch(`${server().url}/api/plans/${SLUG}`)).json()) as Tree;
    const round = tree.rounds.find((r) => r.state === 'published');
    if (!round) throw new Error('the sample plan has no published round');
    rmSync(DIR, { recursive: true, force: true });
    mkdirSync(DIR, { recursive: true });
    const file = `${DIR}seed-a3.pdf`;
    writeFileSync(file, await fetchPdf('format=pdf'));

    const { width, height, pages } = pageSize(file);
    expect(Math.abs(width - 1190.55)).toBeLessThan(1.5);
    expect(Math.abs(height - 841.89)).toBeLessThan(1.5);
    // Every font is Noto Sans CJK JP with TrueType outlines (scripts/install-pdf-font.sh, which the test command
    // runs), Regular and Bold, embedded as a subset with its Unicode map: none is Chromium's Type 3 fallback.
    const fonts = poppler('pdffonts', [file])
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '');
    expect(fonts.map((line) => line.split(/\s+/)[0]?.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual([
      'KoteiNotoSansCJKJP-Bold',
      'KoteiNotoSansCJKJP-Regular',
    ]);
    for (const line of fonts)
      expect(line).toMatch(/CID TrueType\s+Identity-H\s+yes\s+yes\s+yes\s+\d+\s+\d+\s*$/);

    const whole = pagesOf(poppler('pdftotext', [file, '-']));
    expect(whole).toHaveLength(pages);
    whole.forEach((text, i) => {
      expect(text).toContain(`${i + 1} / ${pages}`);
    });

    expectEveryItem(file, tree, round.id);
    expectWholeRows(file, await printedRows('A3'));

    // Page images beside the PDF, to compare with the seed by eye.
    poppler('pdftoppm', ['-r', '60', '-png', file, `${DIR}seed-a3-page`]);
  });

  it('prints on A4 landscape when asked', async () => {
    const file = `${DIR}seed-a4.pdf`;
    mkdirSync(DIR, { recursive: true });
    writeFileSync(file, await fetchPdf('format=pdf&paper=A4'));
    const { width, height } = pageSize(file);
    expect(Math.abs(width - 841.89)).toBeLessThan(1.5);
    expect(Math.abs(height - 595.28)).toBeLessThan(1.5);
    expectWholeRows(file, await printedRows('A4'));
  });

  it('serves the print view as accessible HTML', async () => {
    await withPage(async (page, baseUrl) => {
      await page.goto(`${baseUrl}/api/plans/${SLUG}/report`);
      expect(await page.locator('section.sheet').count()).toBe(12);
      await expectNoAxeViolations(page);
      // The font Chromium draws a measure's Japanese title with is Noto CJK (as the print font made from it), not a
      // fallback.
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');
      const { root } = await cdp.send('DOM.getDocument');
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'tbody th' });
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      expect(fonts.map((f) => f.familyName)).toEqual(['Kotei Noto Sans CJK JP']);
    });
  });

  it('links the report from the plan page and lists the open data on the catalogue page', async () => {
    await withPage(async (page, baseUrl) => {
      await page.goto(`${baseUrl}/plans/${SLUG}`);
      const printView = page.getByRole('link', { name: '印刷用の表示（HTML）' });
      await printView.waitFor();
      expect(await printView.getAttribute('href')).toMatch(new RegExp(`^/api/plans/${SLUG}/report\\?round=`));
      expect(await page.getByRole('link', { name: 'PDF（A3横）' }).getAttribute('href')).toContain(
        'format=pdf',
      );
      await expectNoAxeViolations(page);

      await page.getByRole('link', { name: 'オープンデータ' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'オープンデータ' }).waitFor();
      await page.getByRole('link', { name: 'CSV（BOM付き）' }).first().waitFor();
      expect(await page.getByRole('link', { name: 'CSV（BOM付き）' }).count()).toBe(6);
      expect(await page.getByText('公共データ利用規約（第1.0版）').count()).toBeGreaterThan(0);
      await expectNoAxeViolations(page);
      await saveScreenshot(page, 'open-data.png');
    });
  });
});
