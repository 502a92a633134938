import { writeFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { prepareFirstStart } from '../bootstrap.js';
import { openTestDatabase, TEST_DATABASES } from '../testing/test-databases.js';
import { buildApp } from './app.js';

const OUT = process.env.SNAP_OUT ?? '/tmp/read-baseline';
describe.each(TEST_DATABASES)('snapshot %s', (kind) => {
  it('writes', async () => {
    const database = await openTestDatabase(kind);
    await prepareFirstStart(database.ctx, { loadSample: true });
    const app = await buildApp(database.ctx, { logLevel: 'silent', webRoot: null, secureCookies: false });
    const out: Record<string, unknown> = {};
    const tree = (await app.inject({ url: '/api/plans/drug-discovery-2024' })).json<{
      sheets: { measures: { id: string }[] }[];
    }>();
    const measureIds = tree.sheets.flatMap((s) => s.measures.map((m) => m.id)).slice(0, 40);
    const urls = [
      '/api/plans/drug-discovery-2024',
      '/api/plans/drug-discovery-2024?at=2025-06-30',
      '/api/plans/drug-discovery-2024/dashboard',
      '/api/plans/drug-discovery-2024/dashboard?at=2025-06-30',
      '/api/plans/drug-discovery-2024/dashboard?at=2026-06-30',
      '/api/plans/drug-discovery-2024/dashboard?at=2024-01-01',
      '/api/plans/drug-discovery-2024/dashboard?at=2030-01-01',
      '/api/portfolio',
      '/api/plans',
      '/api/reference',
      '/api/search?q=%E6%B2%BB%E9%A8%93&status=on_track&limit=200',
      '/api/search?q=%E6%B2%BB%E9%A8%93&status=no_data&limit=200',
      '/api/search?q=%E5%89%B5%E8%96%AC&status=achieved&limit=200',
      ...measureIds.map((id) => `/api/plans/drug-discovery-2024/measures/${id}`),
      ...measureIds.slice(0, 5).map((id) => `/api/plans/drug-discovery-2024/measures/${id}?at=2025-06-30`),
    ];
    for (const url of urls) {
      const res = await app.inject({ url });
      out[url.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/, (m) => `M${measureIds.indexOf(m)}`)] = {
        status: res.statusCode,
        body: res.json<unknown>(),
      };
    }
    writeFileSync(`${OUT}/${kind}.json`, JSON.stringify(out, null, 1));
    await app.close();
    await database.dispose();
  });
});
