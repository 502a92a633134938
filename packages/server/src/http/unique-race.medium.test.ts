import { readFileSync } from 'node:fs';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody } from '@kotei/contracts';
import { prepareFirstStart, SAMPLE_DOCUMENT } from '../bootstrap.js';
import { isUniqueViolation } from '../db/database.js';
import { openTestDatabase, TEST_DATABASES, type TestDatabase } from '../testing/test-databases.js';
import { signIn } from '../testing/sign-in.js';
import { buildApp } from './app.js';

const SLUG = 'drug-discovery-2024';
const seed = readFileSync(SAMPLE_DOCUMENT).toString('base64');

function expectConflict(res: LightMyRequestResponse, code: string): void {
  expect(res.statusCode, res.body).toBe(409);
  const body = ErrorBody.parse(res.json());
  expect(body.error.code).toBe(code);
  expect(body.error.requestId).toBe(res.headers['x-request-id']);
}

describe.each(TEST_DATABASES)('simultaneous duplicates on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let headers: Record<string, string>;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const first = await prepareFirstStart(database.ctx, { loadSample: true });
    app = await buildApp(database.ctx, { logLevel: 'silent', webRoot: null, secureCookies: false });
    headers = await signIn(app, 'admin', first.admin?.password ?? '');
  });
  afterAll(async () => {
    await (app as FastifyInstance | undefined)?.close();
    await (database as TestDatabase | undefined)?.dispose();
  });

  it('opens one of ten simultaneous rounds with the same as-of date; the other nine are 409', async () => {
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        app.inject({
          method: 'POST',
          url: `/api/plans/${SLUG}/rounds`,
          headers,
          payload: { title: `第${i}回`, asOfDate: '2027-03-31' },
        }),
      ),
    );
    expect(answers.filter((res) => res.statusCode === 201)).toHaveLength(1);
    for (const res of answers.filter((r) => r.statusCode !== 201)) expectConflict(res, 'round_exists');
    const listed = await app.inject({ url: `/api/plans/${SLUG}/rounds`, headers });
    const rounds = listed.json<{ rounds: { asOfDate: string }[] }>().rounds;
    expect(rounds.filter((r) => r.asOfDate === '2027-03-31')).toHaveLength(1);
  });

  it('creates one plan of six simultaneous imports under one slug; the others are 409 or unchanged', async () => {
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        app.inject({
          method: 'POST',
          url: '/api/imports',
          headers,
          payload: { fileName: 'follow-up.md', contentBase64: seed, slug: 'raced-plan' },
        }),
      ),
    );
    expect(answers.filter((res) => res.statusCode === 201)).toHaveLength(1);
    for (const res of answers.filter((r) => r.statusCode !== 201)) {
      // One that starts after the winner committed finds the same document in, and changes nothing.
      if (res.statusCode === 200) expect(res.json()).toMatchObject({ action: 'unchanged' });
      else expectConflict(res, 'plan_slug_taken');
    }
    const plans = (await app.inject({ url: '/api/plans' })).json<{ plans: { slug: string }[] }>().plans;
    expect(plans.filter((p) => p.slug === 'raced-plan')).toHaveLength(1);
  });

  it("recognises the engine's own unique-key error, and only that", async () => {
    const { db } = database.ctx.database;
    const row = { code: 'zz', name_ja: '重複', name_en: 'Twice', valid_from: '2001-01-06', valid_to: null };
    const caught = async (write: () => Promise<unknown>): Promise<unknown> => {
      try {
        await write();
        return undefined;
      } catch (error) {
        return error;
      }
    };
    await db.insertInto('organisation').values(row).execute();
    // organisation.code is a primary key: SQLite says SQLITE_CONSTRAINT_PRIMARYKEY, PostgreSQL 23505.
    expect(isUniqueViolation(await caught(() => db.insertInto('organisation').values(row).execute()))).toBe(
      true,
    );
    const notNull = await caught(() =>
      db
        .insertInto('organisation')
        .values({ ...row, code: 'zy', name_ja: null as unknown as string })
        .execute(),
    );
    expect(notNull).toBeInstanceOf(Error);
    expect(isUniqueViolation(notNull)).toBe(false);
  });
});
