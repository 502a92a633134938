import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody, type EvaluationList, type PlanTree } from '@kotei/contracts';
import { POLICY_FIELDS } from '@kotei/domain';
import { prepareFirstStart } from '../bootstrap.js';
import { openTestDatabase, TEST_DATABASES, type TestDatabase } from '../testing/test-databases.js';
import { signIn } from '../testing/sign-in.js';
import { openRound } from '../testing/rounds.js';
import { buildApp } from './app.js';

const SLUG = 'drug-discovery-2024';
const NUL = '\u0000';
const LONE_SURROGATE = '\uD800';
const INVISIBLE_ONLY = '\u200B\u200B\u3000 \u2060';

/** A 400 naming exactly the field, in the documented shape. */
function expectRefused(res: LightMyRequestResponse, path: string): void {
  expect(res.statusCode, `${path}: ${res.body.slice(0, 300)}`).toBe(400);
  const body = ErrorBody.parse(res.json());
  expect(body.error.code).toBe('invalid_input');
  expect(body.error.details.map((d) => d.path)).toContain(path);
}

describe.each(TEST_DATABASES)('text, dates and codes at the boundary on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let headers: Record<string, string>;
  let adminPassword: string;
  let plan: PlanTree;
  let openRoundId: string;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const first = await prepareFirstStart(database.ctx, { loadSample: true });
    adminPassword = first.admin?.password ?? '';
    app = await buildApp(database.ctx, { logLevel: 'silent', webRoot: null, secureCookies: false });
    headers = await signIn(app, 'admin', adminPassword);
    plan = (await app.inject({ url: `/api/plans/${SLUG}` })).json<PlanTree>();
    const measureIds = [plan.sheets[0]?.measures[0]?.id ?? ''];
    openRoundId = (await openRound(app, headers, SLUG, { asOfDate: '2025-07-01', measureIds })).id;
  });
  afterAll(async () => {
    await (app as FastifyInstance | undefined)?.close();
    await (database as TestDatabase | undefined)?.dispose();
  });

  const write = (
    method: 'POST' | 'PATCH' | 'PUT',
    url: string,
    payload: unknown,
  ): Promise<LightMyRequestResponse> =>
    app.inject({ method, url, headers, payload: payload as InjectOptions['payload'] });
  const roundPath = (): string => `/api/plans/${SLUG}/rounds/${openRoundId}/evaluations`;
  const kpiId = (): string => plan.sheets[0]?.measures[0]?.kpis[0]?.id ?? '';

  describe('path parameters', () => {
    it('refuses a NUL in a slug on every read and write with 400 naming params.slug', async () => {
      const measureId = plan.sheets[0]?.measures[0]?.id ?? '';
      for (const url of [
        '/api/plans/a%00b',
        '/api/plans/a%00b/dashboard',
        `/api/plans/a%00b/measures/${measureId}`,
        `/api/plans/a%00b/rounds/${plan.rounds[0]?.id ?? ''}/evaluations`,
      ]) {
        expectRefused(await app.inject({ url }), 'params.slug');
      }
      expectRefused(await write('PATCH', '/api/plans/a%00b', { title: '題名' }), 'params.slug');
      expectRefused(
        await write('POST', '/api/plans/%01/rounds', { title: '第2回', asOfDate: '2026-03-31' }),
        'params.slug',
      );
    });

    it('still answers an unknown but clean slug with 404', async () => {
      expect((await app.inject({ url: '/api/plans/no-such-plan' })).statusCode).toBe(404);
    });
  });

  describe('query strings', () => {
    it('refuses a NUL, a control character or only invisible characters in the search words', async () => {
      for (const q of ['abc%00def', 'a%00b', '%E2%80%8B%E2%80%8B', '%E3%80%80', '%1B%5B31m']) {
        expectRefused(await app.inject({ url: `/api/search?q=${q}` }), 'query.q');
      }
    });

    it('refuses a NUL in the plan and ministry filters', async () => {
      expectRefused(await app.inject({ url: '/api/search?q=臨床&plan=a%00b' }), 'query.plan');
      expectRefused(await app.inject({ url: '/api/search?q=臨床&ministry=%00' }), 'query.ministry');
    });

    it('refuses a sheet number no sheet can have', async () => {
      expectRefused(await app.inject({ url: '/api/search?q=臨床&sheet=99999999999' }), 'query.sheet');
    });

    it('refuses reference dates before 1900 or after 2200, and takes those at the edges', async () => {
      for (const at of ['0000-01-01', '1899-12-31', '2201-01-01', '9999-12-31']) {
        expectRefused(await app.inject({ url: `/api/plans/${SLUG}?at=${at}` }), 'query.at');
        expectRefused(await app.inject({ url: `/api/plans/${SLUG}/dashboard?at=${at}` }), 'query.at');
      }
      for (const at of ['1900-01-01', '2200-12-31']) {
        expect((await app.inject({ url: `/api/plans/${SLUG}?at=${at}` })).statusCode).toBe(200);
      }
    });

    it('still finds Japanese words with full-width spaces around them', async () => {
      const res = await app.inject({ url: `/api/search?q=${encodeURIComponent('\u3000臨床試験\u3000')}` });
      expect(res.statusCode).toBe(200);
      expect(res.json<{ total: number }>().total).toBeGreaterThan(0);
    });
  });

  describe('body text', () => {
    it('refuses a NUL or a lone surrogate in a login name with 400, not a lookup', async () => {
      for (const login of [`ad${NUL}min`, `admin${LONE_SURROGATE}`, INVISIBLE_ONLY]) {
        const res = await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { login, password: adminPassword },
        });
        expectRefused(res, 'login');
      }
    });

    it('refuses a comment with a NUL, a lone surrogate, or only zero-width spaces, and stores nothing', async () => {
      for (const comment of [`良い${NUL}`, `良い${LONE_SURROGATE}評価`, '\u200B\u200B\u200B', `\u0007`]) {
        expectRefused(
          await write('POST', roundPath(), { target: { kind: 'plan' }, rating: 'good', comment }),
          'comment',
        );
      }
      const list = (await app.inject({ url: roundPath(), headers })).json<EvaluationList>();
      expect(list.evaluations).toEqual([]);
    });

    it('keeps a comment with an emoji, tabs and line breaks exactly as written', async () => {
      const comment = '全体として順調 👍\n\t次回は工程表⑨を重点的に';
      const res = await write('POST', roundPath(), { target: { kind: 'plan' }, rating: 'good', comment });
      expect(res.statusCode, res.body).toBe(201);
      const list = (await app.inject({ url: roundPath(), headers })).json<EvaluationList>();
      expect(list.evaluations.map((e) => e.comment)).toEqual([comment]);
    });

    it('refuses a status override reason with a NUL or nothing visible', async () => {
      for (const reason of [`理由${NUL}`, INVISIBLE_ONLY]) {
        const url = `/api/plans/${SLUG}/kpis/${kpiId()}/status-override`;
        expectRefused(await write('PUT', url, { status: 'on_track', reason }), 'reason');
      }
    });

    it("refuses a plan title, owner or description with a NUL or a lone surrogate, and keeps the plan's", async () => {
      const url = `/api/plans/${SLUG}`;
      expectRefused(await write('PATCH', url, { title: `新${LONE_SURROGATE}` }), 'title');
      expectRefused(await write('PATCH', url, { title: `改行\nは不可` }), 'title');
      expectRefused(await write('PATCH', url, { owner: INVISIBLE_ONLY }), 'owner');
      expectRefused(await write('PATCH', url, { description: `説明${NUL}` }), 'description');
      const after = (await app.inject({ url })).json<PlanTree>();
      expect(after.title).toBe(plan.title);
      expect(after.description).toBe(plan.description);
    });

    it('trims a title of full-width spaces and takes an empty description', async () => {
      const res = await write('PATCH', `/api/plans/${SLUG}`, {
        title: `\u3000${plan.title}\u3000`,
        description: '',
      });
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      expect(res.json<PlanTree>().title).toBe(plan.title);
    });

    it('refuses a file name with a NUL or a lone surrogate before reading the document', async () => {
      const contentBase64 = Buffer.from('# 工程表\n').toString('base64');
      for (const fileName of [`follow-up${NUL}.md`, `${LONE_SURROGATE}.md`, INVISIBLE_ONLY]) {
        expectRefused(await write('POST', '/api/imports/preview', { fileName, contentBase64 }), 'fileName');
        expectRefused(await write('POST', '/api/imports', { fileName, contentBase64 }), 'fileName');
      }
    });

    it('refuses a round title with a NUL or only invisible characters', async () => {
      const url = `/api/plans/${SLUG}/rounds`;
      for (const title of [`第2回${NUL}`, INVISIBLE_ONLY]) {
        expectRefused(await write('POST', url, { title, asOfDate: '2026-03-31' }), 'title');
      }
    });
  });

  describe('body dates and numbers', () => {
    it('refuses as-of dates and deadlines before 1900 or after 2200', async () => {
      const url = `/api/plans/${SLUG}/rounds`;
      for (const asOfDate of ['0000-01-01', '9999-12-31', '1899-12-31']) {
        expectRefused(await write('POST', url, { title: '第9回', asOfDate }), 'asOfDate');
      }
      expectRefused(
        await write('POST', url, { title: '第9回', asOfDate: '2026-03-31', deadline: '2201-01-01' }),
        'deadline',
      );
      // Every round, unpublished too, as the coordinator sees them: only the seed's and the one opened above.
      const listed = await app.inject({ url: `/api/plans/${SLUG}/rounds`, headers });
      const rounds = listed.json<{ rounds: { asOfDate: string }[] }>().rounds;
      expect(rounds.map((r) => r.asOfDate).sort()).toEqual(['2025-06-30', '2025-07-01']);
    });

    it('refuses a sheet or goal number no table can hold, instead of asking the database', async () => {
      const res = await write('POST', roundPath(), {
        target: { kind: 'sheet', number: 2 ** 40 },
        rating: 'good',
        comment: '評価',
      });
      expectRefused(res, 'target.number');
    });
  });

  describe('codes', () => {
    it('refuses a policy field code that is not one of the bureau’s, and keeps the plan in its fields', async () => {
      const url = `/api/plans/${SLUG}`;
      expectRefused(await write('PATCH', url, { policyFields: ['no-such-field'] }), 'policyFields[0]');
      expect((await app.inject({ url })).json<PlanTree>().policyFields).toEqual(plan.policyFields);
    });

    it('takes every known policy field code', async () => {
      const codes = POLICY_FIELDS.map((f) => f.code);
      const res = await write('PATCH', `/api/plans/${SLUG}`, { policyFields: codes });
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      expect(res.json<PlanTree>().policyFields).toEqual(expect.arrayContaining(codes));
    });
  });
});
