import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbookPreview } from '@kotei/contracts';
import { openDataTables, readReportWorkbook, reportRound } from '@kotei/reports';
import { prepareFirstStart } from '../bootstrap.js';
import { openTestDatabase, TEST_DATABASES, type TestDatabase } from '../testing/test-databases.js';
import { signIn } from '../testing/sign-in.js';
import { buildApp } from './app.js';

const SLUG = 'drug-discovery-2024';
const PREVIEW = `/api/plans/${SLUG}/report/workbook/preview`;

describe.each(TEST_DATABASES)('the report workbook read back on %s', (kind) => {
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

  const edit = async (change: (workbook: ExcelJS.Workbook) => void): Promise<string> => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported as unknown as ExcelJS.Buffer);
    change(workbook);
    return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
  };
  const preview = (contentBase64: string) =>
    app.inject({ method: 'POST', url: PREVIEW, headers: admin, payload: { contentBase64 } });

  it('reads the exported workbook back as the same data, field by field', async () => {
    const data = await database.ctx.reports.roundData(SLUG);
    const current = openDataTables(data.tree, reportRound(data.tree));
    const { tables, issues } = await readReportWorkbook(exported, current);
    expect(issues).toEqual([]);
    expect(tables.map((t) => t.name)).toEqual(current.map((t) => t.name));
    for (const [i, table] of tables.entries()) {
      const before = current[i];
      expect(table.rows.length, table.name).toBe(before?.rows.length);
      table.rows.forEach((row, r) => {
        row.forEach((value, c) => {
          const was = before?.rows[r]?.[c] ?? null;
          // An empty text cell reads back as empty (null), as Excel keeps it.
          expect(value, `${table.name} row ${r + 2} ${table.fields[c]?.name ?? ''}`).toEqual(
            was === '' ? null : was,
          );
        });
      });
    }
    const res = await preview(exported.toString('base64'));
    expect(res.statusCode).toBe(200);
    expect(res.json<WorkbookPreview>()).toMatchObject({ changes: [], issues: [] });
  });

  it('lists an edited cell with its worksheet and address', async () => {
    const content = await edit((workbook) => {
      const cell = workbook.getWorksheet('data_kpis')?.getCell('K3');
      if (cell) cell.value = 999;
    });
    const body = (await preview(content)).json<WorkbookPreview>();
    expect(body.issues).toEqual([]);
    expect(body.changes).toHaveLength(1);
    expect(body.changes[0]).toMatchObject({
      worksheet: 'data_kpis',
      cell: 'K3',
      field: 'target_value',
      after: 999,
    });
  });

  it('reports a broken cell with its worksheet, address and what was expected, and writes nothing', async () => {
    const tree = (await app.inject({ url: `/api/plans/${SLUG}` })).body;
    const audit = await database.ctx.audit.verify();
    const content = await edit((workbook) => {
      const cell = workbook.getWorksheet('data_kpis')?.getCell('I4');
      if (cell) cell.value = '約十件';
    });
    const body = (await preview(content)).json<WorkbookPreview>();
    expect(body.changes).toEqual([]);
    expect(body.issues).toEqual([
      {
        worksheet: 'data_kpis',
        cell: 'I4',
        field: 'baseline_value',
        found: '約十件',
        expected: 'a number',
        message: 'data_kpis!I4 (baseline_value): expected a number, found 約十件',
      },
    ]);
    expect((await app.inject({ url: `/api/plans/${SLUG}` })).body).toBe(tree);
    expect(await database.ctx.audit.verify()).toEqual(audit);
  });

  it('refuses a preview without a coordinator’s sign-in, and a file that is not a workbook', async () => {
    const anonymous = await app.inject({ method: 'POST', url: PREVIEW, payload: { contentBase64: 'AAAA' } });
    expect(anonymous.statusCode).toBe(401);
    const body = (await preview(Buffer.from('not a workbook').toString('base64'))).json<WorkbookPreview>();
    expect(body.issues[0]?.expected).toBe('an .xlsx workbook');
  });
});
