import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Where screenshots are kept as test artifacts. */
export const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));

/** The axe rule tags every page is checked against: WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** A desktop window, as the existing pages are checked at. */
export const DESKTOP = { width: 1280, height: 900 } as const;

/**
 * Runs `use` on a fresh page in its own context (no shared cookies or localStorage), in Japanese and Japan
 * time; fails on errors thrown in the page.
 */
export async function withPage(
  browser: Browser,
  use: (page: Page) => Promise<void>,
  viewport: { width: number; height: number } = DESKTOP,
): Promise<void> {
  const context = await browser.newContext({ viewport, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
  const pageErrors: string[] = [];
  try {
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await use(page);
  } finally {
    await context.close();
  }
  expect(pageErrors, `errors thrown in the page:\n${pageErrors.join('\n')}`).toEqual([]);
}

/** Runs axe with the WCAG 2.2 AA rule set and fails with a readable list of what it found. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const report = results.violations
    .map(
      (violation) =>
        `- ${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help}\n` +
        violation.nodes
          .slice(0, 5)
          .map((node) => `    ${node.target.join(' ')}: ${node.failureSummary ?? ''}`)
          .join('\n'),
    )
    .join('\n');
  expect(results.violations.length, `axe found violations on ${page.url()}:\n${report}`).toBe(0);
}

/** Saves a full-page screenshot under e2e/artifacts/. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: `${ARTIFACTS}${name}`, fullPage: true });
}

/** The `lang` of the document, which the app keeps in step with the UI language. */
export async function htmlLang(page: Page): Promise<string | null> {
  return page.locator('html').getAttribute('lang');
}
