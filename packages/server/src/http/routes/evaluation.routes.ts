import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CreateEvaluationBody, ErrorBody, Evaluation, EvaluationList, SlugParam } from '@kotei/contracts';
import type { AppContext } from '../../context.js';
import { actorOf } from '../auth.js';

const RoundParams = z.object({ slug: SlugParam, roundId: z.uuid() });

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
  };
}
