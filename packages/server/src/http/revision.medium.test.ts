import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '@kotei/domain';
import type { PlanTree, RevisionDetail, RevisionDiff, RevisionDraft, RevisionList } from '@kotei/contracts';
import { prepareFirstStart } from '../bootstrap.js';
import { openTestDatabase, TEST_DATABASES, TEST_NOW, type TestDatabase } from '../testing/test-databases.js';
import { signIn } from '../testing/sign-in.js';
import { buildApp } from './app.js';

const SLUG = 'drug-discovery-2024';
const PEOPLE = {
  coordinator: { login: 'coord-rev', password: 'coordinator passphrase 1', role: 'coordinator' as const },
  second: { login: 'coord-rev-2', password: 'coordinator passphrase 2', role: 'coordinator' as const },
  mhlw: { login: 'mhlw-rev', password: 'ministry passphrase one', role: 'ministry' as const, ministry: '厚' },
};

function movableClock(start: string): Clock & { set(at: string): void } {
  let now = new Date(start);
  return { now: () => new Date(now), set: (at) => (now = new Date(at)) };
}

type Measure = PlanTree['sheets'][number]['measures'][number];

describe.each(TEST_DATABASES)('revising a plan (見直し) on %s', (kind) => {
  const clock = movableClock(TEST_NOW);
  let database: TestDatabase;
  let app: FastifyInstance;
  const as = {} as Record<keyof typeof PEOPLE, Record<string, string>>;
  let before: PlanTree;
  let measure: Measure;
  let other: Measure;
  const plan = `/api/plans/${SLUG}`;
  const call = (
    who: Record<string, string> | null,
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    payload?: object,
  ) =>
    app.inject({
      method,
      url,
      headers: who ?? {},
      ...(payload ? { payload: payload as Record<string, unknown> } : {}),
    });
  const edits = (who: Record<string, string>, list: object[], version?: number) =>
    call(who, 'POST', `${plan}/draft/edits`, { edits: list, ...(version === undefined ? {} : { version }) });
  const measures = (tree: PlanTree) => tree.sheets.flatMap((s) => s.measures).filter((m) => !m.isRepost);

  beforeAll(async () => {
    database = await openTestDatabase(kind, clock);
    await prepareFirstStart(database.ctx, { loadSample: true });
    for (const [key, person] of Object.entries(PEOPLE))
      await database.ctx.users.add('system', { ...person, displayName: key });
    app = await buildApp(database.ctx, { logLevel: 'silent', webRoot: null, secureCookies: false });
    for (const [key, person] of Object.entries(PEOPLE))
      as[key as keyof typeof PEOPLE] = await signIn(app, person.login, person.password);
    before = (await app.inject({ url: plan })).json<PlanTree>();
    // A measure with two KPIs, the first with a numeric target and an actual, and a phase: split, retarget, retire.
    const found = measures(before).find(
      (m) =>
        m.kpis.length >= 2 &&
        m.phases.length >= 1 &&
        m.kpis[0]?.target?.value != null &&
        (m.kpis[1]?.actuals.length ?? 0) > 0,
    );
    if (!found) throw new Error('the sample has no measure with two KPIs, an actual and a phase');
    measure = found;
    const another = measures(before).find((m) => m.id !== measure.id && m.kpis.length > 0);
    if (!another) throw new Error('the sample has no second measure with a KPI');
    other = another;
  });
  afterAll(async () => {
    await (app as FastifyInstance | undefined)?.close();
    await (database as TestDatabase | undefined)?.dispose();
  });

  it('records the imported plan as revision 1 (策定), and lets only the coordinating office open a draft', async () => {
    const list = (await call(null, 'GET', `${plan}/revisions`)).json<RevisionList>();
    expect(list.current).toBe(1);
    expect(list.revisions.map((r) => [r.number, r.reason])).toEqual([[1, '策定']]);
    expect((await call(as.mhlw, 'POST', `${plan}/draft`)).statusCode).toBe(403);
    expect((await call(null, 'POST', `${plan}/draft`)).statusCode).toBe(401);
    const draft = await call(as.coordinator, 'POST', `${plan}/draft`);
    expect(draft.statusCode).toBe(200);
    expect(draft.json<RevisionDraft>()).toMatchObject({ baseNumber: 1, version: 0, changes: [] });
  });

  it('refuses every bad edit with its field and reason, and applies none of a batch with one', async () => {
    const [kpi] = measure.kpis;
    const good = { op: 'kpi.update', id: kpi?.id, target: { value: 1, period: kpi?.target?.period.label } };
    const res = await edits(as.coordinator, [
      good,
      {
        op: 'kpi.update',
        id: kpi?.id,
        baseline: { value: 1, period: '2024年度' },
        target: { value: 2, period: '2001年度' },
      },
      { op: 'measure.update', id: measure.id, ministries: ['厚', '宇'] },
      { op: 'phase.move', id: measure.phases[0]?.id, period: 'そのうち' },
      { op: 'retire', kind: 'kpi', id: randomUUID() },
    ]);
    expect(res.statusCode).toBe(400);
    const body = res.json<{
      error: { code: string; details: { path: string; message: string; ja?: string }[] };
    }>();
    expect(body.error.code).toBe('invalid_edit');
    expect(body.error.details.map((d) => d.path)).toEqual([
      'edits[1].target.period',
      'edits[2].ministries[1]',
      'edits[3].period',
      'edits[4].id',
    ]);
    expect(body.error.details[0]?.message).toContain('must come after the baseline');
    expect(body.error.details[1]?.message).toBe('no ministry "宇"');
    // The same reason in Japanese, for a Japanese screen to show beside the field.
    expect(body.error.details[1]?.ja).toBe('「宇」という府省庁はありません');
    const draft = (await call(as.coordinator, 'GET', `${plan}/draft`)).json<RevisionDraft>();
    expect(draft).toMatchObject({ version: 0, changes: [] });
  });

  it('collects a retarget, a phase move, a split and a retirement as pending changes in the policy’s words', async () => {
    const [first, second] = measure.kpis;
    const phase = measure.phases[0];
    if (!first?.target || !second || !phase) throw new Error('fixture');
    const newMeasure = randomUUID();
    const res = await edits(
      as.coordinator,
      [
        {
          op: 'kpi.update',
          id: first.id,
          target: { value: (first.target.value ?? 0) + 50, period: first.target.period.label },
        },
        { op: 'phase.move', id: phase.id, period: '2030年度' },
        {
          op: 'measure.split',
          id: measure.id,
          parts: [
            {
              id: measure.id,
              title: measure.title,
              ministries: measure.ministries,
              kpiIds: [],
              phaseIds: [],
            },
            {
              id: newMeasure,
              title: `${measure.title}（分割）`,
              ministries: measure.ministries,
              kpiIds: [second.id],
              phaseIds: [],
            },
          ],
        },
      ],
      0,
    );
    expect(res.statusCode).toBe(200);
    const retire = await edits(as.coordinator, [{ op: 'retire', kind: 'kpi', id: other.kpis[0]?.id }], 1);
    const draft = retire.json<RevisionDraft>();
    expect(draft.version).toBe(2);
    const ja = draft.changes.map((c) => c.ja);
    expect(ja).toContain(`工程を${phase.period.label}から2030年度へ移動`);
    expect(ja.some((t) => t.startsWith('施策を2つに分割'))).toBe(true);
    expect(ja).toContain(
      `目標値 ${first.target.value ?? 0}${first.unit} → ${(first.target.value ?? 0) + 50}${first.unit}`.replace(
        /\d+/gu,
        (n) => Number(n).toLocaleString('ja-JP'),
      ),
    );
    expect(ja).toContain('KPIを廃止');
    expect((await edits(as.coordinator, [{ op: 'retire', kind: 'kpi', id: second.id }], 1)).statusCode).toBe(
      409,
    );
  });

  it('adopts for the first coordinator; the second gets 409 revision_conflict and nothing is half-applied', async () => {
    clock.set('2025-08-01T10:00:00+09:00');
    for (const [key, person] of Object.entries(PEOPLE))
      as[key as keyof typeof PEOPLE] = await signIn(app, person.login, person.password);
    const draft = (await call(as.second, 'GET', `${plan}/draft`)).json<RevisionDraft>();
    const first = await call(as.coordinator, 'POST', `${plan}/draft/adopt`, {
      reason: '令和7年8月 見直し',
      version: draft.version,
    });
    expect(first.statusCode).toBe(200);
    expect(first.json<RevisionDetail>()).toMatchObject({ number: 2, reason: '令和7年8月 見直し' });
    const second = await call(as.second, 'POST', `${plan}/draft/adopt`, {
      reason: '別の見直し',
      version: draft.version,
    });
    expect(second.statusCode).toBe(409);
    expect(second.json<{ error: { code: string } }>().error.code).toBe('revision_conflict');
    const list = (await call(null, 'GET', `${plan}/revisions`)).json<RevisionList>();
    expect(list.revisions.map((r) => r.reason)).toEqual(['令和7年8月 見直し', '策定']);

    const after = (await app.inject({ url: plan })).json<PlanTree>();
    const [retargeted, moved] = measure.kpis;
    const all = measures(after);
    const original = all.find((m) => m.id === measure.id);
    const split = all.find((m) => m.title === `${measure.title}（分割）`);
    // The retired KPI is gone from the plan as it stands; the moved one kept its id and its actuals.
    expect(all.find((m) => m.id === other.id)?.kpis.map((k) => k.id)).not.toContain(other.kpis[0]?.id);
    expect(original?.kpis.map((k) => [k.id, k.target?.value])).toEqual([
      [retargeted?.id, (retargeted?.target?.value ?? 0) + 50],
    ]);
    expect(original?.kpis[0]?.actuals).toEqual(retargeted?.actuals);
    expect(split?.kpis.map((k) => k.id)).toEqual([moved?.id]);
    expect(split?.kpis[0]?.actuals).toEqual(moved?.actuals);
    expect(original?.phases.find((p) => p.id === measure.phases[0]?.id)?.period.label).toBe('2030年度');
    expect(after.revision ?? null).toBeNull();
  });

  it('shows the plan as it stood at revision 1, by number and by date, and the diff between them', async () => {
    const old = (await app.inject({ url: `${plan}?revision=1` })).json<PlanTree>();
    expect(old.revision).toMatchObject({ number: 1, latest: 2, reason: '策定' });
    const oldMeasure = measures(old).find((m) => m.id === measure.id);
    expect(oldMeasure?.kpis.map((k) => [k.id, k.target?.value, k.actuals.length])).toEqual(
      measure.kpis.map((k) => [k.id, k.target?.value, k.actuals.length]),
    );
    expect(oldMeasure?.phases.map((p) => p.period.label)).toEqual(measure.phases.map((p) => p.period.label));
    expect(measures(old).length).toBe(measures(before).length);
    const byDate = (await app.inject({ url: `${plan}?revisionOn=2025-07-20` })).json<PlanTree>();
    expect(byDate.revision?.number).toBe(1);
    expect(
      (await app.inject({ url: `${plan}?revisionOn=2025-08-02` })).json<PlanTree>().revision?.number,
    ).toBe(2);
    expect((await app.inject({ url: `${plan}?revision=9` })).statusCode).toBe(404);

    const diff = (await call(null, 'GET', `${plan}/revisions/diff?from=1&to=2`)).json<RevisionDiff>();
    expect(diff.changes.map((c) => c.kind).sort()).toEqual(['moved', 'period', 'retired', 'split', 'target']);
    expect(diff.changes.every((c) => c.sheetId !== null)).toBe(true);
    const back = (await call(null, 'GET', `${plan}/revisions/diff?from=2&to=1`)).json<RevisionDiff>();
    expect(back.changes.map((c) => c.kind)).toContain('added');
  });

  it('creates a plan from scratch and builds it by edits, refusing a phase outside its horizon', async () => {
    const created = await call(as.coordinator, 'POST', '/api/plans', {
      slug: 'scratch-plan',
      title: '一から作る計画',
      owner: '内閣官房',
      policyFields: [],
      horizon: { from: 2025, to: 2028 },
    });
    expect(created.statusCode).toBe(201);
    const url = '/api/plans/scratch-plan';
    expect((await call(as.coordinator, 'POST', `${url}/draft`)).statusCode).toBe(200);
    const [sheet, m, phase] = [randomUUID(), randomUUID(), randomUUID()];
    const add = [
      { op: 'sheet.add', id: sheet, number: 1, title: '工程表①' },
      { op: 'measure.add', id: m, sheetId: sheet, title: '相談窓口の整備', ministries: ['厚'] },
    ];
    const outside = await call(as.coordinator, 'POST', `${url}/draft/edits`, {
      edits: [...add, { op: 'phase.add', id: phase, measureId: m, text: '設置', period: '2031年度' }],
    });
    expect(
      outside.json<{ error: { details: { path: string }[] } }>().error.details.map((d) => d.path),
    ).toEqual(['edits[2].period']);
    const ok = await call(as.coordinator, 'POST', `${url}/draft/edits`, {
      edits: [...add, { op: 'phase.add', id: phase, measureId: m, text: '設置', period: '2026年度' }],
    });
    expect(ok.statusCode).toBe(200);
    const adopted = await call(as.coordinator, 'POST', `${url}/draft/adopt`, {
      reason: '工程表の策定',
      version: 1,
    });
    expect(adopted.statusCode).toBe(200);
    const tree = (await app.inject({ url })).json<PlanTree>();
    expect(
      tree.sheets.map((s) => [
        s.number,
        s.measures.map((x) => [x.title, x.ministries, x.phases.map((p) => p.period.label)]),
      ]),
    ).toEqual([[1, [['相談窓口の整備', ['厚'], ['2026年度']]]]]);
    const empty = (await app.inject({ url: `${url}?revision=1` })).json<PlanTree>();
    expect(empty.sheets).toEqual([]);
  });
});
