import type { Kysely } from 'kysely';
import type { DB, PlanTable } from '../db/schema.js';
import { insertAuditEvent, type AuditEntry } from './audit.repository.js';
import { loadPlanRows } from './plan-rows.js';
import { buildSearchEntries } from './search-entry.mapper.js';
import { recordRevisionOfRows } from './revision.repository.js';
import { SearchRepository } from './search.repository.js';

/** One field of a measure, phase or KPI set to a new value (the workbook's edits, checked by the service). */
export type FieldEdit =
  | { kind: 'measure'; id: string; field: 'title'; value: string }
  | { kind: 'phase'; id: string; field: 'text'; value: string }
  | { kind: 'kpi'; id: string; field: 'name' | 'unit' | 'note'; value: string }
  | { kind: 'kpi'; id: string; field: 'baseline_value' | 'target_value'; value: number };

/** An edit with the value it replaced, as the audit records it. */
export type AppliedEdit = FieldEdit & { before: string | number | null };

const TABLE = { measure: 'measure', phase: 'phase', kpi: 'kpi' } as const;

/** Edits of a plan's wording and figures in place (the report workbook's round trip). */
export class PlanEditRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /**
   * Apply edits if the plan is still at `dataVersion`, raising it, with the plan's search entries made anew and
   * one audit event naming every field before → after, all in one transaction; the number of the revision that
   * records them, or null when the plan changed since (nothing written).
   */
  async apply(
    plan: PlanTable,
    dataVersion: number,
    edits: readonly FieldEdit[],
    now: string,
    audit: (applied: AppliedEdit[]) => AuditEntry,
  ): Promise<number | null> {
    return this.db.transaction().execute(async (trx) => {
      // The conditional raise locks the plan's row (PostgreSQL) and refuses a plan changed since the preview.
      const raised = await trx
        .updateTable('plan')
        .set((eb) => ({ data_version: eb('data_version', '+', 1), updated_at: now }))
        .where('id', '=', plan.id)
        .where('data_version', '=', dataVersion)
        .executeTakeFirst();
      if (Number(raised.numUpdatedRows) !== 1) return null;
      const before = await loadPlanRows(trx, plan);
      const applied: AppliedEdit[] = [];
      for (const edit of edits) {
        applied.push({ ...edit, before: await this.write(trx, plan.id, edit) });
      }
      await trx
        .deleteFrom('search_entry')
        .where('plan_id', '=', plan.id)
        .where('entity_type', '!=', 'evaluation')
        .execute();
      await SearchRepository.insert(trx, buildSearchEntries(await loadPlanRows(trx, plan)));
      const entry = audit(applied);
      // The corrections are a revision of the plan like any other, so no draft opened before them adopts over them.
      const revision = await recordRevisionOfRows(trx, plan, before, {
        reason: 'ワークブックによる修正',
        summary: `${applied.length}件の修正（Excel）`,
        by: entry.actorId?.startsWith('cli:') === false ? entry.actorId : null,
        at: now,
      });
      await insertAuditEvent(trx, now, { ...entry, detail: { ...entry.detail, revision } });
      return revision;
    });
  }

  // Write one field of a row of this plan and give the value it had.
  private async write(trx: Kysely<DB>, planId: string, edit: FieldEdit): Promise<string | number | null> {
    const table = TABLE[edit.kind];
    const owned =
      edit.kind === 'phase'
        ? trx
            .selectFrom('phase')
            .innerJoin('measure', 'measure.id', 'phase.measure_id')
            .where('measure.plan_id', '=', planId)
            .where('phase.id', '=', edit.id)
            .select('phase.text as value')
        : edit.kind === 'measure'
          ? trx
              .selectFrom('measure')
              .where('plan_id', '=', planId)
              .where('id', '=', edit.id)
              .select('title as value')
          : trx
              .selectFrom('kpi')
              .where('plan_id', '=', planId)
              .where('id', '=', edit.id)
              .select(`${edit.field} as value`);
    const before = await owned.executeTakeFirst();
    if (!before) throw new Error(`No ${table} ${edit.id} in plan ${planId}`);
    await trx
      .updateTable(table)
      .set({ [edit.field]: edit.value })
      .where('id', '=', edit.id)
      .execute();
    return before.value;
  }
}
