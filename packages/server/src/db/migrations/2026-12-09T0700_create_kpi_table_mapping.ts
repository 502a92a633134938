import type { Kysely } from 'kysely';

// Frozen in time. A KPI table's column mapping saved under a name: the roles a user gave the columns of a table
// whose headers read as `signature`, kept to be applied to next year's file from the same office. A mapping
// belongs to its user (and goes with them); `office` is the user's ministry when saved, so colleagues of the
// same office find it too.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('kpi_table_mapping')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('office', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('column_roles', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('kpi_table_mapping_owner_name_idx')
    .on('kpi_table_mapping')
    .columns(['owner_id', 'name'])
    .unique()
    .execute();
  await db.schema
    .createIndex('kpi_table_mapping_signature_idx')
    .on('kpi_table_mapping')
    .column('signature')
    .execute();
}

export function down(): Promise<void> {
  return Promise.reject(new Error('kotei migrations are forward-only'));
}
