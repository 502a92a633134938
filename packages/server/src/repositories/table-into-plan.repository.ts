import type { Kysely } from 'kysely';
import type { DB, PlanTable } from '../db/schema.js';
import { insertAuditEvent, type AuditEntry } from './audit.repository.js';
import { insertBatched } from './batched-writes.js';
import { loadPlanRows, type PlanRows } from './plan-rows.js';
import { liveRows } from './mappers/plan-structure.mapper.js';
import type { TableIntoPlanRows } from './mappers/table-into-plan.mapper.js';
import { recordRevisionOfRows } from './revision.repository.js';
import { buildSearchEntries } from './search-entry.mapper.js';
import { SearchRepository } from './search.repository.js';

/** What adding a table's KPIs wrote: the rows, the revision recording them and the plan's data version. */
export interface TableIntoPlanWritten {
  rows: TableIntoPlanRows;
  /** Null when there was nothing to add (every KPI a duplicate): nothing was written. */
  revision: number | null;
  dataVersion: number;
}

// Thrown inside the transaction when there is nothing to add, so the raise of data_version rolls back.
class NothingToAdd extends Error {
  constructor(readonly rows: TableIntoPlanRows) {
    super('nothing to add');
  }
}

/** KPIs of another office's table added to measures of an existing plan (#14). */
export class TableIntoPlanRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /**
   * In one transaction: raise the plan's data_version first (on PostgreSQL this locks the plan's row, so two
   * additions never both add one name), read every row of the plan and what revisions retired, `build` the rows
   * to add (a refusal it throws writes nothing), write them with the plan's search entries made anew, record
   * the plan's next revision and the audit event naming it.
   */
  async add(
    plan: PlanTable,
    build: (all: PlanRows, retired: ReadonlySet<string>) => TableIntoPlanRows,
    revision: { reason: string; by: string | null; at: string },
    audit: (rows: TableIntoPlanRows, revision: number) => AuditEntry,
  ): Promise<TableIntoPlanWritten> {
    try {
      return await this.db.transaction().execute(async (trx) => {
        const raised = await trx
          .updateTable('plan')
          .set((eb) => ({ data_version: eb('data_version', '+', 1), updated_at: revision.at }))
          .where('id', '=', plan.id)
          .returning('data_version')
          .executeTakeFirstOrThrow();
        const [all, retiredRows] = await Promise.all([
          loadPlanRows(trx, plan, { withRetired: true }),
          trx.selectFrom('retired_entity').select('entity_id').where('plan_id', '=', plan.id).execute(),
        ]);
        const retired = new Set(retiredRows.map((r) => r.entity_id));
        const rows = build(all, retired);
        if (rows.kpis.length === 0 && rows.measures.length === 0) throw new NothingToAdd(rows);
        await insertBatched(rows.measures, (batch) => trx.insertInto('measure').values(batch).execute());
        await insertBatched(rows.placements, (batch) =>
          trx.insertInto('measure_placement').values(batch).execute(),
        );
        await insertBatched(rows.kpis, (batch) => trx.insertInto('kpi').values(batch).execute());
        await insertBatched(rows.observations, (batch) =>
          trx.insertInto('observation').values(batch).execute(),
        );
        await insertBatched(rows.breakdowns, (batch) =>
          trx.insertInto('breakdown_value').values(batch).execute(),
        );
        await trx
          .deleteFrom('search_entry')
          .where('plan_id', '=', plan.id)
          .where('entity_type', '!=', 'evaluation')
          .execute();
        await SearchRepository.insert(trx, buildSearchEntries(await loadPlanRows(trx, plan)));
        const number = await recordRevisionOfRows(trx, plan, liveRows(all, retired), {
          reason: revision.reason,
          summary: `KPI ${String(rows.kpis.length)}件を追加${rows.measures.length > 0 ? `（施策 ${String(rows.measures.length)}件を新設）` : ''}`,
          by: revision.by,
          at: revision.at,
        });
        await insertAuditEvent(trx, revision.at, audit(rows, number));
        return { rows, revision: number, dataVersion: raised.data_version };
      });
    } catch (error) {
      if (error instanceof NothingToAdd)
        return { rows: error.rows, revision: null, dataVersion: plan.data_version };
      throw error;
    }
  }
}
