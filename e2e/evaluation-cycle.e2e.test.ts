import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { signIn } from './support/auth.js';
import { callApi, openRound, publishWholeRound } from './support/api.js';
import { expectNoAxeViolations, saveScreenshot } from './support/page.js';
import { useKotei } from './support/fixture.js';

// Evaluations follow the cycle (#13): an expert edits then withdraws an evaluation of a round not yet published;
// the coordinating office writes the round's overall evaluation, which the public sees once the round is published.
const SLUG = 'drug-discovery-2024';
const DASHBOARD = `/plans/${SLUG}/dashboard`;
const FIRST = '治験の相談件数が伸び悩んでいる。';
const EDITED = '治験の相談件数は下期に持ち直した。';
const OVERALL =
  '各工程表とも概ね計画どおりに進捗しているが、国際共同治験の相談体制には引き続き強化が必要である。';

const kotei = useKotei();
const { withPage } = kotei;
const people = {
  expert: { login: 'e2e-expert-cycle', password: '' },
  coordinator: { login: 'e2e-coord-cycle', password: '' },
};
let roundId = '';

beforeAll(async () => {
  const server = kotei.server();
  people.expert.password = await server.addUser(people.expert.login, 'expert');
  people.coordinator.password = await server.addUser(people.coordinator.login, 'coordinator');
});

async function as(page: Page, baseUrl: string, who: keyof typeof people): Promise<void> {
  await signIn(page, baseUrl, people[who].login, people[who].password);
}

const evaluationsOf = (page: Page) => page.getByRole('region', { name: '有識者による総合評価', exact: true });

describe('evaluations follow the cycle', () => {
  it('lets an expert edit, then withdraw, an evaluation; the history keeps each version', async () => {
    await withPage(async (page, baseUrl) => {
      await as(page, baseUrl, 'coordinator');
      const plan = await callApi<{ sheets: { measures: { id: string }[] }[] }>(
        page,
        'GET',
        `/api/plans/${SLUG}`,
      );
      roundId = await openRound(page, SLUG, '2025-07-01', [plan.sheets[0]?.measures[0]?.id ?? '']);
    });
    await withPage(async (page, baseUrl) => {
      await as(page, baseUrl, 'expert');
      await page.goto(`${baseUrl}${DASHBOARD}`);
      const section = evaluationsOf(page);
      const form = section.getByRole('form', { name: '総合評価を記入する' });
      await form.waitFor();
      await form.getByLabel('評価の対象').selectOption({ label: '工程表② 国際水準の臨床試験実施体制' });
      await form.getByRole('radio', { name: '課題あり', exact: true }).check();
      await form.getByLabel('コメント').fill(FIRST);
      await form.getByRole('button', { name: '総合評価を登録する' }).click();
      const item = section.locator('li.evaluation');
      await item.filter({ hasText: FIRST }).waitFor();

      await item.getByRole('button', { name: '編集', exact: true }).click();
      const edit = item.getByRole('form', { name: '総合評価を編集する' });
      await edit.getByRole('radio', { name: '概ね進展', exact: true }).check();
      await edit.getByLabel('コメント').fill(EDITED);
      await edit.getByRole('button', { name: '変更を保存する' }).click();
      await section.getByRole('status').filter({ hasText: '総合評価を更新しました。' }).waitFor();
      const edited = item.filter({ hasText: EDITED });
      await edited.waitFor();
      expect(await edited.locator('[data-rating]').innerText()).toBe('概ね進展');
      expect(await edited.getByText('更新日').count()).toBe(1);
      await expectNoAxeViolations(page);

      await edited.getByRole('button', { name: '取り下げ', exact: true }).click();
      await edited.getByRole('button', { name: '取り下げる', exact: true }).click();
      await section.getByRole('status').filter({ hasText: '総合評価を取り下げました。' }).waitFor();
      await section.getByText('このフォローアップについての総合評価はまだありません。').waitFor();
      expect(await section.getByText(EDITED).count()).toBe(0);

      await section.getByText('変更履歴', { exact: true }).click();
      const history = section.locator('.evaluation-history__list li');
      await history.nth(2).waitFor();
      expect(await history.evaluateAll((items) => items.map((li) => li.getAttribute('data-action')))).toEqual(
        ['create', 'edit', 'withdraw'],
      );
      expect(await history.nth(0).innerText()).toContain(FIRST);
      expect(await history.nth(1).innerText()).toContain(EDITED);
      await saveScreenshot(page, 'evaluation-cycle-expert.png');
      await expectNoAxeViolations(page);
    });
  });

  it('lets the coordinating office write the overall evaluation, hidden from the public until publication', async () => {
    await withPage(async (page, baseUrl) => {
      await as(page, baseUrl, 'coordinator');
      await page.goto(`${baseUrl}${DASHBOARD}?round=${roundId}`);
      const section = evaluationsOf(page);
      await section.getByText('取りまとめはまだ記入されていません。').waitFor();
      await section.getByLabel('総合評価の取りまとめ').fill(OVERALL);
      await section.getByRole('button', { name: '取りまとめを保存する' }).click();
      await section.getByRole('status').filter({ hasText: '取りまとめを保存しました。' }).waitFor();
      await section.getByTestId('overall-evaluation').getByText(OVERALL).waitFor();
      await expectNoAxeViolations(page);
    });
    await withPage(async (page, baseUrl) => {
      await page.goto(`${baseUrl}${DASHBOARD}?round=${roundId}`);
      const section = evaluationsOf(page);
      await section.getByText(`指定されたフォローアップ（${roundId}）はこの計画にありません。`).waitFor();
      expect(await page.getByText(OVERALL).count()).toBe(0);
    });
  });

  it('shows the overall evaluation on the public page once the round is published, in Japanese and English', async () => {
    await withPage(async (page, baseUrl) => {
      await as(page, baseUrl, 'coordinator');
      await publishWholeRound(page, SLUG, roundId);
    });
    await withPage(async (page, baseUrl) => {
      await page.goto(`${baseUrl}${DASHBOARD}?round=${roundId}`);
      const section = evaluationsOf(page);
      await section.getByTestId('overall-evaluation').getByText(OVERALL).waitFor();
      // Published: no one edits it any more, and the withdrawn evaluation is not there.
      expect(await section.getByRole('textbox').count()).toBe(0);
      expect(await section.getByText(EDITED).count()).toBe(0);
      await saveScreenshot(page, 'evaluation-cycle-public.png');
      await expectNoAxeViolations(page);
      await page.goto(`${baseUrl}${DASHBOARD}?round=${roundId}&lang=en`);
      const english = page.getByRole('region', { name: 'Expert evaluation', exact: true });
      await english.getByRole('heading', { name: 'Compiled by the secretariat' }).waitFor();
      await english.getByText(OVERALL).waitFor();
      await expectNoAxeViolations(page);
    });
  });
});
