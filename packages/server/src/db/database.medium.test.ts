import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '@kotei/domain';
import { openContext } from '../context.js';
import { DatabaseStartupError, migrateToLatest, openDatabase, parseDatabaseUrl } from './database.js';
import { MIGRATIONS } from './migrations/index.js';
import { prepareFirstStart } from '../bootstrap.js';
import { createEmptyDatabase, openTestDatabase, TEST_DATABASES } from '../testing/test-databases.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kotei-db-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('parseDatabaseUrl', () => {
  it('reads sqlite paths relative to the start directory', () => {
    expect(parseDatabaseUrl('sqlite:./data/kotei.db', '/srv/kotei')).toEqual({
      kind: 'sqlite',
      location: '/srv/kotei/data/kotei.db',
    });
    expect(parseDatabaseUrl('postgres://u:p@h/db', '/')).toEqual({
      kind: 'postgres',
      location: 'postgres://u:p@h/db',
    });
  });

  it('refuses other URLs naming what was expected', () => {
    expect(() => parseDatabaseUrl('mysql://x', '/')).toThrow(
      /expected a URL starting with sqlite: or postgres:\/\//,
    );
    expect(() => parseDatabaseUrl('sqlite:', '/')).toThrow(/expected sqlite:PATH/);
  });
});

describe('openContext on SQLite', () => {
  it('creates the file, migrates it, and keeps WAL and foreign keys on', async () => {
    const dir = tempDir();
    const ctx = await openContext({
      databaseUrl: 'sqlite:kotei.db',
      cwd: dir,
      clock: fixedClock('2025-07-15T00:00:00Z'),
    });
    const { rows: journal } = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(
      ctx.database.db,
    );
    const { rows: fk } = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(ctx.database.db);
    expect(journal[0]?.journal_mode).toBe('wal');
    expect(fk[0]?.foreign_keys).toBe(1);
    expect((await ctx.organisations.listAll()).map((o) => o.code)).toEqual(
      expect.arrayContaining(['厚', '文', '経', '健']),
    );
    await ctx.close();
  });

  it('stops with the file name and the reason when the file is not a database', async () => {
    const dir = tempDir();
    const path = join(dir, 'notes.db');
    writeFileSync(path, 'これはデータベースではありません'.repeat(100));
    const opening = openContext({
      databaseUrl: `sqlite:${path}`,
      cwd: dir,
      clock: fixedClock('2025-07-15T00:00:00Z'),
    });
    await expect(opening).rejects.toBeInstanceOf(DatabaseStartupError);
    await expect(opening).rejects.toThrow(new RegExp(`cannot use database ${path}: file is not a database`));
  });

  it('stops naming the folder when the file cannot be created', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'occupied'), '');
    await expect(
      openContext({
        databaseUrl: 'sqlite:occupied/kotei.db',
        cwd: dir,
        clock: fixedClock('2025-07-15T00:00:00Z'),
      }),
    ).rejects.toThrow(/cannot use database .*occupied\/kotei\.db/);
  });
});

describe.each(TEST_DATABASES)('migrateToLatest on %s', (kind) => {
  it('applies all pending migrations or none', async () => {
    const empty = await createEmptyDatabase(kind);
    const database = openDatabase(parseDatabaseUrl(empty.url, '/'));
    const failing = {
      ...MIGRATIONS,
      '2999-01-01T0000_broken': {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- mirrors a real migration's signature
        up: async (db: Kysely<any>) => {
          await db.schema.createTable('half_done').addColumn('id', 'text').execute();
          await sql`select * from no_such_table`.execute(db);
        },
      },
    };
    await expect(migrateToLatest(database, failing)).rejects.toThrow(
      /migration 2999-01-01T0000_broken failed: .*no_such_table/,
    );
    const tables = await database.db.introspection.getTables();
    expect(tables.map((t) => t.name).filter((name) => !name.startsWith('kotei_migration'))).toEqual([]);
    // The real set still applies cleanly afterwards.
    await migrateToLatest(database);
    expect((await database.db.introspection.getTables()).map((t) => t.name)).toContain('plan');
    await database.close();
    await empty.drop();
  });
});

describe('openContext on PostgreSQL', () => {
  it('stops naming the server, without its password, when it cannot connect', async () => {
    const url = 'postgres://kotei:s3cret@127.0.0.1:1/kotei';
    const opening = openContext({ databaseUrl: url, cwd: '/', clock: fixedClock('2025-07-15T00:00:00Z') });
    await expect(opening).rejects.toBeInstanceOf(DatabaseStartupError);
    await expect(opening).rejects.toThrow(
      /^cannot use database postgres:\/\/kotei:\*\*\*@127\.0\.0\.1:1\/kotei: .*ECONNREFUSED/,
    );
    await expect(opening).rejects.not.toThrow(/s3cret/);
  });
});

describe.each(TEST_DATABASES)('planner statistics on %s', (kind) => {
  it('are brought up to date once an import has committed', async () => {
    const database = await openTestDatabase(kind);
    try {
      await prepareFirstStart(database.ctx, { loadSample: true });
      const entries = Number(
        (
          await sql<{ n: number | string }>`select count(*) as n from search_entry`.execute(
            database.ctx.database.db,
          )
        ).rows[0]?.n,
      );
      expect(entries).toBeGreaterThan(100);
      // What the planner believes the table holds: PostgreSQL's estimate, SQLite's analysed row count.
      const believed =
        kind === 'postgres'
          ? await sql<{
              n: number;
            }>`select reltuples as n from pg_class where relname = 'search_entry'`.execute(
              database.ctx.database.db,
            )
          : await sql<{ n: string }>`select stat as n from sqlite_stat1 where tbl = 'search_entry'`.execute(
              database.ctx.database.db,
            );
      expect(believed.rows.map((row) => Number(String(row.n).split(' ')[0]))).toContain(entries);
    } finally {
      await database.dispose();
    }
  });
});
