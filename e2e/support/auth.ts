import type { Page } from 'playwright-core';

/** Signs in through the sign-in form (Japanese UI) and waits until the app has returned to the home page. */
export async function signIn(page: Page, baseUrl: string, login: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/signin`);
  await page.getByLabel('ログインID').fill(login);
  await page.getByLabel('パスワード').fill(password);
  await page.getByRole('button', { name: 'ログインする', exact: true }).click();
  await page.waitForURL(`${baseUrl}/`);
}
