import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, RsLinkDecisionBody, RsPlanLinks, SlugParam } from '@kotei/contracts';
import type { AppContext } from '../../context.js';
import { actorOf } from '../auth.js';

const PlanParams = z.object({ slug: SlugParam });

/** The RS system's open data linked to a plan's budget projects: public reads, coordinators' decisions. */
export function rsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    await Promise.resolve();

    app.get(
      '/plans/:slug/rs-links',
      {
        schema: {
          tags: ['rs'],
          summary:
            "The plan's budget projects (該当事業) with their linked RS projects (budget, execution, logic model, evaluation) and suggestions",
          params: PlanParams,
          response: { 200: RsPlanLinks, 400: ErrorBody, 404: ErrorBody },
        },
      },
      (request) => ctx.rsLinks.planLinks(request.params.slug),
    );

    app.post(
      '/plans/:slug/rs-links',
      {
        schema: {
          tags: ['rs'],
          summary: 'Confirm (or link by hand), reject, or undo a link to an RS project (coordinator, admin)',
          security: [{ session: [], csrf: [] }],
          params: PlanParams,
          body: RsLinkDecisionBody,
          response: { 200: RsPlanLinks, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
        },
      },
      (request) => ctx.rsLinks.decide(actorOf(request), request.params.slug, request.body),
    );
  };
}
