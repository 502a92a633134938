import { sql, type Kysely } from 'kysely';

// Frozen in time. Evaluations follow the cycle (#13): an expert edits or withdraws an evaluation until the round
// is published, and every state it passed through is kept (evaluation_version: rating, comment, who, when); a
// withdrawn evaluation stays as a row with `withdrawn_at`, so one per evaluator, target and round now counts the
// standing ones only and the expert may write again. An expert declares a conflict of interest (利益相反) on a
// sheet of a plan, which keeps them from rating it in any round of the plan. The coordinating office compiles a
// round's overall evaluation text (有識者による総合評価), one per round, published with it.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('evaluation')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.alterTable('evaluation').addColumn('updated_at', 'text').execute();
  await db.schema.alterTable('evaluation').addColumn('withdrawn_at', 'text').execute();
  await db.schema.dropIndex('evaluation_one_per_target_uq').execute();
  await db.schema
    .createIndex('evaluation_one_standing_per_target_uq')
    .unique()
    .on('evaluation')
    .expression(sql`round_id, evaluator_id, (coalesce(goal_id, '')), (coalesce(sheet_id, ''))`)
    .where(sql.ref('withdrawn_at'), 'is', null)
    .execute();

  await db.schema
    .createTable('evaluation_version')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('evaluation_id', 'text', (c) => c.notNull().references('evaluation.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('create','edit','withdraw')`))
    .addColumn('rating', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('evaluation_version_evaluation_version_key', ['evaluation_id', 'version'])
    .execute();
  // Evaluations written before this migration start their history here, as they stand.
  await sql`insert into evaluation_version (id, evaluation_id, version, action, rating, comment, changed_by, changed_at)
    select id, id, 1, 'create', rating, comment, evaluator_id, created_at from evaluation`.execute(db);

  await db.schema
    .createTable('conflict_of_interest')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('sheet_id', 'text', (c) => c.notNull().references('sheet.id').onDelete('cascade'))
    .addColumn('expert_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('declared_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('conflict_of_interest_sheet_expert_key', ['sheet_id', 'expert_id'])
    .execute();
  await db.schema
    .createIndex('conflict_of_interest_plan_idx')
    .on('conflict_of_interest')
    .column('plan_id')
    .execute();

  await db.schema
    .createTable('round_overall_evaluation')
    .addColumn('round_id', 'text', (c) => c.primaryKey().references('follow_up_round.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export function down(): Promise<void> {
  return Promise.reject(new Error('kotei migrations are forward-only'));
}
