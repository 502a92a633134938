import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Breakdown, MeasureDetail, PlanTree } from '@kotei/contracts';
import { expectNoAxeViolations, saveScreenshot } from './support/page.js';
import { useKotei } from './support/fixture.js';

const SLUG = 'drug-discovery-2024';
const KPI_NAME = '後発品数量シェア';
// Test data, not official figures: FY2024 shares by prefecture, 9 of 47 under the 80% bar.
const fixture = JSON.parse(
  readFileSync(
    new URL('../packages/domain/src/status/fixtures/generic-share-by-prefecture.json', import.meta.url),
    'utf8',
  ),
) as { below: string[]; breakdown: Breakdown };

const { withPage, server } = useKotei();

async function measureIdOf(kpiName: string): Promise<string> {
  const res = await fetch(`${server().url}/api/plans/${SLUG}`);
  const tree = (await res.json()) as PlanTree;
  const measure = tree.sheets.flatMap((s) => s.measures).find((m) => m.kpis.some((k) => k.name === kpiName));
  if (!measure) throw new Error(`the sample plan has no KPI ${kpiName}`);
  return measure.id;
}

describe('a KPI broken down by prefecture', () => {
  // No screen records actuals yet (the follow-up round will); the browser's copy of the measure gets a FY2024
  // actual with its 47 prefectures. The server's judgement from the same rows is a medium test.
  it('shows the 47 prefectures, the ones under the bar, and the count, without summing them', async () => {
    const id = await measureIdOf(KPI_NAME);
    await withPage(async (page, baseUrl) => {
      await page.route(`**/api/plans/${SLUG}/measures/${id}*`, async (route) => {
        const response = await route.fetch();
        const detail = (await response.json()) as MeasureDetail;
        const kpi = detail.measure.kpis.find((k) => k.name === KPI_NAME);
        if (!kpi) throw new Error('the sample plan changed shape');
        kpi.actuals.push({
          value: 9,
          period: { start: '2024-04-01', end: '2025-03-31', fiscalYear: 2024, label: '2024年度' },
          origin: 'reported',
          breakdown: fixture.breakdown,
          borrowedFrom: null,
        });
        await route.fulfill({ response, json: detail });
      });
      await page.goto(`${baseUrl}/plans/${SLUG}/measures/${id}`);
      const table = page.getByRole('table', { name: /内訳（都道府県別）/ });
      await table.waitFor();
      expect(await table.getByRole('row').count()).toBe(48);
      expect(await table.getByRole('rowheader', { name: '北海道' }).isVisible()).toBe(true);
      const tokyo = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '東京都' }) });
      expect(await tokyo.textContent()).toContain('未達');
      const rowsBelow = table.getByRole('row').filter({ hasText: '未達' });
      expect(await rowsBelow.count()).toBe(fixture.below.length);
      expect(await page.locator('.kpi-breakdown__summary').textContent()).toBe(
        '47都道府県のうち9都道府県が基準（80%以上）に届いていません。',
      );
      // The KPI's own values count prefectures: written without the bar's unit (9, not 9%).
      const actuals = page.locator('.kpi-detail', { hasText: KPI_NAME }).getByRole('table').first();
      const fy2024 = await actuals.getByRole('row').filter({ hasText: '令和6年度' }).textContent();
      expect(fy2024).toContain('9');
      expect(fy2024).not.toContain('9%');
      await expectNoAxeViolations(page);
      await saveScreenshot(page, 'measure-breakdown-ja.png');
    });
  });
});
