import { z } from 'zod';
import type * as domain from '@kotei/domain';
import { EVALUATION_RATINGS } from '@kotei/domain';
import { describes, Id, Text } from './common.js';
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

/** A round's evaluations, by target (plan, goals, sheets) and then by when they were written. */
export const EvaluationList = z
  .object({
    round: Round,
    evaluations: z.array(Evaluation),
  })
  .meta({ id: 'EvaluationList' });
/** A round's evaluations. */
export type EvaluationList = z.infer<typeof EvaluationList>;
