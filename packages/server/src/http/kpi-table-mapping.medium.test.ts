import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportPreview, SavedKpiTableMapping, SavedKpiTableMappingList } from '@kotei/contracts';
import { prepareFirstStart } from '../bootstrap.js';
import { openTestDatabase, TEST_DATABASES, type TestDatabase } from '../testing/test-databases.js';
import { signIn } from '../testing/sign-in.js';
import { buildApp } from './app.js';

const table = readFileSync(
  new URL('../../../importers/src/fixtures/kpi-tables/nagano-plan3-main-targets/table.csv', import.meta.url),
);
const payload = {
  fileName: 'nagano.csv',
  contentBase64: Buffer.from(table).toString('base64'),
  slug: 'nagano',
};
const URL_ = '/api/imports/table-mappings';
const PEOPLE = [
  { login: 'mapping-coord', password: 'mapping passphrase one', role: 'coordinator' },
  { login: 'mapping-colleague', password: 'mapping passphrase two', role: 'coordinator' },
  { login: 'mapping-reporter', password: 'mapping passphrase three', role: 'ministry', ministry: '厚' },
] as const;

// Saved column mappings: saved under a name by those who may import, found by the table's header signature for
// next year's file, replaced under the same name, shown to the office, deleted by the owner; every write audited.
describe.each(TEST_DATABASES)('saved KPI table column mappings on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let admin: Record<string, string>;
  let owner: Record<string, string>;
  let colleague: Record<string, string>;
  let reporter: Record<string, string>;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const first = await prepareFirstStart(database.ctx, { loadSample: false });
    for (const person of PEOPLE)
      await database.ctx.users.add('system', { ...person, displayName: person.login });
    app = await buildApp(database.ctx, { logLevel: 'silent', webRoot: null, secureCookies: false });
    admin = await signIn(app, 'admin', first.admin?.password ?? '');
    const [a, b, c] = PEOPLE;
    owner = await signIn(app, a.login, a.password);
    colleague = await signIn(app, b.login, b.password);
    reporter = await signIn(app, c.login, c.password);
  }, 180_000);
  afterAll(async () => {
    await (app as FastifyInstance | undefined)?.close();
    await (database as TestDatabase | undefined)?.dispose();
  });

  const list = async (headers: Record<string, string>, signature: string) => {
    const res = await app.inject({ url: `${URL_}?signature=${encodeURIComponent(signature)}`, headers });
    expect(res.statusCode).toBe(200);
    return res.json<SavedKpiTableMappingList>().mappings;
  };
  const audits = async () =>
    database.ctx.database.db
      .selectFrom('audit_event')
      .select(['action', 'entity_id', 'detail_json'])
      .where('entity_type', '=', 'kpi_table_mapping')
      .orderBy('seq')
      .execute();

  it('saves a correction under a name, finds it by the signature of next year’s file, replaces and deletes it', async () => {
    const preview = (
      await app.inject({ method: 'POST', url: '/api/imports/preview', headers: owner, payload })
    ).json<ImportPreview>();
    const signature = preview.table?.signature ?? '';
    expect(signature).toBe('指標名 | 現状 | 目標');

    const save = (headers: Record<string, string>, role: 'actual' | 'baseline') =>
      app.inject({
        method: 'PUT',
        url: URL_,
        headers,
        payload: { name: '長野県 主要目標', signature, columnRoles: [{ column: 1, role }] },
      });
    const created = await save(owner, 'actual');
    expect(created.statusCode).toBe(201);
    const mapping = created.json<SavedKpiTableMapping>();
    expect(mapping).toMatchObject({
      office: null,
      isOwn: true,
      columnRoles: [{ column: 1, role: 'actual' }],
    });

    // Next year's file has the same headers: the saved roles are found, and applying them changes the preview.
    const found = await list(owner, signature);
    expect(found.map((m) => m.id)).toEqual([mapping.id]);
    const applied = (
      await app.inject({
        method: 'POST',
        url: '/api/imports/preview',
        headers: owner,
        payload: { ...payload, columnRoles: found[0]?.columnRoles },
      })
    ).json<ImportPreview>();
    expect(applied.table?.mappings[0]?.columns[1]).toMatchObject({ role: 'actual', confidence: 1 });
    expect(await list(owner, 'その他 | 見出し')).toEqual([]);

    // The same name again replaces it; a colleague of the coordinating office (the admin too) sees it but may not
    // delete it; a reporter may not import at all.
    const replaced = await save(owner, 'baseline');
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json<SavedKpiTableMapping>()).toMatchObject({ id: mapping.id });
    expect((await list(colleague, signature)).map((m) => [m.id, m.isOwn, m.columnRoles])).toEqual([
      [mapping.id, false, [{ column: 1, role: 'baseline' }]],
    ]);
    expect((await list(admin, signature)).map((m) => [m.id, m.isOwn])).toEqual([[mapping.id, false]]);
    const foreign = await app.inject({ method: 'DELETE', url: `${URL_}/${mapping.id}`, headers: colleague });
    expect(foreign.json<{ error: { code: string } }>().error).toMatchObject({
      code: 'kpi_table_mapping_not_found',
    });

    const deleted = await app.inject({ method: 'DELETE', url: `${URL_}/${mapping.id}`, headers: owner });
    expect(deleted.statusCode).toBe(204);
    expect(await list(owner, signature)).toEqual([]);

    const events = await audits();
    expect(events.map((e) => [e.action, e.entity_id])).toEqual([
      ['kpi_table_mapping.create', mapping.id],
      ['kpi_table_mapping.replace', mapping.id],
      ['kpi_table_mapping.delete', mapping.id],
    ]);
    const replace = JSON.parse(String(events[1]?.detail_json)) as Record<string, { columnRoles: unknown }>;
    expect(replace.before?.columnRoles).toEqual([{ column: 1, role: 'actual' }]);
    expect(replace.after?.columnRoles).toEqual([{ column: 1, role: 'baseline' }]);
  });

  it('refuses those who may not import, and writes nothing', async () => {
    const before = (await audits()).length;
    const res = await app.inject({
      method: 'PUT',
      url: URL_,
      headers: reporter,
      payload: { name: 'x', signature: 'a | b', columnRoles: [{ column: 0, role: 'name' }] },
    });
    expect(res.statusCode).toBe(403);
    expect((await app.inject({ url: URL_, headers: reporter })).statusCode).toBe(403);
    expect((await app.inject({ url: URL_ })).statusCode).toBe(401);
    expect((await audits()).length).toBe(before);
  });
});
