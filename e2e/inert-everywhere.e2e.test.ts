import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signIn } from './support/auth.js';
import { callApi } from './support/api.js';
import { useKotei } from './support/fixture.js';

// Issue #11: XSS payloads in every text field render inert. The round's own texts are swept by
// round-inert.e2e.test.ts; this sweeps the rest: what an import brings in (the file name, a section as the title
// of a sheet and a measure, KPI names with their notes), what a coordinator writes on the plan (its
// title and owner) and what anyone types into search, on every page that shows them and in the report's HTML.
// Each payload sets a mark of its own if it ever runs; the test asserts no mark, no dialog and the literal text.
const SLUG = 'inert-table';
const SAMPLE = 'drug-discovery-2024';
const mark = (n: number) => `window.__xss=${n}`;
const PAYLOAD = {
  file: `<img src=x onerror="${mark(1)}">表.md`,
  section: `第1分野 <script>${mark(2)}</script>`,
  kpi: `"><img src=y onerror="${mark(4)}">国家公務員`,
  note: `<iframe srcdoc="<script>parent.__xss=5</script>">注記`,
  title: `<a href="javascript:${mark(6)}">計画</a>`,
  owner: `<b onmouseover="${mark(7)}">所管</b>`,
  search: `<img src=z onerror="${mark(8)}">国家公務員`,
};

const TABLE = [
  '# 成果目標の動向',
  '',
  '| 項目 | 目標値(期限) | 計画策定時の数値 | 最新値 |',
  '|---|---|---|---|',
  `| ${PAYLOAD.section} | | | |`,
  `| ${PAYLOAD.kpi} | 13% (平成32年) | 3.1% (平成26年度) | 12.4% (平成30年度) |`,
  `| 地方公務員 | 13% (平成32年) | 1.5% (平成25年度) | 5.6% (平成30年度) |`,
  `| 民間企業(${PAYLOAD.note}) | 13% (平成32年) | 2.3% (平成26年) | 6.16% (平成30年) |`,
  '',
].join('\n');

const kotei = useKotei();
const { withPage } = kotei;

async function expectInert(page: Page, dialogs: string[], where: string): Promise<void> {
  const fired = await page.evaluate(() => (window as unknown as { __xss?: number }).__xss);
  expect({ where, fired, dialogs }).toEqual({ where, fired: undefined, dialogs: [] });
  // No element the payloads would have made exists: they are text, not markup.
  expect(
    await page.locator('main img[src="x"], main img[src="y"], main iframe, main svg[onload]').count(),
  ).toBe(0);
}

describe('text from imports, plan fields and search is rendered inert', () => {
  it('shows every payload as literal text on the plan, dashboard, measure, timeline, search and report', async () => {
    const server = kotei.server();
    await withPage(async (page, baseUrl) => {
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await signIn(page, baseUrl, server.adminLogin, server.adminPassword);
      await callApi(page, 'POST', '/api/imports', {
        fileName: PAYLOAD.file,
        contentBase64: Buffer.from(TABLE, 'utf8').toString('base64'),
        slug: SLUG,
      });
      await callApi(page, 'PATCH', `/api/plans/${SLUG}`, { title: PAYLOAD.title, owner: PAYLOAD.owner });
      type Tree = { sheets: { measures: { id: string }[] }[] };
      const tree = await callApi<Tree>(page, 'GET', `/api/plans/${SLUG}`);
      const measureId = tree.sheets[0]?.measures[0]?.id ?? '';

      const pages: [string, string, string[]][] = [
        ['plan', `/plans/${SLUG}`, [PAYLOAD.title, PAYLOAD.owner, PAYLOAD.section]],
        ['dashboard', `/plans/${SLUG}/dashboard`, [PAYLOAD.title]],
        ['measure', `/plans/${SLUG}/measures/${measureId}`, [PAYLOAD.section, PAYLOAD.kpi]],
        ['timeline', `/plans/${SLUG}/timeline`, [PAYLOAD.title]],
        ['search', `/search?q=${encodeURIComponent(PAYLOAD.search)}`, []],
        ['search hit', `/search?q=${encodeURIComponent('国家公務員')}`, [PAYLOAD.kpi]],
        ['plans', '/', [PAYLOAD.title]],
      ];
      for (const [where, path, texts] of pages) {
        await page.goto(`${baseUrl}${path}`);
        await page.locator('main h1').first().waitFor();
        for (const text of texts) await page.getByText(text, { exact: false }).first().waitFor();
        await expectInert(page, dialogs, where);
      }

      // The report's HTML, opened as a page of its own: every text escaped there too. A report is of a published
      // round, which the table's plan has none of (its measures have no ministry to report), so the sample's.
      await callApi(page, 'PATCH', `/api/plans/${SAMPLE}`, { title: PAYLOAD.title, owner: PAYLOAD.owner });
      const answer = await page.goto(`${baseUrl}/api/plans/${SAMPLE}/report?format=html`);
      const report = await page.content();
      expect([answer?.status(), report.slice(0, 200)]).toEqual([200, expect.any(String)]);
      expect(report).toContain('&lt;a href="javascript:window.__xss=6"&gt;計画&lt;/a&gt;');
      expect(report).not.toContain('<a href="javascript:');
      await expectInert(page, dialogs, 'report');
    });
  });
});
