import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanTree } from '@kotei/contracts';
import { prepareFirstStart } from '../bootstrap.js';
import { openTestDatabase, TEST_DATABASES, type TestDatabase } from '../testing/test-databases.js';
import { signIn } from '../testing/sign-in.js';
import { openRound } from '../testing/rounds.js';
import { buildApp } from './app.js';

const SLUG = 'drug-discovery-2024';
const EXPERT = { login: 'expert-tanaka', password: 'correct horse battery staple' };
const OTHER = { login: 'expert-suzuki', password: 'another long passphrase' };

describe.each(TEST_DATABASES)('API tokens on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let session: Record<string, string>;
  let evaluations: string;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const first = await prepareFirstStart(database.ctx, { loadSample: true });
    await database.ctx.users.add('system', { ...EXPERT, role: 'expert' });
    await database.ctx.users.add('system', { ...OTHER, role: 'expert' });
    app = await buildApp(database.ctx, { logLevel: 'silent', webRoot: null, secureCookies: false });
    session = await signIn(app, EXPERT.login, EXPERT.password);
    const plan = (await app.inject({ url: `/api/plans/${SLUG}` })).json<PlanTree>();
    const admin = await signIn(app, 'admin', first.admin?.password ?? '');
    const measureIds = [plan.sheets[0]?.measures[0]?.id ?? ''];
    const round = await openRound(app, admin, SLUG, { asOfDate: '2025-07-01', measureIds });
    evaluations = `/api/plans/${SLUG}/rounds/${round.id}/evaluations`;
  });
  afterAll(async () => {
    await (app as FastifyInstance | undefined)?.close();
    await (database as TestDatabase | undefined)?.dispose();
  });

  const makeToken = async (scope: 'read' | 'write', headers = session) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      headers,
      payload: { name: `script (${scope})`, scope },
    });
    expect(res.statusCode).toBe(201);
    return res.json<{ token: { id: string; scope: string }; secret: string }>();
  };
  const evaluate = (headers: Record<string, string>, number: number) =>
    app.inject({
      method: 'POST',
      url: evaluations,
      headers,
      payload: {
        target: { kind: 'sheet', number },
        rating: 'concern',
        comment: '相談件数が目標に届いていない。',
      },
    });

  it('shows the secret once and stores only its hash', async () => {
    const { token, secret } = await makeToken('write');
    expect(secret).toMatch(/^kotei_[A-Za-z0-9_-]{43}$/);
    const list = await app.inject({ url: '/api/auth/tokens', headers: session });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ tokens: [{ id: token.id, scope: 'write', lastUsedAt: null }] });
    expect(list.body).not.toContain(secret);
    const rows = await database.ctx.database.db.selectFrom('api_token').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(secret.slice(6));
    const audit = await sql<{
      n: number | string;
    }>`select count(*) as n from audit_event where action = 'token.create'`.execute(database.ctx.database.db);
    expect(Number(audit.rows[0]?.n)).toBeGreaterThanOrEqual(1);
  });

  it('lets a write token write without a CSRF token, as its user, and a read token only read', async () => {
    const write = await makeToken('write');
    const read = await makeToken('read');
    const written = await evaluate({ authorization: `Bearer ${write.secret}` }, 2);
    expect(written.statusCode).toBe(201);
    expect(written.json()).toMatchObject({ evaluator: { displayName: EXPERT.login } });

    const refused = await evaluate({ authorization: `Bearer ${read.secret}` }, 3);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: { code: 'token_read_only' } });
    expect(
      (await app.inject({ url: evaluations, headers: { authorization: `Bearer ${read.secret}` } }))
        .statusCode,
    ).toBe(200);
  });

  it('cannot manage sessions, passwords or tokens, and a revoked or unknown one is refused', async () => {
    const { token, secret } = await makeToken('write');
    const bearer = { authorization: `Bearer ${secret}` };
    expect((await app.inject({ url: '/api/auth/sessions', headers: bearer })).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/auth/tokens', headers: bearer })).statusCode).toBe(401);
    const made = await app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      headers: bearer,
      payload: { name: 'another', scope: 'write' },
    });
    expect(made.statusCode).toBe(401);

    const other = await signIn(app, OTHER.login, OTHER.password);
    const foreign = await app.inject({
      method: 'DELETE',
      url: `/api/auth/tokens/${token.id}`,
      headers: other,
    });
    expect(foreign.statusCode).toBe(404);
    expect((await app.inject({ url: '/api/plans', headers: bearer })).statusCode).toBe(200);

    const revoked = await app.inject({
      method: 'DELETE',
      url: `/api/auth/tokens/${token.id}`,
      headers: session,
    });
    expect(revoked.statusCode).toBe(204);
    const after = await app.inject({ url: '/api/plans', headers: bearer });
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({ error: { code: 'invalid_token' } });
    const unknown = await app.inject({
      url: '/api/plans',
      headers: { authorization: 'Bearer kotei_nothing' },
    });
    expect(unknown.statusCode).toBe(401);
  });
});
