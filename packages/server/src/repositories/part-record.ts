import type { Kysely } from 'kysely';
import type {
  DB,
  FollowUpRoundTable,
  KpiTable,
  ObservationTable,
  PartCommentTable,
  PhaseReportTable,
  PhaseTable,
  PlanTable,
  ProgressBulletTable,
  ProgressReportTable,
  ReportedActualTable,
} from '../db/schema.js';

// Reading one round part for its page, its checks and its moves: the hot path of a reporter's work.

/** A part's row with the measure it is about. */
export interface PartRow extends ProgressReportTable {
  measure_title: string;
}

/** What a part's page reads: the part, its round and plan, its measure's KPIs and phases, and what it holds. */
export interface PartRecord {
  part: PartRow;
  round: FollowUpRoundTable;
  plan: PlanTable;
  sheetNumbers: number[];
  kpis: KpiTable[];
  phases: PhaseTable[];
  /** Every actual of the measure's KPIs, for the last value shown and the checks' history. */
  observations: ObservationTable[];
  bullets: ProgressBulletTable[];
  actuals: ReportedActualTable[];
  phaseReports: PhaseReportTable[];
  comments: (PartCommentTable & { author_name: string })[];
}

/** Parts with the title of the measure each is about: every read of parts starts here. */
export function partsOf(db: Kysely<DB>) {
  return db
    .selectFrom('progress_report')
    .innerJoin('measure', 'measure.id', 'progress_report.measure_id')
    .selectAll('progress_report')
    .select('measure.title as measure_title');
}

/** The sheet numbers each measure is placed on (home sheet first). */
export async function sheetNumbersOf(
  db: Kysely<DB>,
  measureIds: readonly string[],
): Promise<Map<string, number[]>> {
  if (measureIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('measure_placement')
    .innerJoin('sheet', 'sheet.id', 'measure_placement.sheet_id')
    .select(['measure_placement.measure_id', 'sheet.number'])
    .where('measure_placement.measure_id', 'in', measureIds)
    .orderBy('measure_placement.is_repost')
    .orderBy('sheet.number')
    .execute();
  const out = new Map<string, number[]>();
  for (const row of rows) out.set(row.measure_id, [...(out.get(row.measure_id) ?? []), row.number]);
  return out;
}

// A part of one of the plan's rounds with its round, in one statement (the round's columns prefixed round_).
async function partWithRound(
  db: Kysely<DB>,
  planId: string,
  roundId: string,
  partId: string,
): Promise<{ part: PartRow; round: FollowUpRoundTable } | undefined> {
  const row = await partsOf(db)
    .innerJoin('follow_up_round', 'follow_up_round.id', 'progress_report.round_id')
    .select([
      'follow_up_round.plan_id as round_plan_id',
      'follow_up_round.title as round_title',
      'follow_up_round.as_of_date as round_as_of_date',
      'follow_up_round.deadline as round_deadline',
      'follow_up_round.state as round_state',
      'follow_up_round.created_at as round_created_at',
      'follow_up_round.publish_at as round_publish_at',
      'follow_up_round.published_at as round_published_at',
    ])
    .where('progress_report.id', '=', partId)
    .where('progress_report.round_id', '=', roundId)
    .where('follow_up_round.plan_id', '=', planId)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  const {
    round_plan_id,
    round_title,
    round_as_of_date,
    round_deadline,
    round_state,
    round_created_at,
    round_publish_at,
    round_published_at,
    ...part
  } = row;
  const round: FollowUpRoundTable = {
    id: part.round_id,
    plan_id: round_plan_id,
    title: round_title,
    as_of_date: round_as_of_date,
    deadline: round_deadline,
    state: round_state,
    created_at: round_created_at,
    publish_at: round_publish_at,
    published_at: round_published_at,
  };
  return { part, round };
}

/**
 * One part of one of the plan's rounds with everything its page and its checks read, or undefined (no such
 * part, or it is another plan's). The caller has read the plan already: it is not read again.
 */
export async function loadPartRecord(
  db: Kysely<DB>,
  plan: PlanTable,
  roundId: string,
  partId: string,
): Promise<PartRecord | undefined> {
  const found = await partWithRound(db, plan.id, roundId, partId);
  if (!found || found.part.measure_id === null) return undefined;
  const { part, round } = found;
  const measureId = found.part.measure_id;
  const kpiIds = db.selectFrom('kpi').select('id').where('measure_id', '=', measureId);
  const [sheetNumbers, kpis, phases, observations, bullets, actuals, phaseReports, comments] =
    await Promise.all([
      sheetNumbersOf(db, [measureId]),
      db.selectFrom('kpi').selectAll().where('measure_id', '=', measureId).orderBy('sort_order').execute(),
      db.selectFrom('phase').selectAll().where('measure_id', '=', measureId).orderBy('sort_order').execute(),
      db
        .selectFrom('observation')
        .selectAll()
        .where('kpi_id', 'in', kpiIds)
        .orderBy('period_start')
        .execute(),
      db
        .selectFrom('progress_bullet')
        .selectAll()
        .where('report_id', '=', partId)
        .orderBy('sort_order')
        .execute(),
      db
        .selectFrom('reported_actual')
        .selectAll()
        .where('report_id', '=', partId)
        .orderBy('sort_order')
        .execute(),
      db.selectFrom('phase_report').selectAll().where('report_id', '=', partId).execute(),
      db
        .selectFrom('part_comment')
        .leftJoin('app_user', 'app_user.id', 'part_comment.author_id')
        .selectAll('part_comment')
        .select('app_user.display_name as author_name')
        .where('part_comment.report_id', '=', partId)
        .orderBy('part_comment.created_at')
        .orderBy('part_comment.id')
        .execute(),
    ]);
  return {
    part,
    round,
    plan,
    sheetNumbers: sheetNumbers.get(measureId) ?? [],
    kpis,
    phases,
    observations,
    bullets,
    actuals,
    phaseReports,
    comments: comments.map((c) => ({ ...c, author_name: c.author_name ?? c.author_id })),
  };
}
