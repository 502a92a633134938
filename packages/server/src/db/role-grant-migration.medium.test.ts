import { sql, type Migration } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import { migrateToLatest, openDatabase, parseDatabaseUrl } from './database.js';
import { MIGRATIONS } from './migrations/index.js';
import { createEmptyDatabase, TEST_DATABASES, type EmptyDatabase } from '../testing/test-databases.js';

// Upgrading a database from before role grants: every account keeps the rights its role gave it, as one
// open-ended grant from the day it was made, and the account's role column is gone.
describe.each(TEST_DATABASES)('upgrading accounts with a role to role grants on %s', (kind) => {
  let empty: EmptyDatabase;
  afterAll(async () => {
    await (empty as EmptyDatabase | undefined)?.drop();
  });

  it('gives each account one open-ended grant of its role, a reporter its ministry, from its first day', async () => {
    empty = await createEmptyDatabase(kind);
    const database = openDatabase(parseDatabaseUrl(empty.url, tmpdir()));
    const names = Object.keys(MIGRATIONS);
    const grants = names.indexOf('2026-12-09T0300_create_role_grant');
    expect(grants).toBeGreaterThan(0);
    try {
      await migrateToLatest(
        database,
        Object.fromEntries(names.slice(0, grants).map((n) => [n, MIGRATIONS[n] as Migration])),
      );
      await sql`insert into organisation (code, name_ja, name_en, valid_from, valid_to)
        values ('厚', '厚生労働省', 'MHLW', '2001-01-06', null)`.execute(database.db);
      const accounts = [
        ['u-admin', 'admin', 'admin', null, '2025-04-01T09:00:00.000Z'],
        ['u-coord', 'coord', 'coordinator', null, '2025-05-10T01:00:00.000Z'],
        ['u-mhlw', 'mhlw', 'ministry', '厚', '2025-06-02T03:00:00.000Z'],
        ['u-expert', 'expert', 'expert', null, '2025-06-30T08:00:00.000Z'],
      ] as const;
      for (const [id, login, role, ministry, at] of accounts)
        await sql`insert into app_user (id, login, display_name, password_hash, role, ministry, is_active, created_at, updated_at)
          values (${id}, ${login}, ${login}, 'x', ${role}, ${ministry}, 1, ${at}, ${at})`.execute(
          database.db,
        );

      await migrateToLatest(database);
      const rows = await database.db
        .selectFrom('role_grant')
        .select(['user_id', 'role', 'ministry', 'valid_from', 'valid_to', 'granted_by'])
        .orderBy('user_id')
        .execute();
      expect(rows).toEqual(
        [...accounts]
          .sort((a, b) => a[0].localeCompare(b[0]))
          .map(([id, , role, ministry, at]) => ({
            user_id: id,
            role,
            ministry,
            valid_from: at.slice(0, 10),
            valid_to: null,
            granted_by: 'migration',
          })),
      );
      const columns = await database.db.introspection.getTables();
      const user = columns.find((t) => t.name === 'app_user');
      expect(user?.columns.map((c) => c.name)).not.toContain('role');
    } finally {
      await database.close();
    }
  });
});
