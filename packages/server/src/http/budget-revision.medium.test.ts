import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanTree, RevisionDetail, RevisionDraft } from '@kotei/contracts';
import { prepareFirstStart } from '../bootstrap.js';
import { openTestDatabase, TEST_DATABASES, type TestDatabase } from '../testing/test-databases.js';
import { signIn } from '../testing/sign-in.js';
import { buildApp } from './app.js';

const SLUG = 'drug-discovery-2024';
const plan = `/api/plans/${SLUG}`;
const PROJECT = '3d1c5f7e-0a4b-4c8e-9f21-6b7d8e9f0a1b';
const LINE = '4e2d6a8f-1b5c-4d9f-8a32-7c8e9fa0b1c2';

describe.each(TEST_DATABASES)('budget projects (該当事業) in revisions on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let as: Record<string, string>;
  let measureId: string;
  const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
    app.inject({
      method,
      url,
      headers: as,
      ...(payload ? { payload: payload as Record<string, unknown> } : {}),
    });
  const projectsOf = (tree: PlanTree) =>
    tree.sheets.flatMap((s) => s.measures).find((m) => m.id === measureId && !m.isRepost)?.projects ?? [];
  const revise = async (edits: object[], reason: string): Promise<RevisionDetail> => {
    await call('POST', `${plan}/draft`);
    const draft = await call('POST', `${plan}/draft/edits`, { edits });
    expect(draft.statusCode, draft.body).toBe(200);
    const adopted = await call('POST', `${plan}/draft/adopt`, {
      reason,
      version: draft.json<RevisionDraft>().version,
    });
    expect(adopted.statusCode, adopted.body).toBe(200);
    return adopted.json<RevisionDetail>();
  };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await prepareFirstStart(database.ctx, { loadSample: true });
    await database.ctx.users.add('system', {
      login: 'coord-budget',
      password: 'coordinator passphrase 1',
      role: 'coordinator',
      displayName: 'coord',
    });
    app = await buildApp(database.ctx, { logLevel: 'silent', webRoot: null, secureCookies: false });
    as = await signIn(app, 'coord-budget', 'coordinator passphrase 1');
    const tree = (await app.inject({ url: plan })).json<PlanTree>();
    const measure = tree.sheets
      .flatMap((s) => s.measures)
      .find((m) => !m.isRepost && m.ministries.includes('厚'));
    if (!measure) throw new Error('no measure of 厚');
    measureId = measure.id;
  });
  afterAll(async () => {
    await (app as FastifyInstance | undefined)?.close();
    await (database as TestDatabase | undefined)?.dispose();
  });

  it('adds a project to a measure, changes its amount and retires it, each a revision worded in the diff', async () => {
    const before = projectsOf((await app.inject({ url: plan })).json<PlanTree>()).length;
    const refused = await call('POST', `${plan}/draft`).then(() =>
      call('POST', `${plan}/draft/edits`, {
        edits: [{ op: 'budget.update', id: PROJECT, amountYen: 1 }],
      }),
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      error: { code: 'invalid_edit', details: [{ path: 'edits[0].id' }] },
    });

    const added = await revise(
      [
        {
          op: 'budget.add',
          id: PROJECT,
          measureId,
          name: '相談体制整備事業',
          ministry: '厚',
          line: { id: LINE, amountYen: 3_000_000_000, fiscalYear: 2025, type: 'initial' },
        },
      ],
      '該当事業の追加',
    );
    expect(added.changes.map((c) => c.ja)).toEqual([
      '該当事業を追加: 相談体制整備事業（2025年度 当初予算 30億円）',
    ]);
    let projects = projectsOf((await app.inject({ url: plan })).json<PlanTree>());
    expect(projects).toHaveLength(before + 1);
    expect(projects.find((p) => p.id === PROJECT)?.lines).toEqual([
      {
        amountYen: 3_000_000_000,
        fiscalYear: 2025,
        type: 'initial',
        isPartOf: false,
        label: '2025年度 当初予算 30億円',
      },
    ]);

    const changed = await revise(
      [{ op: 'budget.update', id: PROJECT, amountYen: 3_500_000_000 }],
      '予算額の変更',
    );
    expect(changed.changes.map((c) => c.ja)).toEqual(['予算額 30億円 → 35億円']);
    projects = projectsOf((await app.inject({ url: plan })).json<PlanTree>());
    expect(projects.find((p) => p.id === PROJECT)?.lines[0]?.amountYen).toBe(3_500_000_000);

    const retired = await revise([{ op: 'budget.retire', id: PROJECT }], '該当事業の廃止');
    expect(retired.changes.map((c) => c.ja)).toEqual(['該当事業を廃止']);
    expect(projectsOf((await app.inject({ url: plan })).json<PlanTree>()).map((p) => p.id)).not.toContain(
      PROJECT,
    );

    // Time travel: the revision that changed the amount still shows the project at 35億円.
    const then = (await app.inject({ url: `${plan}?revision=${String(changed.number)}` })).json<PlanTree>();
    expect(projectsOf(then).find((p) => p.id === PROJECT)?.lines[0]?.amountYen).toBe(3_500_000_000);
    const diff = await app.inject({ url: `${plan}/revisions/diff?from=1&to=${String(retired.number)}` });
    expect(diff.json<{ changes: unknown[] }>().changes).toEqual([]);
  });
});
