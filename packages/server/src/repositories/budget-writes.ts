import type { Kysely } from 'kysely';
import type { BudgetNode } from '@kotei/domain';
import type { DB } from '../db/schema.js';
import type { PlanRows } from './plan-rows.js';
import { newId } from '../ids.js';

const NO_SOURCE = { source_line_from: null, source_line_to: null, source_text: null } as const;

/**
 * Make the plan's budget projects (該当事業) what a structure fixes, inside the adopting transaction: a project
 * inserted with its lines and measure links where new; its name, lines (amount, year, kind, label) and links
 * updated where changed. A retired project keeps its rows (writeRetired records it).
 */
export async function writeBudgets(
  trx: Kysely<DB>,
  rows: PlanRows,
  budgets: readonly BudgetNode[],
): Promise<void> {
  const projects = new Map(rows.projects.map((p) => [p.id, p]));
  const lines = new Map(rows.lines.map((l) => [l.id, l]));
  for (const b of budgets) {
    const row = projects.get(b.id);
    if (row === undefined)
      await trx
        .insertInto('budget_project')
        .values({ id: b.id, plan_id: rows.plan.id, name: b.name, ministry: b.ministry, ...NO_SOURCE })
        .execute();
    else if (row.name !== b.name || row.ministry !== b.ministry)
      await trx
        .updateTable('budget_project')
        .set({ name: b.name, ministry: b.ministry })
        .where('id', '=', b.id)
        .execute();
    for (const [sort_order, l] of b.lines.entries()) {
      const columns = {
        amount_yen: l.amountYen,
        fiscal_year: l.fiscalYear,
        budget_type: l.type,
        is_part_of: l.isPartOf ? 1 : 0,
        label: l.label,
      };
      const was = lines.get(l.id);
      if (was === undefined)
        await trx
          .insertInto('budget_line')
          .values({ id: l.id, project_id: b.id, sort_order, ...columns })
          .execute();
      else if (
        was.amount_yen !== l.amountYen ||
        was.fiscal_year !== l.fiscalYear ||
        was.budget_type !== l.type ||
        was.label !== l.label
      )
        await trx.updateTable('budget_line').set(columns).where('id', '=', l.id).execute();
    }
    const linked = rows.links
      .filter((l) => l.project_id === b.id && l.measure_id !== null)
      .map((l) => l.measure_id);
    if (linked.join('\u0000') !== b.measureIds.join('\u0000')) {
      await trx
        .deleteFrom('project_link')
        .where('project_id', '=', b.id)
        .where('measure_id', 'is not', null)
        .execute();
      if (b.measureIds.length > 0)
        await trx
          .insertInto('project_link')
          .values(
            b.measureIds.map((measure_id, sort_order) => ({
              id: newId(),
              project_id: b.id,
              measure_id,
              sheet_id: null,
              sort_order,
            })),
          )
          .execute();
    }
  }
}
