import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ConflictOfInterest,
  ConflictOfInterestList,
  CreateEvaluationBody,
  DeclareConflictBody,
  ErrorBody,
  Evaluation,
  EvaluationConflictBody,
  EvaluationHistory,
  EvaluationList,
  OverallEvaluation,
  OverallEvaluationConflictBody,
  SaveOverallEvaluationBody,
  SlugParam,
  UpdateEvaluationBody,
  WithdrawEvaluationBody,
} from '@kotei/contracts';
import type { AppContext } from '../../context.js';
import { actorOf } from '../auth.js';

const RoundParams = z.object({ slug: SlugParam, roundId: z.uuid() });
const EvaluationParams = RoundParams.extend({ evaluationId: z.uuid() });
const readErrors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const changeErrors = { ...readErrors, 409: z.union([EvaluationConflictBody, ErrorBody]) };
const writeSecurity = [{ session: [], csrf: [] }];

/**
 * Experts' overall evaluations of a round: public reads (published as written, like the experts' meeting
 * materials), guarded writes.
 */
export function evaluationRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    await Promise.resolve();

    app.get(
      '/plans/:slug/rounds/:roundId/evaluations',
      {
        schema: {
          tags: ['evaluations'],
          summary: "A round's overall evaluations by experts (有識者による総合評価)",
          params: RoundParams,
          response: { 200: EvaluationList, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
        },
      },
      (request) => ctx.evaluations.list(actorOf(request), request.params.slug, request.params.roundId),
    );

    app.post(
      '/plans/:slug/rounds/:roundId/evaluations',
      {
        schema: {
          tags: ['evaluations'],
          summary:
            'Write an overall evaluation of the plan, a strategic goal or a sheet (expert, admin); one per target and round',
          security: [{ session: [], csrf: [] }],
          params: RoundParams,
          body: CreateEvaluationBody,
          response: {
            201: Evaluation,
            400: ErrorBody,
            401: ErrorBody,
            403: ErrorBody,
            404: ErrorBody,
            409: ErrorBody,
          },
        },
      },
      async (request, reply) => {
        const evaluation = await ctx.evaluations.create(
          actorOf(request),
          request.params.slug,
          request.params.roundId,
          request.body,
        );
        return reply.status(201).send(evaluation);
      },
    );

    app.get(
      '/plans/:slug/rounds/:roundId/evaluations/history',
      {
        schema: {
          tags: ['evaluations'],
          summary:
            "Every version of a round's evaluations, withdrawn ones too (the coordinating office: all; an expert: their own)",
          params: RoundParams,
          response: { 200: EvaluationHistory, ...readErrors },
        },
      },
      (request) => ctx.evaluations.history(actorOf(request), request.params.slug, request.params.roundId),
    );

    app.put(
      '/plans/:slug/rounds/:roundId/evaluations/:evaluationId',
      {
        schema: {
          tags: ['evaluations'],
          summary:
            'Edit your evaluation until the round is published; a stale version gets 409 with the evaluation as it stands',
          security: writeSecurity,
          params: EvaluationParams,
          body: UpdateEvaluationBody,
          response: { 200: Evaluation, ...changeErrors },
        },
      },
      (request) =>
        ctx.evaluations.update(
          actorOf(request),
          request.params.slug,
          request.params.roundId,
          request.params.evaluationId,
          request.body,
        ),
    );

    app.post(
      '/plans/:slug/rounds/:roundId/evaluations/:evaluationId/withdraw',
      {
        schema: {
          tags: ['evaluations'],
          summary: 'Withdraw your evaluation until the round is published; its history is kept',
          security: writeSecurity,
          params: EvaluationParams,
          body: WithdrawEvaluationBody,
          response: { 200: Evaluation, ...changeErrors },
        },
      },
      (request) =>
        ctx.evaluations.withdraw(
          actorOf(request),
          request.params.slug,
          request.params.roundId,
          request.params.evaluationId,
          request.body,
        ),
    );
  };
}

/**
 * What the coordinating office and the experts keep beside the evaluations: the round's overall evaluation text
 * (read with the evaluations) and the declared conflicts of interest.
 */
export function evaluationPanelRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    await Promise.resolve();

    app.put(
      '/plans/:slug/rounds/:roundId/overall-evaluation',
      {
        schema: {
          tags: ['evaluations'],
          summary:
            "Write the round's overall evaluation (coordinator, admin) until the round is published; read with its evaluations",
          security: writeSecurity,
          params: RoundParams,
          body: SaveOverallEvaluationBody,
          response: {
            200: OverallEvaluation,
            ...readErrors,
            409: z.union([OverallEvaluationConflictBody, ErrorBody]),
          },
        },
      },
      (request) =>
        ctx.overallEvaluations.save(
          actorOf(request),
          request.params.slug,
          request.params.roundId,
          request.body,
        ),
    );

    app.get(
      '/plans/:slug/conflicts-of-interest',
      {
        schema: {
          tags: ['evaluations'],
          summary:
            "Declared conflicts of interest (利益相反) on the plan's sheets (the coordinating office: all; an expert: their own)",
          params: z.object({ slug: SlugParam }),
          response: { 200: ConflictOfInterestList, ...readErrors },
        },
      },
      (request) => ctx.conflicts.list(actorOf(request), request.params.slug),
    );

    app.post(
      '/plans/:slug/conflicts-of-interest',
      {
        schema: {
          tags: ['evaluations'],
          summary:
            'Declare a conflict of interest on a sheet (expert, admin): you then rate it in no round of the plan',
          security: writeSecurity,
          params: z.object({ slug: SlugParam }),
          body: DeclareConflictBody,
          response: { 201: ConflictOfInterest, ...readErrors, 409: ErrorBody },
        },
      },
      async (request, reply) => {
        const declared = await ctx.conflicts.declare(actorOf(request), request.params.slug, request.body);
        return reply.status(201).send(declared);
      },
    );
  };
}
