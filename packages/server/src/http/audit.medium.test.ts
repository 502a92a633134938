import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlanDocument, type PlanTree } from '@kotei/contracts';
import { prepareFirstStart } from '../bootstrap.js';
import { openTestDatabase, TEST_DATABASES, type TestDatabase } from '../testing/test-databases.js';
import { signIn } from '../testing/sign-in.js';
import { buildApp } from './app.js';

const SLUG = 'audit-detail';
const PASSWORD = 'coordinator-password-1';

// What the audit trail records of the app's own writes: who signed in, out or failed to (never the
// password), and the whole before → after of an edit.
describe.each(TEST_DATABASES)('the audit trail of requests on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let headers: Record<string, string>;
  let userId: string;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await prepareFirstStart(database.ctx, { loadSample: false });
    await database.ctx.plans.create(
      'system',
      PlanDocument.parse({
        slug: SLUG,
        title: '監査の計画',
        owner: '医政局',
        adoptedOn: '2024-07-01',
        policyFields: ['pharma-industry'],
        round: { title: '2025年6月末時点', asOfDate: '2025-06-30' },
        strategicGoals: [
          {
            number: 1,
            title: '目標',
            outcomes: [
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
    const { user } = await database.ctx.users.add('system', {
      login: 'coordinator1',
      role: 'coordinator',
      password: PASSWORD,
    });
    userId = user.id;
    app = await buildApp(database.ctx, { logLevel: 'silent', webRoot: null, secureCookies: false });
    headers = await signIn(app, 'coordinator1', PASSWORD);
  });
  afterAll(async () => {
    await (app as FastifyInstance | undefined)?.close();
    await (database as TestDatabase | undefined)?.dispose();
  });

  it('records a sign-in, a sign-out and each failed sign-in with login, IP and request id, never the password', async () => {
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'coordinator1', password: 'not-the-password-9' },
    });
    expect(wrong.statusCode).toBe(401);
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '198.51.100.7',
      payload: { login: 'nobody', password: 'guess-password-9' },
    });
    expect(unknown.statusCode).toBe(401);
    const session = await signIn(app, 'coordinator1', PASSWORD);
    const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: session });
    expect(out.statusCode).toBe(204);

    const failed = await database.ctx.audit.listByAction('auth.sign_in_failed');
    expect(failed).toEqual([
      expect.objectContaining({
        actorId: null,
        entityId: userId,
        detail: { login: 'coordinator1', reason: 'wrong_password', ip: '127.0.0.1' },
        requestId: wrong.headers['x-request-id'],
      }),
      expect.objectContaining({
        entityId: null,
        detail: { login: 'nobody', reason: 'unknown_login', ip: '198.51.100.7' },
        requestId: unknown.headers['x-request-id'],
      }),
    ]);
    const signIns = await database.ctx.audit.listByAction('auth.sign_in');
    expect(signIns.map((e) => [e.actorId, e.detail.login])).toEqual([
      [userId, 'coordinator1'],
      [userId, 'coordinator1'],
    ]);
    const signOuts = await database.ctx.audit.listByAction('auth.sign_out');
    expect(signOuts).toEqual([
      expect.objectContaining({ actorId: userId, entityId: userId, requestId: out.headers['x-request-id'] }),
    ]);
    const stored = await database.ctx.database.db.selectFrom('audit_event').select('detail_json').execute();
    expect(stored.some((row) => /password-9|password-1/.test(row.detail_json))).toBe(false);
    await expect(database.ctx.audit.verify()).resolves.toMatchObject({ ok: true });
  });

  it('records the fields of a plan edit before and after, policy fields included', async () => {
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/plans/${SLUG}`,
      headers,
      payload: { title: '監査の計画（改）', policyFields: ['pharma-industry', 'health-data'] },
    });
    expect(res.statusCode, res.body).toBe(200);
    const events = await database.ctx.audit.listForEntity('plan', res.json<{ id: string }>().id);
    expect(events.at(-1)).toMatchObject({
      action: 'plan.update',
      actorId: userId,
      requestId: res.headers['x-request-id'],
      detail: {
        before: { title: '監査の計画', policyFields: ['pharma-industry'] },
        after: { title: '監査の計画（改）', policyFields: ['pharma-industry', 'health-data'] },
      },
    });
  });

  it('records the override a set replaced and a clear removed: status, reason, who set it and when', async () => {
    const tree = (await app.inject({ url: `/api/plans/${SLUG}` })).json<PlanTree>();
    const kpiId = tree.strategicGoals[0]?.outcomes[0]?.id ?? '';
    const url = `/api/plans/${SLUG}/kpis/${kpiId}/status-override`;
    const reason = '全対象品目で開発着手済み';
    const first = await app.inject({
      method: 'PUT',
      url,
      headers,
      payload: { status: 'limited', reason: '遅れ' },
    });
    expect(first.statusCode, first.body).toBe(200);
    const set = await app.inject({ method: 'PUT', url, headers, payload: { status: 'on_track', reason } });
    expect(set.statusCode, set.body).toBe(200);
    const cleared = await app.inject({ method: 'DELETE', url, headers });
    expect(cleared.statusCode, cleared.body).toBe(200);
    const events = await database.ctx.audit.listForEntity('kpi', kpiId);
    expect(events.map((e) => e.action)).toEqual([
      'kpi.status_override.set',
      'kpi.status_override.set',
      'kpi.status_override.clear',
    ]);
    const firstSet = { status: 'limited', reason: '遅れ', setBy: userId, setAt: events[0]?.at };
    const secondSet = { status: 'on_track', reason, setBy: userId, setAt: events[1]?.at };
    expect(events.map((e) => e.detail)).toEqual([
      { planId: tree.id, before: null, after: firstSet },
      { planId: tree.id, before: firstSet, after: secondSet },
      { planId: tree.id, before: secondSet, after: null },
    ]);
  });
});
