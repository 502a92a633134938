import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  PlanTree,
  RevisionDiff,
  RevisionList,
  TableIntoPlanPreview,
  TableIntoPlanResult,
} from '@kotei/contracts';
import { prepareFirstStart } from '../bootstrap.js';
import { openTestDatabase, TEST_DATABASES, type TestDatabase } from '../testing/test-databases.js';
import { signIn } from '../testing/sign-in.js';
import { buildApp } from './app.js';

// A real table of another office: 小矢部市 総合計画 成果指標 (CSV, Shift_JIS), two groups.
const oyabe = readFileSync(
  new URL('../../../importers/src/fixtures/kpi-tables/oyabe-city-seika-shihyo/table.csv', import.meta.url),
);
// The plan it is added to: two sheets of a measure each, one already measuring 図書館入館者数.
const PLAN = [
  '生涯学習の推進,,',
  '指標名,現状,目標',
  '図書館入館者数,"100,000人(2020年)","120,000人(2027年)"',
  'スポーツの振興,,',
  '指標名,現状,目標',
  '体育館利用者数,"50,000人(2020年)","60,000人(2027年)"',
  '',
].join('\n');
const base64 = (bytes: Uint8Array | string): string => Buffer.from(bytes).toString('base64');
const table = { fileName: 'oyabe.csv', contentBase64: base64(oyabe) };
const SLUG = 'town-plan';
const REPORTER = {
  login: 'into-reporter',
  password: 'into plan passphrase',
  role: 'ministry',
  ministry: '厚',
} as const;

describe.each(TEST_DATABASES)("a KPI table's KPIs added to an existing plan on %s", (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let admin: Record<string, string>;
  let reporter: Record<string, string>;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const first = await prepareFirstStart(database.ctx, { loadSample: false });
    await database.ctx.users.add('system', { ...REPORTER, displayName: REPORTER.login });
    app = await buildApp(database.ctx, { logLevel: 'silent', webRoot: null, secureCookies: false });
    admin = await signIn(app, 'admin', first.admin?.password ?? '');
    reporter = await signIn(app, REPORTER.login, REPORTER.password);
    const created = await app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: admin,
      payload: { fileName: 'town.csv', contentBase64: base64(PLAN), slug: SLUG },
    });
    expect(created.statusCode).toBe(201);
  }, 180_000);
  afterAll(async () => {
    await (app as FastifyInstance | undefined)?.close();
    await (database as TestDatabase | undefined)?.dispose();
  });

  const tree = async () => (await app.inject({ url: `/api/plans/${SLUG}` })).json<PlanTree>();
  const measure = (plan: PlanTree, title: string) =>
    plan.sheets.flatMap((s) => s.measures).find((m) => m.title === title);
  const counts = async () => {
    const db = database.ctx.database.db;
    const [kpis, observations, revisions, measures] = await Promise.all([
      db
        .selectFrom('kpi')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('observation')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('revision')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('measure')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    return [kpis.n, observations.n, revisions.n, measures.n].map(Number);
  };
  const dataVersion = async () =>
    (
      await database.ctx.database.db
        .selectFrom('plan')
        .select('data_version')
        .where('slug', '=', SLUG)
        .executeTakeFirstOrThrow()
    ).data_version;
  const preview = async (headers: Record<string, string>) =>
    app.inject({
      method: 'POST',
      url: `/api/plans/${SLUG}/imports/kpi-table/preview`,
      headers,
      payload: table,
    });
  const commit = async (headers: Record<string, string>, groups: unknown[]) =>
    app.inject({
      method: 'POST',
      url: `/api/plans/${SLUG}/imports/kpi-table`,
      headers,
      payload: { ...table, groups },
    });

  it('proposes for each group the measure whose title agrees, and flags a KPI the measure already has', async () => {
    const res = await preview(admin);
    expect(res.statusCode).toBe(200);
    const shown = res.json<TableIntoPlanPreview>();
    const plan = await tree();
    const learning = measure(plan, '生涯学習の推進');
    const sports = measure(plan, 'スポーツの振興');
    expect(shown.groups.map((g) => [g.key, g.title, g.proposal?.measureId])).toEqual([
      ['1-1', '生涯学習の促進', learning?.id],
      ['2-1', '生涯スポーツの促進', sports?.id],
    ]);
    const library = shown.groups[0]?.kpis.find((k) => k.name === '図書館入館者数');
    expect(library).toMatchObject({ existsOnProposed: true, unit: '人' });
    expect(shown.groups[0]?.kpis.filter((k) => k.existsOnProposed)).toHaveLength(1);
    expect(shown.measures.map((m) => m.title)).toEqual(['生涯学習の推進', 'スポーツの振興']);
    expect(shown.table.format).toBe('csv');
  });

  it('refuses a reporter (403) and a measure not in the plan (422 naming the group), writing nothing', async () => {
    const before = await counts();
    expect((await preview(reporter)).statusCode).toBe(403);
    const plan = await tree();
    const forbidden = await commit(reporter, [
      { key: '1-1', measureId: measure(plan, '生涯学習の推進')?.id },
    ]);
    expect(forbidden.statusCode).toBe(403);
    const bad = await commit(admin, [
      { key: '2-1', measureId: measure(plan, 'スポーツの振興')?.id },
      { key: '1-1', measureId: '00000000-0000-4000-8000-000000000000' },
    ]);
    expect(bad.statusCode).toBe(422);
    const error = bad.json<{ error: { code: string; message: string; details: { path: string }[] } }>().error;
    expect(error.code).toBe('measure_not_in_plan');
    expect(error.message).toContain('生涯学習の促進');
    expect(error.details[0]?.path).toBe('groups[1].measureId');
    expect(await counts()).toEqual(before);
  });

  it('adds the KPIs with their actuals and provenance as the next revision, reporting the duplicate', async () => {
    const plan = await tree();
    const learning = measure(plan, '生涯学習の推進');
    const sheet2 = plan.sheets.find((s) => s.number === 2);
    const versionBefore = await dataVersion();
    const res = await commit(admin, [
      { key: '1-1', measureId: learning?.id },
      { key: '2-1', newMeasureOnSheet: sheet2?.id, title: '生涯スポーツの促進' },
    ]);
    expect(res.statusCode).toBe(200);
    const result = res.json<TableIntoPlanResult>();
    expect(result.duplicates).toEqual([
      {
        group: '1-1',
        measureId: learning?.id,
        name: '図書館入館者数',
        existingKpiId: learning?.kpis[0]?.id,
      },
    ]);
    expect(result.added.filter((a) => a.group === '1-1')).toHaveLength(8);
    expect(result.added.filter((a) => a.group === '2-1')).toHaveLength(5);
    expect(result.newMeasures).toMatchObject([
      { group: '2-1', sheetId: sheet2?.id, title: '生涯スポーツの促進' },
    ]);
    expect(result.revision).toBe(2);
    expect(result.dataVersion).toBeGreaterThan(versionBefore);
    expect(await dataVersion()).toBe(result.dataVersion);

    const after = await tree();
    const learningNow = measure(after, '生涯学習の推進');
    expect(learningNow?.kpis.filter((k) => k.name === '図書館入館者数')).toHaveLength(1);
    const course = learningNow?.kpis.find((k) => k.name === 'IT講座修了者数');
    expect(course?.actuals.map((a) => [a.value, a.period.fiscalYear])).toEqual([
      [1007, 2001],
      [448, 2002],
      [196, 2003],
    ]);
    expect(course?.status.status).toBeDefined();
    expect(course?.note).toContain('出典: oyabe.csv');
    const club = measure(after, '生涯スポーツの促進')?.kpis.find(
      (k) => k.name === '総合型地域スポーツクラブ加入者数',
    );
    expect(club?.baseline?.value).toBe(277);
    expect(club?.status.status).toBeDefined();

    // Every actual says where it was read: file, line and cell (a worksheet's name for a workbook).
    const notes = await database.ctx.database.db
      .selectFrom('observation')
      .innerJoin('kpi', 'kpi.id', 'observation.kpi_id')
      .select('observation.source_note')
      .where('kpi.name', '=', 'IT講座修了者数')
      .execute();
    expect(notes.length).toBe(3);
    for (const n of notes) expect(n.source_note).toMatch(/^oyabe\.csv line \d+, cell \d+$/u);

    // The revision history and its diff show the added KPIs, under the reason naming the file.
    const list = (await app.inject({ url: `/api/plans/${SLUG}/revisions` })).json<RevisionList>();
    expect(list.revisions[0]).toMatchObject({ number: 2, reason: 'KPI表の取り込み: oyabe.csv' });
    const diff = (
      await app.inject({ url: `/api/plans/${SLUG}/revisions/diff?from=1&to=2` })
    ).json<RevisionDiff>();
    const added = diff.changes.filter((c) => c.kind === 'added' && c.entity === 'kpi').map((c) => c.name);
    expect(added).toContain('IT講座修了者数');
    expect(added).toHaveLength(13);

    const audit = await database.ctx.database.db
      .selectFrom('audit_event')
      .select(['action', 'detail_json'])
      .where('action', '=', 'plan.kpi_table_add')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.detail_json).toContain('oyabe.csv');
  });

  it('adds nothing and writes nothing when every KPI is already on the measure', async () => {
    const plan = await tree();
    const before = await counts();
    const res = await commit(admin, [{ key: '1-1', measureId: measure(plan, '生涯学習の推進')?.id }]);
    expect(res.statusCode).toBe(200);
    const result = res.json<TableIntoPlanResult>();
    expect(result).toMatchObject({ revision: null, added: [], leftOut: ['2-1'] });
    expect(result.duplicates).toHaveLength(9);
    expect(await counts()).toEqual(before);
  });

  it('refuses a measure a revision retired (422), writing nothing', async () => {
    const plan = await tree();
    const sports = measure(plan, 'スポーツの振興');
    const db = database.ctx.database.db;
    await db
      .insertInto('retired_entity')
      .values({
        plan_id: plan.id,
        kind: 'measure',
        entity_id: sports?.id ?? '',
        revision_number: 2,
        merged_into: null,
      })
      .execute();
    const before = await counts();
    const res = await commit(admin, [{ key: '2-1', measureId: sports?.id }]);
    expect(res.statusCode).toBe(422);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('measure_retired');
    expect(await counts()).toEqual(before);
  });
});
