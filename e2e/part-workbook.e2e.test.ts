import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { signIn } from './support/auth.js';
import { callApi, openRound } from './support/api.js';
import { expectNoAxeViolations, saveScreenshot } from './support/page.js';
import { useKotei } from './support/fixture.js';

// A ministry reports in Excel: from "my tasks" it downloads its part, fills it offline and uploads it on the
// part page; a workbook with a changed locked cell is refused with the cell named.
const SLUG = 'drug-discovery-2024';
const MEASURE = '臨床研究中核病院の承認要件の見直し';
const BULLET = 'Excelで記入した進捗【厚】';

const kotei = useKotei();
const { withPage } = kotei;
const people = { coordinator: { login: 'coord-wb', password: '' }, mhlw: { login: 'mhlw-wb', password: '' } };

beforeAll(async () => {
  const server = kotei.server();
  people.coordinator.password = await server.addUser(people.coordinator.login, 'coordinator');
  people.mhlw.password = await server.addUser(people.mhlw.login, 'ministry', '厚');
});

async function downloadFromTasks(page: Page, baseUrl: string): Promise<ExcelJS.Workbook> {
  await page.goto(`${baseUrl}/tasks`);
  const task = page.getByRole('listitem').filter({ hasText: MEASURE }).first();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    task.getByRole('link', { name: 'Excelでダウンロード' }).click(),
  ]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(await download.path())) as unknown as ExcelJS.Buffer);
  return workbook;
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = workbook.getWorksheet(name);
  if (!ws) throw new Error(`no worksheet ${name}`);
  return ws;
}

async function save(workbook: ExcelJS.Workbook, name: string): Promise<string> {
  const file = join(tmpdir(), `kotei-${String(process.pid)}-${name}.xlsx`);
  await writeFile(file, Buffer.from(await workbook.xlsx.writeBuffer()));
  return file;
}

describe("a ministry's part in Excel", () => {
  it('is downloaded from my tasks, filled offline and uploaded into the draft; a changed locked cell is named', async () => {
    await withPage(async (page, baseUrl) => {
      await signIn(page, baseUrl, people.coordinator.login, people.coordinator.password);
      const tree = await callApi<{ sheets: { measures: { id: string; title: string }[] }[] }>(
        page,
        'GET',
        `/api/plans/${SLUG}`,
      );
      const measure = tree.sheets.flatMap((s) => s.measures).find((m) => m.title === MEASURE);
      await openRound(page, SLUG, '2025-07-10', [measure?.id ?? '']);
    });
    await withPage(async (page, baseUrl) => {
      await signIn(page, baseUrl, people.mhlw.login, people.mhlw.password);
      const workbook = await downloadFromTasks(page, baseUrl);
      sheet(workbook, '進捗状況').getCell('A2').value = BULLET;
      const actuals = sheet(workbook, '実績');
      actuals.getCell('E2').value = 290;
      actuals.getCell('G2').value = '2024年度';
      const filled = await save(workbook, 'filled');
      actuals.getCell('B2').value = '別の指標';
      const broken = await save(workbook, 'broken');

      await page
        .getByRole('listitem')
        .filter({ hasText: MEASURE })
        .first()
        .getByRole('link', { name: MEASURE })
        .click();
      await page.getByRole('heading', { level: 1, name: new RegExp(MEASURE) }).waitFor();
      const upload = page.getByLabel('記入したExcelをアップロード');
      await upload.setInputFiles(broken);
      const alert = page.locator('[data-workbook-error="workbook_invalid"]');
      await alert.waitFor();
      expect(await alert.innerText()).toContain('実績!B2');
      await expectNoAxeViolations(page);
      await saveScreenshot(page, 'part-workbook-refused.png');

      await upload.setInputFiles(filled);
      await page.getByRole('status').filter({ hasText: 'Excelの内容を下書きに保存しました。' }).waitFor();
      expect(await page.getByLabel('進捗状況 1', { exact: true }).inputValue()).toBe(BULLET);
      expect(await page.getByLabel('値', { exact: true }).inputValue()).toBe('290');
    });
  });
});
