import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useKotei } from './support/fixture.js';
import { ARTIFACTS } from './support/page.js';

const SLUG = 'drug-discovery-2024';
const { withPage } = useKotei();

// A3 landscape is 420 × 297 mm: 1190.55 × 841.89 PostScript points.
const A3_LANDSCAPE = { width: 1190.55, height: 841.89 };

/** The page sizes a PDF declares, in points, from its /MediaBox entries. */
function mediaBoxes(pdf: Buffer): { width: number; height: number }[] {
  const text = pdf.toString('latin1');
  return [...text.matchAll(/\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => ({
    width: Number(m[3]) - Number(m[1]),
    height: Number(m[4]) - Number(m[2]),
  }));
}

describe('printing the roadmap timeline', () => {
  it('prints the plan timeline on A3 landscape, one sheet a page, without the controls', async () => {
    await withPage(async (page, baseUrl) => {
      await page.goto(`${baseUrl}/plans/${SLUG}/timeline`);
      await page.locator('.timeline-chart svg').first().waitFor();
      await page.waitForFunction(() => document.querySelectorAll('.timeline-chart svg').length >= 12);

      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.timeline-controls').first().isVisible()).toBe(false);
      expect(await page.locator('.timeline-chart svg').first().isVisible()).toBe(true);

      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      writeFileSync(`${ARTIFACTS}timeline-a3.pdf`, pdf);
      const pages = mediaBoxes(pdf);
      expect(pages.length).toBeGreaterThanOrEqual(12);
      for (const size of pages) {
        // Chromium rounds the paper to whole CSS pixels (0.75 pt each).
        expect(Math.abs(size.width - A3_LANDSCAPE.width)).toBeLessThan(1.5);
        expect(Math.abs(size.height - A3_LANDSCAPE.height)).toBeLessThan(1.5);
      }
    });
  });
});
