import type { Kysely } from 'kysely';

// Frozen in time. A reporter's proposal (変更提案, #13): changes to its own measures as the typed edits of a
// draft revision (JSON), with the reason, the ministry it was sent for and the latest revision then; the
// coordinating office accepts it into the draft or declines it with a note, or its author withdraws it. Never
// deleted: the decision stays with the proposal.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('revision_proposal')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('ministry', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('edits_json', 'text', (c) => c.notNull())
    .addColumn('base_number', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createIndex('revision_proposal_plan_idx')
    .on('revision_proposal')
    .columns(['plan_id', 'created_at'])
    .execute();
}

export function down(): Promise<void> {
  return Promise.reject(new Error('kotei migrations are forward-only'));
}
