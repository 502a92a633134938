import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportPreview, ImportResult, PlanSummary, PlanTree } from '@kotei/contracts';
import { prepareFirstStart, SAMPLE_DOCUMENT } from '../bootstrap.js';
import { openTestDatabase, TEST_DATABASES, type TestDatabase } from '../testing/test-databases.js';
import { signIn } from '../testing/sign-in.js';
import { buildApp } from './app.js';

const seed = readFileSync(SAMPLE_DOCUMENT);
const base64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

describe.each(TEST_DATABASES)('import on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let headers: Record<string, string>;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const first = await prepareFirstStart(database.ctx, { loadSample: false });
    app = await buildApp(database.ctx, { logLevel: 'silent', webRoot: null, secureCookies: false });
    headers = await signIn(app, 'admin', first.admin?.password ?? '');
  });
  afterAll(async () => {
    await (app as FastifyInstance | undefined)?.close();
    await (database as TestDatabase | undefined)?.dispose();
  });

  const plans = async (): Promise<PlanSummary[]> =>
    (await app.inject({ url: '/api/plans' })).json<{ plans: PlanSummary[] }>().plans;

  it('previews the seed: the plan, its counts and every issue with its line, writing nothing', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/imports/preview',
      headers,
      payload: { fileName: 'follow-up.md', contentBase64: base64(seed), slug: 'drug-discovery-2024' },
    });
    expect(res.statusCode).toBe(200);
    const preview = res.json<ImportPreview>();
    expect(preview).toMatchObject({ action: 'create', encoding: 'utf-8' });
    expect(preview.counts.sheets).toBe(12);
    expect(preview.plan.sheets.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(preview.issues.length).toBeGreaterThan(0);
    for (const issue of preview.issues) {
      expect(issue.line).toBeGreaterThan(0);
      expect(issue.expected).not.toBe('');
    }
    expect(await plans()).toEqual([]);
  });

  it('commits in one go, and the same document again — even re-encoded as UTF-16 — changes nothing', async () => {
    const url = '/api/imports';
    const created = await app.inject({
      method: 'POST',
      url,
      headers,
      payload: { fileName: 'follow-up.md', contentBase64: base64(seed), slug: 'drug-discovery-2024' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json<ImportResult>()).toMatchObject({ action: 'create', slug: 'drug-discovery-2024' });
    const before = await plans();
    expect(before.map((p) => p.counts)).toEqual([
      { goals: 3, sheets: 12, measures: expect.any(Number) as number, kpis: expect.any(Number) as number },
    ]);

    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seed.toString('utf8'), 'utf16le')]);
    for (const bytes of [seed, utf16]) {
      const again = await app.inject({
        method: 'POST',
        url,
        headers,
        payload: { fileName: 'again.md', contentBase64: base64(bytes), slug: 'drug-discovery-2024' },
      });
      expect(again.statusCode).toBe(200);
      expect(again.json<ImportResult>()).toMatchObject({
        action: 'unchanged',
        id: created.json<ImportResult>().id,
      });
    }
    expect(await plans()).toEqual(before);
  });

  it('refuses a binary file with a clear error, and another document under a taken slug, writing nothing', async () => {
    const before = await plans();
    const binary = await app.inject({
      method: 'POST',
      url: '/api/imports',
      headers,
      payload: {
        fileName: 'scan.pdf',
        contentBase64: base64(Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
        slug: 'scan',
      },
    });
    expect(binary.statusCode).toBe(400);
    expect(binary.json()).toMatchObject({
      error: { code: 'undecodable_document', details: [{ path: 'contentBase64' }] },
    });
    expect(binary.json<{ error: { message: string } }>().error.message).toMatch(/^scan\.pdf: /);

    // A different document for a round the plan already has: that round is edited in kotei, not overwritten.
    const other = Buffer.from(seed.toString('utf8').replace('令和6年7月', '令和6年8月'));
    const taken = await app.inject({
      method: 'POST',
      url: '/api/imports',
      headers,
      payload: { fileName: 'other.md', contentBase64: base64(other), slug: 'drug-discovery-2024' },
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({
      error: { code: 'round_exists', details: [{ path: 'round.asOfDate' }] },
    });
    expect(await plans()).toEqual(before);
  });

  it('adds a later follow-up as a new round of the same plan: same ids, new progress and actuals', async () => {
    const plan = (await plans())[0];
    const treeBefore = (await app.inject({ url: '/api/plans/drug-discovery-2024' })).json<PlanTree>();
    const later = seed
      .toString('utf8')
      .replace('※2025年6月末時点', '※2025年12月末時点')
      .replace('令和7年6月26日に第1回', '令和7年12月10日に第2回')
      .replace('希少疾病用医薬品の指定件数: 86件 (2024年度)', '希少疾病用医薬品の指定件数: 90件 (2025年度)');
    const payload = {
      fileName: 'follow-up-2025-12.md',
      contentBase64: base64(Buffer.from(later)),
      slug: 'drug-discovery-2024',
    };
    const preview = await app.inject({ method: 'POST', url: '/api/imports/preview', headers, payload });
    expect(preview.json<ImportPreview>().action).toBe('new_round');
    const res = await app.inject({ method: 'POST', url: '/api/imports', headers, payload });
    expect(res.statusCode).toBe(200);
    expect(res.json<ImportResult>()).toMatchObject({ action: 'new_round', id: plan?.id });

    const tree = (await app.inject({ url: '/api/plans/drug-discovery-2024?at=2026-04-01' })).json<PlanTree>();
    expect(tree.rounds.map((r) => r.asOfDate)).toEqual(['2025-06-30', '2025-12-31']);
    const ids = (t: PlanTree): string[] =>
      t.sheets.flatMap((s) => s.measures.flatMap((m) => [m.id, ...m.kpis.map((k) => k.id)]));
    expect(ids(tree)).toEqual(ids(treeBefore));
    const secondRound = tree.rounds[1]?.id;
    const bullets = tree.sheets
      .flatMap((s) => s.measures.flatMap((m) => m.progress))
      .filter((b) => b.roundId === secondRound);
    expect(bullets.some((b) => b.text.includes('令和7年12月10日に第2回'))).toBe(true);
    const actuals = [
      ...tree.strategicGoals.flatMap((g) => g.outcomes),
      ...tree.sheets.flatMap((s) => s.measures.flatMap((m) => m.kpis)),
    ]
      .flatMap((k) => k.actuals)
      .map((a) => `${a.value}:${a.period.label}`);
    expect(actuals).toEqual(expect.arrayContaining(['86:2024年度', '90:2025年度']));
    // The same later document again changes nothing.
    const again = await app.inject({ method: 'POST', url: '/api/imports', headers, payload });
    expect(again.json<ImportResult>().action).toBe('unchanged');
  });

  it('lets only coordinators and admins import', async () => {
    const payload = { fileName: 'follow-up.md', contentBase64: base64(seed) };
    expect((await app.inject({ method: 'POST', url: '/api/imports/preview', payload })).statusCode).toBe(401);
    await database.ctx.users.add('system', {
      login: 'mhlw1',
      role: 'ministry',
      ministry: '厚',
      password: 'mhlw-password-1',
    });
    const ministryHeaders = await signIn(app, 'mhlw1', 'mhlw-password-1');
    const res = await app.inject({
      method: 'POST',
      url: '/api/imports/preview',
      headers: ministryHeaders,
      payload,
    });
    expect(res.statusCode).toBe(403);
  });

  it('shows in preview what commit would refuse: the seed twice in one file, each repeated sheet with its line', async () => {
    const before = await plans();
    const lines = seed.toString('utf8').split('\n').length - 1;
    const payload = {
      fileName: 'twice.md',
      contentBase64: base64(Buffer.concat([seed, seed])),
      slug: 'seed-twice',
    };
    const preview = await app.inject({ method: 'POST', url: '/api/imports/preview', headers, payload });
    expect(preview.statusCode).toBe(200);
    const repeated = preview.json<ImportPreview>().issues.filter((i) => i.code === 'duplicate-sheet');
    expect(repeated).toHaveLength(12);
    for (const issue of repeated) {
      expect(issue.severity).toBe('error');
      // Each is the heading of the second copy, which starts after the first copy's lines.
      expect(issue.line).toBeGreaterThan(lines);
      expect(issue.message).toMatch(/first on line \d+/u);
    }

    const commit = await app.inject({ method: 'POST', url: '/api/imports', headers, payload });
    expect(commit.statusCode).toBe(400);
    const body = commit.json<{ error: { code: string; details: { path: string; message: string }[] } }>();
    expect(body.error.code).toBe('invalid_plan_document');
    expect(body.error.details.map((d) => d.path)).toContain('sheets[12].number');
    expect(await plans()).toEqual(before);
  });

  it('reports an unknown ministry tag once, with its line, and keeps the bullet without a ministry', async () => {
    const text = seed.toString('utf8').replace('【厚】', '【謎】');
    const line = text.slice(0, text.indexOf('【謎】')).split('\n').length;
    const payload = { fileName: 'tagged.md', contentBase64: base64(Buffer.from(text)), slug: 'unknown-tag' };
    const preview = await app.inject({ method: 'POST', url: '/api/imports/preview', headers, payload });
    const unknown = preview.json<ImportPreview>().issues.filter((i) => i.code === 'unknown-ministry');
    expect(unknown).toEqual([expect.objectContaining({ line, found: '【謎】', severity: 'warning' })]);

    expect((await app.inject({ method: 'POST', url: '/api/imports', headers, payload })).statusCode).toBe(
      201,
    );
    const tree = (await app.inject({ url: '/api/plans/unknown-tag' })).json<PlanTree>();
    const tagged = tree.sheets
      .flatMap((s) => s.measures.flatMap((m) => m.progress))
      .filter((b) => b.text.includes('【謎】'));
    expect(tagged.map((b) => b.ministry)).toEqual([null]);
  });

  it('knows the ministries of the organisation table, not a list of its own', async () => {
    await database.ctx.organisations.upsertAll([
      { code: '謎', nameJa: '謎省', nameEn: 'Ministry of Mysteries', validFrom: '2025-01-01', validTo: null },
    ]);
    const text = seed.toString('utf8').replace('【厚】', '【謎】');
    const payload = { fileName: 'tagged.md', contentBase64: base64(Buffer.from(text)), slug: 'known-tag' };
    const preview = await app.inject({ method: 'POST', url: '/api/imports/preview', headers, payload });
    expect(preview.json<ImportPreview>().issues.filter((i) => i.code === 'unknown-ministry')).toEqual([]);
  });
});
