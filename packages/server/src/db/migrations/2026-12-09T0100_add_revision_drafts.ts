import type { Kysely } from 'kysely';

// Frozen in time. Plan authoring and revisions (#13): one draft revision per plan (its structure as JSON, the
// revision it is based on and a version for conditional writes), and the entities a revision took out of the
// plan. A retired goal, sheet, measure, phase or KPI keeps its row, and so its actuals, progress and
// evaluations; the plan as read today leaves it out, the plan as it stood at an earlier revision shows it.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('revision_draft')
    .addColumn('plan_id', 'text', (c) => c.primaryKey().references('plan.id').onDelete('cascade'))
    .addColumn('base_number', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('structure_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();

  await db.schema
    .createTable('retired_entity')
    .addColumn('entity_id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('revision_number', 'integer', (c) => c.notNull())
    .addColumn('merged_into', 'text')
    .execute();
  await db.schema.createIndex('retired_entity_plan_idx').on('retired_entity').column('plan_id').execute();
}

export function down(): Promise<void> {
  return Promise.reject(new Error('kotei migrations are forward-only'));
}
