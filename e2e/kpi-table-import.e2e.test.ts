import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { signIn } from './support/auth.js';
import { expectNoAxeViolations } from './support/page.js';
import { useKotei } from './support/fixture.js';

// A real KPI table of another office: 長野県 しあわせ信州創造プラン3.0 主要目標, CSV in UTF-8 with a BOM.
const TABLE = fileURLToPath(
  new URL(
    '../packages/importers/src/fixtures/kpi-tables/nagano-plan3-main-targets/table.csv',
    import.meta.url,
  ),
);

const kotei = useKotei();
const { withPage } = kotei;

describe('KPI table import', () => {
  it('uploads a table, corrects one proposed column, imports it and shows its KPIs with statuses', async () => {
    const server = kotei.server();
    await withPage(async (page, baseUrl) => {
      await signIn(page, baseUrl, server.adminLogin, server.adminPassword);
      await page.goto(`${baseUrl}/import`);
      await page.getByLabel('取り込む文書').setInputFiles(TABLE);
      await page.getByLabel(/計画の識別名/).fill('nagano-plan3');
      await page.getByRole('button', { name: 'プレビュー', exact: true }).click();

      // The proposed mapping: 現状 is read as the baseline, with its confidence and the words that decided.
      const mapping = page.getByRole('table', { name: /列の対応/ });
      await mapping.waitFor();
      const current = page.getByLabel('内容: 現状');
      expect(await current.inputValue()).toBe('baseline');
      expect(await mapping.locator('tr[data-column="1"]').textContent()).toContain('「現状」');
      await expectNoAxeViolations(page);

      // Read as a baseline, the table has no actuals.
      const actuals = page.locator('.import-counts .counts__item').last().locator('dd');
      expect(await actuals.textContent()).toBe('0');

      // The office's 現状 is its latest actual: the user corrects the column, and the preview follows.
      await current.selectOption('actual');
      await page.waitForSelector('select[aria-label="内容: 現状"]:not([disabled])');
      await expect.poll(() => current.inputValue()).toBe('actual');
      await expect.poll(async () => Number(await actuals.textContent())).toBeGreaterThan(0);

      await page.getByRole('button', { name: '取り込む', exact: true }).click();
      await page.getByRole('link', { name: '取り込んだ計画を開く' }).click();
      await page.waitForURL(`${baseUrl}/plans/nagano-plan3`);
      await page.getByText('観光消費額').first().waitFor();

      await page.goto(`${baseUrl}/plans/nagano-plan3/dashboard`);
      const statuses = page.locator('[data-status]');
      await statuses.first().waitFor();
      const values = await statuses.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-status')));
      expect(values.some((status) => status !== null && status !== 'no_data')).toBe(true);
      await expectNoAxeViolations(page);
    });
  });
});
