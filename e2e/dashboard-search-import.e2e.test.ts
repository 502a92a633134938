import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signIn } from './support/auth.js';
import { expectNoAxeViolations, htmlLang, saveScreenshot } from './support/page.js';
import { useKotei } from './support/fixture.js';

// The sample plan, read at the fixed clock of every end-to-end run (E2E_CLOCK: 2025-07-15 in Japan).
const SLUG = 'drug-discovery-2024';
const PLAN_TITLE = /創薬力の向上/;
const PHARMA_FIELD = '医薬産業の振興・医薬品等の安定供給の確保';
const EMPTY_FIELD = '医療提供体制の整備';
const SAMPLE_DOCUMENT = fileURLToPath(
  new URL('../packages/server/sample/drug-discovery-2024.follow-up.md', import.meta.url),
);

const kotei = useKotei();
const { withPage } = kotei;

/** The number of results the search page announces, read from its data attribute. */
async function searchTotal(page: Page): Promise<number> {
  const total = page.locator('.search-results__total');
  await total.waitFor();
  return Number(await total.getAttribute('data-total'));
}

/** The sheet numbers of the visible hits of one type. */
async function hitSheets(page: Page, type: string): Promise<number[]> {
  const values = await page
    .locator(`.search-hit[data-type="${type}"]`)
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-sheet')));
  return values.map(Number);
}

function section(page: Page, name: string): Locator {
  return page.getByRole('region', { name, exact: true });
}

describe('portfolio', () => {
  it('shows the policy fields with their aims, the sample plan under its field and an empty field, in Japanese', async () => {
    await withPage(async (page, baseUrl) => {
      await page.goto(`${baseUrl}/`);
      await page.getByRole('heading', { level: 1, name: '政策分野ごとの計画' }).waitFor();
      expect(await htmlLang(page)).toBe('ja');

      const pharma = section(page, PHARMA_FIELD);
      const planLink = pharma.getByRole('link', { name: PLAN_TITLE });
      await planLink.waitFor();
      expect(await planLink.getAttribute('href')).toBe(`/plans/${SLUG}`);
      expect(await pharma.getByText('目指す姿').count()).toBe(1);
      // Counts per status, in words and shapes (never colour alone), one item per status code.
      const counts = pharma.getByRole('list', { name: /の状況別件数$/ });
      const items = await counts.getByRole('listitem').allTextContents();
      expect(items).toHaveLength(6);
      for (const word of ['目標達成', '順調', '進捗あり（加速が必要）', '進捗僅少', '悪化', '評価不能']) {
        expect(items.some((item) => new RegExp(`${word}\\s*\\d+件`).test(item))).toBe(true);
      }
      // Dates in 和暦 and 西暦 together.
      expect(await pharma.textContent()).toContain('令和7年6月30日 (2025年6月30日)');

      // A field without plans says so and, to a visitor who is not signed in, invites in words only.
      const empty = section(page, EMPTY_FIELD);
      expect(await empty.textContent()).toContain('この政策分野に登録されている計画はまだありません。');
      expect(await empty.textContent()).toContain('取りまとめ担当');
      expect(await empty.getByRole('link').count()).toBe(0);

      await saveScreenshot(page, 'portfolio-ja.png');
      await expectNoAxeViolations(page);
    });
  });

  it('passes axe in English', async () => {
    await withPage(async (page, baseUrl) => {
      await page.goto(`${baseUrl}/?lang=en`);
      await page.getByRole('heading', { level: 1, name: 'Plans by policy field' }).waitFor();
      await page.getByRole('link', { name: PLAN_TITLE }).waitFor();
      expect(await htmlLang(page)).toBe('en');
      await expectNoAxeViolations(page);
    });
  });
});

describe('plan dashboard', () => {
  it('is linked from the plan page and shows goals, sheets, lagging phases and budget, in Japanese', async () => {
    await withPage(async (page, baseUrl) => {
      await page.goto(`${baseUrl}/plans/${SLUG}`);
      await page.getByRole('link', { name: 'ダッシュボードを見る' }).click();
      await page.waitForURL(`${baseUrl}/plans/${SLUG}/dashboard`);
      await page.getByRole('heading', { level: 1, name: /ダッシュボード/ }).waitFor();

      // Three strategic goals, each with its status in words and shape.
      const goals = page.locator('.dashboard-goal');
      expect(await goals.count()).toBe(3);
      for (const number of [1, 2, 3]) {
        await page.getByRole('heading', { level: 3, name: new RegExp(`^\\(${number}\\)`) }).waitFor();
      }
      // Goal 1's outcome 小児用医薬品の開発計画の策定件数 shares sheet ⑨'s 22件 and is on track; goal 3 has no actual.
      const first = goals.first().locator('.progress-status').first();
      expect(await first.getAttribute('data-status')).toBe('on_track');
      expect(await first.textContent()).toContain('順調');
      const badge = goals.nth(2).locator('.progress-status').first();
      expect(await badge.getAttribute('data-status')).toBe('no_data');
      expect(await badge.textContent()).toContain('評価不能');

      // The outcome with a numeric path gets a lazily drawn chart, its status sentence and a data table.
      const outcome = page.locator('.dashboard-outcome', { hasText: '国際共同治験の初回治験計画届件数' });
      await outcome.locator('.outcome-chart svg[role="img"]').waitFor();
      expect(await outcome.locator('.dashboard-outcome__sentence').textContent()).not.toBe('');
      await outcome.locator('summary', { hasText: '推移の表' }).click();
      const trajectory = outcome.getByRole('table', { name: /の推移$/ });
      expect(await trajectory.getByRole('row').filter({ hasText: '2028 (R10)' }).textContent()).toContain(
        '150',
      );

      // Roll-up per sheet: twelve rows, each linking to its sheet's timeline.
      const sheets = page.getByRole('table', { name: '工程表ごとの KPI の状況と期限超過の工程' });
      expect(await sheets.locator('tbody tr').count()).toBe(12);
      expect(await sheets.locator('tbody tr[data-sheet="2"] a').getAttribute('href')).toBe(
        `/plans/${SLUG}/sheets/2/timeline`,
      );

      // No round has reported a phase not done after its end, so none is overdue; the phases whose period is
      // over with no report are counted apart, per sheet, as 未報告.
      const overdue = section(page, '期限を過ぎた工程がある施策');
      await overdue.getByText('期限を過ぎた工程はありません。').waitFor();
      const cells = sheets.locator('tbody tr[data-sheet="1"] td');
      const unreported = await cells.nth((await cells.count()) - 2).textContent();
      expect(Number(unreported)).toBeGreaterThan(0);

      // Budget: totals in 億円 as the API sums them; 内数 shown apart and never added.
      const api = await page.evaluate(async (slug) => {
        const response = await fetch(`/api/plans/${slug}/dashboard`);
        return (await response.json()) as {
          budget: {
            total: { yen: number };
            partOf: { yen: number };
            byMinistry: { total: { yen: number } }[];
          };
        };
      }, SLUG);
      const oku = (yen: number): string => `${String(yen / 100_000_000)}億円`;
      const budget = section(page, '予算');
      expect(api.budget.total.yen).toBeGreaterThan(0);
      expect(api.budget.partOf.yen).toBeGreaterThan(0);
      expect(await budget.locator('[data-budget-total]').textContent()).toContain(oku(api.budget.total.yen));
      expect(await budget.locator('[data-budget-part-of]').textContent()).toContain(
        oku(api.budget.partOf.yen),
      );
      const byMinistry = await budget.getByRole('table', { name: /所管府省別/ }).textContent();
      for (const row of api.budget.byMinistry) expect(byMinistry).toContain(oku(row.total.yen));
      expect(byMinistry).not.toContain(oku(api.budget.total.yen + api.budget.partOf.yen));

      await saveScreenshot(page, 'dashboard-ja.png');
      await expectNoAxeViolations(page);
    });
  });

  it('reads the statuses at ?at= and passes axe in English', async () => {
    await withPage(async (page, baseUrl) => {
      await page.goto(`${baseUrl}/plans/${SLUG}/dashboard?at=2024-07-01&lang=en`);
      await page.getByRole('heading', { level: 1, name: /Dashboard/ }).waitFor();
      expect(await page.locator('dd[data-reference-date]').getAttribute('data-reference-date')).toBe(
        '2024-07-01',
      );
      await page.locator('.outcome-chart svg[role="img"]').first().waitFor();
      expect(await htmlLang(page)).toBe('en');
      await expectNoAxeViolations(page);
    });
  });
});

describe('search', () => {
  it('finds the measures of sheets ② and ③ for 臨床試験 with the hits marked, from the header box', async () => {
    await withPage(async (page, baseUrl) => {
      await page.goto(`${baseUrl}/`);
      const box = page.getByRole('search', { name: 'サイト内検索' }).getByLabel('サイト内を検索');
      await box.fill('臨床試験');
      await box.press('Enter');
      await page.waitForURL(/\/search\?q=/);
      await page.getByRole('heading', { level: 1, name: '検索' }).waitFor();

      expect(await searchTotal(page)).toBeGreaterThan(0);
      const sheets = await hitSheets(page, 'measure');
      expect(sheets).toContain(2);
      expect(sheets).toContain(3);
      const marks = page.locator('.search-hit mark');
      expect(await marks.count()).toBeGreaterThan(0);
      expect(await marks.first().textContent()).toBe('臨床試験');
      // A measure hit leads to its measure page.
      const href = await page.locator('.search-hit[data-type="measure"] h3 a').first().getAttribute('href');
      expect(href).toMatch(new RegExp(`^/plans/${SLUG}/measures/`));

      await saveScreenshot(page, 'search-ja.png');
      await expectNoAxeViolations(page);
    });
  });

  it('keeps filters in the address and finds the same KPIs for R10 and 2028', async () => {
    await withPage(async (page, baseUrl) => {
      await page.goto(`${baseUrl}/search?q=${encodeURIComponent('臨床試験')}&sheet=3`);
      expect(await searchTotal(page)).toBeGreaterThan(0);
      expect(new Set(await hitSheets(page, 'measure'))).toEqual(new Set([3]));
      expect(await page.getByLabel('工程表', { exact: true }).inputValue()).toBe('3');

      await page.goto(`${baseUrl}/search?q=R10&type=kpi`);
      const r10 = await searchTotal(page);
      await page.goto(`${baseUrl}/search?q=2028&type=kpi`);
      const y2028 = await searchTotal(page);
      expect(r10).toBeGreaterThan(0);
      expect(y2028).toBe(r10);
      expect(
        await page
          .locator('.search-hit')
          .evaluateAll((items) => items.every((i) => i.getAttribute('data-type') === 'kpi')),
      ).toBe(true);

      await page.goto(`${baseUrl}/search?q=zzzqqqxxx`);
      await page.getByText('「zzzqqqxxx」に一致するものは見つかりませんでした。').waitFor();
      await page.goto(`${baseUrl}/search`);
      await page.getByText('検索する言葉を入力してください。', { exact: false }).waitFor();
    });
  });

  it('filters by status and by follow-up round with the form, keeping both in the address', async () => {
    await withPage(async (page, baseUrl) => {
      await page.goto(`${baseUrl}/search?q=${encodeURIComponent('件')}`);
      const all = await searchTotal(page);
      await page.getByLabel('進捗状況の評価').selectOption({ label: '順調' });
      await page.getByRole('button', { name: '検索する' }).click();
      await page.waitForURL(/status=on_track/);
      // The address is the deep link: read afresh, it shows only the filtered hits.
      await page.reload();
      const onTrack = await searchTotal(page);
      expect(onTrack).toBeGreaterThan(0);
      expect(onTrack).toBeLessThan(all);
      expect(
        await page
          .locator('.search-hit')
          .evaluateAll((items) =>
            items.every((i) => ['kpi', 'measure'].includes(i.getAttribute('data-type') ?? '')),
          ),
      ).toBe(true);

      await page.goto(`${baseUrl}/search?q=${encodeURIComponent('臨床')}`);
      await searchTotal(page);
      const round = page.getByLabel('フォローアップ', { exact: true });
      await round.selectOption({ index: 1 });
      expect(await round.locator('option').nth(1).textContent()).toContain('2025');
      await page.getByRole('button', { name: '検索する' }).click();
      await page.waitForURL(/round=/);
      await page.reload();
      expect(await round.inputValue()).not.toBe('');
      expect(await searchTotal(page)).toBeGreaterThan(0);
      expect(
        await page
          .locator('.search-hit')
          .evaluateAll((items) => items.every((i) => i.getAttribute('data-type') === 'progress')),
      ).toBe(true);
      await saveScreenshot(page, 'search-round-ja.png');
      await expectNoAxeViolations(page);
    });
  });

  it('passes axe in English', async () => {
    await withPage(async (page, baseUrl) => {
      await page.goto(`${baseUrl}/search?q=${encodeURIComponent('臨床試験')}&lang=en`);
      await page.locator('.search-hit').first().waitFor();
      expect(await htmlLang(page)).toBe('en');
      await expectNoAxeViolations(page);
    });
  });
});

describe('import screen', () => {
  it('tells a visitor who is not signed in that importing needs a coordinator or admin', async () => {
    await withPage(async (page, baseUrl) => {
      await page.goto(`${baseUrl}/import`);
      await page
        .getByText('取りまとめ担当または管理者としてログインすると利用できます', { exact: false })
        .waitFor();
      expect(await page.getByLabel('取り込む文書').count()).toBe(0);
      await expectNoAxeViolations(page);
    });
  });

  it('previews the sample follow-up with its issues, commits it as drug-copy and opens the new plan', async () => {
    const server = kotei.server();
    await withPage(async (page, baseUrl) => {
      await signIn(page, baseUrl, server.adminLogin, server.adminPassword);
      // Signed in as admin, an empty policy field invites a plan with a link to the import screen.
      const invite = section(page, EMPTY_FIELD).getByRole('link', { name: 'この分野の計画を取り込む' });
      await invite.waitFor();
      expect(await invite.getAttribute('href')).toBe('/import');
      await page
        .getByRole('navigation', { name: 'メインメニュー' })
        .getByRole('link', { name: '取込' })
        .click();
      await page.getByRole('heading', { level: 1, name: '文書の取込' }).waitFor();

      await page.getByLabel('取り込む文書').setInputFiles(SAMPLE_DOCUMENT);
      await page.getByLabel(/計画の識別名/).fill('drug-copy');
      await page.getByRole('button', { name: 'プレビュー', exact: true }).click();

      const issues = page.getByRole('table', { name: /取込時の問題点/ });
      await issues.waitFor();
      expect(await page.locator('[data-action]').getAttribute('data-action')).toBe('create');
      const lines = await issues
        .locator('tbody th[data-line]')
        .evaluateAll((cells) => cells.map((cell) => Number(cell.getAttribute('data-line'))));
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.every((line) => Number.isInteger(line) && line > 0)).toBe(true);
      expect(await page.getByRole('status').filter({ hasText: 'プレビューを表示しました' }).count()).toBe(1);

      await saveScreenshot(page, 'import-ja.png');
      await expectNoAxeViolations(page);

      // The same preview in English.
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Import a document' }).waitFor();
      await page.getByRole('table', { name: /Issues found/ }).waitFor();
      await expectNoAxeViolations(page);

      await page.getByRole('button', { name: 'Import', exact: true }).click();
      const open = page.getByRole('link', { name: 'Open the imported plan' });
      await open.waitFor();
      await open.click();
      await page.waitForURL(`${baseUrl}/plans/drug-copy`);
      await page.getByRole('heading', { level: 1, name: PLAN_TITLE }).waitFor();
    });
  });

  it('shows an API refusal as an alert', async () => {
    const server = kotei.server();
    await withPage(async (page, baseUrl) => {
      await signIn(page, baseUrl, server.adminLogin, server.adminPassword);
      await page.goto(`${baseUrl}/import`);
      await page.getByLabel('取り込む文書').setInputFiles({
        name: 'empty.md',
        mimeType: 'text/markdown',
        buffer: Buffer.from([0xff, 0xfe, 0x00, 0xd8]),
      });
      await page.getByRole('button', { name: 'プレビュー', exact: true }).click();
      await page.getByRole('alert').filter({ hasText: '取込できませんでした' }).waitFor();
    });
  });
});
