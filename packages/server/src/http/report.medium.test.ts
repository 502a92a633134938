import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataCatalogue, PlanTree, Round } from '@kotei/contracts';
import { prepareFirstStart } from '../bootstrap.js';
import { openTestDatabase, TEST_DATABASES, type TestDatabase } from '../testing/test-databases.js';
import { signIn } from '../testing/sign-in.js';
import { buildApp } from './app.js';

const SLUG = 'drug-discovery-2024';

describe.each(TEST_DATABASES)('the published report and open data on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let tree: PlanTree;
  let round: Round;
  let adminPassword: string;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    adminPassword = (await prepareFirstStart(database.ctx, { loadSample: true })).admin?.password ?? '';
    app = await buildApp(database.ctx, { logLevel: 'silent', webRoot: null, secureCookies: false });
    tree = (await app.inject({ url: `/api/plans/${SLUG}` })).json<PlanTree>();
    const published = tree.rounds.find((r) => r.state === 'published');
    if (!published) throw new Error('the sample plan has no published round');
    round = published;
  });
  afterAll(async () => {
    await (app as FastifyInstance | undefined)?.close();
    await (database as TestDatabase | undefined)?.dispose();
  });

  it('writes the Excel report in the seed columns, merged, frozen and set for A3 landscape', async () => {
    const res = await app.inject({ url: `/api/plans/${SLUG}/report?format=xlsx` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const names = workbook.worksheets.map((ws) => ws.name);
    expect(names.filter((n) => n.startsWith('工程表'))).toHaveLength(tree.sheets.length);
    expect(names).toEqual(
      expect.arrayContaining(['表紙', '集計', '総合評価', 'data_kpis', 'data_budget_lines']),
    );

    const ws = workbook.getWorksheet('工程表①');
    if (!ws) throw new Error('no worksheet 工程表①');
    expect(ws.getCell('A1').value).toBe(`各施策のスケジュール・工程表① ${tree.sheets[0]?.title ?? ''}`);
    expect(['A2', 'B2', 'C2', 'D2', 'E2', 'F2', 'G2', 'H2', 'I2'].map((a) => ws.getCell(a).value)).toEqual([
      '施策',
      '2024年夏',
      '2024年末',
      '2024年度末',
      '2025年度',
      '2026-2028年度',
      'KPI（成果指標）',
      '進捗状況※2025年6月末時点',
      '該当事業',
    ]);
    expect(ws.getCell('A3').value).toBe('官民協議会による外資系企業・外国資金の呼び込み');
    expect(ws.getCell('B3').text).toMatch(/^創薬エコシステムサミット開催/);
    // 2024年末～2024年度末 is one cell merged over two period columns, as in the seed.
    expect(ws.getCell('C3').text).toMatch(/^官民協議会正式発足に向けた準備・発足/);
    expect(ws.getCell('D3').master.address).toBe('C3');
    // The measure's title, KPIs and progress span its two lanes of phases.
    expect(ws.getCell('A4').master.address).toBe('A3');
    expect(ws.getCell('G3').text).toContain('創薬ベンチャー採択件数');
    expect(ws.getCell('G3').text).toContain('11件 (R5) → 70件 (R10)');
    expect(ws.getCell('H3').text).toContain('令和7年6月26日に第1回「創薬力向上のための官民協議会」を開催');
    expect(ws.getCell('I3').text).toContain('創薬エコシステム発展支援事業【厚】(令和6年度補正予算30億円)');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 2 });
    expect(ws.pageSetup).toMatchObject({
      paperSize: 8,
      orientation: 'landscape',
      fitToWidth: 1,
      fitToHeight: 0,
    });

    const kpis = workbook.getWorksheet('data_kpis');
    expect(kpis?.getRow(1).values).toEqual(
      expect.arrayContaining(['kpi_id', 'name', 'baseline_value', 'status']),
    );
  });

  it('lists the round in the catalogue with its license and files, each at a stable address', async () => {
    const catalogue = (await app.inject({ url: '/api/open-data' })).json<DataCatalogue>();
    const dataset = catalogue.datasets.find((d) => d.plan.slug === SLUG && d.round.id === round.id);
    expect(dataset?.license.name).toBe('PDL-1.0');
    expect(dataset?.license.title).toContain('公共データ利用規約（第1.0版）');
    const pkg = (await app.inject({ url: dataset?.datapackageUrl ?? '' })).json<{
      licenses: { name: string }[];
      resources: {
        path: string;
        licenses: unknown[];
        schema: { fields: { name: string; type: string }[] };
      }[];
    }>();
    expect(pkg.licenses[0]?.name).toBe('PDL-1.0');
    expect(pkg.resources.map((r) => r.path)).toEqual([
      'measures.csv',
      'phases.csv',
      'kpis.csv',
      'actuals.csv',
      'progress.csv',
      'budget_lines.csv',
    ]);
    const base = dataset?.datapackageUrl.replace(/datapackage\.json$/, '') ?? '';
    for (const resource of pkg.resources) {
      const csv = await app.inject({ url: `${base}${resource.path}` });
      expect(csv.statusCode).toBe(200);
      expect(csv.body.split('\r\n')[0]).toBe(resource.schema.fields.map((f) => f.name).join(','));
      expect(resource.licenses).toHaveLength(1);
    }
  });

  it('answers 304 to a repeated request with the ETag or with Last-Modified', async () => {
    const url = `/api/open-data/${SLUG}/${round.id}/kpis.csv`;
    const first = await app.inject({ url });
    expect(first.statusCode).toBe(200);
    const etag = String(first.headers.etag);
    const lastModified = String(first.headers['last-modified']);
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(new Date(lastModified).getTime()).not.toBeNaN();
    const again = await app.inject({ url, headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);
    expect((await app.inject({ url, headers: { 'if-modified-since': lastModified } })).statusCode).toBe(304);
    expect((await app.inject({ url, headers: { 'if-none-match': '"other"' } })).statusCode).toBe(200);
  });

  it('serves the CSV with a BOM that an Excel-compatible reader reads back as Japanese', async () => {
    const res = await app.inject({ url: `/api/open-data/${SLUG}/${round.id}/excel/kpis.csv` });
    expect(res.statusCode).toBe(200);
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const workbook = new ExcelJS.Workbook();
    const sheet = await workbook.csv.read(Readable.from([res.rawPayload]));
    const header = sheet.getRow(1).values as unknown[];
    expect(header[1]).toBe('kpi_id');
    const names = sheet.getColumn(5).values.map(String);
    expect(names).toContain('創薬ベンチャー採択件数');
    expect(names).toContain('現在生じているドラッグ・ロスの解消');
  });

  it('says that PDF output works here (the test setup installs Chromium and the CJK fonts)', async () => {
    const res = await app.inject({ url: '/api/report-capabilities' });
    expect(res.json()).toEqual({ pdf: { available: true, missing: [] } });
  });

  it('refuses a report of a round not yet published, and a plan or file that does not exist', async () => {
    const admin = await signIn(app, 'admin', adminPassword);
    const created = await app.inject({
      method: 'POST',
      url: `/api/plans/${SLUG}/rounds`,
      headers: admin,
      payload: { title: '2026年6月末時点フォローアップ', asOfDate: '2026-06-30' },
    });
    expect(created.statusCode).toBe(201);
    const draft = created.json<Round>();
    const res = await app.inject({ url: `/api/plans/${SLUG}/report?format=html&round=${draft.id}` });
    // An unpublished round is not there for the public at all (its existence is not published either).
    expect(res.statusCode).toBe(404);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('round_not_found');
    expect((await app.inject({ url: `/api/plans/no-such-plan/report` })).statusCode).toBe(404);
    expect((await app.inject({ url: `/api/open-data/${SLUG}/${round.id}/secrets.csv` })).statusCode).toBe(
      404,
    );
    // The latest published round is still the one reported.
    const html = await app.inject({ url: `/api/plans/${SLUG}/report` });
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain('※2025年6月末時点');
  });

  it("speaks the plan's own vocabulary: A/B/N/F grades in the KPI rows, the summary and the open data (#16)", async () => {
    const admin = await signIn(app, 'admin', adminPassword);
    const set = await app.inject({
      method: 'PATCH',
      url: `/api/plans/${SLUG}`,
      headers: admin,
      payload: { statusMethod: 'abnf' },
    });
    expect(set.statusCode).toBe(200);
    try {
      const html = (await app.inject({ url: `/api/plans/${SLUG}/report?format=html` })).body;
      // The summary's columns are the grades, not the Open SDG statuses.
      expect(html).toContain('<th scope="col">A（目標達成に必要な進度以上）</th>');
      expect(html).toContain('<th scope="col">F（定量的な目標なし）</th>');
      expect(html).not.toContain('<th scope="col">順調</th>');
      // 希少疾病用医薬品の指定件数: 86 of 200 against a fifth of the period, graded A.
      expect(html).toMatch(/希少疾病用医薬品の指定件数[\s\S]*?A（目標達成に必要な進度以上）/);
      const csv = (await app.inject({ url: `/api/open-data/${SLUG}/${round.id}/kpis.csv` })).body;
      expect(csv.split('\r\n')[0]).toContain('abnf_grade');
    } finally {
      await app.inject({
        method: 'PATCH',
        url: `/api/plans/${SLUG}`,
        headers: admin,
        payload: { statusMethod: 'open-sdg' },
      });
    }
  });
});
