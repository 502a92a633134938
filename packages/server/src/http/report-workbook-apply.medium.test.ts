import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  PlanTree,
  RevisionDiff,
  RevisionList,
  WorkbookApplied,
  WorkbookPreview,
} from '@kotei/contracts';
import { prepareFirstStart } from '../bootstrap.js';
import { openTestDatabase, TEST_DATABASES, type TestDatabase } from '../testing/test-databases.js';
import { signIn } from '../testing/sign-in.js';
import { buildApp } from './app.js';

const SLUG = 'drug-discovery-2024';
const BASE = `/api/plans/${SLUG}/report/workbook`;

describe.each(TEST_DATABASES)('a previewed report workbook applied on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let admin: Record<string, string>;
  let exported: Buffer;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const first = await prepareFirstStart(database.ctx, { loadSample: true });
    app = await buildApp(database.ctx, { logLevel: 'silent', webRoot: null, secureCookies: false });
    admin = await signIn(app, 'admin', first.admin?.password ?? '');
    exported = (await app.inject({ url: `/api/plans/${SLUG}/report?format=xlsx` })).rawPayload;
  });
  afterAll(async () => {
    await (app as FastifyInstance | undefined)?.close();
    await (database as TestDatabase | undefined)?.dispose();
  });

  const edit = async (cells: Record<string, ExcelJS.CellValue>): Promise<string> => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported as unknown as ExcelJS.Buffer);
    for (const [where, value] of Object.entries(cells)) {
      const [sheet = '', address = ''] = where.split('!');
      const ws = workbook.getWorksheet(sheet);
      if (!ws) throw new Error(`no worksheet ${sheet}`);
      ws.getCell(address).value = value;
    }
    return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
  };
  const preview = async (contentBase64: string) =>
    (
      await app.inject({ method: 'POST', url: `${BASE}/preview`, headers: admin, payload: { contentBase64 } })
    ).json<WorkbookPreview>();
  const apply = (contentBase64: string, p: WorkbookPreview) =>
    app.inject({
      method: 'POST',
      url: `${BASE}/apply`,
      headers: admin,
      payload: { contentBase64, dataVersion: p.dataVersion, digest: p.digest },
    });
  const tree = async () => (await app.inject({ url: `/api/plans/${SLUG}` })).json<PlanTree>();
  const kpiRow = async (row: number) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported as unknown as ExcelJS.Buffer);
    const ws = workbook.getWorksheet('data_kpis');
    return { id: ws?.getCell(`A${String(row)}`).text ?? '' };
  };
  const kpiOf = (plan: PlanTree, id: string) =>
    [
      ...plan.strategicGoals.flatMap((g) => g.outcomes),
      ...plan.sheets.flatMap((s) => s.measures.flatMap((m) => m.kpis)),
    ].find((k) => k.id === id);

  it('accepts the unedited export as no change and writes nothing', async () => {
    const content = exported.toString('base64');
    const before = (await app.inject({ url: `/api/plans/${SLUG}` })).body;
    const p = await preview(content);
    expect(p).toMatchObject({ changes: [], issues: [] });
    const res = await apply(content, p);
    expect(res.statusCode).toBe(200);
    expect(res.json<WorkbookApplied>()).toMatchObject({
      applied: [],
      dataVersion: p.dataVersion,
      revision: null,
    });
    expect((await app.inject({ url: `/api/plans/${SLUG}` })).body).toBe(before);
  });

  it('refuses a broken cell and a read-only cell, naming worksheet and cell, and writes nothing', async () => {
    const audit = await database.ctx.audit.verify();
    const before = (await app.inject({ url: `/api/plans/${SLUG}` })).body;
    const content = await edit({ 'data_kpis!I4': '約十件', 'data_kpis!K3': 5 });
    const p = await preview(content);
    expect(p.issues.map((i) => `${i.worksheet}!${i.cell}`)).toEqual(['data_kpis!I4']);
    // The preview still lists the workbook's other changes, so one upload shows both.
    expect(p.changes.map((c) => `${c.worksheet}!${c.cell}=${String(c.after)}`)).toEqual(['data_kpis!K3=5']);
    const res = await apply(content, p);
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { code: string; details: { path: string }[] } }>().error).toMatchObject({
      code: 'workbook_invalid',
      details: [{ path: 'data_kpis!I4' }],
    });
    const readOnly = await edit({ 'data_kpis!G3': 'count', 'data_progress!F2': '書き換え' });
    const q = await preview(readOnly);
    expect(q.issues.map((i) => `${i.worksheet}!${i.cell}`).sort()).toEqual([
      'data_kpis!G3',
      'data_progress!F2',
    ]);
    expect((await apply(readOnly, q)).statusCode).toBe(400);
    expect((await app.inject({ url: `/api/plans/${SLUG}` })).body).toBe(before);
    expect(await database.ctx.audit.verify()).toEqual(audit);
  });

  it('applies edited cells in one audited write that raises the data version, and the plan shows them', async () => {
    const { id } = await kpiRow(3);
    const content = await edit({ 'data_kpis!E3': '改めた指標名', 'data_kpis!K3': 77 });
    const p = await preview(content);
    expect(p.issues).toEqual([]);
    expect(p.changes.map((c) => `${c.cell}=${String(c.after)}`)).toEqual(['E3=改めた指標名', 'K3=77']);
    const res = await apply(content, p);
    expect(res.statusCode).toBe(200);
    expect(res.json<WorkbookApplied>()).toMatchObject({ dataVersion: p.dataVersion + 1 });
    const kpi = kpiOf(await tree(), id);
    expect(kpi).toMatchObject({ name: '改めた指標名', target: { value: 77 } });
    const events = await database.ctx.audit.listByAction('plan.workbook_apply');
    expect(events.at(-1)?.detail).toMatchObject({
      edits: [
        { kind: 'kpi', id, field: 'name', after: '改めた指標名' },
        { kind: 'kpi', id, field: 'target_value', after: 77 },
      ],
    });
    // The same file again changes nothing now: the plan holds what it says.
    expect((await preview(content)).changes).toEqual([]);
    const search = await app.inject({ url: `/api/search?q=${encodeURIComponent('改めた指標名')}` });
    expect(search.body).toContain(id);
  });

  it('refuses an acceptance when the plan changed since the preview (409), writing nothing', async () => {
    exported = (await app.inject({ url: `/api/plans/${SLUG}/report?format=xlsx` })).rawPayload;
    const content = await edit({ 'data_kpis!M5': '注記を追記' });
    const p = await preview(content);
    expect(p.changes).toHaveLength(1);
    const other = await edit({ 'data_kpis!F5': '単位（改）' });
    const q = await preview(other);
    expect(q.changes).toHaveLength(1);
    expect((await apply(other, q)).statusCode).toBe(200);
    const stale = await apply(content, p);
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ error: { code: string } }>().error.code).toBe('stale_version');
    const mismatch = await apply(other, { ...q, dataVersion: q.dataVersion + 1 });
    expect(mismatch.json<{ error: { code: string } }>().error.code).toBe('preview_mismatch');
    const { id } = await kpiRow(5);
    expect(kpiOf(await tree(), id)?.note).not.toBe('注記を追記');
  });

  it('records the applied workbook as a revision, so a draft opened before it cannot adopt over it (409)', async () => {
    exported = (await app.inject({ url: `/api/plans/${SLUG}/report?format=xlsx` })).rawPayload;
    const plans = `/api/plans/${SLUG}`;
    const opened = await app.inject({ method: 'POST', url: `${plans}/draft`, headers: admin });
    expect(opened.statusCode).toBe(200);
    const before = (await app.inject({ url: `${plans}/revisions` })).json<RevisionList>().revisions.length;
    const { id } = await kpiRow(4);
    const content = await edit({ 'data_kpis!K4': 999 });
    const applied = await apply(content, await preview(content));
    expect(applied.statusCode).toBe(200);

    const list = (await app.inject({ url: `${plans}/revisions` })).json<RevisionList>().revisions;
    expect(list).toHaveLength(before + 1);
    const latest = list.reduce((a, b) => (b.number > a.number ? b : a));
    // The answer names that revision, so the screen links to its diff.
    expect(applied.json<WorkbookApplied>().revision).toBe(latest.number);
    expect(latest.reason).toBe('ワークブックによる修正');
    const diff = (
      await app.inject({ url: `${plans}/revisions/diff?from=${latest.number - 1}&to=${latest.number}` })
    ).json<RevisionDiff>();
    expect(diff.changes.map((c) => c.ja).join('\n')).toMatch(/目標値 .* → 999/);

    // The draft was opened on the revision before: adopting it would undo the workbook's change, so it is refused.
    const draft = opened.json<{ version: number }>();
    const adopt = await app.inject({
      method: 'POST',
      url: `${plans}/draft/adopt`,
      headers: admin,
      payload: { version: draft.version, reason: '古い下書き' },
    });
    expect(adopt.statusCode).toBe(409);
    expect(kpiOf(await tree(), id)).toMatchObject({ target: { value: 999 } });
  });
});
