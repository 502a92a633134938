import type { Kysely } from 'kysely';
import type {
  DB,
  FollowUpRoundTable,
  ImportRecordTable,
  PlanTable,
  SearchEntryTable,
  StatusOverrideTable,
} from '../db/schema.js';
import type { Correction } from '@kotei/contracts';
import { insertAuditEvent, type AuditEntry } from './audit.repository.js';
import { toCorrection } from './correction.repository.js';
import {
  planColumns,
  readOverride,
  readPlanChanges,
  type OverrideSet,
  type PlanChanges,
} from './plan-changes.js';
import {
  toKpiContent,
  toPlanContent,
  toPlanListing,
  type KpiContent,
  toStatusInputs,
  type PlanContent,
  type PlanListing,
  type StatusInputs,
} from './plan.mapper.js';
import { SearchRepository } from './search.repository.js';
import { loadPlanRows, type PlanRows } from './plan-rows.js';
import { insertBatched, raiseDataVersion } from './batched-writes.js';
import { retiredIds } from './retired.js';
import type { PlanStructure } from '@kotei/domain';
import { rowsAsOf, rowsUntil, structureFromRows } from './mappers/plan-structure.mapper.js';
import { dashboardContentOfRows, type DashboardContent } from './dashboard.mapper.js';
import { groupBy } from './group-by.js';
import { indexBreakdowns } from './breakdown.mapper.js';
import { firstRevision } from './revision.repository.js';
import { buildSearchEntries } from './search-entry.mapper.js';

export type { PlanRows } from './plan-rows.js';

/** A plan's own row: its fields and the data_version its kept statuses are checked against. */
export type PlanRecord = PlanTable;

/** Plans and everything under them. The only code that reads or writes these tables. */
export class PlanRepository {
  constructor(
    private readonly db: Kysely<DB>,
    /** Called after an import's bulk write has committed (see Database.refreshStatistics). */
    private readonly refreshStatistics: () => Promise<void> = () => Promise.resolve(),
  ) {}

  // Statistics only steer the planner: once the write has committed, failing to refresh them must not turn
  // the import into an error (the next autovacuum or import refreshes them).
  private async afterBulkWrite(): Promise<void> {
    await this.refreshStatistics().catch(() => undefined);
  }

  /** How many plans exist. */
  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('plan')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** 正誤 of a measure's bullets and actuals in published rounds, oldest first. */
  async correctionsOfMeasure(measureId: string): Promise<Correction[]> {
    const rows = await this.db
      .selectFrom('round_correction')
      .innerJoin('follow_up_round', 'follow_up_round.id', 'round_correction.round_id')
      .selectAll('round_correction')
      .where('round_correction.measure_id', '=', measureId)
      .where('follow_up_round.state', '=', 'published')
      .orderBy('round_correction.created_at')
      .orderBy('round_correction.id')
      .execute();
    return rows.map(toCorrection);
  }

  /** The plan with this slug, if any. */
  async findBySlug(slug: string): Promise<PlanTable | undefined> {
    return this.db.selectFrom('plan').selectAll().where('slug', '=', slug).executeTakeFirst();
  }

  /** Every plan (or one) with its counts, latest round and next deadline, by title. */
  async listWithCounts(planId?: string): Promise<PlanListing[]> {
    let query = this.db.selectFrom('plan');
    if (planId !== undefined) query = query.where('plan.id', '=', planId);
    const plans = await query
      .selectAll('plan')
      .select((eb) => [
        eb
          .selectFrom('strategic_goal')
          .whereRef('strategic_goal.plan_id', '=', 'plan.id')
          .select(eb.fn.countAll<number | string>().as('n'))
          .as('goal_count'),
        eb
          .selectFrom('sheet')
          .whereRef('sheet.plan_id', '=', 'plan.id')
          .select(eb.fn.countAll<number | string>().as('n'))
          .as('sheet_count'),
        eb
          .selectFrom('measure')
          .whereRef('measure.plan_id', '=', 'plan.id')
          .where('measure.id', 'not in', (sub) => sub.selectFrom('retired_entity').select('entity_id'))
          .select(eb.fn.countAll<number | string>().as('n'))
          .as('measure_count'),
        eb
          .selectFrom('kpi')
          .whereRef('kpi.plan_id', '=', 'plan.id')
          .where('kpi.level', '=', 'output')
          .where('kpi.id', 'not in', (sub) => sub.selectFrom('retired_entity').select('entity_id'))
          .select(eb.fn.countAll<number | string>().as('n'))
          .as('kpi_count'),
      ])
      .orderBy('plan.title')
      .execute();
    if (plans.length === 0) return [];
    const ids = plans.map((p) => p.id);
    const [fields, rounds] = await Promise.all([
      this.db
        .selectFrom('plan_policy_field')
        .selectAll()
        .where('plan_id', 'in', ids)
        .orderBy('sort_order')
        .execute(),
      this.db
        .selectFrom('follow_up_round')
        .selectAll()
        .where('plan_id', 'in', ids)
        .orderBy('as_of_date', 'desc')
        .execute(),
    ]);
    return plans.map(({ goal_count, sheet_count, measure_count, kpi_count, ...plan }) =>
      toPlanListing(plan, {
        policyFields: fields.filter((f) => f.plan_id === plan.id).map((f) => f.field_code),
        counts: {
          goals: Number(goal_count ?? 0),
          sheets: Number(sheet_count ?? 0),
          measures: Number(measure_count ?? 0),
          kpis: Number(kpi_count ?? 0),
        },
        rounds: rounds.filter((r) => r.plan_id === plan.id),
      }),
    );
  }

  /** What the status engine reads for these plans: their KPIs, actuals, overrides and measure placements. */
  async loadStatusInputs(planIds: readonly string[]): Promise<StatusInputs> {
    if (planIds.length === 0) return { kpis: [], measures: [] };
    const kpiIds = this.db
      .selectFrom('kpi')
      .select('id')
      .where('plan_id', 'in', planIds)
      .where('id', 'not in', retiredIds(this.db, planIds));
    const [kpis, observations, overrides, placements, breakdowns] = await Promise.all([
      this.db.selectFrom('kpi').selectAll().where('id', 'in', kpiIds).orderBy('sort_order').execute(),
      this.db
        .selectFrom('observation')
        .selectAll()
        .where('kpi_id', 'in', kpiIds)
        .orderBy('period_start')
        .execute(),
      this.db.selectFrom('status_override').selectAll().where('kpi_id', 'in', kpiIds).execute(),
      this.db
        .selectFrom('measure_placement')
        .innerJoin('sheet', 'sheet.id', 'measure_placement.sheet_id')
        .select([
          'sheet.plan_id',
          'measure_placement.measure_id',
          'measure_placement.sheet_id',
          'measure_placement.is_repost',
        ])
        .where('sheet.plan_id', 'in', planIds)
        .orderBy('measure_placement.sort_order')
        .execute(),
      this.db.selectFrom('breakdown_value').selectAll().where('kpi_id', 'in', kpiIds).execute(),
    ]);
    return toStatusInputs({ kpis, observations, overrides, placements, breakdowns });
  }

  /** A whole plan without statuses, and its status inputs from the same rows, mapped only when asked. */
  async loadPlan(plan: PlanTable): Promise<{ content: PlanContent; statusInputs: () => StatusInputs }> {
    const rows = await this.loadRows(plan);
    return {
      content: toPlanContent(rows),
      statusInputs: () =>
        toStatusInputs({ ...rows, placements: rows.placements.map((p) => ({ ...p, plan_id: plan.id })) }),
    };
  }

  /**
   * A whole plan as a revision's structure fixes it (time travel), as it stood at `cutoff` when given (what was
   * recorded or published later left out): its content, status inputs, dashboard content and KPI contents.
   */
  async loadPlanAt(
    plan: PlanTable,
    structure: PlanStructure,
    cutoff?: string,
  ): Promise<{
    content: PlanContent;
    statusInputs: () => StatusInputs;
    dashboard: () => DashboardContent;
    kpis: (ids: readonly string[]) => KpiContent[];
  }> {
    const rows = await this.rowsAt(plan, structure, cutoff);
    return {
      content: toPlanContent(rows),
      statusInputs: () =>
        toStatusInputs({ ...rows, placements: rows.placements.map((p) => ({ ...p, plan_id: plan.id })) }),
      dashboard: () => dashboardContentOfRows(rows),
      kpis: (ids) => {
        const wanted = new Set(ids);
        const observations = groupBy(
          rows.observations.filter((o) => wanted.has(o.kpi_id)),
          (o) => o.kpi_id,
        );
        const breakdowns = indexBreakdowns(rows.breakdowns.filter((b) => wanted.has(b.kpi_id)));
        return rows.kpis
          .filter((k) => wanted.has(k.id))
          .map((k) => toKpiContent(k, observations.get(k.id) ?? [], breakdowns));
      },
    };
  }

  /**
   * A plan's search entries as a revision's structure fixes it and as it stood at `cutoff` (time travel), built
   * as the index builds them, with the ids of the rounds published by then and its status inputs.
   */
  async loadSearchableAt(
    plan: PlanTable,
    structure: PlanStructure,
    cutoff?: string,
  ): Promise<{ entries: SearchEntryTable[]; roundIds: string[]; statusInputs: () => StatusInputs }> {
    const rows = await this.rowsAt(plan, structure, cutoff);
    return {
      entries: buildSearchEntries(rows),
      roundIds: rows.rounds.map((r) => r.id),
      statusInputs: () =>
        toStatusInputs({ ...rows, placements: rows.placements.map((p) => ({ ...p, plan_id: plan.id })) }),
    };
  }

  // Every row as a revision's structure fixes it, as it stood at `cutoff` when given.
  private async rowsAt(plan: PlanTable, structure: PlanStructure, cutoff?: string): Promise<PlanRows> {
    const fixed = rowsAsOf(await loadPlanRows(this.db, plan, { withRetired: true }), structure);
    return cutoff === undefined ? fixed : rowsUntil(fixed, cutoff);
  }

  /** Every row under one plan, each table read once. */
  async loadRows(plan: PlanTable): Promise<PlanRows> {
    return loadPlanRows(this.db, plan);
  }

  /**
   * Write a whole plan, its first revision (策定, the structure of its rows), its search entries and its audit
   * event in one transaction: all of it or none.
   */
  async insertAll(
    rows: PlanRows,
    search: readonly SearchEntryTable[],
    imported: ImportRecordTable | null,
    audit: AuditEntry,
    horizon: PlanStructure['plan']['horizon'] = null,
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('plan').values(rows.plan).execute();
      await insertBatched(
        rows.policyFields.map((field_code, sort_order) => ({
          plan_id: rows.plan.id,
          field_code,
          sort_order,
        })),
        (batch) => trx.insertInto('plan_policy_field').values(batch).execute(),
      );
      await insertBatched(rows.goals, (batch) => trx.insertInto('strategic_goal').values(batch).execute());
      await insertBatched(rows.sheets, (batch) => trx.insertInto('sheet').values(batch).execute());
      await insertBatched(rows.measures, (batch) => trx.insertInto('measure').values(batch).execute());
      await insertBatched(rows.placements, (batch) =>
        trx.insertInto('measure_placement').values(batch).execute(),
      );
      await insertBatched(rows.ministries, (batch) =>
        trx.insertInto('measure_ministry').values(batch).execute(),
      );
      await insertBatched(rows.phases, (batch) => trx.insertInto('phase').values(batch).execute());
      await insertBatched(rows.kpis, (batch) => trx.insertInto('kpi').values(batch).execute());
      await insertBatched(rows.rounds, (batch) => trx.insertInto('follow_up_round').values(batch).execute());
      await insertBatched(rows.observations, (batch) =>
        trx.insertInto('observation').values(batch).execute(),
      );
      await insertBatched(rows.breakdowns, (batch) =>
        trx.insertInto('breakdown_value').values(batch).execute(),
      );
      await insertBatched(rows.projects, (batch) => trx.insertInto('budget_project').values(batch).execute());
      await insertBatched(rows.lines, (batch) => trx.insertInto('budget_line').values(batch).execute());
      await insertBatched(rows.links, (batch) => trx.insertInto('project_link').values(batch).execute());
      await insertBatched(rows.reports, (batch) => trx.insertInto('progress_report').values(batch).execute());
      await insertBatched(rows.bullets, (batch) => trx.insertInto('progress_bullet').values(batch).execute());
      await SearchRepository.insert(trx, search);
      if (imported !== null) await trx.insertInto('import_record').values(imported).execute();
      const structure = structureFromRows(rows, horizon, []);
      await trx
        .insertInto('revision')
        .values(firstRevision(rows.plan.id, structure, rows.plan.created_at, null))
        .execute();
      await insertAuditEvent(trx, rows.plan.created_at, audit);
    });
    await this.afterBulkWrite();
  }

  /**
   * Add a later follow-up to a plan in one transaction: its round, progress and actuals, the plan's search
   * entries made anew, the record of the import and its audit event.
   */
  async insertFollowUp(
    followUp: Pick<PlanRows, 'reports' | 'bullets' | 'observations'> & { round: FollowUpRoundTable },
    search: readonly SearchEntryTable[],
    imported: ImportRecordTable,
    audit: AuditEntry,
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('follow_up_round').values(followUp.round).execute();
      await insertBatched(followUp.reports, (batch) =>
        trx.insertInto('progress_report').values(batch).execute(),
      );
      await insertBatched(followUp.bullets, (batch) =>
        trx.insertInto('progress_bullet').values(batch).execute(),
      );
      await insertBatched(followUp.observations, (batch) =>
        trx.insertInto('observation').values(batch).execute(),
      );
      await raiseDataVersion(trx, { planId: imported.plan_id });
      await trx
        .deleteFrom('search_entry')
        .where('plan_id', '=', imported.plan_id)
        .where('entity_type', '!=', 'evaluation')
        .execute();
      await SearchRepository.insert(trx, search);
      await trx.insertInto('import_record').values(imported).execute();
      await insertAuditEvent(trx, imported.imported_at, audit);
    });
    await this.afterBulkWrite();
  }

  /** Whether the document with this fingerprint was imported into the plan. */
  async hasImport(planId: string, fingerprint: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('import_record')
      .select('id')
      .where('plan_id', '=', planId)
      .where('fingerprint', '=', fingerprint)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** The plan's KPI with this id, if any. */
  async findKpi(planId: string, kpiId: string): Promise<{ id: string; name: string } | undefined> {
    return this.db
      .selectFrom('kpi')
      .select(['id', 'name'])
      .where('plan_id', '=', planId)
      .where('id', '=', kpiId)
      .executeTakeFirst();
  }

  /** Set (or replace) a KPI's status override, with an audit event naming the one replaced, in one transaction. */
  async setOverride(
    override: StatusOverrideTable,
    audit: (replaced: OverrideSet | null) => AuditEntry,
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      // Raising the plan's version first locks its row (PostgreSQL): the override read next is the one replaced.
      await raiseDataVersion(trx, { kpiId: override.kpi_id });
      const replaced = await readOverride(trx, override.kpi_id);
      await trx
        .insertInto('status_override')
        .values(override)
        .onConflict((oc) =>
          oc.column('kpi_id').doUpdateSet({
            status: override.status,
            reason: override.reason,
            set_by: override.set_by,
            set_at: override.set_at,
          }),
        )
        .execute();
      await insertAuditEvent(trx, override.set_at, audit(replaced));
    });
  }

  /** Remove a KPI's status override, with an audit event naming the override removed (null: there was none). */
  async clearOverride(
    kpiId: string,
    now: string,
    audit: (cleared: OverrideSet | null) => AuditEntry,
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const cleared = await trx
        .deleteFrom('status_override')
        .where('kpi_id', '=', kpiId)
        .returning(['status', 'reason', 'set_by as setBy', 'set_at as setAt'])
        .executeTakeFirst();
      await raiseDataVersion(trx, { kpiId });
      await insertAuditEvent(trx, now, audit(cleared ?? null));
    });
  }

  /** Change a plan's own fields, with an audit event made from their values before, in one transaction. */
  async update(
    planId: string,
    changes: PlanChanges,
    now: string,
    audit: (before: PlanChanges) => AuditEntry,
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const { fields, policyFields } = planColumns(changes);
      // Touching the row first locks it (PostgreSQL), so the values read next are those this change replaces.
      await trx.updateTable('plan').set({ updated_at: now }).where('id', '=', planId).execute();
      const before = await readPlanChanges(trx, planId, changes);
      if (Object.keys(fields).length > 0) {
        await trx.updateTable('plan').set(fields).where('id', '=', planId).execute();
      }
      if (policyFields !== undefined) {
        await trx.deleteFrom('plan_policy_field').where('plan_id', '=', planId).execute();
        await insertBatched(
          policyFields.map((field_code, sort_order) => ({ plan_id: planId, field_code, sort_order })),
          (batch) => trx.insertInto('plan_policy_field').values(batch).execute(),
        );
      }
      await insertAuditEvent(trx, now, audit(before));
    });
  }
}
