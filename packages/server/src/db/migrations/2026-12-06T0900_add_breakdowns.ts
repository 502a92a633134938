import { sql, type Kysely } from 'kysely';

// Frozen in time. A KPI's baseline, target and actuals may be broken down by a dimension (the 47 prefectures,
// sex, age group, ministry). The members are rows of their own: the KPI's value stays on the KPI or the
// observation, so a total is never made by adding members (shares and rates do not add up). `bar` is the line
// each member must meet for a share-meeting-bar KPI (後発品数量シェア 全都道府県で80%以上 → 80).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('kpi').addColumn('bar', 'double precision').execute();
  await db.schema
    .createTable('breakdown_value')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kpi_id', 'text', (c) => c.notNull().references('kpi.id').onDelete('cascade'))
    .addColumn('point', 'text', (c) => c.notNull().check(sql`point in ('baseline','target','actual')`))
    .addColumn('observation_id', 'text', (c) => c.references('observation.id').onDelete('cascade'))
    .addColumn('dimension', 'text', (c) =>
      c.notNull().check(sql`dimension in ('prefecture','sex','age_group','ministry')`),
    )
    .addColumn('member', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addCheckConstraint(
      'breakdown_value_observation_ck',
      sql`(point = 'actual') = (observation_id is not null)`,
    )
    .execute();
  await db.schema.createIndex('breakdown_value_kpi_idx').on('breakdown_value').column('kpi_id').execute();
  // One value per member of a point: a baseline or target has no observation, so its key uses ''.
  await db.schema
    .createIndex('breakdown_value_member_uq')
    .unique()
    .on('breakdown_value')
    .expression(sql`kpi_id, point, (coalesce(observation_id, '')), dimension, member`)
    .execute();
}

export function down(): Promise<void> {
  return Promise.reject(new Error('kotei migrations are forward-only'));
}
