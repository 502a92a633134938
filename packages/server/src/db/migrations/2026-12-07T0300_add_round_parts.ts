import { sql, type Kysely } from 'kysely';

// Frozen in time. The follow-up round's write side (#11). A round may be published at a set time (embargo) and
// records when it was; a progress report is a round part (one ministry's share of one measure), saved by a
// reporter with the time and person of the last save. A part also holds what the reporter states of each
// phase, the actuals it reports (kept on the part until the round is published, when they become observations),
// and a thread of comments between the reporter and the coordinator.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('follow_up_round').addColumn('publish_at', 'text').execute();
  await db.schema.alterTable('follow_up_round').addColumn('published_at', 'text').execute();
  await db.schema.alterTable('progress_report').addColumn('updated_at', 'text').execute();
  await db.schema.alterTable('progress_report').addColumn('updated_by', 'text').execute();

  await db.schema
    .createTable('phase_report')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('progress_report.id').onDelete('cascade'))
    .addColumn('phase_id', 'text', (c) => c.notNull().references('phase.id').onDelete('cascade'))
    .addColumn('state', 'text', (c) =>
      c.notNull().check(sql`state in ('not_started','in_progress','done','delayed','under_revision')`),
    )
    .addColumn('note', 'text', (c) => c.notNull())
    .addUniqueConstraint('phase_report_report_phase_key', ['report_id', 'phase_id'])
    .execute();
  await db.schema.createIndex('phase_report_phase_idx').on('phase_report').column('phase_id').execute();

  await db.schema
    .createTable('reported_actual')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('progress_report.id').onDelete('cascade'))
    .addColumn('kpi_id', 'text', (c) => c.notNull().references('kpi.id').onDelete('cascade'))
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text')
    .addColumn('period_fiscal_year', 'integer')
    .addColumn('period_label', 'text', (c) => c.notNull())
    .addColumn('source_note', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('reported_actual_report_idx')
    .on('reported_actual')
    .column('report_id')
    .execute();

  await db.schema
    .createTable('part_comment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('progress_report.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('part_comment_report_idx').on('part_comment').column('report_id').execute();
}

export function down(): Promise<void> {
  return Promise.reject(new Error('kotei migrations are forward-only'));
}
