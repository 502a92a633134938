import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from './support/auth.js';
import { callApi, openRound } from './support/api.js';
import { expectNoAxeViolations } from './support/page.js';
import { useKotei } from './support/fixture.js';

// Notifications in the browser: the header's bell and the notifications page (ja and en), the coordinator's
// reminders on the board, and the admin's webhook page with a real receiver on 127.0.0.1.
const SLUG = 'drug-discovery-2024';
const MEASURE = '臨床研究中核病院の承認要件の見直し';
const SECRET = 'e2e webhook secret, long enough';

const kotei = useKotei();
const { withPage } = kotei;
const people = {
  coordinator: { login: 'n-coord', password: '' },
  mhlw: { login: 'n-mhlw', password: '' },
  mext: { login: 'n-mext', password: '' },
};
let roundId = '';
let roundTitle = '';
const received: { headers: IncomingHttpHeaders; body: string }[] = [];
const receiver = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
    res.writeHead(204).end();
  });
});

beforeAll(async () => {
  const server = kotei.server();
  people.coordinator.password = await server.addUser(people.coordinator.login, 'coordinator');
  people.mhlw.password = await server.addUser(people.mhlw.login, 'ministry', '厚');
  people.mext.password = await server.addUser(people.mext.login, 'ministry', '文');
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  await new Promise<void>((resolve) => {
    receiver.closeAllConnections();
    receiver.close(() => {
      resolve();
    });
  });
});

async function as(page: Page, baseUrl: string, who: keyof typeof people): Promise<void> {
  await signIn(page, baseUrl, people[who].login, people[who].password);
}

const partOf = async (page: Page, ministry: string) => {
  const board = await callApi<{ parts: { id: string; ministry: string; version: number }[] }>(
    page,
    'GET',
    `/api/plans/${SLUG}/rounds/${roundId}`,
  );
  const part = board.parts.find((p) => p.ministry === ministry);
  if (!part) throw new Error(`no ${ministry} part`);
  return { url: `/api/plans/${SLUG}/rounds/${roundId}/parts/${part.id}`, version: part.version };
};

describe('notifications in the browser', () => {
  it('shows the coordinator a count in the header and the submission on the notifications page', async () => {
    await withPage(async (page, baseUrl) => {
      await as(page, baseUrl, 'coordinator');
      const tree = await callApi<{ sheets: { measures: { id: string; title: string }[] }[] }>(
        page,
        'GET',
        `/api/plans/${SLUG}`,
      );
      const measure = tree.sheets.flatMap((s) => s.measures).find((m) => m.title === MEASURE);
      roundId = await openRound(page, SLUG, '2025-07-01', [measure?.id ?? '']);
      roundTitle = '2025-07-01時点フォローアップ';
    });
    await withPage(async (page, baseUrl) => {
      await as(page, baseUrl, 'mhlw');
      const part = await partOf(page, '厚');
      const saved = await callApi<{ version: number }>(page, 'PUT', part.url, {
        version: part.version,
        bullets: ['検討を開始した'],
        actuals: [],
        phases: [],
      });
      await callApi(page, 'POST', `${part.url}/submit`, { version: saved.version });
    });
    await withPage(async (page, baseUrl) => {
      await as(page, baseUrl, 'coordinator');
      const bell = page.getByRole('link', { name: 'お知らせ（未読 1件）' });
      await bell.click();
      await page.getByRole('heading', { level: 1, name: 'お知らせ' }).waitFor();
      const text = `厚が「${MEASURE}」の報告を提出しました（${roundTitle}）。`;
      await page.getByRole('link', { name: text }).waitFor();
      await page.getByText('未読 1件', { exact: true }).waitFor();
      await expectNoAxeViolations(page);

      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
      await page
        .getByRole('link', { name: `厚 submitted its report on "${MEASURE}" (${roundTitle}).` })
        .waitFor();
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: 'Mark all read' }).click();
      await page.getByText('0 unread', { exact: true }).waitFor();
      await page.getByRole('link', { name: 'Notifications', exact: true }).waitFor();
      await page.getByRole('button', { name: '日本語' }).click();

      // The notice leads to the part.
      await page.getByRole('link', { name: text }).click();
      await page.getByRole('heading', { level: 1, name: new RegExp(MEASURE) }).waitFor();
    });
  });

  it('lets the coordinator remind a ministry from the board, once an hour, and shows when', async () => {
    await withPage(async (page, baseUrl) => {
      await as(page, baseUrl, 'coordinator');
      await page.goto(`${baseUrl}/plans/${SLUG}/rounds/${roundId}`);
      const mext = page.locator('tr[data-part-id]').filter({ hasText: '文' });
      await mext.getByRole('button', { name: `「${MEASURE}」（文）に督促する` }).click();
      await page.getByRole('status').filter({ hasText: '1件の報告に督促しました。' }).waitFor();
      await expect
        .poll(() => mext.locator('[data-reminded-at]').getAttribute('data-reminded-at'))
        .not.toBe('');
      await page.getByRole('button', { name: '未提出のすべてに督促する' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: '0件の報告に督促しました。 1件は1時間以内に督促済みのため送りませんでした。' })
        .waitFor();
      await expectNoAxeViolations(page);
    });
    await withPage(async (page, baseUrl) => {
      await as(page, baseUrl, 'mext');
      await page.goto(`${baseUrl}/notifications`);
      await page
        .getByRole('link', { name: `「${MEASURE}」の報告の提出をお願いします（${roundTitle}）。` })
        .waitFor();
    });
  });

  it('lets the admin set the webhook, which posts each event signed, and shows the admin its deliveries', async () => {
    const server = kotei.server();
    const { port } = receiver.address() as AddressInfo;
    await withPage(async (page, baseUrl) => {
      await signIn(page, baseUrl, server.adminLogin, server.adminPassword);
      await page.getByRole('link', { name: 'Webhook' }).click();
      await page.getByLabel('送信先URL').fill(`http://127.0.0.1:${port}/hook`);
      await page.getByLabel('署名の鍵（16文字以上）').fill(SECRET);
      await page.getByRole('button', { name: '保存する' }).click();
      await page.getByRole('status').filter({ hasText: '保存しました。' }).waitFor();
      await page
        .getByText(`現在の鍵（••••${SECRET.slice(-4)}）を使い続けるときは空欄のままにします。`)
        .waitFor();
      expect(await page.getByLabel('署名の鍵（16文字以上）').inputValue()).toBe('');

      // An event: the coordinator's office (the admin) returns 厚's part with a reason.
      const part = await partOf(page, '厚');
      await callApi(page, 'POST', `${part.url}/return`, { version: part.version, reason: '出典を追記' });
      // The server's dispatcher sends it within seconds.
      await expect.poll(() => received.length, { timeout: 30_000 }).toBe(1);
      const sent = received[0];
      const timestamp = String(sent?.headers['x-kotei-timestamp'] ?? '');
      const expected = createHmac('sha256', SECRET)
        .update(`${timestamp}.${sent?.body ?? ''}`)
        .digest('hex');
      expect(sent?.headers['x-kotei-signature']).toBe(`sha256=${expected}`);
      expect(JSON.parse(sent?.body ?? '{}')).toMatchObject({ event: 'part.returned', reason: '出典を追記' });

      await page.reload();
      const row = page.locator('tr[data-delivery-id]').first();
      await expect.poll(() => row.getAttribute('data-state')).toBe('delivered');
      await row.getByRole('cell', { name: '送信済み' }).waitFor();
      await expectNoAxeViolations(page);
    });
  });
});
