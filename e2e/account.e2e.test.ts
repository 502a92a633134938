import { describe, expect, it } from 'vitest';
import { signIn } from './support/auth.js';
import { expectNoAxeViolations } from './support/page.js';
import { useKotei } from './support/fixture.js';

const kotei = useKotei();
const { withPage } = kotei;

describe('the sessions and password page', () => {
  it('makes an API token, shows its value once, and revokes it', async () => {
    const server = kotei.server();
    await withPage(async (page, baseUrl) => {
      await signIn(page, baseUrl, server.adminLogin, server.adminPassword);
      await page.goto(`${baseUrl}/account`);
      const tokens = page.getByRole('region', { name: 'API トークン' });
      await tokens.getByText('API トークンはありません。').waitFor();
      await tokens.getByRole('button', { name: 'トークンを作成する' }).click();
      await tokens.getByRole('alert').filter({ hasText: 'トークンの名前を入力してください。' }).waitFor();

      await tokens.getByLabel('名前').fill('夜間集計スクリプト');
      await tokens.getByRole('radio', { name: '読み取りのみ' }).check();
      await tokens.getByRole('button', { name: 'トークンを作成する' }).click();
      const secret = await tokens.getByLabel('新しいトークンの値').inputValue();
      expect(secret).toMatch(/^kotei_/);
      const read = await fetch(`${baseUrl}/api/plans`, { headers: { authorization: `Bearer ${secret}` } });
      expect(read.status).toBe(200);
      await expect.poll(() => tokens.getByRole('row').count()).toBe(2);
      await expectNoAxeViolations(page);

      await tokens.getByRole('button', { name: 'トークン「夜間集計スクリプト」を無効にする' }).click();
      await tokens.getByRole('status').filter({ hasText: 'トークンを無効にしました。' }).waitFor();
      await tokens.getByText('API トークンはありません。').waitFor();
      const refused = await fetch(`${baseUrl}/api/plans`, { headers: { authorization: `Bearer ${secret}` } });
      expect(refused.status).toBe(401);
    });
  });

  it('lists where the user is signed in, ends another session and changes the password; axe clean', async () => {
    const server = kotei.server();
    await withPage(async (page, baseUrl) => {
      // A second device, signed in through the API.
      const other = await fetch(`${baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'e2e-second-device' },
        body: JSON.stringify({ login: server.adminLogin, password: server.adminPassword }),
      });
      expect(other.status).toBe(200);
      const otherCookie = other.headers.get('set-cookie')?.split(';')[0] ?? '';

      await signIn(page, baseUrl, server.adminLogin, server.adminPassword);
      await page.getByRole('link', { name: 'アカウント', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'ログイン状況とパスワード' }).waitFor();
      const sessions = page.getByRole('region', { name: 'ログイン中の端末' });
      await sessions.getByRole('table').waitFor();
      // This browser, the second device, and any session an earlier test left behind.
      expect(await sessions.getByRole('row').count()).toBeGreaterThanOrEqual(3);
      const secondDevice = sessions.getByRole('row').filter({ hasText: 'e2e-second-device' });
      expect(await secondDevice.count()).toBe(1);
      expect(await sessions.getByText('この端末', { exact: true }).count()).toBe(1);
      await expectNoAxeViolations(page);

      await sessions.getByRole('button', { name: /e2e-second-device のセッションを終了する$/ }).click();
      await sessions.getByRole('status').filter({ hasText: 'セッションを終了しました。' }).waitFor();
      await expect.poll(() => secondDevice.count()).toBe(0);
      const ended = await fetch(`${baseUrl}/api/auth/session`, { headers: { cookie: otherCookie } });
      expect(await ended.json()).toMatchObject({ user: null });

      const password = page.getByRole('region', { name: 'パスワードの変更' });
      await password.getByLabel('現在のパスワード').fill('not the current password');
      await password.getByLabel('新しいパスワード（12文字以上）').fill('a brand new passphrase');
      await password.getByLabel('新しいパスワード（確認）').fill('a brand new passphrase');
      await password.getByRole('button', { name: 'パスワードを変更する' }).click();
      const alert = password.getByRole('alert').filter({ hasText: '現在のパスワードが正しくありません。' });
      await alert.waitFor();
      await expect
        .poll(() => password.getByLabel('現在のパスワード').getAttribute('aria-invalid'))
        .toBe('true');
      await expectNoAxeViolations(page);

      await password.getByLabel('現在のパスワード').fill(server.adminPassword);
      await password.getByRole('button', { name: 'パスワードを変更する' }).click();
      await password.getByRole('status').filter({ hasText: 'パスワードを変更しました。' }).waitFor();

      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sessions and password' }).waitFor();
      await expectNoAxeViolations(page);
    });
  });
});
