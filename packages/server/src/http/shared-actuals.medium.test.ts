import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kpi, PlanDashboard, PlanTree } from '@kotei/contracts';
import { prepareFirstStart } from '../bootstrap.js';
import { openTestDatabase, TEST_DATABASES, type TestDatabase } from '../testing/test-databases.js';
import { buildApp } from './app.js';

const SLUG = 'drug-discovery-2024';
const NAME = '小児用医薬品の開発計画の策定件数';

// 目標1's outcome target and sheet ⑨'s KPI measure the same thing; the outcome has no actual of its own and is
// judged with the KPI's 22件. Whatever a status rests on is shown with it, marked as the other KPI's.
describe.each(TEST_DATABASES)('shared actuals on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await prepareFirstStart(database.ctx, { loadSample: true });
    app = await buildApp(database.ctx, { logLevel: 'silent', webRoot: null, secureCookies: false });
  });
  afterAll(async () => {
    await (app as FastifyInstance | undefined)?.close();
    await (database as TestDatabase | undefined)?.dispose();
  });

  const outputKpi = (tree: PlanTree): Kpi | undefined =>
    tree.sheets.flatMap((s) => s.measures.flatMap((m) => m.kpis)).find((k) => k.name === NAME);

  it('shows the borrowed actual on the outcome target, marked with the KPI it belongs to', async () => {
    const tree = (await app.inject({ url: `/api/plans/${SLUG}?at=2025-06-30` })).json<PlanTree>();
    const outcome = tree.strategicGoals.flatMap((g) => g.outcomes).find((k) => k.name === NAME);
    const output = outputKpi(tree);
    expect(output?.actuals.map((a) => [a.value, a.borrowedFrom])).toEqual([[22, null]]);
    expect(outcome?.actuals.map((a) => [a.value, a.period.fiscalYear, a.borrowedFrom])).toEqual([
      [22, 2024, output?.id],
    ]);
    expect(outcome?.status).toMatchObject({ status: 'on_track', valueUsed: 22 });
  });

  it('draws it on the dashboard, where the outcome trajectory is read', async () => {
    const tree = (await app.inject({ url: `/api/plans/${SLUG}?at=2025-06-30` })).json<PlanTree>();
    const dashboard = (
      await app.inject({ url: `/api/plans/${SLUG}/dashboard?at=2025-06-30` })
    ).json<PlanDashboard>();
    const outcome = dashboard.goals.flatMap((g) => g.outcomes).find((o) => o.kpi.name === NAME);
    expect(outcome?.kpi.actuals.map((a) => [a.value, a.borrowedFrom])).toEqual([[22, outputKpi(tree)?.id]]);
  });
});
