import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Correction, CorrectionList, CreateCorrectionBody, ErrorBody, SlugParam } from '@kotei/contracts';
import type { AppContext } from '../../context.js';
import { actorOf } from '../auth.js';

const RoundParams = z.object({ slug: SlugParam, roundId: z.uuid() });

/** 正誤: corrections of a published round, read by anyone, posted by the coordinating office. */
export function correctionRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    await Promise.resolve();

    app.get(
      '/plans/:slug/rounds/:roundId/corrections',
      {
        schema: {
          tags: ['rounds'],
          summary: "A published round's corrections (正誤), oldest first",
          params: RoundParams,
          response: { 200: CorrectionList, 400: ErrorBody, 404: ErrorBody },
        },
      },
      (request) => ctx.corrections.list(request.params.slug, request.params.roundId),
    );

    app.post(
      '/plans/:slug/rounds/:roundId/corrections',
      {
        schema: {
          tags: ['rounds'],
          summary:
            "Correct a published round's bullet or actual (正誤): a new visible entry with its reason, never an edit (coordinator, admin)",
          security: [{ session: [], csrf: [] }],
          params: RoundParams,
          body: CreateCorrectionBody,
          response: { 201: Correction, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await ctx.corrections.create(
              actorOf(request),
              request.params.slug,
              request.params.roundId,
              request.body,
            ),
          ),
    );
  };
}
