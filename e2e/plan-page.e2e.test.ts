import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, htmlLang, saveScreenshot } from './support/page.js';
import { useKotei } from './support/fixture.js';

const SLUG = 'drug-discovery-2024';

const kotei = useKotei();
const { withPage } = kotei;

describe('plan list', () => {
  it('shows the sample plan with its サンプルデータ badge, in Japanese', async () => {
    await withPage(async (page, baseUrl) => {
      await page.goto(`${baseUrl}/`);
      const link = page.getByRole('link', { name: /創薬力の向上/ });
      await link.waitFor();

      expect(await htmlLang(page)).toBe('ja');
      expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
      expect(await link.getAttribute('href')).toBe(`/plans/${SLUG}`);

      const card = page.getByRole('listitem').filter({ has: link });
      expect(await card.getByText('サンプルデータ', { exact: true }).isVisible()).toBe(true);

      await expectNoAxeViolations(page);
    });
  });
});

describe('plan page', () => {
  it('renders the sample plan in Japanese with its goals and sheets, without axe violations', async () => {
    await withPage(async (page, baseUrl) => {
      await page.goto(`${baseUrl}/plans/${SLUG}`);
      const title = page.getByRole('heading', { level: 1, name: /創薬力の向上/ });
      await title.waitFor();

      expect(await htmlLang(page)).toBe('ja');
      expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
      expect(await page.getByText('サンプルデータ', { exact: true }).first().isVisible()).toBe(true);

      const goals = page.getByRole('region', { name: '戦略目標と成果目標' });
      expect(await goals.getByRole('heading', { level: 3 }).count()).toBe(3);
      expect(
        await goals.getByRole('heading', { name: /国民に最新の医薬品を速やかに届ける/ }).isVisible(),
      ).toBe(true);

      const sheetOne = page.getByRole('heading', { level: 2, name: /^工程表①/ });
      expect(await sheetOne.isVisible()).toBe(true);
      expect(await sheetOne.textContent()).toMatch(/官民協議会/);
      expect(await page.getByRole('heading', { level: 2, name: /^工程表②/ }).isVisible()).toBe(true);
      expect(
        await page
          .getByRole('heading', { level: 3, name: /官民協議会による外資系企業・外国資金の呼び込み/ })
          .first()
          .isVisible(),
      ).toBe(true);

      await saveScreenshot(page, 'plan-page-ja.png');

      await expectNoAxeViolations(page);
    });
  });

  it('renders in English with ?lang=en, without axe violations', async () => {
    await withPage(async (page, baseUrl) => {
      await page.goto(`${baseUrl}/plans/${SLUG}?lang=en`);
      const goalsHeading = page.getByRole('heading', {
        level: 2,
        name: 'Strategic goals and outcome targets',
      });
      await goalsHeading.waitFor();

      expect(await htmlLang(page)).toBe('en');
      expect(await page.getByText('Sample data', { exact: true }).first().isVisible()).toBe(true);
      expect(await page.getByRole('heading', { level: 2, name: /^Roadmap ①/ }).isVisible()).toBe(true);
      expect(await page.getByRole('link', { name: 'Sign in', exact: true }).isVisible()).toBe(true);

      await saveScreenshot(page, 'plan-page-en.png');

      await expectNoAxeViolations(page);
    });
  });

  it('says so when the plan does not exist', async () => {
    await withPage(async (page, baseUrl) => {
      await page.goto(`${baseUrl}/plans/no-such-plan`);
      await page.getByRole('heading', { level: 1, name: '計画が見つかりません' }).waitFor();
    });
  });
});

describe('sign-in', () => {
  it('announces a wrong password, then signs the admin in and out', async () => {
    const server = kotei.server();
    await withPage(async (page, baseUrl) => {
      await page.goto(`${baseUrl}/signin`);
      const loginField = page.getByLabel('ログインID');
      await loginField.waitFor();
      const passwordField = page.getByLabel('パスワード');
      const submit = page.getByRole('button', { name: 'ログインする', exact: true });

      await loginField.fill(server.adminLogin);
      await passwordField.fill(`${server.adminPassword}-wrong`);
      await submit.click();
      const alert = page
        .getByRole('alert')
        .filter({ hasText: 'ログインIDまたはパスワードが正しくありません' });
      await alert.waitFor();
      await expectNoAxeViolations(page);

      await passwordField.fill(server.adminPassword);
      await submit.click();
      await page.waitForURL(`${baseUrl}/`);

      const session = await page.evaluate(async () => {
        const response = await fetch('/api/auth/session', { credentials: 'same-origin' });
        return (await response.json()) as { user: { login: string; displayName: string } | null };
      });
      expect(session.user?.login).toBe(server.adminLogin);
      const displayName = session.user?.displayName ?? '';

      const header = page.getByRole('banner');
      await header.getByText(displayName).waitFor();
      const signOut = header.getByRole('button', { name: 'ログアウト', exact: true });
      expect(await signOut.isVisible()).toBe(true);
      expect(await header.getByRole('link', { name: 'ログイン', exact: true }).count()).toBe(0);

      await signOut.click();
      await header.getByRole('link', { name: 'ログイン', exact: true }).waitFor();
    });
  });
});
