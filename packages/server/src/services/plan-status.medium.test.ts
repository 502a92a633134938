import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kpi, PlanDashboard, PlanTree } from '@kotei/contracts';
import { prepareFirstStart } from '../bootstrap.js';
import { buildApp } from '../http/app.js';
import { openTestDatabase, TEST_DATABASES, type TestDatabase } from '../testing/test-databases.js';
import { signIn } from '../testing/sign-in.js';

const SLUG = 'drug-discovery-2024';

// The status path: statuses computed once per plan, data version and date, and every read agreeing with the
// tree's. The clock is fixed at TEST_NOW (2025-07-15 in Japan).
describe.each(TEST_DATABASES)('plan statuses on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let adminPassword: string;
  const computed = (): number => database.ctx.plans.statuses.computed;
  const get = async <T>(url: string): Promise<T> => {
    const res = await app.inject({ url });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<T>();
  };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    adminPassword = (await prepareFirstStart(database.ctx, { loadSample: true })).admin?.password ?? '';
    app = await buildApp(database.ctx, { logLevel: 'silent', webRoot: null, secureCookies: false });
  });
  afterAll(async () => {
    await (app as FastifyInstance | undefined)?.close();
    await (database as TestDatabase | undefined)?.dispose();
  });

  it('is warm after start: the first portfolio, dashboard and tree compute nothing', async () => {
    await database.ctx.warmer.start();
    const warmed = computed();
    expect(warmed).toBeGreaterThan(0);
    expect(database.ctx.warmer.nextInMs).toBe(14 * 60 * 60 * 1000 + 1000);
    await get('/api/portfolio');
    await get(`/api/plans/${SLUG}/dashboard`);
    await get(`/api/plans/${SLUG}`);
    await get(`/api/search?q=%E6%B2%BB%E9%A8%93&status=on_track`);
    expect(computed()).toBe(warmed);
    // Warming again finds nothing to do.
    expect(await database.ctx.plans.warmStatuses()).toBe(0);
  });

  it('keeps another date once: the second dashboard at a round date computes nothing', async () => {
    const before = computed();
    await get(`/api/plans/${SLUG}/dashboard?at=2025-06-30`);
    expect(computed()).toBe(before + 1);
    await get(`/api/plans/${SLUG}/dashboard?at=2025-06-30`);
    await get(`/api/plans/${SLUG}?at=2025-06-30`);
    expect(computed()).toBe(before + 1);
  });

  it('sees a write at once: an override is on the portfolio, tree and dashboard, for that plan only', async () => {
    const tree = await get<PlanTree>(`/api/plans/${SLUG}`);
    const kpi = tree.sheets.flatMap((s) => s.measures.flatMap((m) => m.kpis))[0];
    const other = kpi?.status.status === 'deteriorating' ? 'achieved' : 'deteriorating';
    const before = computed();
    const headers = await signIn(app, 'admin', adminPassword);
    const res = await app.inject({
      method: 'PUT',
      url: `/api/plans/${SLUG}/kpis/${kpi?.id ?? ''}/status-override`,
      headers,
      payload: { status: other, reason: 'checked by hand' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = await get<PlanTree>(`/api/plans/${SLUG}`);
    const changed = after.sheets
      .flatMap((s) => s.measures.flatMap((m) => m.kpis))
      .find((k) => k.id === kpi?.id);
    expect(changed?.status.status).toBe(other);
    const dashboard = await get<PlanDashboard>(`/api/plans/${SLUG}/dashboard`);
    expect(dashboard.plan.statusSummary).toEqual(after.statusSummary);
    expect(dashboard.plan.statusSummary).not.toEqual(tree.statusSummary);
    // One plan written, one plan computed again: its new data version, at today.
    expect(computed()).toBe(before + 1);
  });

  it('shows on the dashboard the statuses, overdue phases and worst KPIs the tree has', async () => {
    // The seed has no KPI behind its path; overrides put twelve there, more than the dashboard lists.
    const headers = await signIn(app, 'admin', adminPassword);
    const kpis = (await get<PlanTree>(`/api/plans/${SLUG}`)).sheets.flatMap((s) =>
      s.measures.filter((m) => !m.isRepost).flatMap((m) => m.kpis),
    );
    const behindStatuses = ['moderate', 'limited', 'deteriorating'] as const;
    for (const [i, kpi] of kpis.slice(0, 12).entries()) {
      const res = await app.inject({
        method: 'PUT',
        url: `/api/plans/${SLUG}/kpis/${kpi.id}/status-override`,
        headers,
        payload: { status: behindStatuses[i % 3], reason: 'checked by hand' },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const rank = (k: Kpi): number =>
      ['deteriorating', 'limited', 'moderate', 'no_data', 'on_track', 'achieved'].indexOf(k.status.status);
    for (const at of ['2025-06-30', '2026-06-30', '2030-01-01']) {
      const tree = await get<PlanTree>(`/api/plans/${SLUG}?at=${at}`);
      const dashboard = await get<PlanDashboard>(`/api/plans/${SLUG}/dashboard?at=${at}`);
      expect(dashboard.plan.statusSummary).toEqual(tree.statusSummary);
      expect(dashboard.goals.map((g) => [g.statusSummary, g.outcomes.map((o) => o.kpi)])).toEqual(
        tree.strategicGoals.map((g) => [g.statusSummary, g.outcomes]),
      );
      expect(dashboard.sheets.map((s) => [s.statusSummary, s.measures])).toEqual(
        tree.sheets.map((s) => [s.statusSummary, s.measures.length]),
      );
      const own = tree.sheets.flatMap((s) =>
        s.measures.filter((m) => !m.isRepost).map((measure) => ({ sheet: s, measure })),
      );
      expect(dashboard.overduePhases.map((o) => o.phase)).toEqual(
        own.flatMap(({ measure }) => measure.phases.filter((p) => p.status === 'overdue')),
      );
      const kpiInTree = new Map(
        own.flatMap(({ measure }) => measure.kpis.map((k): [string, Kpi] => [k.id, k])),
      );
      for (const worst of dashboard.worstKpis) expect(worst.kpi).toEqual(kpiInTree.get(worst.kpi.id));
      const worst = own
        .flatMap(({ sheet, measure }) => measure.kpis.map((kpi) => ({ kpi, measure, sheet })))
        .filter(({ kpi }) => rank(kpi) <= 2)
        .sort((a, b) => rank(a.kpi) - rank(b.kpi) || (a.kpi.status.score ?? 0) - (b.kpi.status.score ?? 0))
        .slice(0, 10);
      expect(worst).toHaveLength(10);
      expect(dashboard.worstKpis.map((w) => [w.kpi.id, w.measureId, w.measureTitle, w.sheetNumber])).toEqual(
        worst.map((w) => [w.kpi.id, w.measure.id, w.measure.title, w.sheet.number]),
      );
    }
  });
});
