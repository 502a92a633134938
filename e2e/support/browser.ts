import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.js';

/**
 * Launches Debian Chromium headless. A missing browser fails loudly, in CI and locally alike: an end-to-end
 * test that skips itself would pass without testing anything.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    const where = process.env.CI === 'true' ? 'The CI image' : 'This machine';
    throw new Error(
      `${where} has no Chromium at ${CHROMIUM_PATH}; end-to-end tests need it and never skip. ` +
        'Install it (with Japanese fonts) by running `bash scripts/install-system-deps.sh`.',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
}
