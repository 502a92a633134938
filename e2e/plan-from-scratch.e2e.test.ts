import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { signIn } from './support/auth.js';
import { expectNoAxeViolations } from './support/page.js';
import { useKotei } from './support/fixture.js';

// A plan written in kotei from nothing (#13), with no import anywhere: a coordinator creates it in the browser,
// adds a sheet, a measure for 厚, a phase and a KPI, and adopts it (策定); a round is opened on it, the 厚
// reporter reports, the coordinator approves and publishes, and the public pages show what was reported.
const SLUG = 'care-workforce-2025';
const PLAN = '介護人材確保の推進計画';
const SHEET = '介護人材の確保';
const MEASURE = '介護職員の処遇改善';
const PHASE = '処遇改善加算の拡充';
const KPI = '介護職員数';
const ROUND = '2025年7月時点フォローアップ';
const BULLET = '処遇改善加算の拡充に向けて検討会で議論を開始した【厚】';

const kotei = useKotei();
const { withPage } = kotei;
const people = {
  coordinator: { login: 'coord-scratch', password: '' },
  mhlw: { login: 'mhlw-scratch', password: '' },
};

beforeAll(async () => {
  const server = kotei.server();
  people.coordinator.password = await server.addUser(people.coordinator.login, 'coordinator');
  people.mhlw.password = await server.addUser(people.mhlw.login, 'ministry', '厚');
});

async function as(page: Page, baseUrl: string, who: keyof typeof people): Promise<void> {
  await signIn(page, baseUrl, people[who].login, people[who].password);
}

/** Unfolds an add form under `scope` and returns the form. */
async function addForm(scope: Locator, name: string): Promise<Locator> {
  await scope.locator('summary', { hasText: name }).first().click();
  return scope.getByRole('form', { name }).first();
}

/** Submits an add form and waits for the draft's answer; resolves to its status. */
async function submitEdit(page: Page, form: Locator, name: string): Promise<number> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/draft/edits')),
    form.getByRole('button', { name }).click(),
  ]);
  return response.status();
}

function boardRow(page: Page, ministry: string): Locator {
  return page
    .locator('tr[data-part-id]')
    .filter({ hasText: MEASURE })
    .filter({ has: page.getByRole('cell', { name: ministry, exact: true }) });
}

describe('a plan from scratch, reported on and published', () => {
  it('lets a coordinator create a plan and build it in the browser, with field errors from the API', async () => {
    await withPage(async (page, baseUrl) => {
      await as(page, baseUrl, 'coordinator');
      await page.getByRole('link', { name: '新しい計画を作成' }).click();
      await page.getByRole('heading', { level: 1, name: '新しい計画を作成' }).waitFor();
      await page.getByLabel('計画の名称').fill(PLAN);
      await page.getByLabel('URL用の識別子').fill(SLUG);
      await page.getByLabel('所管').fill('厚生労働省 社会・援護局');
      await page.getByLabel('開始年度').fill('2028');
      await page.getByLabel('終了年度').fill('2023');
      await page.getByRole('button', { name: '計画を作成する' }).click();
      // The horizon ending before it starts is refused on its field.
      const to = page.getByLabel('終了年度');
      await page.locator('[aria-invalid="true"]').first().waitFor();
      await expect.poll(() => to.getAttribute('aria-invalid')).toBe('true');
      expect(await page.getByRole('alert').filter({ hasText: 'horizon.from' }).count()).toBe(1);
      await expectNoAxeViolations(page);
      await page.getByLabel('開始年度').fill('2023');
      await to.fill('2028');
      await page.getByRole('button', { name: '計画を作成する' }).click();
      await page.waitForURL(`${baseUrl}/plans/${SLUG}/authoring`);
      await page.getByText('第1版をもとにした案（版 0）').waitFor();

      const sheetForm = await addForm(page.locator('article.authoring'), '工程表を追加');
      await sheetForm.getByLabel('工程表の名称').fill(SHEET);
      expect(await submitEdit(page, sheetForm, '工程表を追加')).toBe(200);
      const sheet = page.getByRole('region', { name: SHEET });
      await sheet.waitFor();

      const measureForm = await addForm(sheet, '施策を追加');
      await measureForm.getByLabel('施策名').fill(MEASURE);
      await measureForm.getByLabel('厚生労働省（厚）').check();
      expect(await submitEdit(page, measureForm, '施策を追加')).toBe(200);
      const measure = page.locator('.authoring-measure').filter({ hasText: MEASURE });
      await measure.waitFor();

      // A phase outside the horizon is refused beside its period; then placed in 2025年度.
      const phaseForm = await addForm(measure, '工程を追加');
      await phaseForm.getByLabel('工程の内容').fill(PHASE);
      await phaseForm.getByLabel('時期').fill('2031年度');
      expect(await submitEdit(page, phaseForm, '工程を追加')).toBe(400);
      const period = phaseForm.getByLabel('時期');
      await phaseForm.locator('[aria-invalid="true"]').waitFor();
      await expect.poll(() => period.getAttribute('aria-invalid')).toBe('true');
      const periodError = await period.getAttribute('aria-describedby');
      expect(
        await phaseForm
          .getByRole('alert')
          .filter({ hasText: /horizon|2031/ })
          .count(),
      ).toBe(1);
      expect(periodError).toBeTruthy();
      await expectNoAxeViolations(page);
      await period.fill('2025年度');
      expect(await submitEdit(page, phaseForm, '工程を追加')).toBe(200);
      await measure.locator('[data-year="2025"] .authoring-phase', { hasText: PHASE }).waitFor();

      // A KPI whose target is not after its baseline is refused on the target's period.
      const kpiForm = await addForm(measure, 'KPIを追加');
      await kpiForm.getByLabel('KPIの名称').fill(KPI);
      await kpiForm.getByLabel('単位').fill('万人');
      await kpiForm.getByLabel('評価の型').selectOption('level');
      await kpiForm.getByLabel('望ましい方向').selectOption('increase');
      await kpiForm.getByLabel('基準値', { exact: true }).fill('212');
      await kpiForm.getByLabel('基準値の時期').fill('2023年度');
      await kpiForm.getByLabel('目標値（数値）').fill('240');
      await kpiForm.getByLabel('目標値の時期').fill('2022年度');
      expect(await submitEdit(page, kpiForm, 'KPIを追加')).toBe(400);
      await expect.poll(() => kpiForm.getByLabel('目標値の時期').getAttribute('aria-invalid')).toBe('true');
      await kpiForm.getByLabel('目標値の時期').fill('2028年度');
      expect(await submitEdit(page, kpiForm, 'KPIを追加')).toBe(200);
      await measure.locator('.authoring-kpi', { hasText: KPI }).waitFor();

      const pending = page.getByRole('region', { name: '未採択の変更' });
      const pendingText = await pending.innerText();
      for (const name of [SHEET, MEASURE, PHASE, KPI]) expect(pendingText).toContain(name);
      await expectNoAxeViolations(page);
      await pending.getByLabel('見直しの理由').fill('策定');
      await pending.getByRole('button', { name: '採択する' }).click();
      await page.getByText('第2版として採択しました。').waitFor();
    });
  });

  it('opens a round on the new plan; the 厚 reporter writes a bullet and an actual and submits', async () => {
    await withPage(async (page, baseUrl) => {
      await as(page, baseUrl, 'coordinator');
      await page.goto(`${baseUrl}/plans/${SLUG}/rounds`);
      const form = page.getByRole('region', { name: 'フォローアップを開始する' });
      await form.getByLabel(/^名称/).fill(ROUND);
      await form.getByLabel('基準日').fill('2025-07-10');
      await form.getByRole('button', { name: 'フォローアップを開始する' }).click();
      await page.getByRole('heading', { level: 1, name: new RegExp(ROUND) }).waitFor();
      expect(await page.locator('tr[data-part-id]').count()).toBe(1);
      expect(await boardRow(page, '厚').count()).toBe(1);
    });
    await withPage(async (page, baseUrl) => {
      await as(page, baseUrl, 'mhlw');
      await page.goto(`${baseUrl}/tasks`);
      await page
        .getByRole('region', { name: '作成・確認が必要なもの' })
        .getByRole('link', { name: MEASURE })
        .click();
      await page.getByRole('heading', { level: 1, name: new RegExp(MEASURE) }).waitFor();
      await page.getByRole('button', { name: '進捗状況を追加する' }).click();
      await page.getByLabel('進捗状況 1', { exact: true }).fill(BULLET);
      await page.getByRole('button', { name: '実績値を追加する' }).click();
      await page.getByLabel('KPI', { exact: true }).selectOption({ label: KPI });
      await page.getByLabel('値', { exact: true }).fill('220');
      await page.getByLabel('期間（例: 2024年度）').fill('2024年度');
      await page.getByLabel('出典').fill('介護サービス施設・事業所調査');
      await page.getByRole('button', { name: '保存する' }).click();
      await page.locator('[data-save-status="saved"][data-dirty="false"]').waitFor();
      await page.getByRole('button', { name: '提出する' }).click();
      await page.getByRole('status').filter({ hasText: '報告を提出しました。' }).waitFor();
    });
  });

  it('lets the coordinator approve and publish; the public pages show the measure, the KPI and the bullet', async () => {
    await withPage(async (page, baseUrl) => {
      await as(page, baseUrl, 'coordinator');
      await page.goto(`${baseUrl}/plans/${SLUG}/rounds`);
      await page.getByRole('link', { name: ROUND }).click();
      await boardRow(page, '厚').getByRole('link').click();
      await page.getByRole('button', { name: '承認する' }).click();
      await page.getByRole('status').filter({ hasText: '報告を承認しました。' }).waitFor();
      await page.goBack();
      await page.reload();
      await page.getByRole('button', { name: '公表する', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'フォローアップを公表しました。' }).waitFor();
      await page.locator('[data-round-state="published"]').waitFor();
    });
    await withPage(async (page, baseUrl) => {
      await page.goto(`${baseUrl}/plans/${SLUG}`);
      await page.getByRole('heading', { level: 1, name: new RegExp(PLAN) }).waitFor();
      await page.getByRole('heading', { level: 2, name: new RegExp(SHEET) }).waitFor();
      const measure = page.getByRole('heading', { name: new RegExp(MEASURE) }).first();
      await measure.waitFor();
      expect(await page.getByRole('row').filter({ hasText: KPI }).count()).toBeGreaterThan(0);
      await expectNoAxeViolations(page);
      await page.getByRole('link', { name: MEASURE }).first().click();
      await page.getByRole('heading', { level: 1, name: new RegExp(MEASURE) }).waitFor();
      await page.getByText(BULLET).first().waitFor();
      const kpi = page.locator('article.kpi-detail').filter({ hasText: KPI });
      expect(await kpi.innerText()).toContain('220万人');
      // 212 (2023年度) → 240 (2028年度): 220 in 2024年度 is ahead of the straight line.
      const status = kpi.getByRole('group', { name: /状況|状態/ });
      expect(await status.locator('[data-status]').first().getAttribute('data-status')).toBe('on_track');
      await expectNoAxeViolations(page);
    });
  });

  it('reads the new-plan form and the add forms in English without axe violations', async () => {
    await withPage(async (page, baseUrl) => {
      await as(page, baseUrl, 'coordinator');
      await page.goto(`${baseUrl}/new-plan?lang=en`);
      await page.getByRole('heading', { level: 1, name: 'Create a new plan' }).waitFor();
      await page.getByRole('group', { name: 'Horizon (fiscal years)' }).waitFor();
      await expectNoAxeViolations(page);
      await page.goto(`${baseUrl}/plans/${SLUG}/authoring?lang=en`);
      await page.getByRole('button', { name: 'Start a draft revision' }).click();
      const measure = page.locator('.authoring-measure').filter({ hasText: MEASURE });
      await addForm(measure, 'Add a KPI');
      await measure.getByRole('form', { name: 'Add a KPI' }).getByLabel('Target period').waitFor();
      await expectNoAxeViolations(page);
    });
  });
});
