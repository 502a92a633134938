import { sql, type Kysely } from 'kysely';

// Frozen in time. Rights come from dated role grants (担当（任期）), not from the account: a grant names a role
// (a viewer too), the ministry a reporter reports for, its first day and its last (null while it runs, Japan
// dates, both inclusive). Every existing account gets one open-ended grant of the role it had, from the day it
// was made; then app_user.role is dropped (it would say something no longer true once a grant ends).
// app_user.ministry stays as the account's home ministry, read by nothing that decides a right.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('role_grant')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sql`role in ('admin','coordinator','ministry','expert','viewer')`),
    )
    .addColumn('ministry', 'text', (c) => c.references('organisation.code'))
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('granted_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('role_grant_ministry_check', sql`(role = 'ministry') = (ministry is not null)`)
    .addCheckConstraint('role_grant_dates_check', sql`valid_to is null or valid_to >= valid_from`)
    .execute();
  await db.schema.createIndex('role_grant_user_idx').on('role_grant').column('user_id').execute();
  await db.schema
    .createIndex('role_grant_ministry_idx')
    .on('role_grant')
    .columns(['ministry', 'valid_from'])
    .execute();
  await sql`
    insert into role_grant (id, user_id, role, ministry, valid_from, valid_to, granted_by, created_at, updated_at)
    select 'migrated-' || id, id, role, case when role = 'ministry' then ministry else null end,
           substr(created_at, 1, 10), null, 'migration', created_at, created_at
    from app_user
    where role <> 'ministry' or ministry is not null`.execute(db);
  await db.schema.alterTable('app_user').dropColumn('role').execute();
}

export function down(): Promise<void> {
  return Promise.reject(new Error('kotei migrations are forward-only'));
}
