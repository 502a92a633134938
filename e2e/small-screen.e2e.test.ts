import { describe, expect, it } from 'vitest';
import { useKotei } from './support/fixture.js';
import { saveScreenshot } from './support/page.js';

const SLUG = 'drug-discovery-2024';
const PHONE = { width: 360, height: 780 };

// Every page a reader opens, in both languages: at 360 px the page itself never scrolls sideways (a wide chart or
// table scrolls inside its own region instead), so nothing is cut off on a phone.
const PAGES = [
  { name: 'portfolio', path: '/', ready: 'h1' },
  { name: 'plan', path: `/plans/${SLUG}`, ready: 'h1' },
  { name: 'dashboard', path: `/plans/${SLUG}/dashboard`, ready: '.dashboard-worst, .empty' },
  { name: 'timeline', path: `/plans/${SLUG}/sheets/2/timeline`, ready: '.timeline-chart svg' },
  { name: 'search', path: `/search?q=${encodeURIComponent('臨床試験')}`, ready: '.search-hit' },
  { name: 'import', path: '/import', ready: 'h1' },
  { name: 'signin', path: '/signin', ready: 'h1' },
] as const;

const { withPage } = useKotei();

describe('a 360 px screen', () => {
  for (const lang of ['ja', 'en'] as const) {
    it(`fits every page without sideways scrolling, in ${lang === 'ja' ? 'Japanese' : 'English'}`, async () => {
      await withPage(async (page, baseUrl) => {
        const overflowing: string[] = [];
        for (const { name, path, ready } of PAGES) {
          const url = `${baseUrl}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;
          await page.goto(url);
          await page.locator(ready).first().waitFor();
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          if (width > PHONE.width) overflowing.push(`${name} (${width} px)`);
          await saveScreenshot(page, `360-${name}-${lang}.png`);
        }
        expect(overflowing, 'pages wider than the screen').toEqual([]);
      }, PHONE);
    });
  }
});
