import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanTree, Round, RoundBoard, RoundPart } from '@kotei/contracts';
import { prepareFirstStart } from '../bootstrap.js';
import { openRound } from '../testing/rounds.js';
import { openTestDatabase, TEST_DATABASES, type TestDatabase } from '../testing/test-databases.js';
import { signIn } from '../testing/sign-in.js';
import { buildApp } from './app.js';

const SLUG = 'drug-discovery-2024';

describe.each(TEST_DATABASES)('the report’s changes-since-last-round annex on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let first: Round;
  let second: Round;
  let measureTitle: string;
  let kpiName: string;
  let removedBullet: string;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const password = (await prepareFirstStart(database.ctx, { loadSample: true })).admin?.password ?? '';
    app = await buildApp(database.ctx, { logLevel: 'silent', webRoot: null, secureCookies: false });
    const admin = await signIn(app, 'admin', password);
    const tree = (await app.inject({ url: `/api/plans/${SLUG}` })).json<PlanTree>();
    const published = tree.rounds.find((r) => r.state === 'published');
    const measure = tree.sheets
      .flatMap((s) => s.measures)
      .find((m) => m.kpis.length > 0 && m.progress.some((b) => b.roundId === published?.id));
    if (!published || !measure) throw new Error('the sample lacks a published round or a measure with a KPI');
    first = published;
    measureTitle = measure.title;
    const kpi = measure.kpis[0];
    kpiName = kpi?.name ?? '';
    const open = await openRound(app, admin, SLUG, { asOfDate: '2025-07-01', measureIds: [measure.id] });
    const base = `/api/plans/${SLUG}/rounds/${open.id}`;
    const board = (await app.inject({ url: base, headers: admin })).json<RoundBoard>();
    const previous = measure.progress.filter((b) => b.roundId === first.id);
    removedBullet = previous[0]?.text ?? '';
    if (removedBullet === '') throw new Error('the measure has no bullet in the first round');
    for (const [index, part] of board.parts.entries()) {
      const url = `${base}/parts/${part.id}`;
      const kept = previous
        .filter((b) => b.ministry === part.ministry)
        .map((b) => b.text)
        .slice(1);
      const saved = await app.inject({
        method: 'PUT',
        url,
        headers: admin,
        payload: {
          version: part.version,
          bullets: [...kept, '新しい取組を始めた'],
          actuals: index === 0 && kpi ? [{ kpiId: kpi.id, value: 4321, period: 'R6', note: '確定値' }] : [],
          phases: [],
        },
      });
      if (saved.statusCode !== 200) throw new Error(`save: ${saved.body}`);
      const version = saved.json<RoundPart>().version;
      await app.inject({ method: 'POST', url: `${url}/submit`, headers: admin, payload: { version } });
      const approved = await app.inject({
        method: 'POST',
        url: `${url}/approve`,
        headers: admin,
        payload: { version: version + 1 },
      });
      if (approved.statusCode !== 200) throw new Error(`approve: ${approved.body}`);
    }
    const res = await app.inject({ method: 'POST', url: `${base}/publish`, headers: admin, payload: {} });
    if (res.statusCode !== 200) throw new Error(`publish: ${res.body}`);
    second = res.json<Round>();
  });
  afterAll(async () => {
    await (app as FastifyInstance | undefined)?.close();
    await (database as TestDatabase | undefined)?.dispose();
  });

  it('prints what changed in each reported measure since the previous published round', async () => {
    const html = (await app.inject({ url: `/api/plans/${SLUG}/report?round=${second.id}` })).body;
    const annex = html.slice(html.indexOf('<section class="changes">'));
    expect(annex).toContain(`前回（${first.title}）の公表からの変更です。`);
    expect(annex).toContain(measureTitle);
    expect(annex).toMatch(/【追加】新しい取組を始めた/);
    expect(annex).toContain(`【削除】${removedBullet}`);
    expect(annex).toMatch(
      new RegExp(`【実績】${kpiName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .* → 4,?321`),
    );
    // The first published round has nothing to compare with.
    const firstHtml = (await app.inject({ url: `/api/plans/${SLUG}/report?round=${first.id}` })).body;
    expect(firstHtml).toContain('この回は最初の公表です');
  });

  it('gives the annex a worksheet of its own in the Excel report', async () => {
    const res = await app.inject({ url: `/api/plans/${SLUG}/report?format=xlsx&round=${second.id}` });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const ws = workbook.getWorksheet('前回からの変更');
    if (!ws) throw new Error('no annex worksheet');
    const rows = ws.getSheetValues().slice(2) as unknown[][];
    const kinds = rows.map((r) => r[2]);
    expect(kinds).toContain('追加');
    expect(kinds).toContain('削除');
    expect(kinds).toContain('実績');
    expect(rows.every((r) => r[1] === measureTitle)).toBe(true);
  });
});
