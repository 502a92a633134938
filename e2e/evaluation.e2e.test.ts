import { describe, expect, it } from 'vitest';
import { signIn } from './support/auth.js';
import { callApi, openRound, publishWholeRound } from './support/api.js';
import { ARTIFACTS, expectNoAxeViolations, htmlLang, saveScreenshot } from './support/page.js';
import { useKotei } from './support/fixture.js';

// The sample plan at the fixed clock of every end-to-end run; its latest round is 2025年6月末時点.
const SLUG = 'drug-discovery-2024';
const DASHBOARD = `/plans/${SLUG}/dashboard`;
const COMMENT =
  '国際共同治験の相談体制は整いつつあるが、海外の製薬企業への周知が十分でなく、相談件数は目標に届いていない。';

const kotei = useKotei();
const { withPage } = kotei;
// The round the experts evaluate: opened by the test before publication, published at the end.
let roundId = '';

describe('expert evaluation on the dashboard', () => {
  it('shows an empty state to a visitor, without a form', async () => {
    await withPage(async (page, baseUrl) => {
      await page.goto(`${baseUrl}${DASHBOARD}`);
      const section = page.getByRole('region', { name: '有識者による総合評価', exact: true });
      await section.getByText('このフォローアップについての総合評価はまだありません。').waitFor();
      expect(await section.getByText(/対象のフォローアップ: 2025年6月末時点/).count()).toBe(1);
      expect(await section.getByRole('form').count()).toBe(0);
    });
  });

  it('lets a signed-in evaluator write one: errors name their field, the new evaluation is listed and focused', async () => {
    const server = kotei.server();
    await withPage(async (page, baseUrl) => {
      // The admin holds evaluation:write, as experts do. Experts evaluate a round before it is published: the
      // coordinator opens one (on one measure, to keep its publication short), and the form offers it.
      await signIn(page, baseUrl, server.adminLogin, server.adminPassword);
      const plan = await callApi<{ sheets: { measures: { id: string }[] }[] }>(
        page,
        'GET',
        `/api/plans/${SLUG}`,
      );
      roundId = await openRound(page, SLUG, '2025-07-01', [plan.sheets[0]?.measures[0]?.id ?? '']);
      await page.goto(`${baseUrl}${DASHBOARD}`);
      await page.getByText(/対象のフォローアップ: 2025-07-01時点フォローアップ/).waitFor();
      const section = page.getByRole('region', { name: '有識者による総合評価', exact: true });
      const form = section.getByRole('form', { name: '総合評価を記入する' });
      await form.waitFor();

      // Sent without a rating or a comment: the server's answer names both fields in an alert.
      await form.getByLabel('評価の対象').selectOption({ label: '工程表② 国際水準の臨床試験実施体制' });
      await form.getByRole('button', { name: '総合評価を登録する' }).click();
      const alert = form.getByRole('alert');
      await alert.waitFor();
      const alertText = await alert.innerText();
      expect(alertText).toContain('評価: 評価を選んでください。');
      expect(alertText).toContain('コメント: コメントを入力してください');
      await expect.poll(() => form.getByLabel('コメント').getAttribute('aria-invalid')).toBe('true');
      await expectNoAxeViolations(page);

      await form.getByRole('radio', { name: '課題あり', exact: true }).check();
      await form.getByLabel('コメント').fill(COMMENT);
      await form.getByRole('button', { name: '総合評価を登録する' }).click();

      const status = section.getByRole('status').filter({ hasText: '工程表②の総合評価を登録しました。' });
      await status.waitFor();
      const group = section.getByRole('region', { name: /^工程表② 国際水準の臨床試験実施体制/ });
      const item = group.getByRole('listitem').filter({ hasText: COMMENT });
      await item.waitFor();
      expect(await item.locator('[data-rating]').innerText()).toBe('課題あり');
      expect(await item.getByText('令和7年7月15日 (2025年7月15日)').count()).toBe(1);
      expect(await form.getByRole('alert').count()).toBe(0);
      expect(await form.getByLabel('コメント').inputValue()).toBe('');
      // Focus lands on the evaluation just written.
      await page.waitForFunction(() => document.activeElement?.hasAttribute('data-evaluation-id') === true);
      expect(await item.evaluate((el) => el === document.activeElement)).toBe(true);

      // The same target again in this round: refused, and the alert says why, naming the target field.
      await form.getByRole('radio', { name: '概ね進展', exact: true }).check();
      await form.getByLabel('コメント').fill('二度目の評価');
      await form.getByRole('button', { name: '総合評価を登録する' }).click();
      await form.getByRole('alert').filter({ hasText: '評価の対象: この対象には' }).waitFor();
      expect(await group.getByRole('listitem').count()).toBe(1);

      await saveScreenshot(page, 'evaluation-ja.png');
      await section.screenshot({ path: `${ARTIFACTS}evaluation-section-ja.png` });
      await expectNoAxeViolations(page);
    });
  });

  it('reads the same section and form in English without axe violations', async () => {
    const server = kotei.server();
    await withPage(async (page, baseUrl) => {
      await signIn(page, baseUrl, server.adminLogin, server.adminPassword);
      await page.goto(`${baseUrl}${DASHBOARD}?lang=en`);
      const section = page.getByRole('region', { name: 'Expert evaluation', exact: true });
      await section.getByRole('form', { name: 'Write an evaluation' }).waitFor();
      await section.getByText(COMMENT).waitFor();
      expect(await section.locator('[data-rating]').first().innerText()).toBe('Concerns');
      expect(await htmlLang(page)).toBe('en');
      await expectNoAxeViolations(page);
    });
  });

  it('fits a 360px screen', async () => {
    const server = kotei.server();
    await withPage(
      async (page, baseUrl) => {
        await signIn(page, baseUrl, server.adminLogin, server.adminPassword);
        await page.goto(`${baseUrl}${DASHBOARD}#dashboard-evaluation`);
        const section = page.getByRole('region', { name: '有識者による総合評価', exact: true });
        await section.getByText(COMMENT).waitFor();
        const overflow = await section.evaluate((el) => el.scrollWidth - el.clientWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        await saveScreenshot(page, 'evaluation-360.png');
        await section.screenshot({ path: `${ARTIFACTS}evaluation-section-360.png` });
      },
      { width: 360, height: 800 },
    );
  });

  it('finds the evaluation by search as a 総合評価 hit once its round is published', async () => {
    const server = kotei.server();
    await withPage(async (page, baseUrl) => {
      await page.goto(`${baseUrl}/search?q=${encodeURIComponent('国際共同治験の相談体制')}`);
      await page
        .getByText(/の検索結果：\d+件/)
        .first()
        .waitFor();
      expect(await page.locator('.search-hit[data-type="evaluation"]').count()).toBe(0);
      await signIn(page, baseUrl, server.adminLogin, server.adminPassword);
      await publishWholeRound(page, SLUG, roundId);
      await page.goto(`${baseUrl}/search?q=${encodeURIComponent('国際共同治験の相談体制')}`);
      const hit = page.locator('.search-hit[data-type="evaluation"]');
      await hit.first().waitFor();
      expect(await hit.count()).toBe(1);
      expect(await hit.locator('.search-type').innerText()).toBe('総合評価');
      expect(await hit.getByRole('heading').innerText()).toBe('総合評価（工程表②）');
      expect(await hit.getAttribute('data-sheet')).toBe('2');
      // It leads to the evaluations of its round on the dashboard.
      await hit.getByRole('heading').getByRole('link').click();
      await page.waitForURL(/\/dashboard\?round=[0-9a-f-]+#dashboard-evaluation$/);
      await page.getByText('国際共同治験の相談体制', { exact: false }).first().waitFor();
    });
  });
});
