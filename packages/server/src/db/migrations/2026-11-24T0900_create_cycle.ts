import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports app code and is never edited once landed (STYLE.md rule 4).
// Portable types only, so the same file builds the SQLite and the PostgreSQL schema: ids and dates are
// text (ISO 8601), money is bigint yen, flags are integers 0/1 and JSON is text.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('organisation')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name_ja', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .execute();

  await db.schema
    .createTable('app_user')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('login', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sql`role in ('admin','coordinator','ministry','expert')`),
    )
    .addColumn('ministry', 'text', (c) => c.references('organisation.code'))
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('app_session')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('app_session_user_idx').on('app_session').column('user_id').execute();

  await db.schema
    .createTable('plan')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('adopted_on', 'text')
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('plan_policy_field')
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('field_code', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('plan_policy_field_pk', ['plan_id', 'field_code'])
    .execute();

  const withSource = <T extends { addColumn: (...args: any[]) => T }>(table: T): T =>
    table
      .addColumn('source_line_from', 'integer')
      .addColumn('source_line_to', 'integer')
      .addColumn('source_text', 'text');

  await withSource(
    db.schema
      .createTable('strategic_goal')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id').onDelete('cascade'))
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addUniqueConstraint('strategic_goal_number_uq', ['plan_id', 'number']),
  ).execute();

  await withSource(
    db.schema
      .createTable('sheet')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id').onDelete('cascade'))
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addUniqueConstraint('sheet_number_uq', ['plan_id', 'number']),
  ).execute();

  await withSource(
    db.schema
      .createTable('measure')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id').onDelete('cascade'))
      .addColumn('title', 'text', (c) => c.notNull()),
  ).execute();

  // Where a measure appears: once on its own sheet, and again on each sheet that reposts it (再掲).
  await db.schema
    .createTable('measure_placement')
    .addColumn('measure_id', 'text', (c) => c.notNull().references('measure.id').onDelete('cascade'))
    .addColumn('sheet_id', 'text', (c) => c.notNull().references('sheet.id').onDelete('cascade'))
    .addColumn('is_repost', 'integer', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('measure_placement_pk', ['measure_id', 'sheet_id'])
    .execute();
  await db.schema
    .createIndex('measure_placement_sheet_idx')
    .on('measure_placement')
    .column('sheet_id')
    .execute();

  await db.schema
    .createTable('measure_ministry')
    .addColumn('measure_id', 'text', (c) => c.notNull().references('measure.id').onDelete('cascade'))
    .addColumn('ministry', 'text', (c) => c.notNull().references('organisation.code'))
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('measure_ministry_pk', ['measure_id', 'ministry'])
    .execute();

  await withSource(
    db.schema
      .createTable('phase')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('measure_id', 'text', (c) => c.notNull().references('measure.id').onDelete('cascade'))
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('period_start', 'text', (c) => c.notNull())
      .addColumn('period_end', 'text')
      .addColumn('period_fiscal_year', 'integer')
      .addColumn('period_label', 'text', (c) => c.notNull())
      .addColumn('is_done', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('sort_order', 'integer', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('phase_measure_idx').on('phase').column('measure_id').execute();

  // Output KPIs (of a measure) and outcome targets (of a strategic goal) share one table and one judgement.
  const point = (table: any, name: string): any =>
    table
      .addColumn(`${name}_value`, 'double precision')
      .addColumn(`${name}_start`, 'text')
      .addColumn(`${name}_end`, 'text')
      .addColumn(`${name}_fiscal_year`, 'integer')
      .addColumn(`${name}_label`, 'text');
  await withSource(
    point(
      point(
        db.schema
          .createTable('kpi')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id').onDelete('cascade'))
          .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ('output','outcome')`))
          .addColumn('measure_id', 'text', (c) => c.references('measure.id').onDelete('cascade'))
          .addColumn('goal_id', 'text', (c) => c.references('strategic_goal.id').onDelete('cascade'))
          .addColumn('match_key', 'text')
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('unit', 'text', (c) => c.notNull())
          .addColumn('shape', 'text', (c) => c.notNull())
          .addColumn('direction', 'text', (c) => c.notNull().check(sql`direction in ('increase','decrease')`))
          .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
          .addColumn('sort_order', 'integer', (c) => c.notNull()),
        'baseline',
      ),
      'target',
    ),
  ).execute();
  await db.schema.createIndex('kpi_measure_idx').on('kpi').column('measure_id').execute();
  await db.schema.createIndex('kpi_goal_idx').on('kpi').column('goal_id').execute();
  await db.schema.createIndex('kpi_plan_idx').on('kpi').column('plan_id').execute();

  await db.schema
    .createTable('follow_up_round')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('as_of_date', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text')
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('draft','open','closed','published')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('follow_up_round_as_of_uq', ['plan_id', 'as_of_date'])
    .execute();

  await withSource(
    db.schema
      .createTable('observation')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kpi_id', 'text', (c) => c.notNull().references('kpi.id').onDelete('cascade'))
      .addColumn('value', 'double precision', (c) => c.notNull())
      .addColumn('period_start', 'text', (c) => c.notNull())
      .addColumn('period_end', 'text')
      .addColumn('period_fiscal_year', 'integer')
      .addColumn('period_label', 'text', (c) => c.notNull())
      .addColumn('origin', 'text', (c) =>
        c.notNull().check(sql`origin in ('reported','imported','extracted_from_text')`),
      )
      .addColumn('source_note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('round_id', 'text', (c) => c.references('follow_up_round.id').onDelete('set null'))
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addColumn('recorded_by', 'text', (c) => c.references('app_user.id')),
  ).execute();
  await db.schema.createIndex('observation_kpi_idx').on('observation').column('kpi_id').execute();

  await withSource(
    db.schema
      .createTable('budget_project')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('ministry', 'text', (c) => c.references('organisation.code')),
  ).execute();
  await db.schema.createIndex('budget_project_plan_idx').on('budget_project').column('plan_id').execute();

  await db.schema
    .createTable('budget_line')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('budget_project.id').onDelete('cascade'))
    .addColumn('amount_yen', 'bigint')
    .addColumn('fiscal_year', 'integer')
    .addColumn('budget_type', 'text', (c) =>
      c.notNull().check(sql`budget_type in ('initial','supplementary','fund')`),
    )
    .addColumn('is_part_of', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('budget_line_project_idx').on('budget_line').column('project_id').execute();

  // A project is linked to a measure, or to a sheet where the document ties it to no single measure.
  await db.schema
    .createTable('project_link')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('budget_project.id').onDelete('cascade'))
    .addColumn('measure_id', 'text', (c) => c.references('measure.id').onDelete('cascade'))
    .addColumn('sheet_id', 'text', (c) => c.references('sheet.id').onDelete('cascade'))
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('project_link_measure_idx').on('project_link').column('measure_id').execute();
  await db.schema.createIndex('project_link_sheet_idx').on('project_link').column('sheet_id').execute();

  await db.schema
    .createTable('progress_report')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('follow_up_round.id').onDelete('cascade'))
    .addColumn('measure_id', 'text', (c) => c.references('measure.id').onDelete('cascade'))
    .addColumn('sheet_id', 'text', (c) => c.references('sheet.id').onDelete('cascade'))
    .addColumn('ministry', 'text', (c) => c.references('organisation.code'))
    .addColumn('state', 'text', (c) =>
      c.notNull().check(sql`state in ('draft','submitted','returned','approved')`),
    )
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('submitted_at', 'text')
    .addColumn('submitted_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('decision_note', 'text')
    .execute();
  await db.schema.createIndex('progress_report_round_idx').on('progress_report').column('round_id').execute();
  await db.schema
    .createIndex('progress_report_measure_idx')
    .on('progress_report')
    .column('measure_id')
    .execute();

  await withSource(
    db.schema
      .createTable('progress_bullet')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('report_id', 'text', (c) => c.notNull().references('progress_report.id').onDelete('cascade'))
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('ministry', 'text', (c) => c.references('organisation.code'))
      .addColumn('sort_order', 'integer', (c) => c.notNull()),
  ).execute();
  await db.schema
    .createIndex('progress_bullet_report_idx')
    .on('progress_bullet')
    .column('report_id')
    .execute();

  await db.schema
    .createTable('evaluation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('follow_up_round.id').onDelete('cascade'))
    .addColumn('goal_id', 'text', (c) => c.references('strategic_goal.id').onDelete('cascade'))
    .addColumn('sheet_id', 'text', (c) => c.references('sheet.id').onDelete('cascade'))
    .addColumn('evaluator_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('rating', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('revision')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('snapshot_json', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('revision_number_uq', ['plan_id', 'number'])
    .execute();

  await db.schema
    .createTable('audit_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Order of writing, so events of the same millisecond (or under a fixed test clock) keep their order.
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('detail_json', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text')
    .execute();
  await db.schema
    .createIndex('audit_event_entity_idx')
    .on('audit_event')
    .columns(['entity_type', 'entity_id'])
    .execute();
}

export function down(): Promise<void> {
  // Forward-only: a release never rolls the schema back, it ships a new migration.
  return Promise.reject(new Error('kotei migrations are forward-only'));
}
