import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Breakdown, MeasureDetail, PlanTree } from '@kotei/contracts';
import { prepareFirstStart } from '../bootstrap.js';
import { newId } from '../ids.js';
import { openTestDatabase, TEST_DATABASES, type TestDatabase } from '../testing/test-databases.js';
import { buildApp } from './app.js';

const SLUG = 'drug-discovery-2024';
// Test data, not official figures: FY2024 後発品数量シェア by prefecture, 9 of 47 under the 80% bar.
const fixture = JSON.parse(
  readFileSync(
    new URL('../../../domain/src/status/fixtures/generic-share-by-prefecture.json', import.meta.url),
    'utf8',
  ),
) as { below: string[]; breakdown: Breakdown };

// A KPI broken down by the 47 prefectures: judged from the breakdown, shown with it, its total never a sum.
describe.each(TEST_DATABASES)('KPI breakdowns on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let measureId = '';
  let kpiId = '';

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await prepareFirstStart(database.ctx, { loadSample: true });
    app = await buildApp(database.ctx, { logLevel: 'silent', webRoot: null, secureCookies: false });
    const tree = (await app.inject({ url: `/api/plans/${SLUG}` })).json<PlanTree>();
    const measure = tree.sheets
      .flatMap((s) => s.measures)
      .find((m) => m.kpis.some((k) => k.name === '後発品数量シェア'));
    measureId = measure?.id ?? '';
    kpiId = measure?.kpis.find((k) => k.name === '後発品数量シェア')?.id ?? '';
    // No write API records actuals yet (the follow-up round does): the test writes the rows a report would.
    const db = database.ctx.database.db;
    const observationId = newId();
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('observation')
        .values({
          id: observationId,
          kpi_id: kpiId,
          // The figure a ministry wrote beside its table, out of date: the breakdown says 9.
          value: 11,
          period_start: '2024-04-01',
          period_end: '2025-03-31',
          period_fiscal_year: 2024,
          period_label: '2024年度',
          origin: 'reported',
          source_note: '',
          round_id: null,
          recorded_at: '2025-07-01T00:00:00.000Z',
          recorded_by: null,
          source_line_from: null,
          source_line_to: null,
          source_text: null,
        })
        .execute();
      await trx
        .insertInto('breakdown_value')
        .values(
          fixture.breakdown.values.map((entry, index) => ({
            id: newId(),
            kpi_id: kpiId,
            point: 'actual' as const,
            observation_id: observationId,
            dimension: fixture.breakdown.dimension,
            member: entry.member,
            value: entry.value,
            sort_order: index,
          })),
        )
        .execute();
      await trx
        .updateTable('plan')
        .set((eb) => ({ data_version: eb('data_version', '+', 1) }))
        .where('slug', '=', SLUG)
        .execute();
    });
  });
  afterAll(async () => {
    await (app as FastifyInstance | undefined)?.close();
    await (database as TestDatabase | undefined)?.dispose();
  });

  it('reads the bar of 全都道府県で80%以上 from the seed', async () => {
    const detail = (
      await app.inject({ url: `/api/plans/${SLUG}/measures/${measureId}` })
    ).json<MeasureDetail>();
    const kpi = detail.measure.kpis.find((k) => k.id === kpiId);
    expect(kpi).toMatchObject({ shape: 'share-meeting-bar', bar: 80, baseline: { value: 11 } });
  });

  it('judges the KPI by the prefectures its breakdown shows under the bar, not by the figure beside it', async () => {
    const detail = (
      await app.inject({ url: `/api/plans/${SLUG}/measures/${measureId}?at=2025-06-30` })
    ).json<MeasureDetail>();
    const kpi = detail.measure.kpis.find((k) => k.id === kpiId);
    expect(kpi?.status).toMatchObject({ valueUsed: 9, valueYear: 2024, status: 'moderate' });
    // The tree and the measure page read the same status path.
    const tree = (await app.inject({ url: `/api/plans/${SLUG}?at=2025-06-30` })).json<PlanTree>();
    const inTree = tree.sheets.flatMap((s) => s.measures.flatMap((m) => m.kpis)).find((k) => k.id === kpiId);
    expect(inTree?.status.valueUsed).toBe(9);
  });

  it('serves the 47 members in their order and keeps the total apart from them', async () => {
    const detail = (
      await app.inject({ url: `/api/plans/${SLUG}/measures/${measureId}` })
    ).json<MeasureDetail>();
    const actual = detail.measure.kpis
      .find((k) => k.id === kpiId)
      ?.actuals.find((a) => a.period.fiscalYear === 2024);
    expect(actual?.breakdown?.dimension).toBe('prefecture');
    expect(actual?.breakdown?.values.map((v) => v.member)).toEqual(
      Array.from({ length: 47 }, (_, i) => String(i + 1).padStart(2, '0')),
    );
    const sum = fixture.breakdown.values.reduce((total, v) => total + (v.value ?? 0), 0);
    expect(actual?.value).toBe(11);
    expect(actual?.value).not.toBe(sum);
    const under = actual?.breakdown?.values.filter((v) => (v.value ?? 100) < 80).map((v) => v.member);
    expect(under).toEqual(fixture.below);
  });

  it('refuses a second value for one member of one actual', async () => {
    const db = database.ctx.database.db;
    const first = await db
      .selectFrom('breakdown_value')
      .selectAll()
      .where('kpi_id', '=', kpiId)
      .executeTakeFirstOrThrow();
    await expect(
      db
        .insertInto('breakdown_value')
        .values({ ...first, id: newId(), value: 99 })
        .execute(),
    ).rejects.toThrow();
  });
});
