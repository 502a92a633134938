import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { signIn } from './support/auth.js';
import { callApi, openRound } from './support/api.js';
import { expectNoAxeViolations, htmlLang, saveScreenshot } from './support/page.js';
import { useKotei } from './support/fixture.js';

// 正誤 on the sample plan's published round through the measure page's form, and the handover of a 厚 reporter's
// open part on /admin/grants: the server's clock is E2E_CLOCK (2025-07-15, Japan), and the day after the handover
// is a restart of the server with its clock one day on.
const SLUG = 'drug-discovery-2024';
// The sample's round published this measure's bullets, and the other measure's actuals (22 and 86).
const BULLET_MEASURE = '臨床研究中核病院の承認要件の見直し';
const ACTUAL_MEASURE = '小児・難病・希少疾病用医薬品の開発促進';
const CORRECTED_KPI = '小児用医薬品の開発計画の策定件数';
const SAMPLE_ROUND = '2025年6月末時点フォローアップ';
const BULLET_TEXT = '（正誤）訂正後の記載: 開発計画の策定を支援した';
const BULLET_REASON = '公表後に記載の誤りが判明したため';
const ACTUAL_REASON = '集計漏れ（1件）の訂正';
const HANDOVER_MEASURE = BULLET_MEASURE;
const NEXT_DAY = '2025-07-16T09:00:00+09:00';

const kotei = useKotei();
const { withPage } = kotei;
const people = {
  coordinator: { login: 'coord-kato', password: '' },
  predecessor: { login: 'mhlw-yamada', password: '' },
  successor: { login: 'mhlw-kimura', password: '' },
  admin: { login: '', password: '' },
};
let partPath = '';

beforeAll(async () => {
  const server = kotei.server();
  people.coordinator.password = await server.addUser(people.coordinator.login, 'coordinator');
  people.predecessor.password = await server.addUser(people.predecessor.login, 'ministry', '厚');
  // The successor is a viewer until the admin grants the 厚 part below, from the day after.
  people.successor.password = await server.addUser(people.successor.login, 'viewer');
  people.admin = { login: server.adminLogin, password: server.adminPassword };
});

async function as(page: Page, baseUrl: string, who: keyof typeof people): Promise<void> {
  await signIn(page, baseUrl, people[who].login, people[who].password);
}

/** The measure's id in the sample plan, read from the public API. */
async function measureIdOf(page: Page, baseUrl: string, title: string): Promise<string> {
  await page.goto(`${baseUrl}/`);
  const tree = await callApi<{ sheets: { measures: { id: string; title: string }[] }[] }>(
    page,
    'GET',
    `/api/plans/${SLUG}`,
  );
  const found = tree.sheets.flatMap((s) => s.measures).find((m) => m.title === title);
  if (!found) throw new Error(`the sample has no measure ${title}`);
  return found.id;
}

describe('正誤 (corrections) of a published round, through the measure page', () => {
  let bulletPage = '';
  let actualPage = '';

  it('lets the coordinator correct a bullet and an actual, each with a required reason', async () => {
    await withPage(async (page, baseUrl) => {
      await as(page, baseUrl, 'coordinator');
      bulletPage = `/plans/${SLUG}/measures/${await measureIdOf(page, baseUrl, BULLET_MEASURE)}`;
      actualPage = `/plans/${SLUG}/measures/${await measureIdOf(page, baseUrl, ACTUAL_MEASURE)}`;
      await page.goto(`${baseUrl}${bulletPage}`);
      const form = page.getByRole('region', { name: '正誤を登録' });
      await form.waitFor();

      // Nothing chosen and no reason: each field says what it lacks.
      await form.getByRole('button', { name: '正誤を登録する' }).click();
      await form.getByRole('alert').filter({ hasText: '入力内容を確認してください。' }).waitFor();
      const reason = form.getByLabel('訂正の理由（必須）');
      await expect.poll(() => reason.getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator(`#${await reason.getAttribute('aria-describedby')}`).innerText()).toBe(
        '訂正の理由を入力してください。',
      );
      await expectNoAxeViolations(page);

      // A bullet: its published text is offered for editing; the reason is still required.
      const bullet = form.getByLabel('訂正する記載');
      await bullet.selectOption({ index: 1 });
      const original = await form.getByLabel('正しい記載').inputValue();
      expect(original).not.toBe('');
      await form.getByLabel('正しい記載').fill(BULLET_TEXT);
      await form.getByRole('button', { name: '正誤を登録する' }).click();
      await expect.poll(() => reason.getAttribute('aria-invalid')).toBe('true');
      await reason.fill(BULLET_REASON);
      await form.getByRole('button', { name: '正誤を登録する' }).click();
      const corrections = page.getByRole('region', { name: '正誤', exact: true });
      await corrections.getByRole('status').filter({ hasText: '正誤を登録しました。' }).waitFor();
      const entry = corrections.locator('li[data-correction-kind="bullet"]');
      expect(await entry.locator('del').innerText()).toBe(original);
      expect(await entry.locator('ins').innerText()).toBe(BULLET_TEXT);
      expect(await entry.innerText()).toContain(BULLET_REASON);
      expect(await entry.innerText()).toContain(SAMPLE_ROUND);

      await expectNoAxeViolations(page);

      // An actual, on the other measure's page: the round's value of the KPI, 22 as published.
      await page.goto(`${baseUrl}${actualPage}`);
      await form.getByRole('radio', { name: 'KPIの実績値' }).check();
      await form.getByLabel('フォローアップ').selectOption({ label: SAMPLE_ROUND });
      await form.getByLabel('KPI', { exact: true }).selectOption({ label: CORRECTED_KPI });
      await form.getByLabel('正しい値').fill('二十三');
      await form.getByLabel('訂正の理由（必須）').fill(ACTUAL_REASON);
      await form.getByRole('button', { name: '正誤を登録する' }).click();
      const value = form.getByLabel('正しい値');
      await expect.poll(() => value.getAttribute('aria-invalid')).toBe('true');
      await value.fill('23');
      await form.getByRole('button', { name: '正誤を登録する' }).click();
      await corrections.getByRole('status').filter({ hasText: '正誤を登録しました。' }).waitFor();
      const actual = corrections.locator('li[data-correction-kind="actual"]');
      await actual.waitFor();
      expect(await actual.locator('del').innerText()).toBe('22');
      expect(await actual.locator('ins').innerText()).toBe('23');
      await expectNoAxeViolations(page);
      await saveScreenshot(page, 'corrections-form.png');
    });
  });

  it('shows the public (signed out) the original, the correction and the reason, in Japanese and English', async () => {
    await withPage(async (page, baseUrl) => {
      await page.goto(`${baseUrl}${bulletPage}`);
      const corrections = page.getByRole('region', { name: '正誤', exact: true });
      await corrections.waitFor();
      expect(await page.getByRole('region', { name: '正誤を登録' }).count()).toBe(0);
      const text = await corrections.innerText();
      for (const shown of [BULLET_TEXT, BULLET_REASON, '誤（公表時）', '正', '理由']) {
        expect(text).toContain(shown);
      }
      // The progress shows the corrected text; the published one is kept in the 正誤 list only.
      expect(await page.locator('.progress-item__text').filter({ hasText: BULLET_TEXT }).count()).toBe(1);
      await expectNoAxeViolations(page);

      await page.goto(`${baseUrl}${actualPage}`);
      const actual = corrections.locator('li[data-correction-kind="actual"]');
      await actual.waitFor();
      expect(await actual.innerText()).toContain(ACTUAL_REASON);
      await expectNoAxeViolations(page);

      await page.goto(`${baseUrl}${actualPage}?lang=en`);
      const english = page.getByRole('region', { name: 'Corrections (正誤)' });
      await english.waitFor();
      expect(await htmlLang(page)).toBe('en');
      expect(await english.innerText()).toContain('As published');
      expect(await english.innerText()).toContain(ACTUAL_REASON);
      await expectNoAxeViolations(page);
    });
  });
});

describe('the handover of a 厚 reporter (担当の引き継ぎ) on /admin/grants', () => {
  it('has an open 厚 part for the predecessor, who saves a draft in it', async () => {
    await withPage(async (page, baseUrl) => {
      await as(page, baseUrl, 'coordinator');
      const measureId = await measureIdOf(page, baseUrl, HANDOVER_MEASURE);
      const roundId = await openRound(page, SLUG, '2025-07-10', [measureId]);
      const board = await callApi<{ parts: { id: string; ministry: string }[] }>(
        page,
        'GET',
        `/api/plans/${SLUG}/rounds/${roundId}`,
      );
      const part = board.parts.find((p) => p.ministry === '厚');
      if (!part) throw new Error('the round has no 厚 part');
      partPath = `/plans/${SLUG}/rounds/${roundId}/parts/${part.id}`;
    });
    await withPage(async (page, baseUrl) => {
      await as(page, baseUrl, 'predecessor');
      await page.goto(`${baseUrl}/tasks`);
      await page.getByRole('link', { name: HANDOVER_MEASURE }).waitFor();
      expect(await page.locator('[data-handover]').count()).toBe(0);
      await page.goto(`${baseUrl}${partPath}`);
      await page.getByRole('button', { name: '進捗状況を追加する' }).click();
      await page.getByLabel('進捗状況 1', { exact: true }).fill('前任者の下書き');
      await page.getByRole('button', { name: '保存する' }).click();
      await page.locator('[data-save-status="saved"][data-dirty="false"]').waitFor();
    });
  });

  it("lets the admin end the predecessor's grant today and grant the successor 厚 from tomorrow", async () => {
    await withPage(async (page, baseUrl) => {
      await as(page, baseUrl, 'admin');
      await page.goto(`${baseUrl}/admin/grants`);
      await page.getByRole('heading', { level: 1, name: '担当（任期）の管理' }).waitFor();
      await page
        .getByRole('button', { name: `${people.predecessor.login} の 府省の報告担当 を本日で終了` })
        .click();
      await page.getByRole('status').filter({ hasText: '担当を終了しました。' }).waitFor();
      const ended = page.locator(`tr[data-grant-login="${people.predecessor.login}"]`);
      expect(await ended.locator('td').nth(4).innerText()).toBe('2025-07-15');

      await page.getByLabel('ログイン名').fill(people.successor.login);
      await page.getByLabel('役割').selectOption({ label: '府省の報告担当' });
      await page.getByLabel('府省').fill('厚');
      await page.getByLabel('開始日').fill('2025-07-16');
      await page.getByRole('button', { name: '追加する' }).click();
      await page.getByRole('status').filter({ hasText: '担当を追加しました。' }).waitFor();
      const added = page
        .locator(`tr[data-grant-login="${people.successor.login}"]`)
        .filter({ hasText: '府省の報告担当' });
      expect(await added.locator('td').nth(3).innerText()).toBe('2025-07-16');
      expect(await added.locator('td').nth(5).innerText()).toBe('無効');
      await expectNoAxeViolations(page);
      await saveScreenshot(page, 'grants-handover.png');
    });
  });

  it('the next day lists the open part to the successor marked 引き継ぎ, and the predecessor may no longer save it', async () => {
    await kotei.server().restart(NEXT_DAY);
    await withPage(async (page, baseUrl) => {
      await as(page, baseUrl, 'successor');
      await page.goto(`${baseUrl}/tasks`);
      const task = page.locator('li[data-task-state]').filter({ hasText: HANDOVER_MEASURE });
      await task.waitFor();
      expect(await task.locator('[data-handover="true"]').innerText()).toContain(
        `引き継ぎ（${people.predecessor.login} さんから）`,
      );
      await expectNoAxeViolations(page);
      await page.goto(`${baseUrl}/tasks?lang=en`);
      await page.locator('[data-handover="true"]').waitFor();
      await expectNoAxeViolations(page);
      // The predecessor's draft is there for the successor to carry on.
      await page.goto(`${baseUrl}${partPath}?lang=ja`);
      expect(await page.getByLabel('進捗状況 1', { exact: true }).inputValue()).toBe('前任者の下書き');
    });
    await withPage(async (page, baseUrl) => {
      await as(page, baseUrl, 'predecessor');
      await page.goto(`${baseUrl}${partPath}`);
      const why = page.locator('[data-no-grant="true"]');
      await why.waitFor();
      expect(await why.innerText()).toContain('今日有効な担当（任期）がないため');
      expect(await page.getByRole('button', { name: '保存する' }).count()).toBe(0);
      // Nor can it save through the API its page would call.
      const part = `/api${partPath}`;
      await expect(
        callApi(page, 'PUT', part, { version: 1, bullets: ['任期後の書き込み'], actuals: [], phases: [] }),
      ).rejects.toThrow(/403/);
      await expectNoAxeViolations(page);
      await page.goto(`${baseUrl}/tasks`);
      await why.waitFor();
      expect(await page.locator('li[data-task-state]').count()).toBe(0);
      await expectNoAxeViolations(page);
    });
  });
});
