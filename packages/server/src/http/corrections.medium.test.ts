import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Correction,
  CorrectionList,
  MeasureDetail,
  PlanTree,
  RoundBoard,
  RoundPart,
} from '@kotei/contracts';
import { prepareFirstStart } from '../bootstrap.js';
import { openTestDatabase, TEST_DATABASES, type TestDatabase } from '../testing/test-databases.js';
import { signIn } from '../testing/sign-in.js';
import { openRound } from '../testing/rounds.js';
import { buildApp } from './app.js';

const SLUG = 'drug-discovery-2024';
const MEASURE = '臨床研究中核病院の承認要件の見直し';
const KPI = '臨床研究中核病院における治験数';

// 正誤 after publication: a round with a bullet and an actual is published, then the coordinator corrects both.
describe.each(TEST_DATABASES)('corrections (正誤) on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let admin: Record<string, string>;
  let base = '';
  let measureId = '';
  let kpiId = '';
  let bulletId = '';

  const measurePage = async () =>
    (await app.inject({ url: `/api/plans/${SLUG}/measures/${measureId}` })).json<MeasureDetail>();
  const post = (payload: object, headers = admin) =>
    app.inject({ method: 'POST', url: `${base}/corrections`, headers, payload });

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const first = await prepareFirstStart(database.ctx, { loadSample: true });
    await database.ctx.users.add('system', {
      login: 'mhlw',
      password: 'mhlw passphrase',
      role: 'ministry',
      ministry: '厚',
    });
    app = await buildApp(database.ctx, { logLevel: 'silent', webRoot: null, secureCookies: false });
    admin = await signIn(app, 'admin', first.admin?.password ?? '');
    const tree = (await app.inject({ url: `/api/plans/${SLUG}` })).json<PlanTree>();
    const measure = tree.sheets.flatMap((s) => s.measures).find((m) => m.title === MEASURE);
    measureId = measure?.id ?? '';
    kpiId = measure?.kpis.find((k) => k.name === KPI)?.id ?? '';
    const round = await openRound(app, admin, SLUG, { asOfDate: '2025-07-01', measureIds: [measureId] });
    base = `/api/plans/${SLUG}/rounds/${round.id}`;
    const board = (await app.inject({ url: base, headers: admin })).json<RoundBoard>();
    for (const summary of board.parts) {
      const url = `${base}/parts/${summary.id}`;
      const mhlw = summary.ministry === '厚';
      const saved = (
        await app.inject({
          method: 'PUT',
          url,
          headers: admin,
          payload: {
            version: summary.version,
            bullets: [mhlw ? '治験数は2,780件となった' : '文の報告'],
            actuals: mhlw
              ? [{ kpiId, value: 2_780, period: '2024年度', note: '医政局調べ（延べ件数）' }]
              : [],
            phases: [],
          },
        })
      ).json<RoundPart>();
      await app.inject({
        method: 'POST',
        url: `${url}/submit`,
        headers: admin,
        payload: { version: saved.version },
      });
      await app.inject({
        method: 'POST',
        url: `${url}/approve`,
        headers: admin,
        payload: { version: saved.version + 1 },
      });
    }
    const published = await app.inject({
      method: 'POST',
      url: `${base}/publish`,
      headers: admin,
      payload: {},
    });
    if (published.statusCode !== 200) throw new Error(published.body);
    const page = await measurePage();
    bulletId = page.measure.progress.find((b) => b.text === '治験数は2,780件となった')?.id ?? '';
  }, 60_000);
  afterAll(async () => {
    await (app as FastifyInstance | undefined)?.close();
    await (database as TestDatabase | undefined)?.dispose();
  });

  it('refuses a correction without a reason, and one from a reporter', async () => {
    const noReason = await post({ kind: 'bullet', targetId: bulletId, text: '訂正', reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    const reporter = await signIn(app, 'mhlw', 'mhlw passphrase');
    const refused = await post(
      { kind: 'bullet', targetId: bulletId, text: '訂正', reason: '誤記' },
      reporter,
    );
    expect(refused.json<{ error: { code: string } }>().error.code).toBe('forbidden');
  });

  it('shows a corrected bullet beside its original with the reason, and audits it', async () => {
    const res = await post({
      kind: 'bullet',
      targetId: bulletId,
      text: '治験数は2,870件となった',
      reason: '数字の転記誤り',
    });
    expect(res.statusCode).toBe(201);
    const correction = res.json<Correction>();
    expect(correction).toMatchObject({
      kind: 'bullet',
      original: '治験数は2,780件となった',
      corrected: '治験数は2,870件となった',
      reason: '数字の転記誤り',
    });
    const page = await measurePage();
    const bullets = page.measure.progress.map((b) => b.text);
    expect(bullets).toContain('治験数は2,870件となった');
    expect(bullets).not.toContain('治験数は2,780件となった');
    expect(page.corrections.map((c) => [c.original, c.corrected, c.reason])).toEqual([
      ['治験数は2,780件となった', '治験数は2,870件となった', '数字の転記誤り'],
    ]);
    const events = await database.ctx.audit.listByAction('round.correct');
    expect(events.at(-1)?.detail).toMatchObject({
      before: '治験数は2,780件となった',
      after: '治験数は2,870件となった',
      reason: '数字の転記誤り',
    });
  });

  it('puts a corrected actual into the KPI and its status, raising the data version; the list is public', async () => {
    const version = async () =>
      (
        await database.ctx.database.db
          .selectFrom('plan')
          .select('data_version')
          .where('slug', '=', SLUG)
          .executeTakeFirstOrThrow()
      ).data_version;
    const before = await version();
    const res = await post({ kind: 'actual', targetId: kpiId, value: 2_870, reason: '集計漏れの訂正' });
    expect(res.json<Correction>()).toMatchObject({ original: '2780', correctedValue: 2_870 });
    const page = await measurePage();
    const actuals = page.measure.kpis.find((k) => k.id === kpiId)?.actuals.map((a) => a.value) ?? [];
    expect(actuals).toContain(2_870);
    expect(actuals).not.toContain(2_780);
    expect(await version()).toBeGreaterThan(before);
    const list = (await app.inject({ url: `${base}/corrections` })).json<CorrectionList>();
    expect(list.corrections.map((c) => c.kind).sort()).toEqual(['actual', 'bullet']);
    expect((await database.ctx.audit.verify()).ok).toBe(true);
  });
  it("audits a second correction of an actual with the first one's value as its before", async () => {
    const res = await post({ kind: 'actual', targetId: kpiId, value: 2_880, reason: '再集計' });
    expect(res.json<Correction>()).toMatchObject({ original: '2780', correctedValue: 2_880 });
    const events = await database.ctx.audit.listByAction('round.correct');
    expect(events.at(-1)?.detail).toMatchObject({ published: '2780', before: '2870', after: '2880' });
  });
});
