import type { Kysely } from 'kysely';
import type {
  DB,
  EvaluationTable,
  EvaluationVersionTable,
  FollowUpRoundTable,
  RoundOverallEvaluationTable,
} from '../db/schema.js';
import { insertAuditEvent, type AuditEntry } from './audit.repository.js';
import { isUniqueViolation } from '../db/database.js';

/** An evaluation with its evaluator's name and the numbers of the goal or sheet it is about. */
export interface EvaluationRow extends EvaluationTable {
  evaluator_name: string;
  goal_number: number | null;
  sheet_number: number | null;
}

/** One version of an evaluation, with the names of its evaluator and of who made the change, and its target. */
export interface EvaluationVersionRow extends EvaluationVersionTable {
  evaluator_name: string;
  changed_by_name: string;
  goal_id: string | null;
  sheet_id: string | null;
  goal_number: number | null;
  sheet_number: number | null;
}

/** The round's overall evaluation with the name of who last wrote it. */
export interface OverallEvaluationRow extends RoundOverallEvaluationTable {
  updated_by_name: string;
}

/** An edit or withdrawal: the evaluation's new state and the version row that records it. */
export interface EvaluationChangeRows {
  set: Pick<EvaluationTable, 'rating' | 'comment' | 'version' | 'updated_at' | 'withdrawn_at'>;
  version: EvaluationVersionTable;
}

// A round that takes no more changes to its evaluations: published. Writes are conditional on it, so a change
// racing the publication either lands before it or is refused.
const UNPUBLISHED = (db: Kysely<DB>) =>
  db.selectFrom('follow_up_round').select('id').where('state', '!=', 'published');

/** Where an evaluation points: the plan (both null), one goal or one sheet. */
export interface EvaluationTargetIds {
  goalId: string | null;
  sheetId: string | null;
}

/** Experts' overall evaluations. The only code that reads or writes the evaluation table. */
export class EvaluationRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** The plan's round with this id, if any. */
  async findRound(planId: string, roundId: string): Promise<FollowUpRoundTable | undefined> {
    return this.db
      .selectFrom('follow_up_round')
      .selectAll()
      .where('plan_id', '=', planId)
      .where('id', '=', roundId)
      .executeTakeFirst();
  }

  /** A round by its id alone. */
  async findRoundById(roundId: string): Promise<FollowUpRoundTable | undefined> {
    return this.db.selectFrom('follow_up_round').selectAll().where('id', '=', roundId).executeTakeFirst();
  }

  /** The id of the plan's strategic goal with this number, if any. */
  async findGoalId(planId: string, number: number): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('strategic_goal')
      .select('id')
      .where('plan_id', '=', planId)
      .where('number', '=', number)
      .executeTakeFirst();
    return row?.id;
  }

  /** The id of the plan's sheet with this number, if any. */
  async findSheetId(planId: string, number: number): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('sheet')
      .select('id')
      .where('plan_id', '=', planId)
      .where('number', '=', number)
      .executeTakeFirst();
    return row?.id;
  }

  /** Store an evaluation with its audit event: both commit or neither does. */
  // 'duplicate' when the evaluator has evaluated this target in this round already (a unique index says so,
  // so two simultaneous submissions cannot both land).
  async insert(
    evaluation: EvaluationTable,
    version: EvaluationVersionTable,
    audit: AuditEntry,
  ): Promise<'inserted' | 'duplicate'> {
    try {
      await this.db.transaction().execute(async (trx) => {
        await trx.insertInto('evaluation').values(evaluation).execute();
        await trx.insertInto('evaluation_version').values(version).execute();
        await insertAuditEvent(trx, evaluation.created_at, audit);
      });
      return 'inserted';
    } catch (error) {
      if (isUniqueViolation(error)) return 'duplicate';
      throw error;
    }
  }

  /**
   * Change an evaluation (an edit or the withdrawal) if it is still at `baseVersion`, still standing and its
   * round still unpublished, with the version row and the audit event; false when any of these no longer holds.
   */
  async change(
    id: string,
    baseVersion: number,
    rows: EvaluationChangeRows,
    audit: AuditEntry,
  ): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('evaluation')
        .set(rows.set)
        .where('id', '=', id)
        .where('version', '=', baseVersion)
        .where('withdrawn_at', 'is', null)
        .where('round_id', 'in', UNPUBLISHED(trx))
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return false;
      await trx.insertInto('evaluation_version').values(rows.version).execute();
      await insertAuditEvent(trx, rows.version.changed_at, audit);
      return true;
    });
  }

  /** One evaluation of the round, standing or withdrawn. */
  async findInRound(roundId: string, evaluationId: string): Promise<EvaluationRow | undefined> {
    return this.selectRows()
      .where('evaluation.round_id', '=', roundId)
      .where('evaluation.id', '=', evaluationId)
      .executeTakeFirst();
  }

  /** Whether the expert has a standing evaluation of the sheet in a round not yet published. */
  async hasStandingOnSheet(evaluatorId: string, sheetId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('evaluation')
      .select('id')
      .where('evaluator_id', '=', evaluatorId)
      .where('sheet_id', '=', sheetId)
      .where('withdrawn_at', 'is', null)
      .where('round_id', 'in', UNPUBLISHED(this.db))
      .executeTakeFirst();
    return row !== undefined;
  }

  /**
   * Every version of the round's evaluations (of one evaluator's, when given), withdrawn ones too: by evaluation
   * in the order it was first written, then oldest version first.
   */
  async history(roundId: string, evaluatorId: string | null): Promise<EvaluationVersionRow[]> {
    let query = this.db
      .selectFrom('evaluation_version as v')
      .innerJoin('evaluation', 'evaluation.id', 'v.evaluation_id')
      .innerJoin('app_user as evaluator', 'evaluator.id', 'evaluation.evaluator_id')
      .innerJoin('app_user as changer', 'changer.id', 'v.changed_by')
      .leftJoin('strategic_goal', 'strategic_goal.id', 'evaluation.goal_id')
      .leftJoin('sheet', 'sheet.id', 'evaluation.sheet_id')
      .selectAll('v')
      .select([
        'evaluator.display_name as evaluator_name',
        'changer.display_name as changed_by_name',
        'evaluation.goal_id',
        'evaluation.sheet_id',
        'strategic_goal.number as goal_number',
        'sheet.number as sheet_number',
      ])
      .where('evaluation.round_id', '=', roundId);
    if (evaluatorId !== null) query = query.where('evaluation.evaluator_id', '=', evaluatorId);
    return query.orderBy('evaluation.created_at').orderBy('evaluation.id').orderBy('v.version').execute();
  }

  /** The round's overall evaluation, if written. */
  async findOverall(roundId: string): Promise<OverallEvaluationRow | undefined> {
    return this.db
      .selectFrom('round_overall_evaluation as o')
      .innerJoin('app_user', 'app_user.id', 'o.updated_by')
      .selectAll('o')
      .select('app_user.display_name as updated_by_name')
      .where('o.round_id', '=', roundId)
      .executeTakeFirst();
  }

  /**
   * Write the round's overall evaluation if it is still at `baseVersion` (0: not written yet) and the round is
   * unpublished, with the audit event; false otherwise (a concurrent first write loses on the primary key).
   */
  async saveOverall(
    row: RoundOverallEvaluationTable,
    baseVersion: number,
    audit: AuditEntry,
  ): Promise<boolean> {
    try {
      return await this.db.transaction().execute(async (trx) => {
        const open = await UNPUBLISHED(trx).where('id', '=', row.round_id).executeTakeFirst();
        if (open === undefined) return false;
        if (baseVersion === 0) await trx.insertInto('round_overall_evaluation').values(row).execute();
        else {
          const result = await trx
            .updateTable('round_overall_evaluation')
            .set({
              text: row.text,
              version: row.version,
              updated_by: row.updated_by,
              updated_at: row.updated_at,
            })
            .where('round_id', '=', row.round_id)
            .where('version', '=', baseVersion)
            .executeTakeFirst();
          if (Number(result.numUpdatedRows) !== 1) return false;
        }
        await insertAuditEvent(trx, row.updated_at, audit);
        return true;
      });
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  private selectRows() {
    return this.db
      .selectFrom('evaluation')
      .innerJoin('app_user', 'app_user.id', 'evaluation.evaluator_id')
      .leftJoin('strategic_goal', 'strategic_goal.id', 'evaluation.goal_id')
      .leftJoin('sheet', 'sheet.id', 'evaluation.sheet_id')
      .selectAll('evaluation')
      .select([
        'app_user.display_name as evaluator_name',
        'strategic_goal.number as goal_number',
        'sheet.number as sheet_number',
      ]);
  }

  /**
   * A round's standing evaluations: the plan's first, then by goal number, then by sheet number; oldest first
   * within.
   */
  async listForRound(roundId: string): Promise<EvaluationRow[]> {
    return this.selectRows()
      .where('evaluation.round_id', '=', roundId)
      .where('evaluation.withdrawn_at', 'is', null)
      .orderBy((eb) =>
        eb
          .case()
          .when('evaluation.goal_id', 'is not', null)
          .then(1)
          .when('evaluation.sheet_id', 'is not', null)
          .then(2)
          .else(0)
          .end(),
      )
      .orderBy('strategic_goal.number')
      .orderBy('sheet.number')
      .orderBy('evaluation.created_at')
      .orderBy('evaluation.id')
      .execute();
  }
}
