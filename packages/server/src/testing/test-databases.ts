import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { fixedClock, type Clock } from '@kotei/domain';
import { openContext, type AppContext } from '../context.js';

/** The engines every medium test runs on, one loop over both (STYLE.md rule 9). */
export const TEST_DATABASES = ['sqlite', 'postgres'] as const;
/** One of the engines tests run on. */
export type TestDatabaseKind = (typeof TEST_DATABASES)[number];

/** The instant tests take as "now": mid-July 2025 in Japan, after the seed's as-of date. */
export const TEST_NOW = '2025-07-15T10:00:00+09:00';

/** An empty database of the given engine, not yet opened by kotei, removed by `drop`. */
export interface EmptyDatabase {
  url: string;
  drop(): Promise<void>;
}

async function withAdmin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject('postgresAdminUrl') });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Make an empty database: a file in a fresh folder, or a fresh database in the test cluster. */
export async function createEmptyDatabase(kind: TestDatabaseKind): Promise<EmptyDatabase> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'kotei-sqlite-'));
    return {
      url: `sqlite:${join(dir, 'kotei.db')}`,
      drop: () => {
        rmSync(dir, { recursive: true, force: true });
        return Promise.resolve();
      },
    };
  }
  const name = `kotei_test_${randomBytes(6).toString('hex')}`;
  await withAdmin((client) => client.query(`create database ${name}`));
  const url = new URL(inject('postgresAdminUrl'));
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      withAdmin((client) => client.query(`drop database if exists ${name} with (force)`)).then(
        () => undefined,
      ),
  };
}

/** A real database, opened and migrated, removed by `dispose`. */
export interface TestDatabase {
  ctx: AppContext;
  url: string;
  dispose(): Promise<void>;
}

/** Open a fresh, migrated database of the given engine. */
export async function openTestDatabase(
  kind: TestDatabaseKind,
  clock: Clock = fixedClock(TEST_NOW),
): Promise<TestDatabase> {
  const empty = await createEmptyDatabase(kind);
  const ctx = await openContext({ databaseUrl: empty.url, cwd: tmpdir(), clock });
  return {
    ctx,
    url: empty.url,
    dispose: async () => {
      await ctx.close();
      await empty.drop();
    },
  };
}
