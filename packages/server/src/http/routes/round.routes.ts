import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreatePartCommentBody,
  CreateRoundBody,
  ErrorBody,
  MeasureRoundDiff,
  MyTasks,
  PartComment,
  PartConflictBody,
  PartDecisionBody,
  PublishRoundBody,
  Round,
  RoundBoard,
  RoundPart,
  SavePartBody,
  SlugParam,
} from '@kotei/contracts';
import type { AppContext } from '../../context.js';
import { actorOf } from '../auth.js';

const SlugParams = z.object({ slug: SlugParam });
const RoundParams = z.object({ slug: SlugParam, roundId: z.uuid() });
const PartParams = RoundParams.extend({ partId: z.uuid() });
const readErrors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const writeErrors = { ...readErrors, 409: ErrorBody };
const partWriteErrors = { ...readErrors, 409: z.union([PartConflictBody, ErrorBody]) };
const guarded = [{ session: [], csrf: [] }];
type ZodApp = Parameters<FastifyPluginAsyncZod>[0];

function addRoundRoutes(app: ZodApp, ctx: AppContext): void {
  app.get(
    '/plans/:slug/rounds',
    {
      schema: {
        tags: ['rounds'],
        summary: "The plan's rounds: published ones for everyone, the rest for those who work on them",
        params: SlugParams,
        response: { 200: z.object({ rounds: z.array(Round) }), ...readErrors },
      },
    },
    async (request) => ({ rounds: await ctx.rounds.list(actorOf(request), request.params.slug) }),
  );

  app.post(
    '/plans/:slug/rounds',
    {
      schema: {
        tags: ['rounds'],
        summary:
          'Open a follow-up round: one part per measure in scope and responsible ministry (coordinator, admin)',
        security: guarded,
        params: SlugParams,
        body: CreateRoundBody,
        response: { 201: Round, ...writeErrors },
      },
    },
    async (request, reply) => {
      const round = await ctx.rounds.create(actorOf(request), request.params.slug, request.body);
      return reply.status(201).send(round);
    },
  );

  app.get(
    '/plans/:slug/rounds/:roundId',
    {
      schema: {
        tags: ['rounds'],
        summary: "A round's board: each part's state (measure × ministry), counts and data-quality flags",
        params: RoundParams,
        response: { 200: RoundBoard, ...readErrors },
      },
    },
    (request) => ctx.rounds.board(actorOf(request), request.params.slug, request.params.roundId),
  );

  app.post(
    '/plans/:slug/rounds/:roundId/publish',
    {
      schema: {
        tags: ['rounds'],
        summary:
          'Publish a round now, or at a set time (embargo); every part must be approved (coordinator, admin)',
        security: guarded,
        params: RoundParams,
        body: PublishRoundBody,
        response: { 200: Round, ...writeErrors },
      },
    },
    (request) =>
      ctx.rounds.publish(actorOf(request), request.params.slug, request.params.roundId, request.body),
  );

  app.get(
    '/me/tasks',
    {
      schema: {
        tags: ['rounds'],
        summary:
          "My tasks: a reporter's parts to write, or the coordinator's parts to decide, in open rounds",
        security: [{ session: [] }],
        response: { 200: MyTasks, 401: ErrorBody },
      },
    },
    (request) => ctx.rounds.myTasks(actorOf(request)),
  );
}

function addDiffRoute(app: ZodApp, ctx: AppContext): void {
  app.get(
    '/plans/:slug/measures/:measureId/round-diff',
    {
      schema: {
        tags: ['rounds'],
        summary:
          "What changed in a measure between two published rounds (by default the latest and the one before): each ministry's progress as a text diff, the actuals, the phases whose state moved",
        params: z.object({ slug: SlugParam, measureId: z.uuid() }),
        querystring: z.object({ from: z.uuid().optional(), to: z.uuid().optional() }),
        response: { 200: MeasureRoundDiff, 400: ErrorBody, 404: ErrorBody },
      },
    },
    (request) => ctx.diffs.diff(request.params.slug, request.params.measureId, request.query),
  );
}

function addPartRoutes(app: ZodApp, ctx: AppContext): void {
  app.get(
    '/plans/:slug/rounds/:roundId/parts/:partId',
    {
      schema: {
        tags: ['rounds'],
        summary:
          'One part: bullets, actuals with their flags, phase states, comments, and what the caller may do',
        params: PartParams,
        response: { 200: RoundPart, ...readErrors },
      },
    },
    (request) => {
      const { slug, roundId, partId } = request.params;
      return ctx.parts.get(actorOf(request), slug, roundId, partId);
    },
  );

  app.put(
    '/plans/:slug/rounds/:roundId/parts/:partId',
    {
      schema: {
        tags: ['rounds'],
        summary:
          "Save a part's draft (its reporter, or the coordinator); a stale version gets 409 with the current part",
        security: guarded,
        params: PartParams,
        body: SavePartBody,
        response: { 200: RoundPart, ...partWriteErrors },
      },
    },
    (request) => {
      const { slug, roundId, partId } = request.params;
      return ctx.parts.save(actorOf(request), slug, roundId, partId, request.body);
    },
  );

  for (const action of ['submit', 'return', 'approve'] as const) {
    app.post(
      `/plans/:slug/rounds/:roundId/parts/:partId/${action}`,
      {
        schema: {
          tags: ['rounds'],
          summary:
            action === 'submit'
              ? 'Submit a part (its reporter); flagged values need a note first'
              : action === 'return'
                ? 'Return a submitted part with a reason (coordinator)'
                : 'Approve a submitted part, which locks it (coordinator)',
          security: guarded,
          params: PartParams,
          body: PartDecisionBody,
          response: { 200: RoundPart, ...partWriteErrors },
        },
      },
      (request) => {
        const { slug, roundId, partId } = request.params;
        return ctx.parts.decide(actorOf(request), slug, roundId, partId, action, request.body);
      },
    );
  }

  app.post(
    '/plans/:slug/rounds/:roundId/parts/:partId/comments',
    {
      schema: {
        tags: ['rounds'],
        summary: "Add a comment to a part's thread (its reporter, the coordinator)",
        security: guarded,
        params: PartParams,
        body: CreatePartCommentBody,
        response: { 201: PartComment, ...writeErrors },
      },
    },
    async (request, reply) => {
      const { slug, roundId, partId } = request.params;
      const comment = await ctx.parts.comment(actorOf(request), slug, roundId, partId, request.body);
      return reply.status(201).send(comment);
    },
  );
}

/**
 * The follow-up round: the coordinating office opens and publishes it, each ministry writes its parts, the office
 * returns or approves them. Unpublished rounds are seen only by those who work on them.
 */
export function roundRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    await Promise.resolve();
    addRoundRoutes(app, ctx);
    addPartRoutes(app, ctx);
    addDiffRoute(app, ctx);
  };
}
