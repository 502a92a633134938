import { sql, SqliteAdapter, type Kysely } from 'kysely';

// Frozen in time. Background jobs (a report rendered as PDF or xlsx) live in the database, not in a process's
// memory: a job survives a restart, and with two app instances one claims it (a conditional update; on
// PostgreSQL with FOR UPDATE SKIP LOCKED) and holds it by a lease that a crashed worker lets run out. The file a
// job makes is kept in `job_file`, in the database too, so every instance can serve it.
export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  await db.schema
    .createTable('job')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('params_json', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('queued','running','done','failed')`))
    .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('step', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull().defaultTo(3))
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'text')
    .addColumn('error', 'text')
    .addColumn('plan_id', 'text', (c) => c.references('plan.id').onDelete('cascade'))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('job_claim_idx').on('job').columns(['state', 'created_at']).execute();
  await db.schema
    .createTable('job_file')
    .addColumn('job_id', 'text', (c) => c.primaryKey().references('job.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('body', sqlite ? 'blob' : 'bytea', (c) => c.notNull())
    .execute();
}

export function down(): Promise<void> {
  return Promise.reject(new Error('kotei migrations are forward-only'));
}
