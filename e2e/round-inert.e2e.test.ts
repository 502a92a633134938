import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { signIn } from './support/auth.js';
import { approveOnBehalf, callApi, openRound } from './support/api.js';
import { useKotei } from './support/fixture.js';

// Every text a round carries, written as markup that would run if it were ever read as HTML: each is shown as the
// literal text it is, on the part, the board, the tasks and the public measure page, and nothing runs.
const SLUG = 'drug-discovery-2024';
const MEASURE = '臨床研究中核病院の承認要件の見直し';
const PAYLOAD = {
  bullet: '<img src=x onerror="window.__xss=1">進捗',
  source: '<script>window.__xss=2</script>出典',
  note: '"><svg onload="window.__xss=3">注記',
  phase: '<a href="javascript:window.__xss=4">工程</a>',
  comment: '<iframe srcdoc="<script>parent.__xss=5</script>">コメント',
  reason: '<b onmouseover="window.__xss=6">理由</b>',
};

const kotei = useKotei();
const { withPage } = kotei;
const people = {
  coordinator: { login: 'coord-inert', password: '' },
  mhlw: { login: 'mhlw-inert', password: '' },
};

beforeAll(async () => {
  const server = kotei.server();
  people.coordinator.password = await server.addUser(people.coordinator.login, 'coordinator');
  people.mhlw.password = await server.addUser(people.mhlw.login, 'ministry', '厚');
});

// Nothing ran: no dialog opened and no payload set its mark.
async function expectInert(page: Page, dialogs: string[]): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
}

describe('text written in a round is rendered inert', () => {
  it('shows markup in bullets, sources, notes, phase notes, comments and return reasons as text', async () => {
    await withPage(async (page, baseUrl) => {
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await signIn(page, baseUrl, people.coordinator.login, people.coordinator.password);
      type Tree = { sheets: { measures: { id: string; title: string; kpis: { id: string }[] }[] }[] };
      const tree = await callApi<Tree>(page, 'GET', `/api/plans/${SLUG}`);
      const measure = tree.sheets.flatMap((s) => s.measures).find((m) => m.title === MEASURE);
      if (!measure) throw new Error('no measure');
      const roundId = await openRound(page, SLUG, '2025-07-02', [measure.id]);
      const base = `/api/plans/${SLUG}/rounds/${roundId}`;
      type Part = { id: string; ministry: string; version: number; schedule: { id: string }[] };
      const board = await callApi<{ parts: Part[] }>(page, 'GET', base);
      const mhlwPart = board.parts.find((p) => p.ministry === '厚');
      const others = board.parts.filter((p) => p.ministry !== '厚');
      if (!mhlwPart) throw new Error('no 厚 part');

      await signIn(page, baseUrl, people.mhlw.login, people.mhlw.password);
      const partUrl = `${base}/parts/${mhlwPart.id}`;
      const part = await callApi<Part>(page, 'GET', partUrl);
      let saved = await callApi<Part>(page, 'PUT', partUrl, {
        version: part.version,
        bullets: [PAYLOAD.bullet],
        actuals: [
          {
            kpiId: measure.kpis[0]?.id,
            value: 290,
            period: '2024年度',
            sourceNote: PAYLOAD.source,
            note: PAYLOAD.note,
          },
        ],
        phases: [{ phaseId: part.schedule[0]?.id, state: 'in_progress', note: PAYLOAD.phase }],
      });
      await callApi(page, 'POST', `${partUrl}/comments`, { body: PAYLOAD.comment });
      await callApi(page, 'POST', `${partUrl}/submit`, { version: saved.version });

      await signIn(page, baseUrl, people.coordinator.login, people.coordinator.password);
      saved = await callApi<Part>(page, 'POST', `${partUrl}/return`, {
        version: saved.version + 1,
        reason: PAYLOAD.reason,
      });

      // The reporter's screens: the part (every field) and my tasks (the reason).
      await signIn(page, baseUrl, people.mhlw.login, people.mhlw.password);
      await page.goto(`${baseUrl}/plans/${SLUG}/rounds/${roundId}/parts/${mhlwPart.id}`);
      await page.getByRole('heading', { level: 1, name: new RegExp(MEASURE) }).waitFor();
      const values = await page
        .locator('textarea, input')
        .evaluateAll((els) => els.map((el) => (el as HTMLInputElement | HTMLTextAreaElement).value));
      for (const text of [PAYLOAD.bullet, PAYLOAD.source, PAYLOAD.note, PAYLOAD.phase])
        expect(values).toContain(text);
      await page.getByText(PAYLOAD.comment, { exact: true }).waitFor();
      await page.getByText(PAYLOAD.reason).first().waitFor();
      await expectInert(page, dialogs);
      await page.goto(`${baseUrl}/tasks`);
      await page.getByText(PAYLOAD.reason).first().waitFor();
      await expectInert(page, dialogs);

      // Resubmitted, approved and published with the other ministry's part: the public pages show it as text.
      await callApi(page, 'POST', `${partUrl}/submit`, { version: saved.version });
      await signIn(page, baseUrl, people.coordinator.login, people.coordinator.password);
      await callApi(page, 'POST', `${partUrl}/approve`, { version: saved.version + 1 });
      for (const other of others) await approveOnBehalf(page, `${base}/parts/${other.id}`, other.version);
      await page.goto(`${baseUrl}/plans/${SLUG}/rounds/${roundId}`);
      await page.getByText(MEASURE).first().waitFor();
      await expectInert(page, dialogs);
      await callApi(page, 'POST', `${base}/publish`, {});
      await page.goto(`${baseUrl}/plans/${SLUG}/measures/${measure.id}`);
      await page.getByText(PAYLOAD.bullet).first().waitFor();
      const diff = page.getByRole('region', { name: '前回のフォローアップとの比較' });
      await diff.getByText(PAYLOAD.bullet).first().waitFor();
      await expectInert(page, dialogs);
      expect(await page.locator('img[src="x"], svg[onload], iframe[srcdoc]').count()).toBe(0);
    });
  });
});
