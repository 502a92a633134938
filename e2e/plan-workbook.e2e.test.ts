import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { signIn } from './support/auth.js';
import { callApi } from './support/api.js';
import { expectNoAxeViolations, saveScreenshot } from './support/page.js';
import { useKotei } from './support/fixture.js';
import { E2E_CLOCK } from './support/server.js';

// The coordinating office corrects a plan in Excel: it downloads the plan workbook (the report's xlsx export),
// changes one KPI's target and breaks one cell; the preview shows the change and names the broken cell, and
// 適用 waits. With the cell put right the workbook is applied as a revision, and the plan page shows the target.
const SLUG = 'drug-discovery-2024';
const NEW_TARGET = 987;

const kotei = useKotei();
const { withPage } = kotei;
const coordinator = { login: 'coord-plan-wb', password: '' };

beforeAll(async () => {
  coordinator.password = await kotei.server().addUser(coordinator.login, 'coordinator');
});

interface Tree {
  sheets: { measures: { kpis: { id: string; name: string; target: { value: number | null } | null }[] }[] }[];
}

async function save(workbook: ExcelJS.Workbook, name: string): Promise<string> {
  const file = join(tmpdir(), `kotei-${String(process.pid)}-${name}.xlsx`);
  await writeFile(file, Buffer.from(await workbook.xlsx.writeBuffer()));
  return file;
}

// The column of a field on a data_ worksheet, whose first row names the fields.
function column(ws: ExcelJS.Worksheet, field: string): number {
  let found = 0;
  ws.getRow(1).eachCell((cell, col) => {
    if (cell.text === field) found = col;
  });
  if (found === 0) throw new Error(`no column ${field} on ${ws.name}`);
  return found;
}

describe('the plan workbook round trip in the browser', () => {
  it('previews a changed target and a broken cell, refuses to apply, then applies the fixed workbook as a revision', async () => {
    await withPage(async (page, baseUrl) => {
      await signIn(page, baseUrl, coordinator.login, coordinator.password);
      const tree = await callApi<Tree>(page, 'GET', `/api/plans/${SLUG}`);
      const kpis = new Map(
        tree.sheets.flatMap((s) => s.measures.flatMap((m) => m.kpis)).map((k) => [k.id, k] as const),
      );

      await page.goto(`${baseUrl}/plans/${SLUG}`);
      await page.getByRole('link', { name: 'ワークブックから更新' }).click();
      await page.getByRole('heading', { level: 1, name: 'ワークブックから更新' }).waitFor();
      await expectNoAxeViolations(page);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'ワークブック（Excel）をダウンロード' }).click(),
      ]);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await readFile(await download.path())) as unknown as ExcelJS.Buffer);
      const ws = workbook.getWorksheet('data_kpis');
      if (!ws) throw new Error('no data_kpis worksheet');
      const [idCol, targetCol, baselineCol] = ['kpi_id', 'target_value', 'baseline_value'].map((f) =>
        column(ws, f),
      ) as [number, number, number];
      // A sheet KPI with a target, whose row the plan page shows.
      let row = 2;
      while (row <= ws.rowCount) {
        const kpi = kpis.get(ws.getCell(row, idCol).text);
        if (
          kpi?.target?.value !== null &&
          kpi?.target?.value !== undefined &&
          kpi.target.value !== NEW_TARGET
        )
          break;
        row += 1;
      }
      const kpi = kpis.get(ws.getCell(row, idCol).text);
      if (!kpi) throw new Error('no sheet KPI with a target in data_kpis');
      const target = ws.getCell(row, targetCol);
      const broken = ws.getCell(row + 1, baselineCol);
      const brokenAddress = `data_kpis!${broken.address}`;
      const original = broken.value;
      target.value = NEW_TARGET;
      broken.value = '約十件';
      const withError = await save(workbook, 'plan-broken');
      broken.value = original;
      const fixed = await save(workbook, 'plan-fixed');

      const upload = page.getByLabel('編集したワークブックを選ぶ');
      await upload.setInputFiles(withError);
      const change = page.locator(`[data-change-cell="data_kpis!${target.address}"]`);
      await change.waitFor();
      expect(await change.innerText()).toContain(String(NEW_TARGET));
      expect(await change.innerText()).toContain(`目標値 （${kpi.name}）`);
      const issue = page.locator(`[data-issue-cell="${brokenAddress}"]`);
      // The broken cell: its worksheet, address and what it should hold.
      expect(await issue.innerText()).toMatch(
        new RegExp(`data_kpis\\s+${broken.address}\\s+基準値\\s+約十件\\s+数値`),
      );
      expect(await page.getByRole('alert').first().innerText()).toContain('取り込めないセルが 1 件あります');
      expect(await page.getByRole('button', { name: '適用' }).isDisabled()).toBe(true);
      await expectNoAxeViolations(page);
      await saveScreenshot(page, 'plan-workbook-issues.png');

      await upload.setInputFiles(fixed);
      await page.locator('[data-issue-cell]').waitFor({ state: 'detached' });
      await change.waitFor();
      const apply = page.getByRole('button', { name: '適用' });
      expect(await apply.isDisabled()).toBe(false);
      await apply.click();
      const applied = page.locator('[data-workbook-applied]');
      await applied.waitFor();
      const revision = /第(\d+)版として記録しました/.exec(await applied.innerText())?.[1];
      expect(revision).toMatch(/^\d+$/);
      // The result takes the focus.
      expect(
        await page.evaluate(() => document.activeElement?.classList.contains('plan-workbook__outcome')),
      ).toBe(true);
      await expectNoAxeViolations(page);
      await saveScreenshot(page, 'plan-workbook-applied.png');

      // The revision's diff names the new target.
      await page.getByRole('link', { name: `第${revision ?? ''}版と前の版の違いを見る` }).click();
      await page.getByRole('heading', { level: 1, name: '見直しの履歴' }).waitFor();
      await page
        .getByText(new RegExp(`目標値 .*→ ${String(NEW_TARGET)}`))
        .first()
        .waitFor();

      await page.goto(`${baseUrl}/plans/${SLUG}`);
      const kpiRow = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: kpi.name }) });
      await kpiRow.first().waitFor();
      expect(await kpiRow.first().innerText()).toContain(String(NEW_TARGET));
    });
  });

  it('says so when the plan changed between the preview and 適用 (409), writing nothing', async () => {
    await withPage(async (page, baseUrl) => {
      await signIn(page, baseUrl, coordinator.login, coordinator.password);
      const exported = await page.evaluate(async (slug) => {
        const res = await fetch(`/api/plans/${slug}/report?format=xlsx`);
        return Array.from(new Uint8Array(await res.arrayBuffer()));
      }, SLUG);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(exported) as unknown as ExcelJS.Buffer);
      const ws = workbook.getWorksheet('data_kpis');
      if (!ws) throw new Error('no data_kpis worksheet');
      const note = ws.getCell(2, column(ws, 'note'));
      // A workbook's text is shown as text: a payload that would set a mark if it ever ran.
      note.value = `<img src=x onerror="window.__xss=1">画面でプレビューした注記`;
      const mine = await save(workbook, 'plan-mine');
      note.value = '先に適用された注記';
      const theirs = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');

      await page.goto(`${baseUrl}/plans/${SLUG}/workbook`);
      await page.getByLabel('編集したワークブックを選ぶ').setInputFiles(mine);
      const apply = page.getByRole('button', { name: '適用' });
      await apply.waitFor();
      const noted = page.locator(`[data-change-cell="data_kpis!${note.address}"]`);
      expect(await noted.innerText()).toContain(
        '<img src=x onerror="window.__xss=1">画面でプレビューした注記',
      );
      expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
      // Someone else applies another workbook meanwhile.
      const preview = await callApi<{ dataVersion: number; digest: string }>(
        page,
        'POST',
        `/api/plans/${SLUG}/report/workbook/preview`,
        { contentBase64: theirs },
      );
      await callApi(page, 'POST', `/api/plans/${SLUG}/report/workbook/apply`, {
        contentBase64: theirs,
        dataVersion: preview.dataVersion,
        digest: preview.digest,
      });
      await apply.click();
      const alert = page.locator('[data-workbook-error="stale_version"]');
      await alert.waitFor();
      expect(await alert.innerText()).toContain('プレビューの後に計画が変更されました');
      expect(await alert.getAttribute('role')).toBe('alert');
      await expectNoAxeViolations(page);
    });
  });

  it("shows a report job's file as 期限切れ once its retention passed, and 再作成 renders it again", async () => {
    await withPage(async (page, baseUrl) => {
      await signIn(page, baseUrl, coordinator.login, coordinator.password);
      await page.goto(`${baseUrl}/plans/${SLUG}`);
      await page.getByRole('button', { name: 'PDF を作成' }).click();
      const link = page.getByRole('link', { name: /作成した PDF をダウンロード/ });
      await link.waitFor({ timeout: 60_000 });

      // Eight days on (files are kept seven), the server's worker deletes the file at start; the job stays.
      const later = new Date(new Date(E2E_CLOCK).getTime() + 8 * 86_400_000).toISOString();
      await kotei.server().restart(later);
      await signIn(page, baseUrl, coordinator.login, coordinator.password);
      await page.goto(`${baseUrl}/plans/${SLUG}`);
      const expired = page.locator('[data-report-job-expired]');
      await expired.waitFor();
      expect(await expired.innerText()).toContain('期限切れ');
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: '再作成' }).click();
      await link.waitFor({ timeout: 60_000 });
      expect(await expired.count()).toBe(0);
    });
  });
});
