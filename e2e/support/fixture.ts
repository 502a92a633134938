import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.js';
import { withPage as withBrowserPage } from './page.js';
import { startServer, type KoteiServer } from './server.js';

/** What a test file gets from {@link useKotei}. */
export interface KoteiFixture {
  /** The running server; throws when beforeAll could not start it. */
  server: () => KoteiServer;
  /**
   * Runs `use` on a fresh page in its own context (no shared cookies or localStorage) against the running
   * server; fails on errors thrown in the page.
   */
  withPage: (
    use: (page: Page, baseUrl: string) => Promise<void>,
    viewport?: { width: number; height: number },
  ) => Promise<void>;
}

/**
 * Starts kotei (the sample plan loaded, the clock fixed) and Debian's Chromium once for the calling test file,
 * and stops both after it.
 */
export function useKotei(): KoteiFixture {
  let server: KoteiServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const running = (): { server: KoteiServer; browser: Browser } => {
    if (!server || !browser) throw new Error('beforeAll did not start the server and the browser');
    return { server, browser };
  };
  return {
    server: () => running().server,
    withPage: async (use, viewport) => {
      const { server: started, browser: launched } = running();
      await withBrowserPage(launched, (page) => use(page, started.url), viewport);
    },
  };
}
