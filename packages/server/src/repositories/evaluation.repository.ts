import type { Kysely } from 'kysely';
import type { DB, EvaluationTable, FollowUpRoundTable } from '../db/schema.js';
import { insertAuditEvent, type AuditEntry } from './audit.repository.js';
import { isUniqueViolation } from '../db/database.js';

/** An evaluation with its evaluator's name and the numbers of the goal or sheet it is about. */
export interface EvaluationRow extends EvaluationTable {
  evaluator_name: string;
  goal_number: number | null;
  sheet_number: number | null;
}

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
  async insert(evaluation: EvaluationTable, audit: AuditEntry): Promise<'inserted' | 'duplicate'> {
    try {
      await this.db.transaction().execute(async (trx) => {
        await trx.insertInto('evaluation').values(evaluation).execute();
        await insertAuditEvent(trx, evaluation.created_at, audit);
      });
      return 'inserted';
    } catch (error) {
      if (isUniqueViolation(error)) return 'duplicate';
      throw error;
    }
  }

  /** A round's evaluations: the plan's first, then by goal number, then by sheet number; oldest first within. */
  async listForRound(roundId: string): Promise<EvaluationRow[]> {
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
      ])
      .where('evaluation.round_id', '=', roundId)
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
