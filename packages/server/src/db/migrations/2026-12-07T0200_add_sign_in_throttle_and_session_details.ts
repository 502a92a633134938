import type { Kysely } from 'kysely';

// Frozen in time. Sign-in throttling keeps its counts in the database, so two app instances share them: one
// row per login name and per client address, counting attempts in the current one-minute window, the windows
// that overflowed (strikes) and, after repeated bursts, the lockout's end. Sessions gain what their owner
// needs to recognise and end them: a public id (the token's hash stays private), when each was last used, the
// browser and the address. Sessions opened before this migration carry none of that, so they end here: every
// user signs in once more.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sign_in_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('strikes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .execute();

  await db.deleteFrom('app_session').execute();
  await db.schema.alterTable('app_session').addColumn('public_id', 'text').execute();
  await db.schema.alterTable('app_session').addColumn('last_seen_at', 'text').execute();
  await db.schema.alterTable('app_session').addColumn('user_agent', 'text').execute();
  await db.schema.alterTable('app_session').addColumn('ip', 'text').execute();
  await db.schema
    .createIndex('app_session_public_id_uq')
    .unique()
    .on('app_session')
    .column('public_id')
    .execute();
}

export function down(): Promise<void> {
  return Promise.reject(new Error('kotei migrations are forward-only'));
}
