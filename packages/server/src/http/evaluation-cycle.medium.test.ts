import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ConflictOfInterestList,
  Evaluation,
  EvaluationHistory,
  EvaluationList,
  OverallEvaluation,
  PlanTree,
  SearchResult,
} from '@kotei/contracts';
import { prepareFirstStart } from '../bootstrap.js';
import { openTestDatabase, TEST_DATABASES, type TestDatabase } from '../testing/test-databases.js';
import { signIn } from '../testing/sign-in.js';
import { openRound, publishWholeRound } from '../testing/rounds.js';
import { buildApp } from './app.js';

const SLUG = 'drug-discovery-2024';
const TANAKA = { login: 'expert-tanaka', password: 'correct horse battery staple' };
const SUZUKI = { login: 'expert-suzuki', password: 'another expert passphrase' };
const COORDINATOR = { login: 'coord-ito', password: 'coordinating office phrase' };
const OVERALL =
  '各工程表とも概ね計画どおり進捗している。\n国際共同治験の相談体制は引き続き強化が必要である。';

describe.each(TEST_DATABASES)('evaluations follow the cycle on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let tanaka: Record<string, string>;
  let suzuki: Record<string, string>;
  let coordinator: Record<string, string>;
  let admin: Record<string, string>;
  let roundId: string;
  let path: string;
  let evaluation: Evaluation;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const first = await prepareFirstStart(database.ctx, { loadSample: true });
    await database.ctx.users.add('system', { ...TANAKA, displayName: '田中 有識者', role: 'expert' });
    await database.ctx.users.add('system', { ...SUZUKI, displayName: '鈴木 有識者', role: 'expert' });
    await database.ctx.users.add('system', {
      ...COORDINATOR,
      displayName: '伊藤 事務局',
      role: 'coordinator',
    });
    app = await buildApp(database.ctx, { logLevel: 'silent', webRoot: null, secureCookies: false });
    tanaka = await signIn(app, TANAKA.login, TANAKA.password);
    suzuki = await signIn(app, SUZUKI.login, SUZUKI.password);
    coordinator = await signIn(app, COORDINATOR.login, COORDINATOR.password);
    admin = await signIn(app, 'admin', first.admin?.password ?? '');
    const plan = (await app.inject({ url: `/api/plans/${SLUG}` })).json<PlanTree>();
    const measureId = plan.sheets[0]?.measures[0]?.id ?? '';
    roundId = (await openRound(app, coordinator, SLUG, { asOfDate: '2025-07-01', measureIds: [measureId] }))
      .id;
    path = `/api/plans/${SLUG}/rounds/${roundId}/evaluations`;
  }, 60_000);
  afterAll(async () => {
    await (app as FastifyInstance | undefined)?.close();
    await (database as TestDatabase | undefined)?.dispose();
  });

  const send = (method: 'POST' | 'PUT', url: string, headers: Record<string, string>, payload: object) =>
    app.inject({ method, url, headers, payload: payload as Record<string, unknown> });
  const list = async (headers: Record<string, string>): Promise<EvaluationList> => {
    const res = await app.inject({ url: path, headers });
    expect(res.statusCode).toBe(200);
    return res.json<EvaluationList>();
  };
  const history = async (headers: Record<string, string>) =>
    (await app.inject({ url: `${path}/history`, headers })).json<EvaluationHistory>().versions;
  const errorOf = (body: string) =>
    (JSON.parse(body) as { error: { code: string; details: { path: string }[] } }).error;
  const search = async (q: string): Promise<SearchResult> =>
    (await app.inject({ url: `/api/search?q=${encodeURIComponent(q)}` })).json<SearchResult>();

  it('lets an expert edit their evaluation: the version rises, the old words stay in the history, audited', async () => {
    const created = await send('POST', path, tanaka, {
      target: { kind: 'sheet', number: 2 },
      rating: 'concern',
      comment: '海外企業への周知が課題である。',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json<Evaluation>().id;
    const edited = await send('PUT', `${path}/${id}`, tanaka, {
      version: 1,
      rating: 'fair',
      comment: '海外企業への周知は進みつつある。',
    });
    expect(edited.statusCode).toBe(200);
    evaluation = edited.json<Evaluation>();
    expect(evaluation).toMatchObject({
      version: 2,
      rating: 'fair',
      isOwn: true,
    });
    expect(evaluation.updatedAt).not.toBeNull();
    expect((await list(tanaka)).evaluations).toEqual([evaluation]);
    // Another expert sees it, not as theirs.
    expect((await list(suzuki)).evaluations.map((e) => e.isOwn)).toEqual([false]);

    const versions = await history(tanaka);
    expect(versions.map((v) => [v.version, v.action, v.rating, v.comment])).toEqual([
      [1, 'create', 'concern', '海外企業への周知が課題である。'],
      [2, 'edit', 'fair', '海外企業への周知は進みつつある。'],
    ]);
    expect(versions.every((v) => v.changedBy.displayName === '田中 有識者')).toBe(true);
    const events = await database.ctx.audit.listForEntity('evaluation', id);
    expect(events.map((e) => e.action)).toEqual(['evaluation.create', 'evaluation.edit']);
    expect(events[1]?.detail).toMatchObject({
      before: { version: 1, rating: 'concern', comment: '海外企業への周知が課題である。' },
      after: { version: 2, rating: 'fair', comment: '海外企業への周知は進みつつある。' },
    });
  });

  it('refuses a stale edit with 409 and the evaluation as it stands, and another expert’s edit with 403', async () => {
    const stale = await send('PUT', `${path}/${evaluation.id}`, tanaka, {
      version: 1,
      rating: 'serious',
      comment: '古い版からの修正',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ error: { code: string }; current: Evaluation }>()).toMatchObject({
      error: { code: 'stale_version' },
      current: { id: evaluation.id, version: 2, comment: '海外企業への周知は進みつつある。' },
    });
    const theirs = await send('PUT', `${path}/${evaluation.id}`, suzuki, {
      version: 2,
      rating: 'serious',
      comment: '他人の評価の修正',
    });
    expect(theirs.statusCode).toBe(403);
    expect(errorOf(theirs.body).code).toBe('not_yours');
    expect((await list(tanaka)).evaluations).toEqual([evaluation]);
  });

  it('lets an expert withdraw: gone from the list, kept in the history, and the target may be rated again', async () => {
    const withdrawn = await send('POST', `${path}/${evaluation.id}/withdraw`, tanaka, { version: 2 });
    expect(withdrawn.statusCode).toBe(200);
    expect((await list(tanaka)).evaluations).toEqual([]);
    expect((await history(tanaka)).map((v) => [v.version, v.action])).toEqual([
      [1, 'create'],
      [2, 'edit'],
      [3, 'withdraw'],
    ]);
    const again = await send('PUT', `${path}/${evaluation.id}`, tanaka, {
      version: 3,
      rating: 'good',
      comment: '取り下げた評価の修正',
    });
    expect(again.statusCode).toBe(409);
    expect(errorOf(again.body).code).toBe('evaluation_withdrawn');
    const rewritten = await send('POST', path, tanaka, {
      target: { kind: 'sheet', number: 2 },
      rating: 'good',
      comment: '改めて評価する。',
    });
    expect(rewritten.statusCode).toBe(201);
    expect(
      (await database.ctx.audit.listForEntity('evaluation', evaluation.id)).map((e) => e.action),
    ).toEqual(['evaluation.create', 'evaluation.edit', 'evaluation.withdraw']);
  });

  it('shows the history to the coordinating office (all) and each expert (their own), never to the public', async () => {
    const suzukiEval = await send('POST', path, suzuki, {
      target: { kind: 'plan' },
      rating: 'good',
      comment: '鈴木の評価',
    });
    expect(suzukiEval.statusCode).toBe(201);
    const all = await history(coordinator);
    expect(new Set(all.map((v) => v.evaluator.displayName))).toEqual(new Set(['田中 有識者', '鈴木 有識者']));
    expect((await history(suzuki)).map((v) => v.comment)).toEqual(['鈴木の評価']);
    expect((await app.inject({ url: `${path}/history` })).statusCode).toBe(404);
  });

  describe('a conflict of interest (利益相反), declared per plan and sheet', () => {
    const COI = `/api/plans/${SLUG}/conflicts-of-interest`;

    it('is refused while the expert’s evaluation of the sheet stands (409), then declared once', async () => {
      const standing = await send('POST', COI, tanaka, { sheet: 2, reason: '顧問' });
      expect(standing.statusCode).toBe(409);
      expect(errorOf(standing.body).code).toBe('evaluation_stands');
      const declared = await send('POST', COI, suzuki, {
        sheet: 3,
        reason: '当該分野の企業の顧問を務めている',
      });
      expect(declared.statusCode).toBe(201);
      const twice = await send('POST', COI, suzuki, { sheet: 3, reason: '重ねて' });
      expect(twice.statusCode).toBe(409);
      expect(errorOf(twice.body).code).toBe('conflict_declared');
      const unknown = await send('POST', COI, suzuki, { sheet: 99, reason: '存在しない' });
      expect(unknown.statusCode).toBe(400);
      expect(errorOf(unknown.body).details.map((d) => d.path)).toEqual(['sheet']);
      const events = await database.ctx.audit.listForEntity(
        'conflict_of_interest',
        declared.json<{ id: string }>().id,
      );
      expect(events.map((e) => e.action)).toEqual(['conflict_of_interest.declare']);
    });

    it('keeps that expert from rating the sheet (409 conflict_of_interest) but not another sheet', async () => {
      const refused = await send('POST', path, suzuki, {
        target: { kind: 'sheet', number: 3 },
        rating: 'good',
        comment: '利益相反のある工程表の評価',
      });
      expect(refused.statusCode).toBe(409);
      expect(errorOf(refused.body)).toMatchObject({
        code: 'conflict_of_interest',
        details: [{ path: 'target' }],
      });
      expect((await list(coordinator)).evaluations.some((e) => e.comment.includes('利益相反のある'))).toBe(
        false,
      );
      const other = await send('POST', path, suzuki, {
        target: { kind: 'sheet', number: 4 },
        rating: 'fair',
        comment: '工程表④の評価',
      });
      expect(other.statusCode).toBe(201);
    });

    it('is seen whole by the coordinating office, by an expert as their own, by no one else', async () => {
      const seenBy = async (headers: Record<string, string>) =>
        (await app.inject({ url: COI, headers })).json<ConflictOfInterestList>().conflicts;
      expect(await seenBy(coordinator)).toMatchObject([
        { sheet: 3, expert: { displayName: '鈴木 有識者' }, reason: '当該分野の企業の顧問を務めている' },
      ]);
      expect(await seenBy(tanaka)).toEqual([]);
      expect((await seenBy(suzuki)).map((c) => c.isOwn)).toEqual([true]);
      expect((await app.inject({ url: COI })).statusCode).toBe(401);
    });
  });

  describe('the round’s overall evaluation (有識者による総合評価)', () => {
    const overallPath = () => `/api/plans/${SLUG}/rounds/${roundId}/overall-evaluation`;

    it('is written by the coordinating office only, version-conditionally, and audited', async () => {
      const byExpert = await send('PUT', overallPath(), tanaka, { version: 0, text: OVERALL });
      expect(byExpert.statusCode).toBe(403);
      const first = await send('PUT', overallPath(), coordinator, { version: 0, text: '下書き' });
      expect(first.statusCode).toBe(200);
      expect(first.json<OverallEvaluation>()).toMatchObject({
        version: 1,
        text: '下書き',
        updatedBy: { displayName: '伊藤 事務局' },
      });
      const racing = await send('PUT', overallPath(), admin, { version: 0, text: '同時の下書き' });
      expect(racing.statusCode).toBe(409);
      expect(racing.json<{ current: OverallEvaluation }>().current).toMatchObject({
        version: 1,
        text: '下書き',
      });
      const second = await send('PUT', overallPath(), coordinator, { version: 1, text: OVERALL });
      expect(second.json<OverallEvaluation>().version).toBe(2);
      expect((await list(tanaka)).overall).toMatchObject({ version: 2, text: OVERALL });
      const events = await database.ctx.audit.listForEntity('follow_up_round', roundId);
      const saves = events.filter((e) => e.action === 'overall_evaluation.save');
      expect(saves.map((e) => e.detail)).toMatchObject([
        { before: null, after: { version: 1, text: '下書き' } },
        { before: { version: 1, text: '下書き' }, after: { version: 2, text: OVERALL } },
      ]);
    });

    it('is invisible to the public before publication, and public with the round after, in the report too', async () => {
      expect((await app.inject({ url: path })).statusCode).toBe(404);
      const report = `/api/plans/${SLUG}/report?format=html&round=${roundId}`;
      expect((await app.inject({ url: report })).statusCode).toBe(404);

      expect((await publishWholeRound(app, coordinator, SLUG, roundId)).state).toBe('published');
      const published = await list({});
      expect(published.overall?.text).toBe(OVERALL);
      expect(published.evaluations.map((e) => e.comment).sort()).toEqual(
        ['工程表④の評価', '改めて評価する。', '鈴木の評価'].sort(),
      );
      const html = (await app.inject({ url: report })).body;
      expect(html).toContain('各工程表とも概ね計画どおり進捗している。');
      expect(html).toContain('国際共同治験の相談体制は引き続き強化が必要である。');
      // What was withdrawn is not published, nor found by search.
      expect((await search('海外企業への周知')).total).toBe(0);
      expect((await search('改めて評価する')).total).toBe(1);
    });

    it('locks everything once published: edits, withdrawals and the overall text are refused (409)', async () => {
      const standing = (await list(tanaka)).evaluations.find((e) => e.isOwn);
      if (!standing) throw new Error('the expert’s evaluation is missing');
      const edit = await send('PUT', `${path}/${standing.id}`, tanaka, {
        version: standing.version,
        rating: 'serious',
        comment: '公表後の修正',
      });
      expect(edit.statusCode).toBe(409);
      expect(errorOf(edit.body).code).toBe('round_published');
      const withdraw = await send('POST', `${path}/${standing.id}/withdraw`, tanaka, {
        version: standing.version,
      });
      expect(errorOf(withdraw.body).code).toBe('round_published');
      const overall = await send('PUT', overallPath(), coordinator, { version: 2, text: '公表後の書き換え' });
      expect(overall.statusCode).toBe(409);
      expect(errorOf(overall.body).code).toBe('round_published');
      expect((await list({})).overall?.text).toBe(OVERALL);
      // The history stays for those who may see it.
      expect((await history(tanaka)).length).toBeGreaterThan(3);
    });
  });
});
