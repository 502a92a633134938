import { z } from 'zod';
import type * as domain from '@kotei/domain';
import { EVALUATION_RATINGS } from '@kotei/domain';
import { describes, Id, Text, staleVersionBody } from './common.js';
import { Round } from './plan.js';

/** What an evaluation is about: the plan as a whole, one strategic goal or one sheet, by its number. */
export const EvaluationTarget = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('plan') }),
    z.object({
      kind: z.literal('goal'),
      number: z.int().min(1).max(1000).meta({ description: '戦略目標 number' }),
    }),
    z.object({
      kind: z.literal('sheet'),
      number: z.int().min(1).max(1000).meta({ description: '工程表 number' }),
    }),
  ])
  .meta({ id: 'EvaluationTarget' });
/** What an evaluation is about. */
export type EvaluationTarget = z.infer<typeof EvaluationTarget>;

/**
 * An evaluation on the wire: the domain's, its target named by kind and number (as the document numbers goals and
 * sheets) and its evaluator by display name rather than by id.
 */
export type Evaluation = Pick<domain.Evaluation, 'id' | 'roundId' | 'rating' | 'comment' | 'createdAt'> & {
  target: EvaluationTarget;
  evaluator: { displayName: string };
  version: number;
  updatedAt: string | null;
  isOwn: boolean;
};
/** One expert's overall evaluation (有識者による総合評価) of a target in a follow-up round. */
export const Evaluation = describes<Evaluation>()(
  z
    .object({
      id: Id,
      roundId: Id,
      target: EvaluationTarget,
      rating: z.enum(EVALUATION_RATINGS),
      comment: z.string(),
      evaluator: z.object({ displayName: z.string() }),
      createdAt: z.string().meta({ description: 'ISO instant' }),
      version: z
        .int()
        .meta({ description: 'Raised by every edit; an edit or withdrawal names the version it saw' }),
      updatedAt: z
        .string()
        .nullable()
        .meta({ description: 'ISO instant of the last edit; null if never edited' }),
      isOwn: z
        .boolean()
        .meta({ description: 'The caller wrote it (and may edit or withdraw it until publication)' }),
    })
    .meta({ id: 'Evaluation' }),
);

/** An expert writing an evaluation; one per evaluator, target and round. */
export const CreateEvaluationBody = z
  .object({
    target: EvaluationTarget,
    rating: z.enum(EVALUATION_RATINGS),
    comment: Text({ max: 4000, isMultiline: true }),
  })
  .strict()
  .meta({ id: 'CreateEvaluationBody' });
/** An expert writing an evaluation. */
export type CreateEvaluationBody = z.infer<typeof CreateEvaluationBody>;

/** An expert editing their evaluation: the version it was based on, and the new rating and comment. */
export const UpdateEvaluationBody = z
  .object({
    version: z.int().min(0),
    rating: z.enum(EVALUATION_RATINGS),
    comment: Text({ max: 4000, isMultiline: true }),
  })
  .strict()
  .meta({ id: 'UpdateEvaluationBody' });
/** An expert editing their evaluation. */
export type UpdateEvaluationBody = z.infer<typeof UpdateEvaluationBody>;

/** An expert withdrawing their evaluation: the version it was based on. */
export const WithdrawEvaluationBody = z
  .object({ version: z.int().min(0) })
  .strict()
  .meta({ id: 'WithdrawEvaluationBody' });
/** An expert withdrawing their evaluation. */
export type WithdrawEvaluationBody = z.infer<typeof WithdrawEvaluationBody>;

/** A stale edit or withdrawal: the evaluation as it now stands, so the expert can compare and retry. */
export const EvaluationConflictBody = staleVersionBody(Evaluation).meta({ id: 'EvaluationConflict' });
/** A stale edit or withdrawal. */
export type EvaluationConflictBody = z.infer<typeof EvaluationConflictBody>;

/** One state an evaluation passed through: as written, after an edit, or as withdrawn (its last words kept). */
export const EvaluationVersion = z
  .object({
    evaluationId: Id,
    target: EvaluationTarget,
    evaluator: z.object({ displayName: z.string() }),
    version: z.int(),
    action: z.enum(['create', 'edit', 'withdraw']),
    rating: z.enum(EVALUATION_RATINGS),
    comment: z.string(),
    changedBy: z.object({ displayName: z.string() }),
    changedAt: z.string().meta({ description: 'ISO instant' }),
  })
  .meta({ id: 'EvaluationVersion' });
/** One state an evaluation passed through. */
export type EvaluationVersion = z.infer<typeof EvaluationVersion>;

/** The history of a round's evaluations: every version, by evaluation and then oldest first. */
export const EvaluationHistory = z
  .object({ versions: z.array(EvaluationVersion) })
  .meta({ id: 'EvaluationHistory' });
/** The history of a round's evaluations. */
export type EvaluationHistory = z.infer<typeof EvaluationHistory>;

/** The round's overall evaluation (有識者による総合評価) as the coordinating office compiled it. */
export const OverallEvaluation = z
  .object({
    text: z.string(),
    version: z.int(),
    updatedBy: z.object({ displayName: z.string() }),
    updatedAt: z.string().meta({ description: 'ISO instant' }),
  })
  .meta({ id: 'OverallEvaluation' });
/** The round's overall evaluation. */
export type OverallEvaluation = z.infer<typeof OverallEvaluation>;

/** The coordinating office writing the round's overall evaluation: the version it saw (0 for the first). */
export const SaveOverallEvaluationBody = z
  .object({
    version: z.int().min(0),
    text: Text({ max: 20000, isMultiline: true }),
  })
  .strict()
  .meta({ id: 'SaveOverallEvaluationBody' });
/** The coordinating office writing the round's overall evaluation. */
export type SaveOverallEvaluationBody = z.infer<typeof SaveOverallEvaluationBody>;

/** A stale write of the overall evaluation: the text as it now stands. */
export const OverallEvaluationConflictBody = staleVersionBody(OverallEvaluation.nullable()).meta({
  id: 'OverallEvaluationConflict',
});
/** A stale write of the overall evaluation. */
export type OverallEvaluationConflictBody = z.infer<typeof OverallEvaluationConflictBody>;

/** An expert's declared conflict of interest (利益相反) on a sheet of a plan: they rate it in no round. */
export const ConflictOfInterest = z
  .object({
    id: Id,
    sheet: z.int().meta({ description: '工程表 number' }),
    expert: z.object({ displayName: z.string() }),
    isOwn: z.boolean(),
    reason: z.string(),
    declaredAt: z.string().meta({ description: 'ISO instant' }),
  })
  .meta({ id: 'ConflictOfInterest' });
/** A declared conflict of interest. */
export type ConflictOfInterest = z.infer<typeof ConflictOfInterest>;

/** The declarations the caller may see: all (the coordinating office) or their own (an expert). */
export const ConflictOfInterestList = z
  .object({ conflicts: z.array(ConflictOfInterest) })
  .meta({ id: 'ConflictOfInterestList' });
/** The declarations the caller may see. */
export type ConflictOfInterestList = z.infer<typeof ConflictOfInterestList>;

/** An expert declaring a conflict of interest on a sheet, with the reason. */
export const DeclareConflictBody = z
  .object({
    sheet: z.int().min(1).max(1000).meta({ description: '工程表 number' }),
    reason: Text({ max: 2000, isMultiline: true }),
  })
  .strict()
  .meta({ id: 'DeclareConflictBody' });
/** An expert declaring a conflict of interest. */
export type DeclareConflictBody = z.infer<typeof DeclareConflictBody>;

/**
 * A round's standing evaluations, by target (plan, goals, sheets) and then by when they were written, and the
 * overall evaluation the coordinating office compiled (null until written).
 */
export const EvaluationList = z
  .object({
    round: Round,
    evaluations: z.array(Evaluation),
    overall: OverallEvaluation.nullable(),
  })
  .meta({ id: 'EvaluationList' });
/** A round's evaluations. */
export type EvaluationList = z.infer<typeof EvaluationList>;
