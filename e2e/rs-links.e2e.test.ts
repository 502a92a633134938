import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { signIn } from './support/auth.js';
import { expectNoAxeViolations, saveScreenshot } from './support/page.js';
import { useKotei } from './support/fixture.js';
import { E2E_CLOCK } from './support/server.js';

// The RS system's real MHLW rows, imported with the CLI into the running server's database, one link confirmed
// by the admin through the API; the measure page and the dashboard then show the RS data, in ja and en.
const SLUG = 'drug-discovery-2024';
const REPO = fileURLToPath(new URL('../', import.meta.url));
const RS_DIR = join(
  resolve(process.env.KOTEI_SHARED_DIR ?? join(REPO, '..', 'shared')),
  'data',
  'rs-2024-mhlw',
);
const FILES = [
  '1-2_RS_2024_基本情報_事業概要等__MHLW_drug_subset.csv',
  '2-1_RS_2024_予算・執行_サマリ__MHLW_drug_subset.csv',
  '3-2_RS_2024_効果発現経路_目標のつながり__MHLW_drug_subset.csv',
  '4-1_RS_2024_点検・評価__MHLW_drug_subset.csv',
].map((name) => join(RS_DIR, name));
const present = existsSync(RS_DIR);
if (!present) {
  const message = `RS sample rows missing at ${RS_DIR}: set KOTEI_SHARED_DIR (default <repository>/../shared)`;
  if (process.env.CI === 'true') throw new Error(message);
  process.stderr.write(`\nSKIPPED: ${message}\n\n`);
}

const kotei = useKotei();
const { withPage } = kotei;

describe.runIf(present)('RS data on the measure page and the dashboard', () => {
  it('shows a confirmed link: budget per fiscal year, logic model, evaluation, the 予算事業ID; axe clean in ja and en', async () => {
    const server = kotei.server();
    await promisify(execFile)(
      process.execPath,
      [join(REPO, 'packages/server/bin/kotei.js'), 'rs', 'import', ...FILES],
      {
        env: { ...process.env, KOTEI_DATABASE_URL: server.databaseUrl, KOTEI_CLOCK: E2E_CLOCK },
      },
    );
    await withPage(async (page, baseUrl) => {
      await signIn(page, baseUrl, server.adminLogin, server.adminPassword);
      const measureId = await page.evaluate(async (slug) => {
        const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
        const links = (await (await fetch(`/api/plans/${slug}/rs-links`)).json()) as {
          projects: { budgetProjectId: string; name: string; measureIds: string[] }[];
        };
        const project = links.projects.find((p) => p.name === '臨床研究総合促進事業');
        if (!project) throw new Error('no 臨床研究総合促進事業');
        const res = await fetch(`/api/plans/${slug}/rs-links`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
          body: JSON.stringify({ budgetProjectId: project.budgetProjectId, rsId: 2089, decision: 'confirm' }),
        });
        if (!res.ok) throw new Error(`confirm failed: ${res.status}`);
        return project.measureIds[0] ?? '';
      }, SLUG);

      await page.goto(`${baseUrl}/plans/${SLUG}/measures/${measureId}`);
      const section = page.getByRole('region', { name: '行政事業レビュー（RSシステム）' });
      const table = section.getByRole('table', { name: '臨床研究総合促進事業の予算・執行' });
      await table.waitFor();
      const rows = await table.getByRole('row').allInnerTexts();
      expect(rows.length).toBe(5);
      expect(rows[3]).toMatch(/2023/);
      expect(await section.getByText('予算事業ID 2089（2024年度シート）').count()).toBe(1);
      expect(await section.getByRole('heading', { name: '点検・評価' }).count()).toBe(1);
      expect(await section.getByRole('list', { name: 'ロジックモデルのつながり' }).count()).toBe(1);
      await expectNoAxeViolations(page);
      await saveScreenshot(page, 'rs-measure-ja.png');

      await page.goto(`${baseUrl}/plans/${SLUG}/dashboard`);
      const totals = page.getByRole('table', { name: '紐付けた事業の予算・執行（府省庁・予算年度ごと）' });
      await totals.waitFor();
      expect(await totals.getByRole('row').count()).toBe(5);
      await expectNoAxeViolations(page);

      // The coordinator's review: reject a suggestion, link another project by its 予算事業ID.
      await page.getByText('該当事業と行政事業レビューの紐付けを確認する（調整担当）').click();
      const review = page.getByRole('region', { name: '医薬品国内開発伴走事業' });
      await review.getByRole('button', { name: /^候補から外す\s*: 20627$/ }).click();
      await page
        .getByRole('status')
        .filter({ hasText: '医薬品国内開発伴走事業の候補から予算事業ID 20627を外しました。' })
        .waitFor();
      expect(await review.getByRole('button', { name: /^候補から外す\s*: 20627$/ }).count()).toBe(0);
      const hand = review.getByRole('form', { name: '医薬品国内開発伴走事業を予算事業IDで紐付ける' });
      await hand.getByLabel('予算事業IDで紐付ける').fill('2233');
      await hand.getByRole('button', { name: '紐付ける' }).click();
      await review.getByText('紐付け済み: 予算事業ID 2233 後発医薬品品質確保対策事業').waitFor();
      await expectNoAxeViolations(page);
      await saveScreenshot(page, 'rs-dashboard-review-ja.png');

      await page.goto(`${baseUrl}/plans/${SLUG}/dashboard?lang=en`);
      await page.getByRole('heading', { name: 'Administrative Project Review (RS system)' }).waitFor();
      await expectNoAxeViolations(page);
    });
  });
});
