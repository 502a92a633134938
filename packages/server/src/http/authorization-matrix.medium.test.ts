import { readFileSync } from 'node:fs';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanTree, RoundBoard, RoundPart } from '@kotei/contracts';
import { prepareFirstStart, SAMPLE_DOCUMENT } from '../bootstrap.js';
import { openTestDatabase, TEST_DATABASES, type TestDatabase } from '../testing/test-databases.js';
import { signIn } from '../testing/sign-in.js';
import { openRound, publishWholeRound } from '../testing/rounds.js';
import { buildApp } from './app.js';
import { MATRIX, PRINCIPALS, type Fixture, type Principal } from './authorization-matrix.js';

const SLUG = 'drug-discovery-2024';
const MEASURE = '臨床研究中核病院の承認要件の見直し';
const openapi = JSON.parse(
  readFileSync(new URL('../../../contracts/openapi.json', import.meta.url), 'utf8'),
) as { paths: Record<string, Record<string, unknown>> };

const PEOPLE = {
  reporterOwn: { login: 'matrix-mhlw', password: 'matrix passphrase one', role: 'ministry', ministry: '厚' },
  reporterOther: {
    login: 'matrix-meti',
    password: 'matrix passphrase two',
    role: 'ministry',
    ministry: '経',
  },
  expert: { login: 'matrix-expert', password: 'matrix passphrase three', role: 'expert' },
  coordinator: { login: 'matrix-coord', password: 'matrix passphrase four', role: 'coordinator' },
  viewer: { login: 'matrix-viewer', password: 'matrix passphrase five', role: 'viewer' },
  // 厚's reporter until yesterday (the test's today is 2025-07-15 in Japan).
  expired: {
    login: 'matrix-expired',
    password: 'matrix passphrase six',
    role: 'ministry',
    ministry: '厚',
    validFrom: '2024-04-01',
    validTo: '2025-07-14',
  },
} as const;

// Every API route the contract lists, as "METHOD /api/path/{param}".
const ROUTES = Object.entries(openapi.paths).flatMap(([path, methods]) =>
  Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
);

describe('the authorization matrix names every API route', () => {
  it('has a row for each route of the contract, and none for a route that is not there', () => {
    const rows = MATRIX.map((row) => row.route);
    expect(ROUTES.filter((route) => !rows.includes(route))).toEqual([]);
    expect(rows.filter((route) => !ROUTES.includes(route))).toEqual([]);
  });
});

describe.each(TEST_DATABASES)('every route × every principal on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const fixture = {} as Fixture;
  let address = 0;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const first = await prepareFirstStart(database.ctx, { loadSample: true });
    for (const person of Object.values(PEOPLE))
      await database.ctx.users.add('system', { ...person, displayName: person.login });
    app = await buildApp(database.ctx, { logLevel: 'silent', webRoot: null, secureCookies: false });
    const admin = await signIn(app, 'admin', first.admin?.password ?? '');
    const headers: Partial<Record<Principal, Record<string, string>>> = { anonymous: {}, admin };
    for (const [key, person] of Object.entries(PEOPLE))
      headers[key as Principal] = await signIn(app, person.login, person.password);
    const token = async (who: Record<string, string>, scope: 'read' | 'write') => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/tokens',
        headers: who,
        payload: { name: `matrix ${scope}`, scope },
      });
      return { authorization: `Bearer ${res.json<{ secret: string }>().secret}` };
    };
    headers.readToken = await token(admin, 'read');
    headers.writeToken = await token(headers.coordinator ?? {}, 'write');

    const tree = (await app.inject({ url: `/api/plans/${SLUG}` })).json<PlanTree>();
    const measure = tree.sheets.flatMap((s) => s.measures).find((m) => m.title === MEASURE);
    const published = tree.rounds.at(-1);
    if (!measure || !published) throw new Error('the sample plan lacks the measure or its round');
    const open = await openRound(app, admin, SLUG, { asOfDate: '2025-07-01', measureIds: [measure.id] });
    const base = `/api/plans/${SLUG}/rounds/${open.id}`;
    const board = (await app.inject({ url: base, headers: admin })).json<RoundBoard>();
    const partOf = (ministry: string) => board.parts.find((p) => p.ministry === ministry)?.id ?? '';
    // 厚's part saved (a draft); 文's submitted, so the coordinator's decisions on it pass the rules.
    const save = (partId: string, version: number) =>
      app.inject({
        method: 'PUT',
        url: `${base}/parts/${partId}`,
        headers: admin,
        payload: { version, bullets: ['報告'], actuals: [], phases: [] },
      });
    await save(partOf('厚'), 0);
    const mext = (await save(partOf('文'), 0)).json<RoundPart>();
    await app.inject({
      method: 'POST',
      url: `${base}/parts/${partOf('文')}/submit`,
      headers: admin,
      payload: { version: mext.version },
    });
    // The expert's evaluation of sheet 1 in the open round, and in a later round published since.
    const evaluate = async (roundId: string) =>
      (
        await app.inject({
          method: 'POST',
          url: `/api/plans/${SLUG}/rounds/${roundId}/evaluations`,
          headers: headers.expert,
          payload: { target: { kind: 'sheet', number: 1 }, rating: 'good', comment: '順調' },
        })
      ).json<{ id: string }>().id;
    const evaluationId = await evaluate(open.id);
    const evaluated = await openRound(app, admin, SLUG, { asOfDate: '2026-07-01', measureIds: [measure.id] });
    const publishedEvaluationId = await evaluate(evaluated.id);
    await publishWholeRound(app, admin, SLUG, evaluated.id);
    // Sessions and tokens the owner may end (and others may not see), one per principal that might try.
    const spareSession = await signIn(app, 'admin', first.admin?.password ?? '');
    const sessions = await app.inject({ url: '/api/auth/sessions', headers: spareSession });
    const spareSessionId =
      sessions.json<{ sessions: { id: string; isCurrent: boolean }[] }>().sessions.find((s) => s.isCurrent)
        ?.id ?? '';
    const spareToken = await app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      headers: admin,
      payload: { name: 'spare', scope: 'read' },
    });
    const reportJob = await app.inject({
      method: 'POST',
      url: `/api/plans/${SLUG}/report/jobs`,
      headers: headers.coordinator ?? {},
      payload: { format: 'pdf' },
    });
    const propose = async () =>
      (
        await app.inject({
          method: 'POST',
          url: `/api/plans/${SLUG}/proposals`,
          headers: headers.reporterOwn,
          payload: {
            reason: '名称の変更',
            edits: [{ op: 'measure.update', id: measure.id, title: '新しい名称' }],
          },
        })
      ).json<{ id: string }>().id;
    const proposalIds = { withdraw: await propose(), decide: await propose() };
    const grants = (await database.ctx.grants.list('system')).grants;
    const grantOf = (login: string) => grants.find((g) => g.login === login)?.id ?? '';
    Object.assign(fixture, {
      expiredGrantId: grantOf(PEOPLE.expired.login),
      viewerGrantId: grantOf(PEOPLE.viewer.login),
      slug: SLUG,
      headers,
      measureId: measure.id,
      kpiId: measure.kpis[0]?.id ?? '',
      budgetProjectId: tree.sheets.flatMap((s) => s.measures).flatMap((m) => m.projects)[0]?.id ?? '',
      publishedRoundId: published.id,
      openRoundId: open.id,
      reportJobId: reportJob.json<{ id: string }>().id,
      ownPartId: partOf('厚'),
      otherPartId: partOf('文'),
      evaluationId,
      evaluatedRoundId: evaluated.id,
      publishedEvaluationId,
      spareSessionId,
      proposalIds,
      spareTokenId: spareToken.json<{ token: { id: string } }>().token.id,
      adminPassword: first.admin?.password ?? '',
      sample: readFileSync(SAMPLE_DOCUMENT).toString('base64'),
      dayCounter: 0,
    } satisfies Fixture);
    // Eight sign-ins and the sample's import: more than the default 10 s on a busy shared machine.
  }, 60_000);
  afterAll(async () => {
    await (app as FastifyInstance | undefined)?.close();
    await (database as TestDatabase | undefined)?.dispose();
  });

  // One test per route and case, each trying every principal in turn (the most powerful last, so a write that
  // succeeds changes nothing the weaker principals' requests depend on).
  for (const row of MATRIX) {
    for (const matrixCase of row.cases) {
      it(`${row.route}${matrixCase.name === '' ? '' : ` (${matrixCase.name})`}`, async () => {
        const seen: Partial<Record<Principal, string>> = {};
        for (const who of PRINCIPALS) {
          const request = await matrixCase.request(fixture, who);
          // Each request from an address of its own, so sign-in throttling (per address) stays out of the way.
          address += 1;
          const res = await app.inject({
            ...request,
            headers: { ...(request.headers ?? {}), ...(fixture.headers[who] ?? {}) },
            remoteAddress: `10.${Math.floor(address / 65536) % 256}.${Math.floor(address / 256) % 256}.${address % 256}`,
          } as InjectOptions);
          const code =
            res.statusCode >= 400 ? (res.json<{ error?: { code?: string } }>().error?.code ?? '') : '';
          seen[who] = code === '' ? String(res.statusCode) : `${res.statusCode} ${code}`;
        }
        expect(seen).toEqual(matrixCase.expect);
      });
    }
  }
});
