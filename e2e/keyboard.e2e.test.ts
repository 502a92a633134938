import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useKotei } from './support/fixture.js';

const SLUG = 'drug-discovery-2024';
const { withPage } = useKotei();

/** What has the keyboard focus: its tag, its accessible text, and where it points. */
async function focused(page: Page): Promise<{ tag: string; text: string; href: string | null; id: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    const label = el?.labels?.[0]?.textContent ?? null;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      text: (el?.getAttribute('aria-label') ?? label ?? el?.textContent ?? '').trim(),
      href: el?.getAttribute('href') ?? null,
      id: el?.id ?? '',
    };
  });
}

/** Press Tab until `match` holds for the focused element, at most `limit` times; fails if it never does. */
async function tabTo(
  page: Page,
  match: (f: Awaited<ReturnType<typeof focused>>) => boolean,
  limit = 60,
): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    if (match(await focused(page))) return;
  }
  throw new Error(`Tab never reached the element; last focused: ${JSON.stringify(await focused(page))}`);
}

describe('keyboard only', () => {
  it('skips to the content, searches from the header box and opens a hit, all by keyboard', async () => {
    await withPage(async (page, baseUrl) => {
      await page.goto(`${baseUrl}/plans/${SLUG}/dashboard`);
      await page.getByRole('heading', { level: 1 }).waitFor();

      // The first Tab reaches the skip link; following it puts the focus in the main content.
      await page.keyboard.press('Tab');
      expect(await focused(page)).toMatchObject({ tag: 'a', href: '#main', text: '本文へ移動' });
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);

      // The header search box, typed into and sent with Enter.
      await page.goto(`${baseUrl}/plans/${SLUG}/dashboard`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await tabTo(page, (f) => f.tag === 'input' && f.text === 'サイト内を検索');
      await page.keyboard.type('臨床試験');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/search\?q=/);
      await page.locator('.search-hit').first().waitFor();

      // The first hit's title link, reached by Tab and opened with Enter.
      await tabTo(page, (f) => f.tag === 'a' && (f.href ?? '').startsWith(`/plans/${SLUG}/measures/`));
      await page.keyboard.press('Enter');
      await page.waitForURL(new RegExp(`/plans/${SLUG}/measures/`));
      await page.getByRole('heading', { level: 1 }).waitFor();
    });
  });

  it('switches the language by keyboard and stays on the same page with its address', async () => {
    await withPage(async (page, baseUrl) => {
      const path = `/plans/${SLUG}/sheets/2/timeline?at=2024-07-01`;
      await page.goto(`${baseUrl}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await tabTo(page, (f) => f.tag === 'button' && f.text === 'English');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      const url = new URL(page.url());
      expect(url.pathname).toBe(`/plans/${SLUG}/sheets/2/timeline`);
      expect(url.searchParams.get('at')).toBe('2024-07-01');
      expect(await page.getByRole('button', { name: '日本語' }).isVisible()).toBe(true);
    });
  });
});
