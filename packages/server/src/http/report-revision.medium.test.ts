import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '@kotei/domain';
import type { PlanTree } from '@kotei/contracts';
import { prepareFirstStart } from '../bootstrap.js';
import { openTestDatabase, TEST_DATABASES, TEST_NOW, type TestDatabase } from '../testing/test-databases.js';
import { signIn } from '../testing/sign-in.js';
import { buildApp } from './app.js';

const SLUG = 'drug-discovery-2024';
const REASON = '令和7年8月 見直し';

function movableClock(start: string): Clock & { set(at: string): void } {
  let now = new Date(start);
  return { now: () => new Date(now), set: (at) => (now = new Date(at)) };
}

const kpisOf = (tree: PlanTree) => [
  ...tree.strategicGoals.flatMap((g) => g.outcomes),
  ...tree.sheets.flatMap((s) => s.measures.flatMap((m) => m.kpis)),
];

/** The target_value of one KPI in the kpis table as CSV. */
function csvTarget(csv: string, kpiId: string): string | undefined {
  const [head, ...rows] = csv.replace(/^\uFEFF/, '').split('\r\n');
  const column = (head ?? '').split(',').indexOf('target_value');
  const row = rows.find((line) => line.includes(kpiId));
  return row?.split(',')[column];
}

// Time travel on the published report, in every format and on the open data: a revision retargets a KPI after
// the round was published; ?revision=1 shows the old target, names the revision on the cover and in the file name.
describe.each(TEST_DATABASES)('the report as a revision fixed the plan on %s', (kind) => {
  const clock = movableClock(TEST_NOW);
  let database: TestDatabase;
  let app: FastifyInstance;
  let kpiId = '';
  let oldTarget = 0;
  let roundId = '';
  let asOfDate = '';
  const report = `/api/plans/${SLUG}/report`;

  beforeAll(async () => {
    database = await openTestDatabase(kind, clock);
    const first = await prepareFirstStart(database.ctx, { loadSample: true });
    app = await buildApp(database.ctx, { logLevel: 'silent', webRoot: null, secureCookies: false });
    const tree = (await app.inject({ url: `/api/plans/${SLUG}` })).json<PlanTree>();
    const round = tree.rounds.find((r) => r.state === 'published');
    const kpi = kpisOf(tree).find((k) => k.target?.value != null);
    if (!round || !kpi?.target?.value) throw new Error('fixture: a published round and a KPI with a target');
    [kpiId, oldTarget, roundId, asOfDate] = [kpi.id, kpi.target.value, round.id, round.asOfDate];
    // Revision 2, adopted after the round was published: the KPI's target raised by 50.
    clock.set('2025-08-01T10:00:00+09:00');
    const admin = await signIn(app, 'admin', first.admin?.password ?? '');
    const post = (url: string, payload: object) =>
      app.inject({ method: 'POST', url, headers: admin, payload: payload as Record<string, unknown> });
    await post(`/api/plans/${SLUG}/draft`, {});
    const edited = await post(`/api/plans/${SLUG}/draft/edits`, {
      version: 0,
      edits: [
        { op: 'kpi.update', id: kpiId, target: { value: oldTarget + 50, period: kpi.target.period.label } },
      ],
    });
    if (edited.statusCode !== 200) throw new Error(edited.body);
    const adopted = await post(`/api/plans/${SLUG}/draft/adopt`, { reason: REASON, version: 1 });
    if (adopted.statusCode !== 200) throw new Error(adopted.body);
  }, 90_000);
  afterAll(async () => {
    await (app as FastifyInstance | undefined)?.close();
    await (database as TestDatabase | undefined)?.dispose();
  });

  const targetIn = (tree: PlanTree) => kpisOf(tree).find((k) => k.id === kpiId)?.target?.value;

  it('gives the plan tree as revision 1 fixed it in JSON, the current one by default, named -r1', async () => {
    const then = await app.inject({ url: `${report}?format=json&revision=1` });
    expect(then.statusCode).toBe(200);
    const tree = then.json<PlanTree>();
    expect(targetIn(tree)).toBe(oldTarget);
    expect(tree.revision).toMatchObject({ number: 1, latest: 2, reason: '策定' });
    expect(then.headers['content-disposition']).toContain(`${SLUG}-${asOfDate}-r1.json`);

    const now = await app.inject({ url: `${report}?format=json` });
    expect(targetIn(now.json<PlanTree>())).toBe(oldTarget + 50);
    expect(now.headers['content-disposition']).toContain(`${SLUG}-${asOfDate}.json`);
    expect(now.headers.etag).not.toBe(then.headers.etag);

    // The revision in force on a date before revision 2's adoption is revision 1.
    const onDate = await app.inject({ url: `${report}?format=json&revisionOn=2025-07-20` });
    expect(targetIn(onDate.json<PlanTree>())).toBe(oldTarget);
    expect(onDate.headers['content-disposition']).toContain('-r1.json');
  });

  it('names the revision on the cover of the print view and the workbook, and only when one is asked', async () => {
    const then = await app.inject({ url: `${report}?revision=1` });
    expect(then.statusCode).toBe(200);
    expect(then.body).toContain('第1版（策定）の計画による');
    // No round was taken while revision 2 was in force: it has no report (the round is revision 1's).
    const latest = await app.inject({ url: `${report}?revision=2` });
    expect(latest.statusCode).toBe(404);
    expect(latest.json<{ error: { code: string } }>().error.code).toBe('round_not_found');
    expect((await app.inject({ url: report })).body).not.toContain('の計画による');

    const xlsx = await app.inject({ url: `${report}?format=xlsx&revision=1&round=${roundId}` });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toContain(`${SLUG}-${asOfDate}-r1.xlsx`);
  });

  it('gives the open-data tables as revision 1 fixed them, with validators of their own', async () => {
    const csvThen = await app.inject({ url: `${report}?format=csv&table=kpis&revision=1` });
    expect(csvThen.headers['content-disposition']).toContain(`${SLUG}-${asOfDate}-r1-kpis.csv`);
    expect(csvTarget(csvThen.body, kpiId)).toBe(String(oldTarget));
    const csvNow = await app.inject({ url: `${report}?format=csv&table=kpis` });
    expect(csvTarget(csvNow.body, kpiId)).toBe(String(oldTarget + 50));

    const base = `/api/open-data/${SLUG}/${roundId}`;
    const fileThen = await app.inject({ url: `${base}/kpis.csv?revision=1` });
    expect(csvTarget(fileThen.body, kpiId)).toBe(String(oldTarget));
    const fileNow = await app.inject({ url: `${base}/kpis.csv` });
    expect(fileNow.headers.etag).not.toBe(fileThen.headers.etag);
    const excelThen = await app.inject({ url: `${base}/excel/kpis.csv?revision=1` });
    expect(csvTarget(excelThen.body, kpiId)).toBe(String(oldTarget));
    const jsonThen = await app.inject({ url: `${base}/kpis.json?revision=1` });
    const record = jsonThen.json<Record<string, unknown>[]>().find((r) => r.kpi_id === kpiId);
    expect(record?.target_value).toBe(oldTarget);
    const planThen = await app.inject({ url: `${base}/plan.json?revision=1` });
    expect(targetIn(planThen.json<PlanTree>())).toBe(oldTarget);
  });

  it('answers 404 for a revision the plan does not have, as the plan read does', async () => {
    for (const url of [
      `${report}?format=json&revision=99`,
      `${report}?revision=99`,
      `/api/open-data/${SLUG}/${roundId}/kpis.csv?revision=99`,
    ]) {
      const res = await app.inject({ url });
      expect(res.statusCode).toBe(404);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('revision_not_found');
    }
    expect((await app.inject({ url: `/api/plans/${SLUG}?revision=99` })).statusCode).toBe(404);
  });
});
