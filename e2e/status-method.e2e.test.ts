import { describe, expect, it } from 'vitest';
import type { PlanTree } from '@kotei/contracts';
import { signIn } from './support/auth.js';
import { expectNoAxeViolations } from './support/page.js';
import { useKotei } from './support/fixture.js';

const SLUG = 'drug-discovery-2024';
// The seed's follow-up round: 22件 of 50件 (2024–2028年度累積) reported for FY2024.
const AT = '2025-06-30';
const PEDIATRIC = '小児用医薬品の開発計画の策定件数';

const kotei = useKotei();
const { withPage } = kotei;

async function pediatricMeasureId(baseUrl: string): Promise<string> {
  const tree = (await (await fetch(`${baseUrl}/api/plans/${SLUG}?at=${AT}`)).json()) as PlanTree;
  const measure = tree.sheets
    .flatMap((sheet) => sheet.measures)
    .find((m) => !m.isRepost && m.kpis.some((kpi) => kpi.name === PEDIATRIC && kpi.actuals.length > 0));
  if (!measure) throw new Error('the seed has no measure with the pediatric KPI');
  return measure.id;
}

// #16: the seed plan shown under the Cabinet Office's A/B/N/F grades, chosen by a coordinator on the dashboard.
describe('a plan under A/B/N/F', () => {
  it('is chosen on the dashboard by a coordinator and shown in its vocabulary; axe clean', async () => {
    const server = kotei.server();
    await withPage(async (page, baseUrl) => {
      await signIn(page, baseUrl, server.adminLogin, server.adminPassword);
      await page.goto(`${baseUrl}/plans/${SLUG}/dashboard?at=${AT}`);
      const settings = page.getByRole('region', { name: '評価方式の設定' });
      await settings.getByRole('radio', { name: 'A/B/N/F 区分（内閣府 KPI 進捗状況）' }).check();
      await settings.getByRole('button', { name: '評価方式を保存' }).click();
      await page.locator('dd[data-status-method="abnf"]').waitFor();
      const counts = page.getByRole('list', { name: /計画全体/ }).first();
      await counts.getByText('A（目標に向け順調）').waitFor();
      const a = Number((await counts.locator('li[data-grade="A"] strong').innerText()).replace('件', ''));
      const f = Number((await counts.locator('li[data-grade="F"] strong').innerText()).replace('件', ''));
      expect(a).toBeGreaterThanOrEqual(2);
      expect(f).toBeGreaterThan(0);
      // The sheets table counts grades instead of the six statuses.
      const sheets = page.locator('table.dashboard-sheets');
      await sheets.getByRole('columnheader', { name: 'B（進捗が遅れている）' }).waitFor();
      expect(await sheets.getByRole('columnheader', { name: '順調', exact: true }).count()).toBe(0);
      await expectNoAxeViolations(page);
    });
  });

  it('shows a KPI’s grade and sentence on its measure page, the other method beside it on request; axe clean', async () => {
    await withPage(async (page, baseUrl) => {
      const measureId = await pediatricMeasureId(baseUrl);
      await page.goto(`${baseUrl}/plans/${SLUG}/measures/${measureId}?at=${AT}`);
      const kpi = page.getByRole('article', { name: PEDIATRIC });
      const status = kpi.getByRole('group', { name: '進捗状況の評価' });
      await status.locator('[data-method="abnf"] [data-grade="A"]').waitFor();
      expect(await status.locator('[data-method="abnf"]').innerText()).toContain(
        '現時点で必要な値は10件です',
      );
      expect(await status.locator('[data-method="open-sdg"]').count()).toBe(0);
      await page.getByLabel('Open SDG 方式（6段階）の評価も並べて表示する').check();
      await status.locator('[data-method="open-sdg"] [data-status="on_track"]').waitFor();
      await expectNoAxeViolations(page);
    });
  });

  it('shows the same in English on the dashboard and the measure page; axe clean', async () => {
    await withPage(async (page, baseUrl) => {
      await page.goto(`${baseUrl}/plans/${SLUG}/dashboard?at=${AT}&lang=en`);
      await page.locator('dd[data-status-method="abnf"]').getByText('A/B/N/F grades').waitFor();
      await page.getByText('A (on pace to the target)').first().waitFor();
      await expectNoAxeViolations(page);
      const measureId = await pediatricMeasureId(baseUrl);
      await page.goto(`${baseUrl}/plans/${SLUG}/measures/${measureId}?at=${AT}&lang=en`);
      const line = page.locator('[data-method="abnf"]').first();
      await line.getByText('A (on pace to the target)').waitFor();
      expect(await line.innerText()).toContain('The value needed now is 10.');
      await page.getByLabel('Show the Open SDG method (six statuses) beside it').check();
      await page.locator('[data-method="open-sdg"]').first().waitFor();
      await expectNoAxeViolations(page);
    });
  });
});
