import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { callApi } from './support/api.js';
import { signIn } from './support/auth.js';
import { expectNoAxeViolations } from './support/page.js';
import { useKotei } from './support/fixture.js';

// A real KPI table of another office (長野県 しあわせ信州創造プラン3.0 主要目標, CSV) added to the measures of a small
// plan made through the API: two sheets of one measure each, the first already measuring 交通事故死者数.
const TABLE = fileURLToPath(
  new URL(
    '../packages/importers/src/fixtures/kpi-tables/nagano-plan3-main-targets/table.csv',
    import.meta.url,
  ),
);
const SLUG = 'town-plan';
const PLAN = [
  '持続可能で安定した暮らし,,',
  '指標名,現状,目標',
  '交通事故死者数,50人(2020年),40人以下(2027年)',
  'ゆとりのある社会生活,,',
  '指標名,現状,目標',
  '図書館の利用者数,"100,000人(2020年)","120,000人(2027年)"',
  '',
].join('\n');
const GROUP_1 = '政策の柱1 持続可能で安定した暮らしを守る';

const kotei = useKotei();
const { withPage } = kotei;

describe('a KPI table added to an existing plan', () => {
  it("adds a table's KPIs to the proposed measures, and the dashboard shows them with statuses", async () => {
    const server = kotei.server();
    await withPage(async (page, baseUrl) => {
      await signIn(page, baseUrl, server.adminLogin, server.adminPassword);
      await callApi(page, 'POST', '/api/imports', {
        fileName: 'town.csv',
        contentBase64: Buffer.from(PLAN).toString('base64'),
        slug: SLUG,
      });

      await page.goto(`${baseUrl}/import`);
      await page.getByLabel('取り込む文書').setInputFiles(TABLE);
      await page.getByRole('button', { name: 'プレビュー', exact: true }).click();
      // The mapping step: 現状 is the office's latest actual, so its figures become observations.
      const current = page.getByLabel('内容: 現状');
      await current.waitFor();
      await current.selectOption('actual');
      await page.waitForSelector('select[aria-label="内容: 現状"]:not([disabled])');
      await expect.poll(() => current.inputValue()).toBe('actual');

      await page.getByLabel('既存の計画の施策に追加する').check();
      await page.getByLabel('追加先の計画').selectOption(SLUG);
      const groups = page.getByRole('table', { name: '表のグループと追加先の施策' });
      await groups.waitFor();
      // Each group has the measure whose title agrees preselected; the KPI the measure has is flagged.
      const first = page.getByLabel(`追加先の施策: ${GROUP_1}`);
      expect(await first.locator('option:checked').textContent()).toContain('持続可能で安定した暮らし');
      const second = page.getByLabel(/^追加先の施策: 政策の柱3/);
      expect(await second.locator('option:checked').textContent()).toContain('ゆとりのある社会生活');
      expect(await groups.locator('tr[data-group="1-1"]').textContent()).toContain('同名のKPIあり');
      await expectNoAxeViolations(page);

      await page.getByRole('button', { name: '施策に追加する' }).click();
      await page.waitForURL(`${baseUrl}/plans/${SLUG}/dashboard`);
      const statuses = page.locator('[data-status]');
      await statuses.first().waitFor();
      const values = await statuses.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-status')));
      expect(values.some((status) => status !== null && status !== 'no_data')).toBe(true);
      await expectNoAxeViolations(page);

      // The plan holds the added KPIs once each, under the measures chosen, and the revision names the file.
      await page.goto(`${baseUrl}/plans/${SLUG}`);
      await page.getByText('観光消費額').first().waitFor();
      const tree = await callApi<{ sheets: { measures: { title: string; kpis: { name: string }[] }[] }[] }>(
        page,
        'GET',
        `/api/plans/${SLUG}`,
      );
      const names = tree.sheets.flatMap((s) => s.measures).flatMap((m) => m.kpis.map((k) => k.name));
      expect(names.filter((n) => n === '交通事故死者数')).toHaveLength(1);
      expect(names).toContain('観光消費額');
      const revisions = await callApi<{ revisions: { number: number; reason: string }[] }>(
        page,
        'GET',
        `/api/plans/${SLUG}/revisions`,
      );
      expect(revisions.revisions[0]).toMatchObject({ number: 2, reason: 'KPI表の取り込み: table.csv' });
    });
  });
});
