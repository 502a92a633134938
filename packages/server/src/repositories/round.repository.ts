import type { Kysely } from 'kysely';
import type {
  DB,
  FollowUpRoundTable,
  KpiTable,
  ObservationTable,
  PartCommentTable,
  PhaseReportTable,
  PlanTable,
  ProgressBulletTable,
  ProgressReportTable,
  ReportedActualTable,
  SearchEntryTable,
} from '../db/schema.js';
import { insertAuditEvent, type AuditEntry } from './audit.repository.js';
import { SearchRepository } from './search.repository.js';
import { insertBatched, raiseDataVersion } from './batched-writes.js';
import { recordRoundEvent, type RoundEvent } from './notification.repository.js';
import { retiredIds } from './retired.js';
import { loadPartRecord, partsOf, sheetNumbersOf, type PartRecord, type PartRow } from './part-record.js';

export type { PartRecord, PartRow } from './part-record.js';

/** What a part's move changes on its row besides its state and version. */
export type PartPatch = Partial<
  Pick<
    ProgressReportTable,
    | 'state'
    | 'updated_at'
    | 'updated_by'
    | 'submitted_at'
    | 'submitted_by'
    | 'decided_at'
    | 'decided_by'
    | 'decision_note'
  >
>;

/** The whole content a save replaces. */
export interface PartContent {
  bullets: ProgressBulletTable[];
  actuals: ReportedActualTable[];
  phaseReports: PhaseReportTable[];
}

/** What publishing a round writes besides its own row. */
export interface PublicationRows {
  observations: ObservationTable[];
  searchEntries: SearchEntryTable[];
}

/** Follow-up rounds and their parts. The only code that reads or writes rounds, parts and what parts hold. */
export class RoundRepository {
  constructor(private readonly db: Kysely<DB>) {}

  // Parts with the title of the measure each is about: every read of parts starts here.
  private parts() {
    return partsOf(this.db);
  }

  /** The plan's round with this as-of date, if any. */
  async findByAsOfDate(planId: string, asOfDate: string): Promise<FollowUpRoundTable | undefined> {
    return this.db
      .selectFrom('follow_up_round')
      .selectAll()
      .where('plan_id', '=', planId)
      .where('as_of_date', '=', asOfDate)
      .executeTakeFirst();
  }

  /** The plan's round with this id, if any. */
  async findRound(planId: string, roundId: string): Promise<FollowUpRoundTable | undefined> {
    return this.db
      .selectFrom('follow_up_round')
      .selectAll()
      .where('plan_id', '=', planId)
      .where('id', '=', roundId)
      .executeTakeFirst();
  }

  /** A round by its id alone (the publication timer has no plan in hand). */
  async findRoundById(roundId: string): Promise<FollowUpRoundTable | undefined> {
    return this.db.selectFrom('follow_up_round').selectAll().where('id', '=', roundId).executeTakeFirst();
  }

  /** A plan by its id. */
  async findPlanById(planId: string): Promise<PlanTable | undefined> {
    return this.db.selectFrom('plan').selectAll().where('id', '=', planId).executeTakeFirst();
  }

  /** The plan's rounds, newest first. */
  async listForPlan(planId: string): Promise<FollowUpRoundTable[]> {
    return this.db
      .selectFrom('follow_up_round')
      .selectAll()
      .where('plan_id', '=', planId)
      .orderBy('as_of_date', 'desc')
      .execute();
  }

  /** Which of these rounds have a part of this ministry. */
  async roundsWithPartsOf(ministry: string, roundIds: readonly string[]): Promise<Set<string>> {
    if (roundIds.length === 0) return new Set();
    const rows = await this.db
      .selectFrom('progress_report')
      .select('round_id')
      .distinct()
      .where('ministry', '=', ministry)
      .where('round_id', 'in', roundIds)
      .execute();
    return new Set(rows.map((r) => r.round_id));
  }

  /** The measures of a plan with their responsible ministries, in the plan's order. */
  async measuresWithMinistries(planId: string): Promise<{ id: string; ministries: string[] }[]> {
    const rows = await this.db
      .selectFrom('measure')
      .innerJoin('measure_ministry', 'measure_ministry.measure_id', 'measure.id')
      .select(['measure.id', 'measure_ministry.ministry'])
      .where('measure.plan_id', '=', planId)
      .where('measure.id', 'not in', retiredIds(this.db, planId))
      .orderBy('measure.id')
      .orderBy('measure_ministry.sort_order')
      .execute();
    const byMeasure = new Map<string, string[]>();
    for (const row of rows) {
      const list = byMeasure.get(row.id) ?? [];
      list.push(row.ministry);
      byMeasure.set(row.id, list);
    }
    return [...byMeasure].map(([id, ministries]) => ({ id, ministries }));
  }

  /** Store a new round with its parts and audit event: all commit or none does. */
  async insert(
    round: FollowUpRoundTable,
    parts: readonly ProgressReportTable[],
    audit: AuditEntry,
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('follow_up_round').values(round).execute();
      await insertBatched(parts, (batch) => trx.insertInto('progress_report').values(batch).execute());
      await insertAuditEvent(trx, round.created_at, audit);
    });
  }

  /** A round's parts with their measures' titles, in measure title then ministry order. */
  async listParts(roundId: string): Promise<PartRow[]> {
    return this.parts()
      .where('progress_report.round_id', '=', roundId)
      .orderBy('measure.title')
      .orderBy('progress_report.ministry')
      .execute();
  }

  /** The parts of open rounds for these ministries (all when null), with their rounds and plans. */
  async openParts(
    ministries: readonly string[] | null,
  ): Promise<{ part: PartRow; round: FollowUpRoundTable; plan: PlanTable }[]> {
    let query = this.parts()
      .innerJoin('follow_up_round', 'follow_up_round.id', 'progress_report.round_id')
      .where('follow_up_round.state', '=', 'open');
    if (ministries !== null) {
      if (ministries.length === 0) return [];
      query = query.where('progress_report.ministry', 'in', ministries);
    }
    const parts = await query.orderBy('progress_report.id').execute();
    if (parts.length === 0) return [];
    const roundIds = [...new Set(parts.map((p) => p.round_id))];
    const rounds = await this.db
      .selectFrom('follow_up_round')
      .selectAll()
      .where('id', 'in', roundIds)
      .execute();
    const plans = await this.db
      .selectFrom('plan')
      .selectAll()
      .where(
        'id',
        'in',
        rounds.map((r) => r.plan_id),
      )
      .execute();
    const roundById = new Map(rounds.map((r) => [r.id, r]));
    const planById = new Map(plans.map((p) => [p.id, p]));
    return parts.flatMap((part) => {
      const round = roundById.get(part.round_id);
      const plan = round && planById.get(round.plan_id);
      return round && plan ? [{ part, round, plan }] : [];
    });
  }

  /** The sheet numbers each measure is placed on (home sheet first). */
  sheetNumbers(measureIds: readonly string[]): Promise<Map<string, number[]>> {
    return sheetNumbersOf(this.db, measureIds);
  }

  /** Every reported actual in a round, for the board's flag counts, with the part it belongs to. */
  async roundActuals(roundId: string): Promise<ReportedActualTable[]> {
    return this.db
      .selectFrom('reported_actual')
      .selectAll('reported_actual')
      .where('report_id', 'in', (eb) =>
        eb.selectFrom('progress_report').select('id').where('round_id', '=', roundId),
      )
      .orderBy('sort_order')
      .execute();
  }

  /** KPIs and their actuals, for checking reported actuals. */
  async kpisWithHistory(
    kpiIds: readonly string[],
  ): Promise<{ kpis: KpiTable[]; observations: ObservationTable[] }> {
    if (kpiIds.length === 0) return { kpis: [], observations: [] };
    const [kpis, observations] = await Promise.all([
      this.db.selectFrom('kpi').selectAll().where('id', 'in', kpiIds).execute(),
      this.db
        .selectFrom('observation')
        .selectAll()
        .where('kpi_id', 'in', kpiIds)
        .orderBy('period_start')
        .execute(),
    ]);
    return { kpis, observations };
  }

  /**
   * The earliest and latest days a plan's periods cover (baselines, targets, phases), in one statement: the
   * KPIs' and the phases' aggregates side by side (each one row, so their product is one row).
   */
  async horizon(planId: string): Promise<{ start: string | null; end: string | null }> {
    const kpi = this.db
      .selectFrom('kpi')
      .select((eb) => [
        eb.fn.min('baseline_start').as('kpi_start'),
        eb.fn.max('target_end').as('kpi_end'),
        eb.fn.max('target_start').as('target_start'),
      ])
      .where('plan_id', '=', planId);
    const phase = this.db
      .selectFrom('phase')
      .innerJoin('measure', 'measure.id', 'phase.measure_id')
      .select((eb) => [
        eb.fn.min('phase.period_start').as('phase_start'),
        eb.fn.max('phase.period_end').as('phase_end'),
      ])
      .where('measure.plan_id', '=', planId);
    const row = await this.db
      .selectFrom([kpi.as('k'), phase.as('p')])
      .selectAll()
      .executeTakeFirst();
    const pick = (values: (string | null | undefined)[], fn: (a: string, b: string) => string) =>
      values
        .filter((v): v is string => typeof v === 'string')
        .reduce<string | null>((a, b) => (a === null ? b : fn(a, b)), null);
    return {
      start: pick([row?.kpi_start, row?.phase_start], (a, b) => (a < b ? a : b)),
      end: pick([row?.kpi_end, row?.target_start, row?.phase_end], (a, b) => (a > b ? a : b)),
    };
  }

  /**
   * One part of one of the plan's rounds with everything its page and its checks read, or undefined (no such
   * part, or it is another plan's). The caller has read the plan already: it is not read again.
   */
  loadPart(plan: PlanTable, roundId: string, partId: string): Promise<PartRecord | undefined> {
    return loadPartRecord(this.db, plan, roundId, partId);
  }

  /**
   * Replace a part's content and move it, if it is still at `expectedVersion`: the version rises by one. Returns
   * false (and writes nothing) when another write came first.
   */
  async savePart(
    partId: string,
    expectedVersion: number,
    patch: PartPatch,
    content: PartContent | null,
    at: string,
    audit: AuditEntry,
    event: RoundEvent | null = null,
  ): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('progress_report')
        .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
        .where('id', '=', partId)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return false;
      if (content !== null) {
        await trx.deleteFrom('progress_bullet').where('report_id', '=', partId).execute();
        await trx.deleteFrom('reported_actual').where('report_id', '=', partId).execute();
        await trx.deleteFrom('phase_report').where('report_id', '=', partId).execute();
        await insertBatched(content.bullets, (b) => trx.insertInto('progress_bullet').values(b).execute());
        await insertBatched(content.actuals, (b) => trx.insertInto('reported_actual').values(b).execute());
        await insertBatched(content.phaseReports, (b) => trx.insertInto('phase_report').values(b).execute());
      }
      await insertAuditEvent(trx, at, audit);
      if (event !== null) await recordRoundEvent(trx, event);
      return true;
    });
  }

  /** Add a comment to a part's thread, with its audit event. */
  async addComment(comment: PartCommentTable, audit: AuditEntry): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('part_comment').values(comment).execute();
      await insertAuditEvent(trx, comment.created_at, audit);
    });
  }

  /** Set a round's publication for later (embargo): it is closed for reports until then. */
  async schedule(roundId: string, publishAt: string, at: string, audit: AuditEntry): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('follow_up_round')
        .set({ state: 'closed', publish_at: publishAt })
        .where('id', '=', roundId)
        .execute();
      await insertAuditEvent(trx, at, audit);
    });
  }

  /**
   * Publish a round: its state, its parts' actuals as observations, its bullets and evaluations in search, and a
   * new data version for the plan's statuses, and the event's notices and webhook delivery, in one transaction. Returns false when the round was published
   * already (by another instance's timer, say), so nothing is written twice.
   */
  async publish(
    round: FollowUpRoundTable,
    at: string,
    rows: PublicationRows,
    audit: AuditEntry,
    event: RoundEvent | null = null,
  ): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('follow_up_round')
        .set({ state: 'published', published_at: at })
        .where('id', '=', round.id)
        .where('state', '!=', 'published')
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return false;
      await insertBatched(rows.observations, (b) => trx.insertInto('observation').values(b).execute());
      await SearchRepository.insert(trx, rows.searchEntries);
      await raiseDataVersion(trx, { planId: round.plan_id });
      await insertAuditEvent(trx, at, audit);
      if (event !== null) await recordRoundEvent(trx, event);
      return true;
    });
  }

  /** Rounds whose scheduled publication has come. */
  async duePublications(now: string): Promise<FollowUpRoundTable[]> {
    return this.db
      .selectFrom('follow_up_round')
      .selectAll()
      .where('state', '=', 'closed')
      .where('publish_at', 'is not', null)
      .where('publish_at', '<=', now)
      .execute();
  }

  /** What a round's publication puts into search and the statuses: its parts' bullets, actuals, evaluations. */
  async publicationInputs(roundId: string): Promise<{
    parts: PartRow[];
    bullets: ProgressBulletTable[];
    actuals: ReportedActualTable[];
    evaluations: { id: string; sheet_number: number | null; goal_number: number | null; comment: string }[];
  }> {
    const partIds = this.db.selectFrom('progress_report').select('id').where('round_id', '=', roundId);
    const [parts, bullets, actuals, evaluations] = await Promise.all([
      this.listParts(roundId),
      this.db
        .selectFrom('progress_bullet')
        .selectAll()
        .where('report_id', 'in', partIds)
        .orderBy('sort_order')
        .execute(),
      this.db
        .selectFrom('reported_actual')
        .selectAll()
        .where('report_id', 'in', partIds)
        .orderBy('sort_order')
        .execute(),
      this.db
        .selectFrom('evaluation')
        .leftJoin('sheet', 'sheet.id', 'evaluation.sheet_id')
        .leftJoin('strategic_goal', 'strategic_goal.id', 'evaluation.goal_id')
        .select([
          'evaluation.id',
          'evaluation.comment',
          'sheet.number as sheet_number',
          'strategic_goal.number as goal_number',
        ])
        .where('evaluation.round_id', '=', roundId)
        // A withdrawn evaluation is kept with its history but is not published.
        .where('evaluation.withdrawn_at', 'is', null)
        .execute(),
    ]);
    return { parts, bullets, actuals, evaluations };
  }
}
