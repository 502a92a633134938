import type { EvaluationRating } from '@kotei/domain';
import type { Evaluation, EvaluationTarget, EvaluationVersion, OverallEvaluation } from '@kotei/contracts';
import type { EvaluationTable } from '../db/schema.js';
import type { EvaluationRow, EvaluationVersionRow, OverallEvaluationRow } from './evaluation.repository.js';

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
    version: 1,
    updated_at: null,
    withdrawn_at: null,
  };
}

function targetOf(
  row: Pick<EvaluationRow, 'goal_id' | 'sheet_id' | 'goal_number' | 'sheet_number'>,
): EvaluationTarget {
  if (row.goal_id !== null && row.goal_number !== null) return { kind: 'goal', number: row.goal_number };
  if (row.sheet_id !== null && row.sheet_number !== null) return { kind: 'sheet', number: row.sheet_number };
  return { kind: 'plan' };
}

/**
 * An evaluation as the API shows it, its target by number and its evaluator by name; `isOwn` when the viewer
 * wrote it.
 */
export function toEvaluation(row: EvaluationRow, viewerId: string | null): Evaluation {
  return {
    id: row.id,
    roundId: row.round_id,
    target: targetOf(row),
    rating: row.rating as EvaluationRating,
    comment: row.comment,
    evaluator: { displayName: row.evaluator_name },
    createdAt: row.created_at,
    version: row.version,
    updatedAt: row.updated_at,
    isOwn: viewerId !== null && row.evaluator_id === viewerId,
  };
}

/** One version of an evaluation as the API shows it. */
export function toEvaluationVersion(row: EvaluationVersionRow): EvaluationVersion {
  return {
    evaluationId: row.evaluation_id,
    target: targetOf(row),
    evaluator: { displayName: row.evaluator_name },
    version: row.version,
    action: row.action as EvaluationVersion['action'],
    rating: row.rating as EvaluationRating,
    comment: row.comment,
    changedBy: { displayName: row.changed_by_name },
    changedAt: row.changed_at,
  };
}

/** The round's overall evaluation as the API shows it. */
export function toOverallEvaluation(row: OverallEvaluationRow): OverallEvaluation {
  return {
    text: row.text,
    version: row.version,
    updatedBy: { displayName: row.updated_by_name },
    updatedAt: row.updated_at,
  };
}
