import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ErrorBody,
  Proposal,
  ProposalBody,
  ProposalDecisionBody,
  ProposalList,
  SlugParam,
} from '@kotei/contracts';
import type { AppContext } from '../../context.js';
import { actorOf } from '../auth.js';

const SlugParams = z.object({ slug: SlugParam });
const ProposalParams = SlugParams.extend({ id: z.uuid() });
const writeErrors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const security = [{ session: [], csrf: [] }];

/** Reporters' proposals (変更提案, #13). Routes stay thin: validate, call one service method, return. */
export function proposalRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    await Promise.resolve();
    app.get(
      '/plans/:slug/proposals',
      {
        schema: {
          tags: ['revisions'],
          summary:
            "A plan's proposals with their changes and decisions (coordinator, admin; a reporter: its own ministry's)",
          security,
          params: SlugParams,
          response: { 200: ProposalList, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
        },
      },
      (request) => ctx.proposals.list(actorOf(request), request.params.slug),
    );
    app.post(
      '/plans/:slug/proposals',
      {
        schema: {
          tags: ['revisions'],
          summary:
            'A reporter proposes changes to its own measures; another ministry’s measure is 403 naming the edit',
          security,
          params: SlugParams,
          body: ProposalBody,
          response: { 201: Proposal, ...writeErrors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await ctx.proposals.submit(actorOf(request), request.params.slug, request.body)),
    );
    app.post(
      '/plans/:slug/proposals/:id/withdraw',
      {
        schema: {
          tags: ['revisions'],
          summary: 'The author withdraws its open proposal',
          security,
          params: ProposalParams,
          response: { 200: Proposal, ...writeErrors },
        },
      },
      (request) => ctx.proposals.withdraw(actorOf(request), request.params.slug, request.params.id),
    );
    app.post(
      '/plans/:slug/proposals/:id/decision',
      {
        schema: {
          tags: ['revisions'],
          summary:
            'Accept a proposal into the draft revision, or decline it with a note (coordinator, admin); 409 on a conflict',
          security,
          params: ProposalParams,
          body: ProposalDecisionBody,
          response: { 200: Proposal, ...writeErrors },
        },
      },
      (request) =>
        ctx.proposals.decide(actorOf(request), request.params.slug, request.params.id, request.body),
    );
  };
}
