import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kpi, MeasureDetail, PlanDashboard, PlanTree, Portfolio, SearchResult } from '@kotei/contracts';
import { prepareFirstStart } from '../bootstrap.js';
import { buildApp } from '../http/app.js';
import { openTestDatabase, TEST_DATABASES, type TestDatabase } from '../testing/test-databases.js';
import { signIn } from '../testing/sign-in.js';

const SLUG = 'drug-discovery-2024';
const MINISTRY = { login: 'mhlw', password: 'a ministry long passphrase' };
const COORDINATOR = { login: 'coord', password: 'a coordinator long passphrase' };

function everyKpi(tree: PlanTree): Kpi[] {
  const byId = new Map<string, Kpi>();
  for (const goal of tree.strategicGoals) for (const kpi of goal.outcomes) byId.set(kpi.id, kpi);
  for (const sheet of tree.sheets)
    for (const m of sheet.measures) for (const kpi of m.kpis) byId.set(kpi.id, kpi);
  return [...byId.values()];
}

// A plan's status method (#16): chosen by a coordinator, audited, and read by every view from the one status
// path, which grades every KPI by both methods so a change of method computes nothing again.
describe.each(TEST_DATABASES)('a plan’s status method on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const get = async <T>(url: string): Promise<T> => {
    const res = await app.inject({ url });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<T>();
  };
  const setMethod = (headers: Record<string, string>, statusMethod: unknown) =>
    app.inject({ method: 'PATCH', url: `/api/plans/${SLUG}`, headers, payload: { statusMethod } });

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await prepareFirstStart(database.ctx, { loadSample: true });
    await database.ctx.users.add('system', { ...MINISTRY, role: 'ministry', ministry: '厚' });
    await database.ctx.users.add('system', { ...COORDINATOR, role: 'coordinator' });
    app = await buildApp(database.ctx, { logLevel: 'silent', webRoot: null, secureCookies: false });
  });
  afterAll(async () => {
    await (app as FastifyInstance | undefined)?.close();
    await (database as TestDatabase | undefined)?.dispose();
  });

  it('is Open SDG until chosen, with the A/B/N/F grades counted beside the statuses', async () => {
    const tree = await get<PlanTree>(`/api/plans/${SLUG}?at=2025-06-30`);
    expect(tree.statusMethod).toBe('open-sdg');
    const kpis = everyKpi(tree);
    const counted = { A: 0, B: 0, N: 0, F: 0 };
    for (const kpi of kpis) counted[kpi.status.abnf.grade] += 1;
    expect(tree.statusSummary.grades).toEqual(counted);
    expect(tree.statusSummary.total).toBe(kpis.length);
    // The seed's two reported cumulative counts (22件 and 86件 in FY2024) are ahead of their straight lines.
    expect(counted.A).toBeGreaterThanOrEqual(2);
    // Its qualitative KPIs have no quantitative target.
    expect(counted.F).toBe(kpis.filter((k) => k.shape === 'qualitative').length);
    const pediatric = kpis.find((k) => k.name === '小児用医薬品の開発計画の策定件数' && k.actuals.length > 0);
    expect(pediatric?.status.abnf).toMatchObject({ grade: 'A', neededNow: 10, elapsed: 0.2 });
    expect(pediatric?.status.abnf.sentence.ja).toContain('現時点で必要な値は10件です');
  });

  it('refuses the change to anyone but a coordinator, and a method it does not know, naming the field', async () => {
    expect((await setMethod({}, 'abnf')).statusCode).toBe(401);
    const ministry = await signIn(app, MINISTRY.login, MINISTRY.password);
    expect((await setMethod(ministry, 'abnf')).statusCode).toBe(403);
    const coordinator = await signIn(app, COORDINATOR.login, COORDINATOR.password);
    const wrong = await setMethod(coordinator, 'linear');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('statusMethod');
    expect((await get<PlanTree>(`/api/plans/${SLUG}`)).statusMethod).toBe('open-sdg');
  });

  it('lets a coordinator choose A/B/N/F, audited, and every view reads it without computing again', async () => {
    await get(`/api/portfolio`);
    const computed = database.ctx.plans.statuses.computed;
    const coordinator = await signIn(app, COORDINATOR.login, COORDINATOR.password);
    const res = await setMethod(coordinator, 'abnf');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<PlanTree>().statusMethod).toBe('abnf');
    const events = await database.ctx.audit.listForEntity('plan', res.json<PlanTree>().id);
    expect(events.at(-1)).toMatchObject({
      action: 'plan.update',
      detail: { before: { statusMethod: 'open-sdg' }, after: { statusMethod: 'abnf' } },
    });
    const dashboard = await get<PlanDashboard>(`/api/plans/${SLUG}/dashboard`);
    expect(dashboard.plan.statusMethod).toBe('abnf');
    const portfolio = await get<Portfolio>('/api/portfolio');
    const listed = [...portfolio.fields.flatMap((f) => f.plans), ...portfolio.otherPlans].find(
      (p) => p.slug === SLUG,
    );
    expect(listed?.statusMethod).toBe('abnf');
    expect(listed?.statusSummary.grades).toEqual(dashboard.plan.statusSummary.grades);
    const tree = await get<PlanTree>(`/api/plans/${SLUG}`);
    const measure = tree.sheets[0]?.measures[0];
    const detail = await get<MeasureDetail>(`/api/plans/${SLUG}/measures/${measure?.id ?? ''}`);
    expect(detail.plan.statusMethod).toBe('abnf');
    // The grades were computed with the statuses: choosing a method computed nothing.
    expect(database.ctx.plans.statuses.computed).toBe(computed);
  });

  it('filters a search by grade: only KPIs of that grade, and measures with one', async () => {
    const tree = await get<PlanTree>(`/api/plans/${SLUG}`);
    const graded = new Map(everyKpi(tree).map((kpi) => [kpi.id, kpi.status.abnf.grade]));
    const found = await get<SearchResult>(`/api/search?q=%E4%BB%B6%E6%95%B0&type=kpi&grade=A&plan=${SLUG}`);
    expect(found.hits.length).toBeGreaterThan(0);
    for (const hit of found.hits) expect(graded.get(hit.id)).toBe('A');
    const none = await get<SearchResult>(`/api/search?q=%E4%BB%B6%E6%95%B0&type=kpi&grade=B&plan=${SLUG}`);
    for (const hit of none.hits) expect(graded.get(hit.id)).toBe('B');
    const refused = await app.inject({ url: `/api/search?q=x&grade=C` });
    expect(refused.statusCode).toBe(400);
  });
});
