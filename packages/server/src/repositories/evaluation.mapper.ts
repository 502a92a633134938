import type { EvaluationRating } from '@kotei/domain';
import type { Evaluation, EvaluationTarget } from '@kotei/contracts';
import type { EvaluationTable } from '../db/schema.js';
import type { EvaluationRow } from './evaluation.repository.js';

/** An evaluation to write, in the model's words. */
export interface NewEvaluation {
  id: string;
  roundId: string;
  goalId: string | null;
  sheetId: string | null;
  evaluatorId: string;
  rating: EvaluationRating;
  comment: string;
  createdAt: string;
}

/** The row an evaluation is written as. */
export function toEvaluationRow(evaluation: NewEvaluation): EvaluationTable {
  return {
    id: evaluation.id,
    round_id: evaluation.roundId,
    goal_id: evaluation.goalId,
    sheet_id: evaluation.sheetId,
    evaluator_id: evaluation.evaluatorId,
    rating: evaluation.rating,
    comment: evaluation.comment,
    created_at: evaluation.createdAt,
  };
}

function targetOf(row: EvaluationRow): EvaluationTarget {
  if (row.goal_id !== null && row.goal_number !== null) return { kind: 'goal', number: row.goal_number };
  if (row.sheet_id !== null && row.sheet_number !== null) return { kind: 'sheet', number: row.sheet_number };
  return { kind: 'plan' };
}

/** An evaluation as the API shows it, its target by number and its evaluator by name. */
export function toEvaluation(row: EvaluationRow): Evaluation {
  return {
    id: row.id,
    roundId: row.round_id,
    target: targetOf(row),
    rating: row.rating as EvaluationRating,
    comment: row.comment,
    evaluator: { displayName: row.evaluator_name },
    createdAt: row.created_at,
  };
}
