import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SCRIPT = fileURLToPath(new URL('./install-pdf-deps.sh', import.meta.url));

// `npm start` runs this first. Only the paths of a machine without Chromium and fonts are faked; as a user
// other than root it must install nothing, say what is missing and how to add it, and let the start go on.
function run(env: Record<string, string>) {
  return spawnSync('bash', [SCRIPT], { env: { ...process.env, ...env }, encoding: 'utf8' });
}

describe('the PDF dependencies npm start checks', () => {
  it('says exactly what is missing and how to add it when it may not install, and never stops the start', () => {
    const result = run({
      KOTEI_CHROMIUM: '/nonexistent/chromium',
      KOTEI_CJK_FONT: '/nonexistent/NotoSansCJK-Regular.ttc',
      KOTEI_UID: '1000',
    });
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('PDF output is unavailable until you install: chromium fonts-noto-cjk');
    expect(result.stderr).toContain('missing /nonexistent/chromium');
    expect(result.stderr).toContain('apt-get install -y chromium fonts-noto-cjk');
  });

  it('says nothing when both are there', () => {
    const result = run({ KOTEI_CHROMIUM: '/bin/sh', KOTEI_CJK_FONT: SCRIPT, KOTEI_UID: '1000' });
    expect(result.status).toBe(0);
    expect(result.stdout + result.stderr).toBe('');
  });

  it('installs nothing when told to skip, even as root', () => {
    const result = run({
      KOTEI_CHROMIUM: '/nonexistent/chromium',
      KOTEI_CJK_FONT: SCRIPT,
      KOTEI_UID: '0',
      KOTEI_SKIP_SYSTEM_DEPS: '1',
    });
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('PDF output is unavailable until you install: chromium');
  });
});
