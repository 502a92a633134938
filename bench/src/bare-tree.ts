import type SQLite from 'better-sqlite3';
import type pg from 'pg';

// The same rows the plan repository reads for one plan tree, as hand-written SQL with no query builder,
// no mapping and no assembly: the floor against which the repositories are measured.
const PLAN = 'select * from plan where slug = $1';
const BY_PLAN = [
  'select field_code from plan_policy_field where plan_id = $1 order by sort_order',
  'select * from strategic_goal where plan_id = $1 order by number',
  'select * from sheet where plan_id = $1 order by number',
  'select * from measure where plan_id = $1',
  'select * from measure_placement where measure_id in (select id from measure where plan_id = $1) order by sort_order',
  'select * from measure_ministry where measure_id in (select id from measure where plan_id = $1) order by sort_order',
  'select * from phase where measure_id in (select id from measure where plan_id = $1) order by sort_order',
  'select * from kpi where plan_id = $1 order by sort_order',
  'select * from follow_up_round where plan_id = $1 order by as_of_date',
  'select * from observation where kpi_id in (select id from kpi where plan_id = $1) order by period_start',
  'select * from budget_project where plan_id = $1',
  'select * from budget_line where project_id in (select id from budget_project where plan_id = $1) order by sort_order',
  'select * from project_link where project_id in (select id from budget_project where plan_id = $1) order by sort_order',
  'select * from progress_report where round_id in (select id from follow_up_round where plan_id = $1)',
  'select * from progress_bullet where report_id in (select id from progress_report where round_id in (select id from follow_up_round where plan_id = $1)) order by sort_order',
];

/** Read one plan's rows straight from SQLite; returns the number of rows. */
export function makeSqliteBareReader(db: SQLite.Database): (slug: string) => number {
  const plan = db.prepare(PLAN.replace('$1', '?'));
  const statements = BY_PLAN.map((text) => db.prepare(text.replaceAll('$1', '?')));
  return (slug) => {
    const row = plan.get(slug) as { id: string } | undefined;
    if (!row) throw new Error(`no plan ${slug}`);
    return statements.reduce((n, statement) => n + statement.all(row.id).length, 1);
  };
}

/** Read one plan's rows straight from PostgreSQL, the queries in parallel as the repository does. */
export function makePostgresBareReader(pool: pg.Pool): (slug: string) => Promise<number> {
  return async (slug) => {
    const result = await pool.query<{ id: string }>(PLAN, [slug]);
    const id = result.rows[0]?.id;
    if (id === undefined) throw new Error(`no plan ${slug}`);
    const all = await Promise.all(BY_PLAN.map((text) => pool.query(text, [id])));
    return all.reduce((n, r) => n + r.rows.length, 1);
  };
}
