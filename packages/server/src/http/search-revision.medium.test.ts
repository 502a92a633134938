import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '@kotei/domain';
import type { PlanTree, SearchResult } from '@kotei/contracts';
import { prepareFirstStart } from '../bootstrap.js';
import { openTestDatabase, TEST_DATABASES, TEST_NOW, type TestDatabase } from '../testing/test-databases.js';
import { signIn } from '../testing/sign-in.js';
import { openRound, publishWholeRound } from '../testing/rounds.js';
import { buildApp } from './app.js';

const SLUG = 'drug-discovery-2024';
const NEW_TITLE = '改称後の施策名称ヨミカエ';
const ADDED_TITLE = '見直しで加わった施策ツイカブン';
const NEW_TARGET = 987_654_321;
const LATER_BULLET = '見直し後に報告された進捗アトカラ';

function movableClock(start: string): Clock & { set(at: string): void } {
  let now = new Date(start);
  return { now: () => new Date(now), set: (at) => (now = new Date(at)) };
}

const enc = encodeURIComponent;
const ids = (result: SearchResult): string[] => result.hits.map((h) => h.id).sort();

// Search time-travels: revision 2 (adopted 2025-08-01) renames a measure, retires a KPI and adds a measure; a
// round as of 2025-08-31 (published 2025-09-01) adds a bullet. Revision 1 is searched as it stood: the old name, the retired KPI,
// not the added measure nor the later bullet; the current plan the other way round.
describe.each(TEST_DATABASES)('search as a past revision on %s', (kind) => {
  const clock = movableClock(TEST_NOW);
  let database: TestDatabase;
  let app: FastifyInstance;
  let admin: Record<string, string>;
  let password = '';
  let measure = { id: '', title: '', sheet: 0 };
  let kpi = { id: '', name: '' };
  let retargeted = { id: '', period: '' };
  const addedId = randomUUID();
  const plan = `/api/plans/${SLUG}`;
  const post = (url: string, payload: object) =>
    app.inject({ method: 'POST', url, headers: admin, payload: payload as Record<string, unknown> });
  const search = async (query: string): Promise<SearchResult> => {
    const res = await app.inject({ url: `/api/search?plan=${SLUG}&limit=200&${query}` });
    if (res.statusCode !== 200) throw new Error(`${query}: ${res.statusCode} ${res.body}`);
    return res.json<SearchResult>();
  };

  beforeAll(async () => {
    database = await openTestDatabase(kind, clock);
    const first = await prepareFirstStart(database.ctx, { loadSample: true });
    password = first.admin?.password ?? '';
    app = await buildApp(database.ctx, { logLevel: 'silent', webRoot: null, secureCookies: false });
    admin = await signIn(app, 'admin', first.admin?.password ?? '');
    const tree = (await app.inject({ url: plan })).json<PlanTree>();
    const sheet = tree.sheets.find((s) => s.measures.length > 1);
    const [renamed, other] = sheet?.measures ?? [];
    const retired = other?.kpis[0];
    if (!sheet || !renamed || !retired) throw new Error('fixture: a sheet with two measures, one with a KPI');
    measure = { id: renamed.id, title: renamed.title, sheet: sheet.number };
    const target = tree.sheets
      .flatMap((s) => s.measures.flatMap((m) => m.kpis))
      .find((k) => k.id !== retired.id && k.target !== null);
    if (!target?.target) throw new Error('fixture: a KPI with a target');
    retargeted = { id: target.id, period: target.target.period.label };
    kpi = { id: retired.id, name: retired.name };
    clock.set('2025-08-01T10:00:00+09:00');
    admin = await signIn(app, 'admin', first.admin?.password ?? '');
    await post(`${plan}/draft`, {});
    const edited = await post(`${plan}/draft/edits`, {
      version: 0,
      edits: [
        { op: 'measure.update', id: measure.id, title: NEW_TITLE },
        { op: 'retire', kind: 'kpi', id: kpi.id },
        { op: 'kpi.update', id: retargeted.id, target: { value: NEW_TARGET, period: retargeted.period } },
        { op: 'measure.add', id: addedId, sheetId: sheet.id, title: ADDED_TITLE, ministries: ['厚'] },
      ],
    });
    if (edited.statusCode !== 200) throw new Error(edited.body);
    const adopted = await post(`${plan}/draft/adopt`, { reason: '令和7年8月 見直し', version: 1 });
    if (adopted.statusCode !== 200) throw new Error(adopted.body);
    // After the revision, a round on the renamed measure publishes a bullet (2025-09-01).
    clock.set('2025-09-01T10:00:00+09:00');
    admin = await signIn(app, 'admin', first.admin?.password ?? '');
    const round = await openRound(app, admin, SLUG, { asOfDate: '2025-08-31', measureIds: [measure.id] });
    await publishWholeRound(app, admin, SLUG, round.id, () => ({ bullets: [LATER_BULLET], actuals: [] }));
  }, 90_000);
  afterAll(async () => {
    await (app as FastifyInstance | undefined)?.close();
    await (database as TestDatabase | undefined)?.dispose();
  });

  it('finds a renamed measure under its old name in revision 1, under its new name now', async () => {
    const old = `q=${enc(measure.title)}&type=measure`;
    const renamed = `q=${enc(NEW_TITLE)}&type=measure`;
    expect(ids(await search(old))).not.toContain(measure.id);
    expect(ids(await search(renamed))).toEqual([measure.id]);
    const then = await search(`${old}&revision=1`);
    expect(then.revision).toMatchObject({ number: 1, latest: 2, reason: '策定' });
    const hit = then.hits.find((h) => h.id === measure.id);
    expect(hit).toMatchObject({ planSlug: SLUG, measureId: measure.id, sheetNumber: measure.sheet });
    expect(hit?.title.filter((s) => s.isHit).map((s) => s.text)).toEqual([measure.title]);
    expect((await search(`${renamed}&revision=1`)).total).toBe(0);
    expect((await search(`${renamed}&revision=2`)).revision).toMatchObject({ number: 2, latest: 2 });
    expect(ids(await search(`${renamed}&revision=2`))).toEqual([measure.id]);
    expect((await search(renamed)).revision).toBeUndefined();
  });

  it('finds a KPI retired later in revision 1 only, and a measure added later in revision 2 only', async () => {
    const retired = `q=${enc(kpi.name)}&type=kpi`;
    expect(ids(await search(`${retired}&revision=1`))).toContain(kpi.id);
    expect(ids(await search(retired))).not.toContain(kpi.id);
    expect(ids(await search(`${retired}&revision=2`))).not.toContain(kpi.id);
    const added = `q=${enc(ADDED_TITLE)}`;
    expect(ids(await search(added))).toEqual([addedId]);
    expect(ids(await search(`${added}&revision=2`))).toEqual([addedId]);
    expect((await search(`${added}&revision=1`)).total).toBe(0);
  });

  it('finds a KPI by its target as worded in the revision searched', async () => {
    const target = `q=${NEW_TARGET}&type=kpi`;
    expect(ids(await search(target))).toEqual([retargeted.id]);
    expect(ids(await search(`${target}&revision=2`))).toEqual([retargeted.id]);
    expect((await search(`${target}&revision=1`)).total).toBe(0);
  });

  it('keeps what was recorded before the next revision, and leaves out what came after', async () => {
    const later = `q=${enc(LATER_BULLET)}&type=progress`;
    const now = await search(later);
    expect(now.hits.map((h) => [h.measureId, h.title.map((s) => s.text).join('')])).toEqual([
      [measure.id, NEW_TITLE],
    ]);
    expect((await search(`${later}&revision=1`)).total).toBe(0);
    expect((await search(`${later}&revision=2`)).total).toBe(1);
    // The sample's round, published before revision 2, is searched in revision 1 as it is now.
    const earlier = `q=${enc('令和7年度')}&type=progress`;
    const [then, current] = [await search(`${earlier}&revision=1`), await search(earlier)];
    expect(then.total).toBeGreaterThan(0);
    expect(ids(then)).toEqual(ids(current));
    expect(then.rounds.map((r) => r.asOfDate)).toEqual(['2025-06-30']);
    expect(current.rounds.map((r) => r.asOfDate)).toEqual(['2025-08-31', '2025-06-30']);
    // The renamed measure's earlier bullets carry its name as it was then.
    const own = then.hits.filter((h) => h.measureId === measure.id);
    for (const hit of own) expect(hit.title.map((s) => s.text).join('')).toBe(measure.title);
  });

  it('searches the revision in force on a date: before adoption, on its day, and before the as-of date of the later round', async () => {
    const old = `q=${enc(measure.title)}&type=measure`;
    const before = await search(`${old}&revisionOn=2025-07-31`);
    expect(before.revision?.number).toBe(1);
    expect(ids(before)).toContain(measure.id);
    const onTheDay = await search(`${old}&revisionOn=2025-08-01`);
    expect(onTheDay.revision?.number).toBe(2);
    expect(ids(onTheDay)).not.toContain(measure.id);
    const later = `q=${enc(LATER_BULLET)}`;
    // A round counts from its as-of date, not from its publication (ARCHITECTURE.md, rounds and revisions).
    expect((await search(`${later}&revisionOn=2025-08-30`)).total).toBe(0);
    expect((await search(`${later}&revisionOn=2025-08-31`)).total).toBe(1);
  });

  it('keeps the filters: sheet, ministry, type, round, status', async () => {
    const q = `q=${enc(kpi.name)}&revision=1`;
    expect(ids(await search(`${q}&sheet=${measure.sheet}`))).toContain(kpi.id);
    expect((await search(`${q}&sheet=${measure.sheet + 100}`)).total).toBe(0);
    expect((await search(`${q}&type=project`)).hits.every((h) => h.type === 'project')).toBe(true);
    const ministry = await search(`q=${enc('令和7年度')}&ministry=${enc('厚')}&revision=1`);
    expect(ministry.total).toBeGreaterThan(0);
    expect(ministry.hits.every((h) => h.ministries.includes('厚'))).toBe(true);
    const [round] = (await search(`q=${enc('令和7年度')}&revision=1`)).rounds;
    const inRound = await search(`q=${enc('令和7年度')}&round=${round?.id ?? ''}&revision=1`);
    expect(inRound.total).toBeGreaterThan(0);
    expect(new Set(inRound.hits.map((h) => h.roundId))).toEqual(new Set([round?.id]));
    // A status is the revision's own, computed from the plan as it stood: the retired KPI has one in revision 1.
    const tree = (await app.inject({ url: `${plan}?revision=1` })).json<PlanTree>();
    const status = tree.sheets.flatMap((s) => s.measures.flatMap((m) => m.kpis)).find((k) => k.id === kpi.id)
      ?.status.status;
    expect(ids(await search(`${q}&type=kpi&status=${status ?? ''}`))).toContain(kpi.id);
    const others = ['on_track', 'no_data', 'off_track'].filter((s) => s !== status);
    expect(ids(await search(`${q}&type=kpi&status=${others[0] ?? ''}`))).not.toContain(kpi.id);
    expect((await search(`${q}&status=${status ?? ''}&type=progress`)).total).toBe(0);
  });

  it('searches a write made after a revision was searched (its entries are kept per data version)', async () => {
    const later = `q=${enc(LATER_BULLET)}&type=progress&revision=2`;
    const [bullet] = (await search(later)).hits;
    const roundId = bullet?.roundId ?? '';
    clock.set('2025-09-10T10:00:00+09:00');
    admin = await signIn(app, 'admin', password);
    const corrected = await post(`${plan}/rounds/${roundId}/corrections`, {
      kind: 'bullet',
      targetId: bullet?.id ?? '',
      text: '訂正された進捗テイセイゴ',
      reason: '誤記の訂正',
    });
    expect(corrected.statusCode, corrected.body).toBeLessThan(300);
    expect(ids(await search(`q=${enc('テイセイゴ')}&revision=2`))).toEqual([bullet?.id]);
    expect((await search(later)).total).toBe(0);
  });

  it('refuses bad parameters like the other reads, and an unknown revision or early date is 404', async () => {
    const bad = async (query: string, status: number, path?: string) => {
      const res = await app.inject({ url: `/api/search?q=${enc('臨床')}&${query}` });
      expect(res.statusCode, query).toBe(status);
      if (path !== undefined)
        expect(
          res.json<{ error: { details: { path: string }[] } }>().error.details.map((d) => d.path),
        ).toContain(path);
      return res.json<{ error: { code: string; message: string } }>().error;
    };
    await bad('revision=1', 400, 'query.plan');
    await bad('revisionOn=2025-07-31', 400, 'query.plan');
    await bad(`plan=${SLUG}&revision=1&revisionOn=2025-07-31`, 400, 'query.revisionOn');
    await bad(`plan=${SLUG}&revision=0`, 400, 'query.revision');
    await bad(`plan=${SLUG}&revisionOn=2025-02-30`, 400, 'query.revisionOn');
    expect((await bad(`plan=${SLUG}&revision=9`, 404)).message).toContain('no revision 9');
    expect((await bad(`plan=${SLUG}&revisionOn=2001-04-01`, 404)).message).toContain('2001-04-01');
    expect((await bad('plan=no-such-plan&revision=1', 404)).code).toBe('plan_not_found');
  });
});
