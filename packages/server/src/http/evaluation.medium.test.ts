import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Evaluation, EvaluationList, PlanTree, SearchResult } from '@kotei/contracts';
import { prepareFirstStart, SAMPLE_DOCUMENT } from '../bootstrap.js';
import { openTestDatabase, TEST_DATABASES, type TestDatabase } from '../testing/test-databases.js';
import { signIn } from '../testing/sign-in.js';
import { openRound, publishWholeRound } from '../testing/rounds.js';
import { buildApp } from './app.js';

const SLUG = 'drug-discovery-2024';
const EXPERT = { login: 'expert-tanaka', password: 'correct horse battery staple' };
const MINISTRY = { login: 'mhlw-sato', password: 'another long passphrase' };

describe.each(TEST_DATABASES)('overall evaluations on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let expert: Record<string, string>;
  let ministry: Record<string, string>;
  let roundId: string;
  let path: string;
  let adminPassword: string;
  let admin: Record<string, string>;
  let sheetEvaluationId: string;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const first = await prepareFirstStart(database.ctx, { loadSample: true });
    adminPassword = first.admin?.password ?? '';
    await database.ctx.users.add('system', { ...EXPERT, displayName: '田中 有識者', role: 'expert' });
    await database.ctx.users.add('system', { ...MINISTRY, role: 'ministry', ministry: '厚' });
    app = await buildApp(database.ctx, { logLevel: 'silent', webRoot: null, secureCookies: false });
    expert = await signIn(app, EXPERT.login, EXPERT.password);
    ministry = await signIn(app, MINISTRY.login, MINISTRY.password);
    // Experts evaluate a round while it is followed up, before it is published.
    admin = await signIn(app, 'admin', adminPassword);
    const plan = (await app.inject({ url: `/api/plans/${SLUG}` })).json<PlanTree>();
    const measureId = plan.sheets[0]?.measures[0]?.id ?? '';
    roundId = (await openRound(app, admin, SLUG, { asOfDate: '2025-07-01', measureIds: [measureId] })).id;
    path = `/api/plans/${SLUG}/rounds/${roundId}/evaluations`;
  });
  afterAll(async () => {
    await (app as FastifyInstance | undefined)?.close();
    await (database as TestDatabase | undefined)?.dispose();
  });

  const post = (headers: Record<string, string>, payload: unknown) =>
    app.inject({ method: 'POST', url: path, headers, payload: payload as Record<string, unknown> });
  const list = async (): Promise<Evaluation[]> => {
    const res = await app.inject({ url: path, headers: expert });
    expect(res.statusCode).toBe(200);
    return res.json<EvaluationList>().evaluations;
  };
  const search = async (q: string): Promise<SearchResult> =>
    (await app.inject({ url: `/api/search?q=${encodeURIComponent(q)}` })).json<SearchResult>();
  const errorOf = (body: string) =>
    (JSON.parse(body) as { error: { code: string; details: { path: string }[] } }).error;

  it('lets an expert evaluate a sheet: 201, listed, audited and found by search', async () => {
    const res = await post(expert, {
      target: { kind: 'sheet', number: 2 },
      rating: 'concern',
      comment: '  国際共同治験の相談体制は整いつつあるが、海外企業への周知が課題である。  ',
    });
    expect(res.statusCode).toBe(201);
    const created = res.json<Evaluation>();
    expect(created).toMatchObject({
      roundId,
      target: { kind: 'sheet', number: 2 },
      rating: 'concern',
      comment: '国際共同治験の相談体制は整いつつあるが、海外企業への周知が課題である。',
      evaluator: { displayName: '田中 有識者' },
      createdAt: '2025-07-15T01:00:00.000Z',
    });

    expect(await list()).toEqual([created]);

    const events = await database.ctx.audit.listForEntity('evaluation', created.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'evaluation.create', entityId: created.id });

    sheetEvaluationId = created.id;
    // Unpublished: listed for those who work on the round, hidden from the public and from search.
    expect((await app.inject({ url: path })).statusCode).toBe(404);
    expect((await search('海外企業への周知')).total).toBe(0);
  });
  it('orders a round’s evaluations: the plan, then goals, then sheets', async () => {
    expect(
      (await post(expert, { target: { kind: 'goal', number: 1 }, rating: 'fair', comment: '概ね順調' }))
        .statusCode,
    ).toBe(201);
    expect(
      (await post(expert, { target: { kind: 'plan' }, rating: 'good', comment: '全体として着実' }))
        .statusCode,
    ).toBe(201);
    const targets = (await list()).map((e) => e.target);
    expect(targets).toEqual([{ kind: 'plan' }, { kind: 'goal', number: 1 }, { kind: 'sheet', number: 2 }]);
  });

  describe('refuses, and a refused write leaves nothing behind', () => {
    const MARK = '書き込まれてはならない評価';
    const assertNothingWritten = async (before: number): Promise<void> => {
      const evaluations = await list();
      expect(evaluations).toHaveLength(before);
      expect(evaluations.some((e) => e.comment.includes(MARK))).toBe(false);
      expect((await search(MARK)).total).toBe(0);
    };

    it('a ministry user (403) and an anonymous visitor (401)', async () => {
      const before = (await list()).length;
      const body = { target: { kind: 'sheet', number: 3 }, rating: 'good', comment: MARK };
      const forbidden = await post(ministry, body);
      expect(forbidden.statusCode).toBe(403);
      expect(errorOf(forbidden.body).code).toBe('forbidden');
      expect((await post({}, body)).statusCode).toBe(401);
      await assertNothingWritten(before);
    });

    it('an unknown sheet or goal number (400 naming target.number)', async () => {
      const before = (await list()).length;
      for (const target of [
        { kind: 'sheet', number: 99 },
        { kind: 'goal', number: 42 },
      ]) {
        const res = await post(expert, { target, rating: 'fair', comment: MARK });
        expect(res.statusCode).toBe(400);
        expect(errorOf(res.body).code).toBe('unknown_evaluation_target');
        expect(errorOf(res.body).details.map((d) => d.path)).toEqual(['target.number']);
      }
      await assertNothingWritten(before);
    });

    it('a second evaluation of the same target in the round (409 naming target)', async () => {
      const before = (await list()).length;
      const res = await post(expert, { target: { kind: 'sheet', number: 2 }, rating: 'good', comment: MARK });
      expect(res.statusCode).toBe(409);
      expect(errorOf(res.body).code).toBe('evaluation_exists');
      expect(errorOf(res.body).details.map((d) => d.path)).toEqual(['target']);
      await assertNothingWritten(before);
    });

    it('two simultaneous evaluations of the same target: one lands, the other is refused (409)', async () => {
      const before = (await list()).length;
      const body = { target: { kind: 'plan' }, rating: 'fair', comment: '同時に送られた評価' };
      const other = { ...body, target: { kind: 'goal', number: 2 } };
      const results = await Promise.all([post(expert, other), post(expert, other)]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      expect(results.map((r) => r.statusCode === 409 && errorOf(r.body).code).filter(Boolean)).toEqual([
        'evaluation_exists',
      ]);
      const after = await list();
      expect(after).toHaveLength(before + 1);
      expect((await search('同時に送られた評価')).total).toBe(0);
    });

    it('a blank comment (400 naming comment) and an unknown rating', async () => {
      const before = (await list()).length;
      const blank = await post(expert, {
        target: { kind: 'sheet', number: 4 },
        rating: 'good',
        comment: ' 　\n ',
      });
      expect(blank.statusCode).toBe(400);
      expect(errorOf(blank.body).details.map((d) => d.path)).toEqual(['comment']);
      const rating = await post(expert, {
        target: { kind: 'sheet', number: 4 },
        rating: 'excellent',
        comment: MARK,
      });
      expect(rating.statusCode).toBe(400);
      expect(errorOf(rating.body).details.map((d) => d.path)).toEqual(['rating']);
      await assertNothingWritten(before);
    });

    it('a round of another plan or an unknown plan (404)', async () => {
      const unknownRound = await app.inject({
        url: `/api/plans/${SLUG}/rounds/00000000-0000-4000-8000-000000000000/evaluations`,
      });
      expect(unknownRound.statusCode).toBe(404);
      expect(errorOf(unknownRound.body).code).toBe('round_not_found');
      const unknownPlan = await app.inject({ url: `/api/plans/no-such-plan/rounds/${roundId}/evaluations` });
      expect(errorOf(unknownPlan.body).code).toBe('plan_not_found');
    });
  });

  it('makes a round’s evaluations public and searchable when it is published, and closes it to evaluation', async () => {
    expect((await publishWholeRound(app, admin, SLUG, roundId)).state).toBe('published');
    expect((await app.inject({ url: path })).statusCode).toBe(200);
    const created = { id: sheetEvaluationId };
    const found = await search('海外企業への周知');
    const hit = found.hits.find((h) => h.id === created.id);
    expect(hit).toMatchObject({
      type: 'evaluation',
      planSlug: SLUG,
      roundId,
      sheetNumber: 2,
      measureId: null,
      ministries: [],
    });
    expect(hit?.title.map((s) => s.text).join('')).toBe('総合評価（工程表②）');
    const filtered = await app.inject({
      url: `/api/search?q=${encodeURIComponent('相談体制')}&type=evaluation&round=${roundId}`,
    });
    expect(filtered.json<SearchResult>().hits.map((h) => h.id)).toEqual([created.id]);
    const type = await app.inject({
      url: `/api/search?q=${encodeURIComponent('全体として着実')}&type=evaluation&round=${roundId}`,
    });
    expect(type.json<SearchResult>().hits.map((h) => h.title.map((s) => s.text).join(''))).toEqual([
      '総合評価（計画全体）',
    ]);
    expect((await search('同時に送られた評価')).total).toBe(1);
    const late = await post(expert, {
      target: { kind: 'goal', number: 3 },
      rating: 'fair',
      comment: '公表後の評価',
    });
    expect(late.statusCode).toBe(409);
    expect(errorOf(late.body).code).toBe('round_not_open_for_evaluation');
  });

  it('keeps evaluation search entries when a later follow-up rebuilds the plan’s entries', async () => {
    const before = (await list()).length;
    const later = readFileSync(SAMPLE_DOCUMENT, 'utf8')
      .replace('※2025年6月末時点', '※2025年12月末時点')
      .replace('令和7年6月26日に第1回', '令和7年12月10日に第2回');
    const res = await app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: admin,
      payload: {
        fileName: 'follow-up-2025-12.md',
        contentBase64: Buffer.from(later).toString('base64'),
        slug: SLUG,
      },
    });
    expect(res.statusCode).toBe(200);
    expect((await search('令和7年12月10日に第2回')).total).toBeGreaterThan(0);
    const found = await search('海外企業への周知');
    expect(found.hits.map((h) => h.type)).toEqual(['evaluation']);
    expect(await list()).toHaveLength(before);
    expect((await search('同時に送られた評価')).total).toBe(1);
  });
});
