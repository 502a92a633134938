import { sql, type Kysely } from 'kysely';

// Frozen in time. 正誤: after publication a round is never edited; a correction is a new row naming what it
// corrects (a progress bullet or a published actual of the round), the value as published, the corrected value
// and the required reason. Readers apply the latest correction of a target over the published value.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('round_correction')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('follow_up_round.id').onDelete('cascade'))
    .addColumn('measure_id', 'text')
    .addColumn('ministry', 'text')
    .addColumn('target_kind', 'text', (c) => c.notNull().check(sql`target_kind in ('bullet','actual')`))
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('original', 'text', (c) => c.notNull())
    .addColumn('corrected_text', 'text')
    .addColumn('corrected_value', 'double precision')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('round_correction_round_idx')
    .on('round_correction')
    .column('round_id')
    .execute();
  await db.schema
    .createIndex('round_correction_measure_idx')
    .on('round_correction')
    .column('measure_id')
    .execute();
}

export function down(): Promise<void> {
  return Promise.reject(new Error('kotei migrations are forward-only'));
}
