import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanTree } from '@kotei/contracts';
import { prepareFirstStart } from '../bootstrap.js';
import { openTestDatabase, TEST_DATABASES, type TestDatabase } from '../testing/test-databases.js';
import { buildApp } from './app.js';

const SLUG = 'drug-discovery-2024';

describe.each(TEST_DATABASES)('HTTP API on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let adminPassword: string;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const first = await prepareFirstStart(database.ctx, { loadSample: true });
    adminPassword = first.admin?.password ?? '';
    app = await buildApp(database.ctx, { logLevel: 'silent', webRoot: null, secureCookies: false });
  });
  afterAll(async () => {
    // Either may be missing when beforeAll failed; the failure is reported there, not hidden here.
    await (app as FastifyInstance | undefined)?.close();
    await (database as TestDatabase | undefined)?.dispose();
  });

  async function signIn(login: string, password: string): Promise<{ cookie: string; csrf: string }> {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'kotei_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    return {
      cookie: `kotei_session=${cookie?.value ?? ''}`,
      csrf: res.json<{ csrfToken: string }>().csrfToken,
    };
  }

  it('lists the sample plan with its counts', async () => {
    const res = await app.inject({ url: '/api/plans' });
    expect(res.statusCode).toBe(200);
    const { plans } = res.json<{
      plans: { slug: string; isSample: boolean; counts: { goals: number; sheets: number } }[];
    }>();
    expect(plans).toHaveLength(1);
    expect(plans[0]).toMatchObject({ slug: SLUG, isSample: true, counts: { goals: 3, sheets: 12 } });
  });

  it('reads the whole plan tree with phase statuses at today in Japan', async () => {
    const res = await app.inject({ url: `/api/plans/${SLUG}` });
    expect(res.statusCode).toBe(200);
    const tree = res.json<PlanTree>();
    expect(tree.referenceDate).toBe('2025-07-15');
    expect(tree.strategicGoals.map((g) => g.title)).toContain('国民に最新の医薬品を速やかに届ける');
    expect(tree.sheets.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const first = tree.sheets[0]?.measures[0];
    expect(first?.title).toBe('官民協議会による外資系企業・外国資金の呼び込み');
    expect(first?.kpis[0]?.target).toMatchObject({ value: 14, period: { fiscalYear: 2028, label: 'R10' } });
    expect(first?.kpis[0]?.baseline).toMatchObject({ value: 7, period: { fiscalYear: 2023, label: 'R5' } });
    // A 2024年夏 phase no round reported on is 未報告 by July 2025: not called overdue for want of a report.
    const summer = first?.phases.find((p) => p.period.label === '2024年夏');
    expect(summer?.status).toBe('unreported');
    const project = tree.sheets
      .flatMap((s) => s.measures)
      .flatMap((m) => m.projects)
      .find((p) => p.name === '創薬エコシステム発展支援事業');
    expect(project?.lines[0]?.amountYen).toBe(3_000_000_000);
  });

  it('computes phase statuses at a given reference date', async () => {
    const res = await app.inject({ url: `/api/plans/${SLUG}?at=2024-07-01` });
    const tree = res.json<{
      sheets: { measures: { phases: { period: { label: string }; status: string }[] }[] }[];
    }>();
    const summer = tree.sheets[0]?.measures[0]?.phases.find((p) => p.period.label === '2024年夏');
    expect(summer?.status).toBe('in_progress');
  });

  it('reads one measure with where it appears', async () => {
    const tree = (await app.inject({ url: `/api/plans/${SLUG}` })).json<{
      sheets: { measures: { id: string; title: string }[] }[];
    }>();
    const measure = tree.sheets[1]?.measures[0];
    const res = await app.inject({ url: `/api/plans/${SLUG}/measures/${measure?.id ?? ''}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      plan: { slug: SLUG },
      measure: { id: measure?.id, title: measure?.title, isRepost: false },
      rounds: [{ asOfDate: '2025-06-30' }],
    });
    const detail = res.json<{
      placements: { sheetNumber: number; isRepost: boolean }[];
      source: { lineFrom: number; rawText: string } | null;
    }>();
    expect(detail.placements).toContainEqual({
      sheetNumber: 2,
      sheetTitle: expect.any(String) as string,
      isRepost: false,
    });
    // Imported from the seed: the measure keeps the lines it was read from.
    expect(detail.source?.lineFrom).toBeGreaterThan(60);
    expect(detail.source?.rawText).toContain('FIH');
    const unknown = await app.inject({
      url: `/api/plans/${SLUG}/measures/00000000-0000-4000-8000-000000000000`,
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: { code: 'measure_not_found' } });
    const malformed = await app.inject({ url: `/api/plans/${SLUG}/measures/not-a-uuid` });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ error: { details: [{ path: 'params.measureId' }] } });
  });

  it("shows the portfolio by the bureau's policy fields, with the sample plan under its field", async () => {
    const res = await app.inject({ url: '/api/portfolio' });
    expect(res.statusCode).toBe(200);
    const portfolio = res.json<{
      fields: {
        code: string;
        nameJa: string;
        aimJa: string;
        plans: { slug: string; statusSummary: { total: number } }[];
      }[];
      otherPlans: unknown[];
    }>();
    expect(portfolio.fields.map((f) => f.nameJa)).toEqual(
      expect.arrayContaining([
        '医療提供体制の整備',
        '医薬産業の振興・医薬品等の安定供給の確保',
        '医療情報の利活用',
      ]),
    );
    const pharma = portfolio.fields.find((f) => f.code === 'pharma-industry');
    expect(pharma?.plans.map((p) => p.slug)).toEqual([SLUG]);
    expect(pharma?.plans[0]?.statusSummary.total).toBeGreaterThan(10);
    expect(portfolio.fields.find((f) => f.code === 'care-delivery')?.plans).toEqual([]);
    expect(portfolio.otherPlans).toEqual([]);
  });

  it('builds the plan dashboard: sheets, overdue phases and budget totals that never add 内数', async () => {
    const res = await app.inject({ url: `/api/plans/${SLUG}/dashboard?at=2025-07-15` });
    expect(res.statusCode).toBe(200);
    const dashboard = res.json<{
      referenceDate: string;
      goals: { outcomes: { kpi: { name: string }; path: { year: number; value: number }[] }[] }[];
      sheets: { number: number; measures: number; overduePhases: number }[];
      overduePhases: { phase: { status: string } }[];
      budget: { total: { yen: number }; projects: number };
    }>();
    expect(dashboard.referenceDate).toBe('2025-07-15');
    expect(dashboard.sheets.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(dashboard.overduePhases.length).toBe(dashboard.sheets.reduce((n, s) => n + s.overduePhases, 0));
    expect(dashboard.overduePhases.every((o) => o.phase.status === 'overdue')).toBe(true);
    expect(dashboard.budget.total.yen).toBeGreaterThanOrEqual(3_000_000_000);
    const trial = dashboard.goals
      .flatMap((g) => g.outcomes)
      .find((o) => o.kpi.name.includes('国際共同治験の初回治験計画届件数'));
    // 100件 (2021年) → 150件 (2028年): a path of 8 yearly points from 100 to 150.
    expect(trial?.path.length).toBe(8);
    expect(trial?.path[0]?.value).toBeCloseTo(100, 9);
    expect(trial?.path[7]?.value).toBeCloseTo(150, 9);
  });

  it('answers an unknown plan with 404 in the error shape', async () => {
    const res = await app.inject({ url: '/api/plans/no-such-plan' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'plan_not_found', details: [] } });
    expect(res.headers['x-request-id']).toBe(res.json<{ error: { requestId: string } }>().error.requestId);
  });

  it('answers an unknown API route with 404 in the error shape, never the web page', async () => {
    const res = await app.inject({ url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'route_not_found' } });
  });

  it('rejects a bad query parameter with 400 naming it', async () => {
    const res = await app.inject({ url: `/api/plans/${SLUG}?at=2025-13-01` });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'invalid_input', details: [{ path: 'query.at' }] } });
  });

  it('serves OpenAPI 3.1 with the plan routes', async () => {
    const res = await app.inject({ url: '/api/openapi.json' });
    const doc = res.json<{
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    }>();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/plans', '/api/plans/{slug}', '/api/auth/login']),
    );
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['PlanTree', 'Error']));
  });

  it('refuses an anonymous write with 401, whatever its body', async () => {
    for (const payload of [{ title: '新しい題名' }, { title: 42 }]) {
      const res = await app.inject({ method: 'PATCH', url: `/api/plans/${SLUG}`, payload });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ error: { code: 'unauthenticated' } });
    }
  });

  it('refuses a write without the CSRF token with 403', async () => {
    const { cookie } = await signIn('admin', adminPassword);
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/plans/${SLUG}`,
      headers: { cookie },
      payload: { title: 'x' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: 'csrf_token_invalid' } });
  });

  it('rejects an invalid body with 400 and the field path', async () => {
    const { cookie, csrf } = await signIn('admin', adminPassword);
    const headers = { cookie, 'x-csrf-token': csrf };
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/plans/${SLUG}`,
      headers,
      payload: { title: '', policyFields: ['ok', 7] },
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json<{ error: { details: { path: string }[] } }>().error.details.map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['title', 'policyFields[1]']));
    const malformed = await app.inject({
      method: 'PATCH',
      url: `/api/plans/${SLUG}`,
      headers: { ...headers, 'content-type': 'application/json' },
      payload: '{"title":',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ error: { code: 'bad_request' } });
  });

  it('lets an admin change a plan and records it in the audit trail', async () => {
    const { cookie, csrf } = await signIn('admin', adminPassword);
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/plans/${SLUG}`,
      headers: { cookie, 'x-csrf-token': csrf },
      payload: { owner: '内閣官房健康・医療戦略室（テスト）' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ owner: '内閣官房健康・医療戦略室（テスト）' });
    const plan = res.json<{ id: string }>();
    const events = await database.ctx.audit.listForEntity('plan', plan.id);
    expect(events.map((e) => e.action)).toEqual(['plan.create', 'plan.update']);
    expect(events[1]?.detail).toMatchObject({ after: { owner: '内閣官房健康・医療戦略室（テスト）' } });
  });

  it('forbids ministry staff from editing a plan', async () => {
    await database.ctx.users.add('system', {
      login: 'kosei',
      role: 'ministry',
      ministry: '厚',
      password: 'kosei-password-1',
    });
    const { cookie, csrf } = await signIn('kosei', 'kosei-password-1');
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/plans/${SLUG}`,
      headers: { cookie, 'x-csrf-token': csrf },
      payload: { title: 'x' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('opens a follow-up round once per as-of date', async () => {
    const { cookie, csrf } = await signIn('admin', adminPassword);
    const headers = { cookie, 'x-csrf-token': csrf };
    const url = `/api/plans/${SLUG}/rounds`;
    const created = await app.inject({
      method: 'POST',
      url,
      headers,
      payload: { title: '2025年12月末時点', asOfDate: '2025-12-31', deadline: '2026-01-31' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ state: 'open', asOfDate: '2025-12-31' });
    const again = await app.inject({
      method: 'POST',
      url,
      headers,
      payload: { title: '重複', asOfDate: '2025-12-31' },
    });
    expect(again.statusCode).toBe(409);
    const early = await app.inject({
      method: 'POST',
      url,
      headers,
      payload: { title: '期限', asOfDate: '2026-06-30', deadline: '2026-01-01' },
    });
    expect(early.statusCode).toBe(400);
    expect(early.json()).toMatchObject({ error: { details: [{ path: 'deadline' }] } });
  });

  it('signs in, recognises the session, and signs out', async () => {
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'admin', password: 'wrong-password' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ error: { code: 'invalid_credentials' } });
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'nobody', password: 'wrong-password' },
    });
    // An unknown login and a wrong password read alike, so logins cannot be guessed one by one.
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json<{ error: { message: string } }>().error.message).toBe(
      wrong.json<{ error: { message: string } }>().error.message,
    );

    const { cookie, csrf } = await signIn('admin', adminPassword);
    const session = await app.inject({ url: '/api/auth/session', headers: { cookie } });
    expect(session.json()).toMatchObject({ user: { login: 'admin', role: 'admin' }, csrfToken: csrf });
    const out = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie, 'x-csrf-token': csrf },
    });
    expect(out.statusCode).toBe(204);
    const after = await app.inject({ url: '/api/auth/session', headers: { cookie } });
    expect(after.json()).toEqual({ user: null, csrfToken: null });
  });

  it('sends security headers and never a stack trace', async () => {
    const res = await app.inject({ url: '/api/plans' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
