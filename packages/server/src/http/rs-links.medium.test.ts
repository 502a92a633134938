import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RsPlanLinks } from '@kotei/contracts';
import { rsSampleFiles } from '@kotei/importers/rs';
import { prepareFirstStart } from '../bootstrap.js';
import { openTestDatabase, TEST_DATABASES, type TestDatabase } from '../testing/test-databases.js';
import { signIn } from '../testing/sign-in.js';
import { buildApp } from './app.js';

const SLUG = 'drug-discovery-2024';
const MINISTRY = { login: 'mhlw-sato', password: 'another long passphrase' };
const sample = rsSampleFiles();
if (sample === null) {
  const message = 'RS sample rows missing: set KOTEI_SHARED_DIR (default <repository>/../shared)';
  if (process.env.CI === 'true') throw new Error(message);
  process.stderr.write(`\nSKIPPED: ${message}\n\n`);
}

describe.runIf(sample !== null).each(TEST_DATABASES)('RS links through the API on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let admin: Record<string, string>;
  let ministry: Record<string, string>;
  const path = `/api/plans/${SLUG}/rs-links`;

  const importReal = () =>
    database.ctx.rs.importFiles(
      'system',
      ['1-2', '2-1', '3-2', '4-1'].map((t) => sample?.files.get(t) ?? ''),
    );

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const first = await prepareFirstStart(database.ctx, { loadSample: true });
    await database.ctx.users.add('system', { ...MINISTRY, role: 'ministry', ministry: '厚' });
    app = await buildApp(database.ctx, { logLevel: 'silent', webRoot: null, secureCookies: false });
    admin = await signIn(app, first.admin?.login ?? 'admin', first.admin?.password ?? '');
    ministry = await signIn(app, MINISTRY.login, MINISTRY.password);
    expect((await importReal()).errors).toBe(0);
  });
  afterAll(async () => {
    await (app as FastifyInstance | undefined)?.close();
    await (database as TestDatabase | undefined)?.dispose();
  });

  const links = async (): Promise<RsPlanLinks> => {
    const res = await app.inject({ url: path });
    expect(res.statusCode).toBe(200);
    return res.json<RsPlanLinks>();
  };
  const project = (all: RsPlanLinks, name: string) => {
    const found = all.projects.find((p) => p.name === name);
    if (!found) throw new Error(`no budget project ${name}`);
    return found;
  };
  const decide = (headers: Record<string, string>, payload: Record<string, unknown>) =>
    app.inject({ method: 'POST', url: path, headers, payload });

  it('suggests RS projects with their confidence; only a coordinator decides; decisions are audited and survive a re-import', async () => {
    const before = project(await links(), '臨床研究総合促進事業');
    expect(before.suggestions).toEqual([
      {
        rsId: 2089,
        name: '臨床研究総合促進事業',
        ministry: '厚生労働省',
        confidence: 1,
        reasons: ['same-name', 'same-ministry', 'years'],
      },
    ]);
    expect(before.linked).toEqual([]);

    const body = { budgetProjectId: before.budgetProjectId, rsId: 2089, decision: 'confirm' };
    expect((await app.inject({ method: 'POST', url: path, payload: body })).statusCode).toBe(401);
    expect((await decide(ministry, body)).statusCode).toBe(403);
    const confirmed = await decide(admin, body);
    expect(confirmed.statusCode).toBe(200);
    const linked = project(confirmed.json<RsPlanLinks>(), '臨床研究総合促進事業');
    expect(linked.suggestions).toEqual([]);
    expect(
      linked.linked.map((p) => [
        p.rsId,
        p.sheetYear,
        p.budgetYears.map((y) => [y.budgetYear, y.initial, y.executed]),
      ]),
    ).toEqual([
      [
        2089,
        2024,
        [
          [2021, 540045000, 391472237],
          [2022, 472423000, 384926667],
          [2023, 386404000, 338037385],
          [2024, 376792000, 0],
        ],
      ],
    ]);
    expect(linked.linked[0]?.evaluation?.teamFinding).not.toBeNull();
    expect(linked.linked[0]?.nodes).toEqual([]); // 3-1 is not in the MHLW subset
    expect(linked.linked[0]?.edges.length).toBeGreaterThan(0);

    // A hand link to a project the matcher did not propose, and a rejection.
    const stable = project(await links(), '医薬品安定供給支援補助金(後発医薬品産業構造改革支援事業)');
    expect(stable.suggestions.map((s) => s.rsId)).toEqual([20904, 2011, 7727]);
    expect(
      (await decide(admin, { budgetProjectId: stable.budgetProjectId, rsId: 7727, decision: 'reject' }))
        .statusCode,
    ).toBe(200);
    expect(
      (await decide(admin, { budgetProjectId: stable.budgetProjectId, rsId: 2233, decision: 'confirm' }))
        .statusCode,
    ).toBe(200);
    expect(
      (await decide(admin, { budgetProjectId: stable.budgetProjectId, rsId: 424242, decision: 'confirm' }))
        .statusCode,
    ).toBe(404);

    expect((await importReal()).errors).toBe(0);
    const after = await links();
    expect(project(after, '臨床研究総合促進事業').linked.map((p) => p.rsId)).toEqual([2089]);
    const again = project(after, '医薬品安定供給支援補助金(後発医薬品産業構造改革支援事業)');
    expect([again.linked.map((p) => p.rsId), again.rejected, again.suggestions.map((s) => s.rsId)]).toEqual([
      [2233],
      [7727],
      [20904, 2011],
    ]);
    expect(after.totals.find((t) => t.budgetYear === 2023)).toEqual({
      ministry: '厚生労働省',
      budgetYear: 2023,
      initial: 386404000 + (again.linked[0]?.budgetYears.find((y) => y.budgetYear === 2023)?.initial ?? 0),
      supplementary:
        17532000 + (again.linked[0]?.budgetYears.find((y) => y.budgetYear === 2023)?.supplementary ?? 0),
      executed: 338037385 + (again.linked[0]?.budgetYears.find((y) => y.budgetYear === 2023)?.executed ?? 0),
    });

    const audit = await database.ctx.database.db
      .selectFrom('audit_event')
      .select(['action', 'entity_id'])
      .where('action', 'like', 'rs_link.%')
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['rs_link.confirm', 'rs_link.reject', 'rs_link.confirm']);
  });
});
