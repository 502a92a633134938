import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '@kotei/domain';
import type { MeasureDetail, PlanTree } from '@kotei/contracts';
import { prepareFirstStart } from '../bootstrap.js';
import { openTestDatabase, TEST_DATABASES, TEST_NOW, type TestDatabase } from '../testing/test-databases.js';
import { signIn } from '../testing/sign-in.js';
import { approveWholeRound, openRound } from '../testing/rounds.js';
import { buildApp } from './app.js';

const SLUG = 'drug-discovery-2024';
const MEASURE = '臨床研究中核病院の承認要件の見直し';
const KPI = '臨床研究中核病院における治験数';
const [ACTUAL_A, ACTUAL_B] = [2_710, 2_790];
const [PROGRESS_A, PROGRESS_B] = ['第1版の下の進捗（7月末時点）', '第2版の下の進捗（8月末時点）'];

function movableClock(start: string): Clock & { set(at: string): void } {
  let now = new Date(start);
  return { now: () => new Date(now), set: (at) => (now = new Date(at)) };
}

// The rule (ARCHITECTURE, "Rounds and revisions"): a round belongs to the revision in force at the end of its
// as-of day in Japan, whenever it is published. Revision 1 is adopted 2025-07-15 (the test's start) and
// revision 2 on 2025-08-01; round A is taken on 2025-07-31 (under revision 1) but published on 2025-08-20,
// after revision 2 was adopted; round B is taken on 2025-08-31 (under revision 2).
describe.each(TEST_DATABASES)(
  'a round reports against the revision in force on its as-of date, on %s',
  (kind) => {
    const clock = movableClock(TEST_NOW);
    let database: TestDatabase;
    let app: FastifyInstance;
    let admin: Record<string, string>;
    let password = '';
    let measureId = '';
    let kpiId = '';
    let oldTarget = 0;
    const ids = { a: '', b: '' };
    const plan = `/api/plans/${SLUG}`;
    const report = `${plan}/report`;
    const post = (url: string, payload: object) =>
      app.inject({ method: 'POST', url, headers: admin, payload: payload as Record<string, unknown> });
    const at = async (instant: string) => {
      clock.set(instant);
      admin = await signIn(app, 'admin', password);
    };
    const get = async <T>(url: string): Promise<T> => {
      const res = await app.inject({ url });
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      return res.json<T>();
    };

    /** Open a round on the measure and take its parts to approval, 厚 reporting `actual` and `progress`. */
    async function takeRound(asOfDate: string, actual: number, progress: string): Promise<string> {
      const round = await openRound(app, admin, SLUG, { asOfDate, measureIds: [measureId] });
      await approveWholeRound(app, admin, SLUG, round.id, (part) => ({
        bullets: [progress],
        actuals:
          part.ministry === '厚' ? [{ kpiId, value: actual, period: '2024年度', note: '医政局調べ' }] : [],
      }));
      return round.id;
    }
    const publish = async (roundId: string) => {
      const res = await post(`${plan}/rounds/${roundId}/publish`, {});
      if (res.statusCode !== 200) throw new Error(res.body);
    };

    beforeAll(async () => {
      database = await openTestDatabase(kind, clock);
      const first = await prepareFirstStart(database.ctx, { loadSample: true });
      password = first.admin?.password ?? '';
      app = await buildApp(database.ctx, { logLevel: 'silent', webRoot: null, secureCookies: false });
      await at(TEST_NOW);
      const tree = await get<PlanTree>(plan);
      const measure = tree.sheets.flatMap((s) => s.measures).find((m) => m.title === MEASURE);
      const kpi = measure?.kpis.find((k) => k.name === KPI);
      if (!measure || !kpi?.target?.value) throw new Error('fixture: the measure and its KPI target');
      [measureId, kpiId, oldTarget] = [measure.id, kpi.id, kpi.target.value];

      // Round A, taken under revision 1 and approved, waits for publication.
      await at('2025-08-01T09:00:00+09:00');
      ids.a = await takeRound('2025-07-31', ACTUAL_A, PROGRESS_A);
      // Revision 2 adopted (the KPI's target raised by 50), then round A published.
      await at('2025-08-01T10:00:00+09:00');
      await post(`${plan}/draft`, {});
      const edited = await post(`${plan}/draft/edits`, {
        version: 0,
        edits: [
          { op: 'kpi.update', id: kpiId, target: { value: oldTarget + 50, period: kpi.target.period.label } },
        ],
      });
      if (edited.statusCode !== 200) throw new Error(edited.body);
      const adopted = await post(`${plan}/draft/adopt`, { reason: '令和7年8月 見直し', version: 1 });
      if (adopted.statusCode !== 200) throw new Error(adopted.body);
      await at('2025-08-20T10:00:00+09:00');
      await publish(ids.a);
    }, 120_000);
    afterAll(async () => {
      await (app as FastifyInstance | undefined)?.close();
      await (database as TestDatabase | undefined)?.dispose();
    });

    const kpiIn = (tree: PlanTree) =>
      tree.sheets.flatMap((s) => s.measures.flatMap((m) => m.kpis)).find((k) => k.id === kpiId);
    const errorCode = async (url: string) => {
      const res = await app.inject({ url });
      return [res.statusCode, res.json<{ error: { code: string } }>().error.code];
    };

    it("reports revision 1 at round A, published after revision 2 was adopted, with A's progress and actual", async () => {
      const then = await app.inject({ url: `${report}?format=json&revision=1` });
      expect(then.statusCode).toBe(200);
      expect(then.headers['content-disposition']).toContain(`${SLUG}-2025-07-31-r1.json`);
      const tree = then.json<PlanTree>();
      expect(tree.rounds.map((r) => r.id)).toContain(ids.a);
      expect(kpiIn(tree)?.target?.value).toBe(oldTarget);
      expect(kpiIn(tree)?.actuals.map((a) => a.value)).toContain(ACTUAL_A);
      const html = (await app.inject({ url: `${report}?revision=1` })).body;
      expect(html).toContain(PROGRESS_A);
      expect(html).toContain('第1版（策定）の計画による');
      // The current plan's report is of the latest round, A, against the current plan.
      const now = await get<PlanTree>(`${report}?format=json`);
      expect(kpiIn(now)?.target?.value).toBe(oldTarget + 50);
      expect((await app.inject({ url: report })).body).toContain(PROGRESS_A);
    });

    it('keeps round A in every read at revision 1 (dashboard, measure, open data), and out of revision 2', async () => {
      const page = await get<MeasureDetail>(`${plan}/measures/${measureId}?revision=1`);
      const kpi = page.measure.kpis.find((k) => k.id === kpiId);
      expect(kpi?.actuals.map((a) => a.value)).toContain(ACTUAL_A);
      expect(page.measure.progress.map((b) => b.text)).toContain(PROGRESS_A);
      expect(page.rounds.map((r) => r.id)).toContain(ids.a);
      expect((await app.inject({ url: `${plan}/dashboard?revision=1` })).statusCode).toBe(200);
      const csv = await app.inject({ url: `/api/open-data/${SLUG}/${ids.a}/kpis.csv?revision=1` });
      expect(csv.statusCode).toBe(200);
      // Revision 2 has no round of its own yet: its report is 404, and round A is not reported as its.
      expect(await errorCode(`${report}?revision=2`)).toEqual([404, 'round_not_found']);
      expect(await errorCode(`${report}?format=json&revision=2&round=${ids.a}`)).toEqual([
        404,
        'round_not_found',
      ]);
      expect(await errorCode(`/api/open-data/${SLUG}/${ids.a}/kpis.csv?revision=2`)).toEqual([
        404,
        'round_not_found',
      ]);
    });

    it("reports revision 2 at round B, its own, and revision 1 still at round A; a date at the round's", async () => {
      await at('2025-09-01T10:00:00+09:00');
      ids.b = await takeRound('2025-08-31', ACTUAL_B, PROGRESS_B);
      await publish(ids.b);

      const second = await get<PlanTree>(`${report}?format=json&revision=2`);
      expect(kpiIn(second)?.target?.value).toBe(oldTarget + 50);
      expect(kpiIn(second)?.actuals.map((a) => a.value)).toContain(ACTUAL_B);
      const html2 = (await app.inject({ url: `${report}?revision=2` })).body;
      expect(html2).toContain(PROGRESS_B);
      // Round A's progress appears only as the earlier text in 「前回からの変更」, not as revision 2's progress.
      expect(html2.split(PROGRESS_A).length - 1).toBe(html2.split(`前回: ${PROGRESS_A}`).length - 1);

      const first = await app.inject({ url: `${report}?format=json&revision=1` });
      expect(first.headers['content-disposition']).toContain(`${SLUG}-2025-07-31-r1.json`);
      expect(kpiIn(first.json<PlanTree>())?.actuals.map((a) => a.value)).not.toContain(ACTUAL_B);
      const html1 = (await app.inject({ url: `${report}?revision=1` })).body;
      expect(html1).toContain(PROGRESS_A);
      expect(html1).not.toContain(PROGRESS_B);
      expect(await errorCode(`${report}?revision=1&round=${ids.b}`)).toEqual([404, 'round_not_found']);
      // The measure at revision 1 leaves round B out, even though it is published now.
      const page = await get<MeasureDetail>(`${plan}/measures/${measureId}?revision=1`);
      expect(page.measure.progress.map((b) => b.text)).not.toContain(PROGRESS_B);

      // A date: the revision in force that day, with the rounds taken by then (A, whenever published).
      const mid = await get<MeasureDetail>(`${plan}/measures/${measureId}?revisionOn=2025-08-15`);
      expect(mid.revision?.number).toBe(2);
      expect(mid.rounds.map((r) => r.id)).toEqual(expect.arrayContaining([ids.a]));
      expect(mid.rounds.map((r) => r.id)).not.toContain(ids.b);
      const late = await app.inject({ url: `${report}?format=json&revisionOn=2025-09-10` });
      expect(late.headers['content-disposition']).toContain(`${SLUG}-2025-08-31-r2.json`);
      // The current plan's report: the latest round, B.
      expect((await app.inject({ url: report })).body).toContain(PROGRESS_B);
    });
  },
);
