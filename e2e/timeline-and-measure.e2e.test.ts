import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, htmlLang, saveScreenshot } from './support/page.js';
import { useKotei } from './support/fixture.js';

// The sample plan, read at the fixed clock of every end-to-end run (E2E_CLOCK: 2025-07-15 in Japan).
const SLUG = 'drug-discovery-2024';
const TODAY = '2025-07-15';
const FY2024 = { start: '2024-04-01', end: '2025-03-31' };
const MEASURE_TITLE = '官民協議会による外資系企業・外国資金の呼び込み';
// A 2024年夏 phase of sheet ② (2024-06-01..2024-08-31), reported by no round: 未報告 on 2025-07-15 (never
// called overdue for want of a report), running on 2024-07-01.
const SUMMER_PHASE =
  '英語での治験・臨床試験実施に向けたサポート人材・マネジメント人材の育成・配置の強化の検討';

const { withPage } = useKotei();

/** Waits for a lazily loaded chart to be drawn and returns its SVG. */
async function chartOf(scope: Page | Locator): Promise<Locator> {
  const svg = scope.locator('.timeline-chart svg[role="img"]').first();
  await svg.waitFor();
  return svg;
}

/** Opens the collapsible data table under a chart and returns the table. */
async function openPhaseTable(page: Page, name: RegExp): Promise<Locator> {
  // Closed, the table is out of the accessibility tree: find its <details> by the caption in the DOM.
  const details = page.locator('details.timeline-table', { has: page.locator('caption', { hasText: name }) });
  await details.locator('summary').click();
  const table = page.getByRole('table', { name });
  await table.waitFor();
  return table;
}

/** The data-table row of the phase whose text contains `text`. */
function phaseRow(table: Locator, text: string): Locator {
  return table.getByRole('row').filter({ hasText: text });
}

async function phaseDates(row: Locator): Promise<{ start: string | null; end: string | null }> {
  const times = row.locator('time');
  return {
    start: await times.nth(0).getAttribute('datetime'),
    end: await times.nth(1).getAttribute('datetime'),
  };
}

/** Waits for the reference-date line of `date` (a vertical line: Playwright counts it as never "visible"). */
async function referenceLine(scope: Page | Locator, date: string): Promise<Locator> {
  const line = scope.locator(`.timeline-reference[data-reference-date="${date}"]`).first();
  await line.waitFor({ state: 'attached' });
  return line;
}

/** The x position of the reference-date line in its chart. */
async function referenceLineX(svg: Locator): Promise<number> {
  const x = await svg.locator('.timeline-reference line').first().getAttribute('x1');
  return Number(x);
}

describe('roadmap timeline of one sheet', () => {
  it('shows sheet ② on the fiscal-year axis with the reference line and overdue phases, in Japanese', async () => {
    await withPage(async (page, baseUrl) => {
      await page.goto(`${baseUrl}/plans/${SLUG}/sheets/2/timeline`);
      await page.getByRole('heading', { level: 1, name: /工程表②.*国際水準の臨床試験実施体制/ }).waitFor();
      expect(await htmlLang(page)).toBe('ja');

      const region = page.getByRole('region', { name: /^工程表②のタイムライン/ });
      expect(await region.getAttribute('tabindex')).toBe('0');
      const svg = await chartOf(region);
      expect(await svg.getAttribute('aria-label')).toMatch(/工程表②.*期限超過0件、未報告\d+件/);
      // Fiscal-year ticks in 和暦 and 西暦 together.
      expect(await svg.textContent()).toContain('令和6年度 (2024)');

      // The reference-date line sits at the fixed clock's date.
      expect(await page.locator('dd[data-reference-date]').getAttribute('data-reference-date')).toBe(TODAY);
      expect(await svg.locator(`.timeline-reference[data-reference-date="${TODAY}"]`).count()).toBe(1);

      // The accessible table: the one-stop window phase lies within FY2024.
      const table = await openPhaseTable(page, /工程表②の工程/);
      const oneStop = phaseRow(table, 'ワンストップサービス窓口設置');
      expect(await oneStop.count()).toBe(1);
      const { start, end } = await phaseDates(oneStop);
      expect(start).not.toBeNull();
      expect(end).not.toBeNull();
      expect((start ?? '') >= FY2024.start && (start ?? '') <= FY2024.end).toBe(true);
      expect((end ?? '') >= FY2024.start && (end ?? '') <= FY2024.end).toBe(true);

      // A 2024年夏 phase nobody reported on is 未報告 at 2025-07-15: marked in the table and drawn apart.
      const summer = phaseRow(table, SUMMER_PHASE);
      expect(await summer.textContent()).toContain('2024年夏');
      expect(await summer.locator('[data-status]').getAttribute('data-status')).toBe('unreported');
      expect(await summer.textContent()).toContain('未報告');
      expect(await svg.locator('.timeline-bar--unreported rect').count()).toBeGreaterThan(0);
      expect(await svg.locator('.timeline-bar--overdue rect').count()).toBe(0);

      await saveScreenshot(page, 'timeline-sheet2-ja.png');
      await expectNoAxeViolations(page);
    });
  });

  it('moves the reference line with ?at= and judges the phases at that date', async () => {
    await withPage(async (page, baseUrl) => {
      await page.goto(`${baseUrl}/plans/${SLUG}/sheets/2/timeline`);
      const todayX = await referenceLineX(await chartOf(page));

      await page.goto(`${baseUrl}/plans/${SLUG}/sheets/2/timeline?at=2024-07-01`);
      const svg = await chartOf(page);
      expect(await svg.locator('.timeline-reference[data-reference-date="2024-07-01"]').count()).toBe(1);
      expect(await referenceLineX(svg)).toBeLessThan(todayX);
      expect(await page.getByLabel('基準日', { exact: true }).inputValue()).toBe('2024-07-01');

      const table = await openPhaseTable(page, /工程表②の工程/);
      const summer = phaseRow(table, SUMMER_PHASE);
      expect(await summer.locator('[data-status]').getAttribute('data-status')).toBe('in_progress');
      expect(await summer.textContent()).toContain('実施中');
      const oneStop = phaseRow(table, 'ワンストップサービス窓口設置');
      expect(await oneStop.locator('[data-status]').getAttribute('data-status')).toBe('not_started');
    });
  });

  it('chooses the reference date with the form and the scale with the radio buttons, keeping both in the address', async () => {
    await withPage(async (page, baseUrl) => {
      await page.goto(`${baseUrl}/plans/${SLUG}/sheets/2/timeline`);
      const narrow = await chartOf(page);
      const yearWidth = Number(await narrow.getAttribute('width'));

      await page.getByRole('radio', { name: '四半期' }).check();
      await page.waitForURL(/scale=quarter/);
      await page.locator('.timeline-chart[data-zoom="quarter"] svg').waitFor();
      const wide = await chartOf(page);
      expect(Number(await wide.getAttribute('width'))).toBeGreaterThan(1.8 * yearWidth);
      expect(await wide.textContent()).toContain('7～9月');

      await page.getByLabel('基準日', { exact: true }).fill('2024-12-15');
      await page.getByRole('button', { name: 'この日で表示' }).click();
      await page.waitForURL(/at=2024-12-15/);
      expect(page.url()).toMatch(/scale=quarter/);
      await referenceLine(page, '2024-12-15');

      await page.getByRole('link', { name: '既定の基準日に戻す' }).click();
      await referenceLine(page, TODAY);
      expect(page.url()).not.toMatch(/at=/);
    });
  });

  it('passes axe in English', async () => {
    await withPage(async (page, baseUrl) => {
      await page.goto(`${baseUrl}/plans/${SLUG}/sheets/2/timeline?lang=en`);
      await page.getByRole('heading', { level: 1, name: /Roadmap ②/ }).waitFor();
      expect(await htmlLang(page)).toBe('en');
      const svg = await chartOf(page);
      expect(await svg.textContent()).toContain('FY2024 (R6)');
      await openPhaseTable(page, /Phases of Roadmap ②/);
      await expectNoAxeViolations(page);
    });
  });

  it('fits a 360 px screen, scrolling the chart inside its labelled region', async () => {
    await withPage(
      async (page, baseUrl) => {
        await page.goto(`${baseUrl}/plans/${SLUG}/sheets/2/timeline`);
        const region = page.getByRole('region', { name: /^工程表②のタイムライン/ });
        await chartOf(region);
        const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(pageWidth).toBeLessThanOrEqual(360);
        const scroll = await region.evaluate((element) => ({
          scrollWidth: element.scrollWidth,
          clientWidth: element.clientWidth,
        }));
        expect(scroll.scrollWidth).toBeGreaterThan(scroll.clientWidth);

        // Keyboard: the region takes focus and scrolls with the arrow keys.
        await region.focus();
        await page.keyboard.press('ArrowRight');
        await page.keyboard.press('ArrowRight');
        await expect.poll(() => region.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
      },
      { width: 360, height: 780 },
    );
  });
});

describe('roadmap timeline of the whole plan', () => {
  it('lists every sheet, ① and ② among them, with a chart each, in English', async () => {
    await withPage(async (page, baseUrl) => {
      await page.goto(`${baseUrl}/plans/${SLUG}/timeline?lang=en`);
      await page.getByRole('heading', { level: 1, name: /Timeline of the whole plan/ }).waitFor();
      expect(await htmlLang(page)).toBe('en');

      for (const number of ['①', '②']) {
        const heading = page.getByRole('heading', { level: 2, name: new RegExp(`^Roadmap ${number}`) });
        expect(await heading.isVisible()).toBe(true);
        const region = page.getByRole('region', { name: new RegExp(`^Timeline of Roadmap ${number}`) });
        await chartOf(region);
      }
      const sheetHeadings = await page.getByRole('heading', { level: 2, name: /^Roadmap / }).count();
      expect(sheetHeadings).toBeGreaterThanOrEqual(2);
      await expect.poll(() => page.locator('.timeline-chart svg[role="img"]').count()).toBe(sheetHeadings);

      await saveScreenshot(page, 'timeline-plan-en.png');
      await expectNoAxeViolations(page);
    });
  });

  it('is reached from the plan page and passes axe in Japanese', async () => {
    await withPage(async (page, baseUrl) => {
      await page.goto(`${baseUrl}/plans/${SLUG}`);
      await page.getByRole('link', { name: '全体のタイムラインを見る' }).click();
      await page.waitForURL(`${baseUrl}/plans/${SLUG}/timeline`);
      await page.getByRole('heading', { level: 2, name: /^工程表①/ }).waitFor();
      expect(await page.getByRole('heading', { level: 2, name: /^工程表②/ }).isVisible()).toBe(true);
      await chartOf(page.getByRole('region', { name: /^工程表①のタイムライン/ }));
      await chartOf(page.getByRole('region', { name: /^工程表②のタイムライン/ }));
      await expectNoAxeViolations(page);
    });
  });
});

describe('reposts and open-ended phases', () => {
  // The sample plan has neither, so the browser's copy of the API answer gets both: sheet ② lists sheet ①'s
  // first measure again as 再掲, and one of its own measures gains a phase with no end.
  interface PlanJson {
    sheets: Array<{ measures: Array<{ isRepost: boolean; phases: unknown[] }> }>;
  }

  it('draws a reposted measure once, pointing at its original sheet, and an open-ended phase to the axis end', async () => {
    await withPage(async (page, baseUrl) => {
      // The plan read, whatever its query (the timeline asks ?base=1 for the original periods).
      await page.route(
        (url) => url.pathname === `/api/plans/${SLUG}`,
        async (route) => {
          const response = await route.fetch();
          const plan = (await response.json()) as PlanJson;
          const [first, second] = plan.sheets;
          const original = first?.measures[0];
          if (!original || !second?.measures[0]) throw new Error('the sample plan changed shape');
          second.measures.push({ ...original, isRepost: true });
          second.measures[0].phases.push({
            id: '00000000-0000-4000-8000-00000000e2e0',
            text: '継続的な運用と改善',
            period: { start: '2026-04-01', end: null, fiscalYear: 2026, label: '2026年度～' },
            status: 'not_started',
          });
          await route.fulfill({ response, json: plan });
        },
      );
      await page.goto(`${baseUrl}/plans/${SLUG}/timeline`);
      const sheetTwo = page.getByRole('region', { name: /^工程表②のタイムライン/ });
      const svg = await chartOf(sheetTwo);
      await chartOf(page.getByRole('region', { name: /^工程表①のタイムライン/ }));

      // Shown once: the repost's row names the sheet that draws its bars; its phases are drawn on ① only.
      expect(await svg.textContent()).toContain('（再掲：工程は工程表①に表示）');
      const drawn = await page.evaluate(
        () =>
          Array.from(document.querySelectorAll('.timeline-chart svg title')).filter((title) =>
            title.textContent.includes('創薬エコシステムサミット開催'),
          ).length,
      );
      expect(drawn).toBe(1);
      const table = await openPhaseTable(page, /工程表②の工程/);
      const repost = phaseRow(table, MEASURE_TITLE);
      expect(
        await repost.getByRole('link', { name: /再掲：工程は工程表①に表示しています/ }).getAttribute('href'),
      ).toBe(`/plans/${SLUG}/timeline#timeline-sheet-1`);

      // Open-ended: an arrowhead at the axis end, and "期限なし" in the table.
      expect(await svg.locator('.timeline-open-end path').count()).toBe(1);
      expect(await phaseRow(table, '継続的な運用と改善').textContent()).toContain('期限なし（継続）');

      await expectNoAxeViolations(page);
    });
  });
});

describe('measure page', () => {
  /** Opens the measure page the way a reader does: from its title on the plan page. */
  async function openMeasure(page: Page, baseUrl: string): Promise<string> {
    await page.goto(`${baseUrl}/plans/${SLUG}`);
    await page.getByRole('link', { name: MEASURE_TITLE }).first().click();
    await page.waitForURL(new RegExp(`/plans/${SLUG}/measures/[0-9a-f-]{36}$`));
    await page.getByRole('heading', { level: 1, name: new RegExp(MEASURE_TITLE) }).waitFor();
    return page.url();
  }

  it('shows the KPI, the progress tagged 【厚】 and the 30億円 project, in Japanese', async () => {
    await withPage(async (page, baseUrl) => {
      await openMeasure(page, baseUrl);
      expect(await htmlLang(page)).toBe('ja');

      const crumbs = page.getByRole('navigation', { name: 'パンくずリスト' });
      expect(await crumbs.getByRole('link', { name: '計画一覧' }).isVisible()).toBe(true);
      expect(await crumbs.getByRole('link', { name: /創薬力の向上/ }).isVisible()).toBe(true);
      expect(await crumbs.locator('[aria-current="page"]').textContent()).toBe('施策');

      // KPI: 外資系製薬企業の数, 14 (R10), from 7 (R5).
      const kpis = page.getByRole('table', { name: 'KPI の基準値と目標値' });
      const kpi = kpis.getByRole('row').filter({ hasText: '外資系製薬企業の数' });
      expect(await kpi.count()).toBe(1);
      const target = kpi.getByRole('cell').nth(1);
      expect(await target.textContent()).toMatch(/^14\s*\(R10\)/);
      expect(await target.textContent()).toContain('令和10年度 (2028)');
      expect(await kpi.getByRole('cell').nth(0).textContent()).toMatch(/^7\s*\(R5\)/);

      // Progress of the 2025-06-30 round, tagged with the ministry.
      const progress = page.getByRole('region', { name: '進捗状況' });
      expect(
        await progress.getByRole('heading', { level: 3, name: /2025年6月末時点フォローアップ/ }).count(),
      ).toBe(1);
      const bullet = progress.getByRole('listitem').filter({ hasText: '創薬力向上のための官民協議会' });
      expect(await bullet.textContent()).toContain('【厚】');

      // Budget: 創薬エコシステム発展支援事業 with 30億円, and its total.
      const projects = page.getByRole('region', { name: '該当事業' });
      const project = projects.getByRole('article', { name: /創薬エコシステム発展支援事業/ });
      expect(await project.getByRole('cell', { name: '30億円', exact: true }).count()).toBe(2);
      expect(
        await project.getByRole('row').filter({ hasText: '合計（内数を除く）' }).textContent(),
      ).toContain('30億円');

      // Phases with their status at the reference date, and where the measure came from.
      const phases = page.getByRole('region', { name: '工程（スケジュール）' });
      expect(
        await phases.getByRole('listitem').filter({ hasText: '創薬エコシステムサミット開催' }).textContent(),
      ).toMatch(/未報告.*2024年夏/);
      const source = page.getByRole('complementary', { name: '取込元（原文）' });
      expect(await source.isVisible()).toBe(true);
      expect(
        (await source.locator('pre').count()) + (await source.getByText('手入力').count()),
      ).toBeGreaterThan(0);

      await saveScreenshot(page, 'measure-ja.png');
      await expectNoAxeViolations(page);
    });
  });

  it('passes axe in English and writes money for English readers', async () => {
    await withPage(async (page, baseUrl) => {
      const url = await openMeasure(page, baseUrl);
      await page.goto(`${url}?lang=en`);
      await page.getByRole('heading', { level: 2, name: 'Output KPIs' }).waitFor();
      expect(await htmlLang(page)).toBe('en');
      expect(await page.getByRole('navigation', { name: 'Breadcrumb' }).isVisible()).toBe(true);
      expect(await page.getByRole('cell', { name: '¥3 billion', exact: true }).count()).toBe(2);
      await expectNoAxeViolations(page);
    });
  });

  it('links back to the timeline of its sheet, keeping the reference date', async () => {
    await withPage(async (page, baseUrl) => {
      const url = await openMeasure(page, baseUrl);
      await page.goto(`${url}?at=2024-07-01`);
      await page.getByRole('link', { name: 'タイムラインで見る' }).click();
      await page.waitForURL(`${baseUrl}/plans/${SLUG}/sheets/1/timeline?at=2024-07-01`);
      await referenceLine(page, '2024-07-01');
    });
  });

  it('says so when the measure does not exist', async () => {
    await withPage(async (page, baseUrl) => {
      await page.goto(`${baseUrl}/plans/${SLUG}/measures/00000000-0000-4000-8000-000000000000`);
      await page.getByRole('heading', { level: 1, name: '施策が見つかりません' }).waitFor();
      await page.goto(`${baseUrl}/plans/${SLUG}/measures/not-a-measure`);
      await page.getByRole('heading', { level: 1, name: '施策が見つかりません' }).waitFor();
    });
  });
});
