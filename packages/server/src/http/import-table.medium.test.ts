import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportPreview, PlanSummary, PlanTree } from '@kotei/contracts';
import { prepareFirstStart } from '../bootstrap.js';
import { openTestDatabase, TEST_DATABASES, type TestDatabase } from '../testing/test-databases.js';
import { signIn } from '../testing/sign-in.js';
import { buildApp } from './app.js';

const table = readFileSync(
  new URL('../../../importers/src/fixtures/kpi-tables/nagano-plan3-main-targets/table.csv', import.meta.url),
);
const base64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

describe.each(TEST_DATABASES)('KPI table import on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let headers: Record<string, string>;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const first = await prepareFirstStart(database.ctx, { loadSample: false });
    app = await buildApp(database.ctx, { logLevel: 'silent', webRoot: null, secureCookies: false });
    headers = await signIn(app, 'admin', first.admin?.password ?? '');
  });
  afterAll(async () => {
    await (app as FastifyInstance | undefined)?.close();
    await (database as TestDatabase | undefined)?.dispose();
  });

  const plans = async (): Promise<PlanSummary[]> =>
    (await app.inject({ url: '/api/plans' })).json<{ plans: PlanSummary[] }>().plans;

  it('proposes each column its role with confidence and evidence; a corrected column changes the preview', async () => {
    const payload = { fileName: 'nagano.csv', contentBase64: base64(table), slug: 'nagano' };
    const res = await app.inject({ method: 'POST', url: '/api/imports/preview', headers, payload });
    expect(res.statusCode).toBe(200);
    const preview = res.json<ImportPreview>();
    expect(preview.table?.format).toBe('csv');
    const columns = preview.table?.mappings[0]?.columns ?? [];
    expect(columns.map((c) => c.role)).toEqual(['name', 'baseline', 'target']);
    expect(columns[1]).toMatchObject({
      header: '現状',
      evidence: expect.stringContaining('「現状」') as string,
    });
    expect(columns[1]?.confidence).toBeGreaterThan(0.5);
    const kpis = (tree: PlanTree) => tree.sheets.flatMap((s) => s.measures).flatMap((m) => m.kpis);
    expect(kpis(preview.plan).find((k) => k.name === '観光消費額')?.baseline?.value).toBe(5154);

    // The user says 現状 is the latest actual, not the baseline: the preview follows.
    const corrected = { ...payload, columnRoles: [{ column: 1, role: 'actual' as const }] };
    const again = (
      await app.inject({ method: 'POST', url: '/api/imports/preview', headers, payload: corrected })
    ).json<ImportPreview>();
    expect(again.table?.mappings[0]?.columns[1]).toMatchObject({ role: 'actual', confidence: 1 });
    const tourism = kpis(again.plan).find((k) => k.name === '観光消費額');
    expect(tourism?.baseline).toBeNull();
    expect(tourism?.actuals.map((a) => a.value)).toEqual([5154]);
    expect(await plans()).toEqual([]);

    // Committed with the correction, the plan is stored with statuses computed.
    expect(
      (await app.inject({ method: 'POST', url: '/api/imports', headers, payload: corrected })).statusCode,
    ).toBe(201);
    const tree = (await app.inject({ url: '/api/plans/nagano' })).json<PlanTree>();
    const stored = kpis(tree).find((k) => k.name === '観光消費額');
    expect(stored?.actuals.map((a) => a.value)).toEqual([5154]);
    expect(stored?.status.status).toBeDefined();
  });

  it('refuses a table without a recognisable header, naming the rows it looked at, and writes nothing', async () => {
    const before = await plans();
    const payload = { fileName: 'sales.csv', contentBase64: base64(Buffer.from('売上,前年\n100,90\n')) };
    const res = await app.inject({ method: 'POST', url: '/api/imports', headers, payload });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { message: string } }>().error.message).toContain('looked at rows at lines 1–2');
    expect(await plans()).toEqual(before);
  });
});
