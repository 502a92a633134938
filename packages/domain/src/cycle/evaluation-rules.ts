import type { RoundState } from '../model/codes.js';

/**
 * Evaluations follow the cycle (#13): what an expert may do to an evaluation, and the coordinating office to the
 * round's overall evaluation text, at each point of a round's life. Experts write while the round is open or
 * closed; once published, evaluations and the overall text are immutable (a correction is a new entry).
 */

/** What can be done to an evaluation that exists: its writer edits it or withdraws it. */
export type EvaluationChange = 'edit' | 'withdraw';

/** A refused write on an evaluation, with a stable code and the sentence to show. */
export interface EvaluationRefusal {
  code:
    | 'round_published'
    | 'round_not_open_for_evaluation'
    | 'not_yours'
    | 'evaluation_withdrawn'
    | 'conflict_of_interest';
  message: string;
}

/** Allowed, or why not. */
export type EvaluationVerdict = { ok: true } | { ok: false; refusal: EvaluationRefusal };

const refuse = (code: EvaluationRefusal['code'], message: string): EvaluationVerdict => ({
  ok: false,
  refusal: { code, message },
});

/** Whether a round takes experts' writes: open or closed (being followed up), not a draft, not published. */
function roundRefusal(roundState: RoundState): EvaluationVerdict | null {
  if (roundState === 'published')
    return refuse('round_published', 'The round is published: its evaluations are immutable.');
  if (roundState !== 'open' && roundState !== 'closed')
    return refuse(
      'round_not_open_for_evaluation',
      'The round is not open for evaluation: experts evaluate a round before it is published',
    );
  return null;
}

/** What rating a target depends on: the round's state and whether its sheet is one the expert declared. */
export interface RatingContext {
  roundState: RoundState;
  /** The sheet the evaluation is about; null for the plan as a whole or a strategic goal. */
  sheetId: string | null;
  /** The sheets this expert declared a conflict of interest (利益相反) on. */
  conflictSheetIds: ReadonlySet<string>;
}

/**
 * Whether an expert may rate a target (write a new evaluation, or edit one): the round must take evaluations
 * (a published round is refused with `round_published`, any other not open with `round_not_open_for_evaluation`),
 * and a sheet the expert declared a conflict of interest on is never theirs to rate.
 */
export function mayRate(context: RatingContext): EvaluationVerdict {
  const round = roundRefusal(context.roundState);
  if (round) return round;
  if (context.sheetId !== null && context.conflictSheetIds.has(context.sheetId))
    return refuse(
      'conflict_of_interest',
      'You declared a conflict of interest (利益相反) on this sheet, so you do not rate it',
    );
  return { ok: true };
}

/** What changing an existing evaluation depends on besides the round and the sheet. */
export interface ChangeContext extends RatingContext {
  /** The caller wrote the evaluation. */
  isOwn: boolean;
  /** The evaluation was withdrawn already. */
  isWithdrawn: boolean;
}

/**
 * Whether an evaluation may be edited or withdrawn: only by its writer, only while it stands, only before the
 * round is published; an edit also obeys the conflict of interest (withdrawing never does: stepping back is always
 * allowed).
 */
export function mayChangeEvaluation(change: EvaluationChange, context: ChangeContext): EvaluationVerdict {
  if (!context.isOwn) return refuse('not_yours', 'Only the expert who wrote an evaluation changes it');
  const round = roundRefusal(context.roundState);
  if (round) return round;
  if (context.isWithdrawn)
    return refuse('evaluation_withdrawn', 'The evaluation was withdrawn: write a new one instead');
  return change === 'edit' ? mayRate(context) : { ok: true };
}

/**
 * Whether the coordinating office may write the round's overall evaluation text: at any time before
 * publication (a draft round too), never after.
 */
export function mayCompileOverallEvaluation(roundState: RoundState): EvaluationVerdict {
  return roundState === 'published'
    ? refuse('round_published', 'The round is published: its overall evaluation is immutable.')
    : { ok: true };
}
