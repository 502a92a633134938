import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium: the project never downloads a browser (PLATFORM.md, "Chromium"). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

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
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}
