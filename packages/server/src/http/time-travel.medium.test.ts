import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '@kotei/domain';
import type { MeasureDetail, PlanDashboard, PlanTree } from '@kotei/contracts';
import { prepareFirstStart } from '../bootstrap.js';
import { openTestDatabase, TEST_DATABASES, TEST_NOW, type TestDatabase } from '../testing/test-databases.js';
import { signIn } from '../testing/sign-in.js';
import { openRound, publishWholeRound } from '../testing/rounds.js';
import { buildApp } from './app.js';

const SLUG = 'drug-discovery-2024';
const MEASURE = '臨床研究中核病院の承認要件の見直し';
const KPI = '臨床研究中核病院における治験数';
const LATER_ACTUAL = 2_780;

function movableClock(start: string): Clock & { set(at: string): void } {
  let now = new Date(start);
  return { now: () => new Date(now), set: (at) => (now = new Date(at)) };
}

// Time travel on every plan read: a revision retargets a KPI and moves a phase, then a round publishes an actual;
// revision 1 shows the old target and period and leaves the later actual out, on the tree, dashboard and measure.
describe.each(TEST_DATABASES)('time travel on every plan read on %s', (kind) => {
  const clock = movableClock(TEST_NOW);
  let database: TestDatabase;
  let app: FastifyInstance;
  let admin: Record<string, string>;
  let measureId = '';
  let kpiId = '';
  let phaseId = '';
  let oldTarget = 0;
  let oldPeriod = '';
  const plan = `/api/plans/${SLUG}`;
  const get = async <T>(url: string): Promise<T> => {
    const res = await app.inject({ url });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json<T>();
  };
  const post = (url: string, payload: object) =>
    app.inject({ method: 'POST', url, headers: admin, payload: payload as Record<string, unknown> });

  beforeAll(async () => {
    database = await openTestDatabase(kind, clock);
    const first = await prepareFirstStart(database.ctx, { loadSample: true });
    app = await buildApp(database.ctx, { logLevel: 'silent', webRoot: null, secureCookies: false });
    admin = await signIn(app, 'admin', first.admin?.password ?? '');
    const tree = await get<PlanTree>(plan);
    const measure = tree.sheets.flatMap((s) => s.measures).find((m) => m.title === MEASURE);
    const kpi = measure?.kpis.find((k) => k.name === KPI);
    const phase = measure?.phases[0];
    if (!measure || !kpi?.target?.value || !phase) throw new Error('fixture: measure, KPI target, phase');
    [measureId, kpiId, phaseId, oldTarget, oldPeriod] = [
      measure.id,
      kpi.id,
      phase.id,
      kpi.target.value,
      phase.period.label,
    ];
    // Revision 2 (adopted 2025-08-01): the target raised by 50, the phase moved to 2030年度.
    clock.set('2025-08-01T10:00:00+09:00');
    admin = await signIn(app, 'admin', first.admin?.password ?? '');
    await post(`${plan}/draft`, {});
    const edited = await post(`${plan}/draft/edits`, {
      version: 0,
      edits: [
        { op: 'kpi.update', id: kpiId, target: { value: oldTarget + 50, period: kpi.target.period.label } },
        { op: 'phase.move', id: phaseId, period: '2030年度' },
      ],
    });
    if (edited.statusCode !== 200) throw new Error(edited.body);
    const adopted = await post(`${plan}/draft/adopt`, { reason: '令和7年8月 見直し', version: 1 });
    if (adopted.statusCode !== 200) throw new Error(adopted.body);
    // After the revision: a round publishes an actual of the KPI (recorded 2025-09-01).
    clock.set('2025-09-01T10:00:00+09:00');
    admin = await signIn(app, 'admin', first.admin?.password ?? '');
    const round = await openRound(app, admin, SLUG, { asOfDate: '2025-08-31', measureIds: [measureId] });
    await publishWholeRound(app, admin, SLUG, round.id, (part) => ({
      bullets: ['見直し後の報告'],
      actuals:
        part.ministry === '厚'
          ? [{ kpiId, value: LATER_ACTUAL, period: '2024年度', note: '医政局調べ' }]
          : [],
    }));
  }, 90_000);
  afterAll(async () => {
    await (app as FastifyInstance | undefined)?.close();
    await (database as TestDatabase | undefined)?.dispose();
  });

  const kpiOf = (page: MeasureDetail) => page.measure.kpis.find((k) => k.id === kpiId);

  it('shows revision 1 on the measure page: the old target and period, without the later actual', async () => {
    const current = await get<MeasureDetail>(`${plan}/measures/${measureId}`);
    expect(current.revision).toBeUndefined();
    expect(kpiOf(current)?.target?.value).toBe(oldTarget + 50);
    expect(kpiOf(current)?.actuals.map((a) => a.value)).toContain(LATER_ACTUAL);

    const then = await get<MeasureDetail>(`${plan}/measures/${measureId}?revision=1`);
    expect(then.revision).toMatchObject({ number: 1, latest: 2, reason: '策定' });
    expect(kpiOf(then)?.target?.value).toBe(oldTarget);
    expect(kpiOf(then)?.actuals.map((a) => a.value)).not.toContain(LATER_ACTUAL);
    expect(then.measure.phases.find((p) => p.id === phaseId)?.period.label).toBe(oldPeriod);
    expect(then.measure.progress.map((b) => b.text)).not.toContain('見直し後の報告');
    expect(then.rounds.map((r) => r.asOfDate)).not.toContain('2025-08-31');
  });

  it('shows revision 1 on the plan tree and the dashboard, and says which revision it is', async () => {
    const tree = await get<PlanTree>(`${plan}?revision=1`);
    const kpi = tree.sheets.flatMap((s) => s.measures.flatMap((m) => m.kpis)).find((k) => k.id === kpiId);
    expect(kpi?.target?.value).toBe(oldTarget);
    expect(kpi?.actuals.map((a) => a.value)).not.toContain(LATER_ACTUAL);
    const dashboard = await get<PlanDashboard>(`${plan}/dashboard?revision=1`);
    expect(dashboard.revision).toMatchObject({ number: 1, latest: 2, reason: '策定' });
    expect(dashboard.sheets.length).toBe(tree.sheets.length);
    const latest = await get<PlanDashboard>(`${plan}/dashboard?revision=2`);
    expect(latest.revision).toMatchObject({ number: 2, latest: 2, reason: '令和7年8月 見直し' });
    expect((await get<PlanDashboard>(`${plan}/dashboard`)).revision).toBeUndefined();
  });

  it('finds the revision in force on a date, and the plan as it stood on that day', async () => {
    const before = await get<MeasureDetail>(`${plan}/measures/${measureId}?revisionOn=2025-07-31`);
    expect(before.revision?.number).toBe(1);
    const between = await get<MeasureDetail>(`${plan}/measures/${measureId}?revisionOn=2025-08-15`);
    expect(between.revision?.number).toBe(2);
    expect(kpiOf(between)?.target?.value).toBe(oldTarget + 50);
    expect(kpiOf(between)?.actuals.map((a) => a.value)).not.toContain(LATER_ACTUAL);
    const after = await get<MeasureDetail>(`${plan}/measures/${measureId}?revisionOn=2025-09-02`);
    expect(kpiOf(after)?.actuals.map((a) => a.value)).toContain(LATER_ACTUAL);
  });

  it('gives originally adopted vs current with ?base=1', async () => {
    const page = await get<MeasureDetail>(`${plan}/measures/${measureId}?base=1`);
    expect(page.originals?.base).toMatchObject({ number: 1, reason: '策定' });
    expect(page.originals?.kpis.map((k) => [k.kpiId, k.original?.value, k.current?.value])).toEqual([
      [kpiId, oldTarget, oldTarget + 50],
    ]);
    expect(page.originals?.phases.map((p) => [p.phaseId, p.original.label, p.current.label])).toEqual([
      [phaseId, oldPeriod, '2030年度'],
    ]);
    const tree = await get<PlanTree>(`${plan}?base=1`);
    expect(tree.originals?.phases.map((p) => p.phaseId)).toContain(phaseId);
    expect((await get<PlanTree>(`${plan}?revision=1&base=1`)).originals).toMatchObject({
      phases: [],
      kpis: [],
    });
    // The dashboard too, for its outcome charts to draw the original target beside the current one.
    const dashboard = await get<PlanDashboard>(`${plan}/dashboard?base=1`);
    expect(dashboard.originals?.kpis.map((k) => [k.kpiId, k.original?.value])).toEqual([[kpiId, oldTarget]]);
    expect((await get<PlanDashboard>(`${plan}/dashboard`)).originals).toBeUndefined();
  });

  it('answers 404 for an unknown revision and for a date before revision 1, naming it', async () => {
    for (const url of [
      `${plan}?revision=9`,
      `${plan}/dashboard?revision=9`,
      `${plan}/measures/${measureId}?revision=9`,
    ]) {
      const res = await app.inject({ url });
      expect(res.statusCode).toBe(404);
      expect(res.json<{ error: { message: string } }>().error.message).toContain('no revision 9');
    }
    const early = await app.inject({ url: `${plan}/dashboard?revisionOn=2001-04-01` });
    expect(early.statusCode).toBe(404);
    expect(early.json<{ error: { message: string } }>().error.message).toContain('2001-04-01');
    expect((await app.inject({ url: `${plan}/measures/${measureId}?base=9` })).statusCode).toBe(404);
  });
});
