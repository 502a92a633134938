import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlanDocument, type PlanTree, type SearchResult } from '@kotei/contracts';
import { prepareFirstStart } from '../bootstrap.js';
import { openTestDatabase, TEST_DATABASES, type TestDatabase } from '../testing/test-databases.js';
import { buildApp } from './app.js';

const hitText = (segments: { text: string; isHit: boolean }[]): string[] =>
  segments.filter((s) => s.isHit).map((s) => s.text);

describe.each(TEST_DATABASES)('search on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await prepareFirstStart(database.ctx, { loadSample: true });
    // A second plan whose text keeps a PDF line-wrap space inside a word, as raw documents do.
    await database.ctx.plans.create(
      'system',
      PlanDocument.parse({
        slug: 'wrapped-text',
        title: '改行の残る計画',
        owner: '医政局',
        adoptedOn: null,
        sheets: [
          {
            number: 3,
            title: '国際水準の臨床試験実施体制',
            measures: [
              {
                title: '治験業務に従事する人材の育成支援・臨床 試験のキャリアトラックの整備',
                ministries: ['厚'],
                kpis: [
                  {
                    name: '年間研修プログラム修了証発行者数',
                    unit: '人',
                    shape: 'level',
                    direction: 'increase',
                    baseline: { value: 932, label: 'R5' },
                    target: { value: 1100, label: 'R10' },
                  },
                ],
              },
            ],
          },
        ],
      }),
    );
    app = await buildApp(database.ctx, { logLevel: 'silent', webRoot: null, secureCookies: false });
  });
  afterAll(async () => {
    await (app as FastifyInstance | undefined)?.close();
    await (database as TestDatabase | undefined)?.dispose();
  });

  const search = async (query: string): Promise<SearchResult> => {
    const res = await app.inject({ url: `/api/search?${query}` });
    expect(res.statusCode).toBe(200);
    return res.json<SearchResult>();
  };

  it('finds 臨床試験 in measures of sheets ② and ③, also where the PDF broke the word', async () => {
    const result = await search(`q=${encodeURIComponent('臨床試験')}&type=measure`);
    const found = result.hits.map((h) => [h.planSlug, h.sheetNumber, hitText(h.title)]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['drug-discovery-2024', 2, ['臨床試験']],
        ['wrapped-text', 3, ['臨床試験']],
      ]),
    );
  });

  it('returns the same KPIs for R10 and 2028', async () => {
    const byEra = await search('q=R10&type=kpi&limit=200');
    const byYear = await search('q=2028&type=kpi&limit=200');
    expect(byEra.normalizedQuery).toBe('2028');
    expect(byEra.total).toBeGreaterThan(3);
    expect(byEra.hits.map((h) => h.id).sort()).toEqual(byYear.hits.map((h) => h.id).sort());
    expect(byEra.total).toBe(byYear.total);
  });

  it('finds queries shorter than a trigram', async () => {
    const result = await search(`q=${encodeURIComponent('治験')}`);
    expect(result.total).toBeGreaterThan(0);
    expect(result.hits.every((h) => [...hitText(h.title), ...hitText(h.snippet)].length > 0)).toBe(true);
  });

  it('needs every word, and filters by plan, sheet, ministry and type', async () => {
    const both = await search(`q=${encodeURIComponent('FIH 人材')}&limit=200`);
    expect(both.total).toBeGreaterThan(0);
    const fih = await search('q=FIH&limit=200');
    const people = await search(`q=${encodeURIComponent('人材')}&limit=200`);
    expect(both.total).toBeLessThan(Math.min(fih.total, people.total));
    const ids = new Set(people.hits.map((h) => h.id));
    expect(both.hits.every((h) => ids.has(h.id))).toBe(true);
    const sheet = await search(`q=${encodeURIComponent('官民協議会')}&sheet=1&plan=drug-discovery-2024`);
    expect(sheet.total).toBeGreaterThan(0);
    expect(new Set(sheet.hits.map((h) => h.sheetNumber))).toEqual(new Set([1]));
    const ministry = await search(`q=${encodeURIComponent('基金')}&ministry=${encodeURIComponent('文')}`);
    expect(ministry.hits.every((h) => h.ministries.includes('文'))).toBe(true);
    const progress = await search(`q=${encodeURIComponent('令和7年度')}&type=progress`);
    expect(progress.total).toBeGreaterThan(0);
    expect(progress.hits.every((h) => h.type === 'progress' && h.roundId !== null)).toBe(true);
  });

  it('treats LIKE wildcards as plain characters', async () => {
    // Unescaped, "治%験" would match 治験 and "臨_試験" would match 臨床試験.
    expect((await search(`q=${encodeURIComponent('治%験')}`)).total).toBe(0);
    expect((await search(`q=${encodeURIComponent('臨_試験')}`)).total).toBe(0);
    expect((await search(`q=${encodeURIComponent('臨床試験')}`)).total).toBeGreaterThan(0);
  });

  it('counts matches up to 1,000 and says when there are more', async () => {
    await database.ctx.plans.create(
      'system',
      PlanDocument.parse({
        slug: 'many-matches',
        title: '多数の施策',
        owner: '医政局',
        adoptedOn: null,
        sheets: [
          {
            number: 1,
            title: '大量',
            measures: Array.from({ length: 1001 }, (_, i) => ({ title: `頻出語句の施策${i}` })),
          },
        ],
      }),
    );
    const many = await search(`q=${encodeURIComponent('頻出語句')}`);
    expect(many).toMatchObject({ total: 1000, isTotalCapped: true });
    expect(many.hits).toHaveLength(50);
    const few = await search(`q=${encodeURIComponent('頻出語句の施策1000')}`);
    expect(few).toMatchObject({ total: 1, isTotalCapped: false });
  });

  it("filters by status: only the KPIs and measures that have it today, as the plan's tree shows them", async () => {
    const tree = (await app.inject({ url: '/api/plans/drug-discovery-2024' })).json<PlanTree>();
    const kpis = [
      ...tree.strategicGoals.flatMap((goal) => goal.outcomes),
      ...tree.sheets.flatMap((sheet) => sheet.measures.flatMap((m) => m.kpis)),
    ];
    const statusOf = new Map(kpis.map((kpi) => [kpi.id, kpi.status.status]));
    const onTrack = kpis.filter((kpi) => kpi.status.status === 'on_track');
    expect(onTrack.length).toBeGreaterThan(0);

    const found = await search('q=件&plan=drug-discovery-2024&type=kpi&status=on_track');
    expect(found.hits.map((h) => h.id).sort()).toEqual(
      onTrack
        .filter((kpi) => kpi.unit.includes('件') || kpi.name.includes('件'))
        .map((kpi) => kpi.id)
        .sort(),
    );
    const all = await search('q=件&plan=drug-discovery-2024&status=no_data&limit=200');
    expect(all.hits.length).toBeGreaterThan(0);
    for (const hit of all.hits) {
      expect(['kpi', 'measure']).toContain(hit.type);
      if (hit.type === 'kpi') expect(statusOf.get(hit.id)).toBe('no_data');
    }
    expect((await search('q=件&status=on_track&type=progress')).total).toBe(0);
  });

  it('lists the rounds to filter by and keeps only what belongs to the chosen one', async () => {
    const { rounds } = await search('q=臨床');
    expect(rounds).toEqual([
      expect.objectContaining({ asOfDate: '2025-06-30', planSlug: 'drug-discovery-2024' }),
    ]);
    const round = rounds[0]?.id ?? '';
    const inRound = await search(`q=臨床&round=${round}&limit=200`);
    expect(inRound.hits.length).toBeGreaterThan(0);
    expect(new Set(inRound.hits.map((h) => h.roundId))).toEqual(new Set([round]));
    expect(new Set(inRound.hits.map((h) => h.type))).toEqual(new Set(['progress']));
  });

  it('rejects an empty query naming the field', async () => {
    const res = await app.inject({ url: '/api/search?q=' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { details: [{ path: 'query.q' }] } });
  });
});
