import type { Kysely } from 'kysely';

// Frozen in time. A finished job's file is kept for a retention (KOTEI_JOB_FILE_DAYS, 7 days by default), then
// the worker deletes its `job_file` row and stamps the job `file_expired_at`: the job stays, and says its file
// expired (the download answers 410) so it can be rendered again.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('job').addColumn('file_expired_at', 'text').execute();
  await db.schema.createIndex('job_finished_idx').on('job').columns(['state', 'finished_at']).execute();
}

export function down(): Promise<void> {
  return Promise.reject(new Error('kotei migrations are forward-only'));
}
