import { tmpdir } from 'node:os';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlanDocument, type KpiStatus, type PlanTree, type Portfolio } from '@kotei/contracts';
import { prepareFirstStart } from '../bootstrap.js';
import { openContext } from '../context.js';
import { openTestDatabase, TEST_DATABASES, TEST_NOW, type TestDatabase } from '../testing/test-databases.js';
import { signIn } from '../testing/sign-in.js';
import { buildApp } from './app.js';

const SLUG = 'status-check';

describe.each(TEST_DATABASES)('KPI status on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let headers: Record<string, string>;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const first = await prepareFirstStart(database.ctx, { loadSample: false });
    await database.ctx.plans.create(
      'system',
      PlanDocument.parse({
        slug: SLUG,
        title: '状態確認用の計画',
        owner: '医政局',
        adoptedOn: '2024-07-01',
        round: { title: '2025年6月末時点', asOfDate: '2025-06-30' },
        strategicGoals: [
          {
            number: 1,
            title: '国民に最新の医薬品を速やかに届ける',
            outcomes: [
              {
                name: '小児用医薬品の開発計画の策定件数',
                unit: '件',
                shape: 'cumulative',
                direction: 'increase',
                baseline: null,
                target: { value: 50, label: '2024～2028年度累積' },
                actuals: [{ value: 22, label: '2024年度' }],
              },
              {
                name: 'ドラッグ・ロスの解消',
                unit: '',
                shape: 'qualitative',
                direction: 'increase',
                baseline: null,
                target: { value: null, label: '2026年度' },
              },
            ],
          },
        ],
      }),
    );
    app = await buildApp(database.ctx, { logLevel: 'silent', webRoot: null, secureCookies: false });
    headers = await signIn(app, 'admin', first.admin?.password ?? '');
  });
  afterAll(async () => {
    await (app as FastifyInstance | undefined)?.close();
    await (database as TestDatabase | undefined)?.dispose();
  });

  const tree = async (at: string): Promise<PlanTree> =>
    (await app.inject({ url: `/api/plans/${SLUG}?at=${at}` })).json<PlanTree>();

  it('computes each KPI status on read, with its sentence, and rolls it up', async () => {
    const plan = await tree('2025-06-30');
    const [cumulative, qualitative] = plan.strategicGoals[0]?.outcomes ?? [];
    expect(cumulative?.status).toMatchObject({
      status: 'on_track',
      computedStatus: 'on_track',
      valueUsed: 22,
      expectedValue: 10,
      override: null,
      sentence: {
        ja: '2024年度までの累計22件は、2024–2028年度累積50件に対する按分値10件（5年度中1年度経過）を上回っており順調です',
      },
    });
    expect(qualitative?.status.status).toBe('no_data');
    expect(plan.statusSummary).toMatchObject({ total: 2, scored: 1, counts: { on_track: 1, no_data: 1 } });
    expect(plan.strategicGoals[0]?.statusSummary.status).toBe('on_track');
  });

  it('leaves out actuals whose period had not ended at the reference date', async () => {
    const plan = await tree('2025-03-30');
    expect(plan.strategicGoals[0]?.outcomes[0]?.status.status).toBe('no_data');
  });

  it('lets a coordinator set a status with a reason, keeps the computed one, and records it', async () => {
    const kpi = (await tree('2025-06-30')).strategicGoals[0]?.outcomes[1];
    const url = `/api/plans/${SLUG}/kpis/${kpi?.id ?? ''}/status-override`;
    const noReason = await app.inject({
      method: 'PUT',
      url,
      headers,
      payload: { status: 'on_track', reason: ' ' },
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ error: { details: [{ path: 'reason' }] } });

    const set = await app.inject({
      method: 'PUT',
      url,
      headers,
      payload: { status: 'on_track', reason: '全対象品目で開発着手済み（官民協議会報告）' },
    });
    expect(set.statusCode).toBe(200);
    expect(set.json<KpiStatus>()).toMatchObject({
      status: 'on_track',
      computedStatus: 'no_data',
      override: { status: 'on_track', reason: '全対象品目で開発着手済み（官民協議会報告）' },
    });
    const plan = await tree('2025-06-30');
    expect(plan.statusSummary.counts.on_track).toBe(2);
    const events = await database.ctx.audit.listForEntity('kpi', kpi?.id ?? '');
    expect(events.map((e) => e.action)).toEqual(['kpi.status_override.set']);

    const cleared = await app.inject({ method: 'DELETE', url, headers });
    expect(cleared.json<KpiStatus>()).toMatchObject({ status: 'no_data', override: null });
  });

  it('refuses an override from anyone but a coordinator or admin', async () => {
    const kpi = (await tree('2025-06-30')).strategicGoals[0]?.outcomes[1];
    const url = `/api/plans/${SLUG}/kpis/${kpi?.id ?? ''}/status-override`;
    expect(
      (await app.inject({ method: 'PUT', url, payload: { status: 'on_track', reason: 'x' } })).statusCode,
    ).toBe(401);
    await database.ctx.users.add('system', {
      login: 'expert1',
      role: 'expert',
      password: 'expert-password-1',
    });
    const expertHeaders = await signIn(app, 'expert1', 'expert-password-1');
    const res = await app.inject({
      method: 'PUT',
      url,
      headers: expertHeaders,
      payload: { status: 'on_track', reason: 'x' },
    });
    expect(res.statusCode).toBe(403);
    const missing = await app.inject({
      method: 'PUT',
      url: `/api/plans/${SLUG}/kpis/00000000-0000-4000-8000-000000000000/status-override`,
      headers,
      payload: { status: 'on_track', reason: 'x' },
    });
    expect(missing.statusCode).toBe(404);
  });

  it("keeps the portfolio's statuses between requests and recomputes them when another instance writes or the day moves", async () => {
    // A second instance on the same database, whose clock the test moves.
    let now = new Date(TEST_NOW);
    const other = await openContext({ databaseUrl: database.url, cwd: tmpdir(), clock: { now: () => now } });
    const otherApp = await buildApp(other, { logLevel: 'silent', webRoot: null, secureCookies: false });
    try {
      const summary = async (): Promise<PlanTree['statusSummary'] | undefined> => {
        const res = await otherApp.inject({ url: '/api/portfolio' });
        expect(res.statusCode).toBe(200);
        return res.json<Portfolio>().otherPlans.find((p) => p.slug === SLUG)?.statusSummary;
      };
      expect((await summary())?.counts).toMatchObject({ on_track: 1, no_data: 1 });
      expect((await summary())?.counts).toMatchObject({ on_track: 1, no_data: 1 });

      // The first instance writes; the second sees it at once.
      const kpi = (await tree('2025-06-30')).strategicGoals[0]?.outcomes[1];
      const url = `/api/plans/${SLUG}/kpis/${kpi?.id ?? ''}/status-override`;
      const set = await app.inject({
        method: 'PUT',
        url,
        headers,
        payload: { status: 'limited', reason: '進捗の遅れ' },
      });
      expect(set.statusCode).toBe(200);
      expect((await summary())?.counts).toMatchObject({ on_track: 1, limited: 1 });
      await app.inject({ method: 'DELETE', url, headers });
      expect((await summary())?.counts).toMatchObject({ on_track: 1, no_data: 1 });

      // A year earlier the FY2024 actual had not ended yet: nothing can be scored.
      now = new Date('2024-07-15T10:00:00+09:00');
      expect((await summary())?.counts).toMatchObject({ no_data: 2 });
    } finally {
      await otherApp.close();
      await other.close();
    }
  });
});
