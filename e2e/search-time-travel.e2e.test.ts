import { beforeAll, describe, expect, it } from 'vitest';
import { callApi } from './support/api.js';
import { signIn } from './support/auth.js';
import { expectNoAxeViolations } from './support/page.js';
import { useKotei } from './support/fixture.js';

// Search time-travels (見直し): a revision renames a measure; the plan's search finds it under its new name only,
// until 「表示する版」 asks for revision 1, which finds the old name and leads to the measure as it stood.
const SLUG = 'drug-discovery-2024';
const NEW_TITLE = '改称後の施策（検索の版比較）';

const kotei = useKotei();
const { withPage } = kotei;
const coordinator = { login: 'coord-search-travel', password: '' };

beforeAll(async () => {
  coordinator.password = await kotei.server().addUser(coordinator.login, 'coordinator');
});

describe('search as a past revision', () => {
  it('finds a renamed measure under its old name in revision 1, and leads to that revision', async () => {
    await withPage(async (page, baseUrl) => {
      await signIn(page, baseUrl, coordinator.login, coordinator.password);
      const draft = await callApi<{
        structure: { measures: { id: string; title: string }[] };
        version: number;
      }>(page, 'POST', `/api/plans/${SLUG}/draft`, {});
      const measure = draft.structure.measures.find((m) => m.title.length >= 8);
      if (!measure) throw new Error('no measure to rename');
      await callApi(page, 'POST', `/api/plans/${SLUG}/draft/edits`, {
        version: draft.version,
        edits: [{ op: 'measure.update', id: measure.id, title: NEW_TITLE }],
      });
      await callApi(page, 'POST', `/api/plans/${SLUG}/draft/adopt`, {
        reason: '令和7年8月 見直し',
        version: draft.version + 1,
      });

      // The current plan: the old name is no measure's any more.
      const oldName = new URLSearchParams({ q: measure.title, plan: SLUG, type: 'measure' });
      await page.goto(`${baseUrl}/search?${oldName.toString()}`);
      const total = page.locator('.search-results__total');
      await total.waitFor();
      expect(await total.getAttribute('data-total')).toBe('0');

      // 「表示する版」: revision 1, kept in the address; the banner names it; the measure found under its old name.
      await page.getByLabel('表示する版').selectOption('1');
      await page.waitForURL(/revision=1/);
      const banner = page.locator('.time-travel-banner[data-revision="1"]');
      await banner.waitFor();
      expect(await banner.innerText()).toContain('第1版（策定）の計画を検索しています');
      const hit = page.locator('.search-hit').filter({ hasText: measure.title });
      await hit.first().waitFor();
      await expectNoAxeViolations(page);

      // The hit leads to the measure page of the same revision, which shows the old name.
      await hit.first().getByRole('link', { name: measure.title }).click();
      await page.waitForURL(new RegExp(`/measures/${measure.id}\\?revision=1`));
      // The address changes before the measure page replaces the search's banner: wait for the page's own words.
      await page
        .locator('.time-travel-banner[data-revision="1"]', { hasText: 'の計画を表示しています' })
        .waitFor();
      await page.locator('h1', { hasText: measure.title }).waitFor();

      // Back on the search, the link to the current plan searches it again: the new name only.
      await page.goBack();
      await banner.getByRole('link', { name: '最新の計画を検索する' }).click();
      await page.waitForURL((url) => !url.search.includes('revision='));
      await page.locator('.search-results__total[data-total="0"]').waitFor();
      const newName = new URLSearchParams({ q: NEW_TITLE, plan: SLUG, type: 'measure' });
      await page.goto(`${baseUrl}/search?${newName.toString()}`);
      await page.locator('.search-hit').filter({ hasText: NEW_TITLE }).first().waitFor();
    });
  });
});
