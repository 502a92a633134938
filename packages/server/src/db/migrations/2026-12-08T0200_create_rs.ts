import { sql, type Kysely } from 'kysely';

// Frozen in time. The RS system's (行政事業レビュー) open data, per sheet year (事業年度) and project id
// (予算事業ID, stable across years): the project, its budget and execution per 予算年度 (2-1 summary rows, and
// the accounts of the detail rows), its appropriation items (2-2), its policies and laws (1-3), its logic model
// (3-1 nodes with targets and actuals per year, 3-2 edges) and its evaluation (4-1). A re-import replaces the
// rows of the projects it holds. The links from a plan's budget project (該当事業) to an RS project name the RS
// id, not a sheet year, so re-imports never touch them.
const keyed = (db: Kysely<any>, table: string) =>
  db.schema
    .createTable(table)
    .addColumn('sheet_year', 'integer', (c) => c.notNull())
    .addColumn('rs_id', 'integer', (c) => c.notNull());

export async function up(db: Kysely<any>): Promise<void> {
  await createProjectAndBudget(db);
  await createModelAndEvaluation(db);
}

async function createProjectAndBudget(db: Kysely<any>): Promise<void> {
  const key = (table: string) => keyed(db, table);
  await key('rs_project')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('ministry', 'text', (c) => c.notNull())
    .addColumn('policy_ministry', 'text')
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text')
    .addColumn('overview', 'text')
    .addColumn('url', 'text')
    .addColumn('category', 'text')
    .addColumn('start_year', 'integer')
    .addColumn('end_year', 'integer')
    .addColumn('major_expense', 'text')
    .addPrimaryKeyConstraint('rs_project_pk', ['sheet_year', 'rs_id'])
    .execute();
  await db.schema.createIndex('rs_project_rs_id_idx').on('rs_project').column('rs_id').execute();
  const yen = [
    'initial',
    'supplementary',
    'carried_in',
    'reserve',
    'total',
    'executed',
    'carried_out',
    'next_request',
  ];
  let budgetYear = key('rs_budget_year').addColumn('budget_year', 'integer', (c) => c.notNull());
  for (const column of yen) budgetYear = budgetYear.addColumn(column, 'bigint');
  await budgetYear
    .addColumn('execution_rate', 'double precision')
    .addColumn('reason', 'text')
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('rs_budget_year_pk', ['sheet_year', 'rs_id', 'budget_year'])
    .execute();
  await key('rs_budget_account')
    .addColumn('budget_year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('account_type', 'text', (c) => c.notNull())
    .addColumn('account', 'text')
    .addColumn('sub_account', 'text')
    .addColumn('initial', 'bigint')
    .addColumn('supplementary', 'bigint')
    .addColumn('total', 'bigint')
    .addColumn('executed', 'bigint')
    .addPrimaryKeyConstraint('rs_budget_account_pk', ['sheet_year', 'rs_id', 'seq'])
    .execute();
  await key('rs_budget_item')
    .addColumn('budget_year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('account_type', 'text')
    .addColumn('account', 'text')
    .addColumn('budget_kind', 'text')
    .addColumn('item', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint')
    .addColumn('next_request', 'bigint')
    .addPrimaryKeyConstraint('rs_budget_item_pk', ['sheet_year', 'rs_id', 'seq'])
    .execute();
  await key('rs_policy')
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('policy','law','plan')`))
    .addColumn('name', 'text')
    .addColumn('detail', 'text')
    .addColumn('url', 'text')
    .addPrimaryKeyConstraint('rs_policy_pk', ['sheet_year', 'rs_id', 'seq'])
    .execute();
}

async function createModelAndEvaluation(db: Kysely<any>): Promise<void> {
  const key = (table: string) => keyed(db, table);
  await key('rs_node')
    .addColumn('node_type', 'text', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('period', 'text')
    .addColumn('goal_type', 'text')
    .addColumn('goal', 'text')
    .addColumn('indicator', 'text')
    .addColumn('unit', 'text')
    .addColumn('direction', 'text')
    .addColumn('data_source', 'text')
    .addColumn('qualitative_result', 'text')
    .addColumn('target_years', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('rs_node_pk', ['sheet_year', 'rs_id', 'node_type', 'number'])
    .execute();
  await key('rs_node_year')
    .addColumn('node_type', 'text', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('target', 'text')
    .addColumn('actual', 'text')
    .addColumn('achievement', 'text')
    .addPrimaryKeyConstraint('rs_node_year_pk', ['sheet_year', 'rs_id', 'node_type', 'number', 'year'])
    .execute();
  await key('rs_node_link')
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('from_type', 'text', (c) => c.notNull())
    .addColumn('from_number', 'integer', (c) => c.notNull())
    .addColumn('to_type', 'text', (c) => c.notNull())
    .addColumn('to_number', 'integer', (c) => c.notNull())
    .addColumn('explanation', 'text')
    .addPrimaryKeyConstraint('rs_node_link_pk', ['sheet_year', 'rs_id', 'seq'])
    .execute();
  await key('rs_evaluation')
    .addColumn('self_check', 'text')
    .addColumn('direction', 'text')
    .addColumn('effect_evaluation', 'text')
    .addColumn('external_finding', 'text')
    .addColumn('team_finding', 'text')
    .addColumn('team_finding_detail', 'text')
    .addColumn('reflection', 'text')
    .addColumn('reflection_detail', 'text')
    .addPrimaryKeyConstraint('rs_evaluation_pk', ['sheet_year', 'rs_id'])
    .execute();
  await db.schema
    .createTable('rs_budget_link')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('budget_project_id', 'text', (c) =>
      c.notNull().references('budget_project.id').onDelete('cascade'),
    )
    .addColumn('rs_id', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('confirmed','rejected')`))
    .addColumn('confidence', 'double precision')
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('rs_budget_link_pair', ['budget_project_id', 'rs_id'])
    .execute();
}

export function down(): Promise<void> {
  return Promise.reject(new Error('kotei migrations are forward-only'));
}
