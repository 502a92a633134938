import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AdoptDraftBody,
  CreatePlanBody,
  DraftEditsBody,
  ErrorBody,
  RevisionDetail,
  RevisionDiff,
  RevisionDraft,
  RevisionList,
  SlugParam,
} from '@kotei/contracts';
import type { AppContext } from '../../context.js';
import { actorOf } from '../auth.js';

const SlugParams = z.object({ slug: SlugParam });
const Number_ = z.coerce.number().int().min(1).max(100_000);
const writeErrors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const security = [{ session: [], csrf: [] }];

type ZodApp = Parameters<FastifyPluginAsyncZod>[0];

// Public reads: the revisions of a plan, one revision, the diff between two.
function addReads(app: ZodApp, ctx: AppContext): void {
  app.get(
    '/plans/:slug/revisions',
    {
      schema: {
        tags: ['revisions'],
        summary: "A plan's adopted revisions (見直し), newest first",
        params: SlugParams,
        response: { 200: RevisionList, 400: ErrorBody, 404: ErrorBody },
      },
    },
    (request) => ctx.revisions.list(request.params.slug),
  );
  app.get(
    '/plans/:slug/revisions/diff',
    {
      schema: {
        tags: ['revisions'],
        summary: 'What changed between two revisions, per sheet and measure, in the policy’s own words',
        params: SlugParams,
        querystring: z.object({ from: Number_, to: Number_ }),
        response: { 200: RevisionDiff, 400: ErrorBody, 404: ErrorBody },
      },
    },
    (request) => ctx.revisions.diff(request.params.slug, request.query.from, request.query.to),
  );
  app.get(
    '/plans/:slug/revisions/:number',
    {
      schema: {
        tags: ['revisions'],
        summary: 'One revision: its reason, the structure it fixed and what it changed',
        params: SlugParams.extend({ number: Number_ }),
        response: { 200: RevisionDetail, 400: ErrorBody, 404: ErrorBody },
      },
    },
    (request) => ctx.revisions.get(request.params.slug, request.params.number),
  );
}

// The coordinating office's writes: a plan from scratch, the draft revision, its adoption.
function addWrites(app: ZodApp, ctx: AppContext): void {
  app.post(
    '/plans',
    {
      schema: {
        tags: ['revisions'],
        summary: 'Create a plan from scratch: title, owner, policy fields, horizon (coordinator, admin)',
        security,
        body: CreatePlanBody,
        response: { 201: z.object({ id: z.uuid(), slug: z.string() }), ...writeErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await ctx.revisions.createPlan(actorOf(request), request.body)),
  );
  app.get(
    '/plans/:slug/draft',
    {
      schema: {
        tags: ['revisions'],
        summary: 'The draft revision: its structure and its pending changes (coordinator, admin)',
        security,
        params: SlugParams,
        response: { 200: RevisionDraft, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    (request) => ctx.revisions.draft(actorOf(request), request.params.slug),
  );
  app.post(
    '/plans/:slug/draft',
    {
      schema: {
        tags: ['revisions'],
        summary:
          'Open a draft revision on the latest one, or get the draft already open (coordinator, admin)',
        security,
        params: SlugParams,
        response: { 200: RevisionDraft, ...writeErrors },
      },
    },
    (request) => ctx.revisions.openDraft(actorOf(request), request.params.slug),
  );
  app.delete(
    '/plans/:slug/draft',
    {
      schema: {
        tags: ['revisions'],
        summary: 'Discard the draft revision (coordinator, admin)',
        security,
        params: SlugParams,
        response: { 204: z.null(), ...writeErrors },
      },
    },
    async (request, reply) => {
      await ctx.revisions.discard(actorOf(request), request.params.slug);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/plans/:slug/draft/edits',
    {
      schema: {
        tags: ['revisions'],
        summary: 'Apply edits to the draft, all or none; a refused edit names its field and reason (400)',
        security,
        params: SlugParams,
        body: DraftEditsBody,
        response: { 200: RevisionDraft, ...writeErrors },
      },
    },
    (request) => ctx.revisions.edit(actorOf(request), request.params.slug, request.body),
  );
  app.post(
    '/plans/:slug/draft/adopt',
    {
      schema: {
        tags: ['revisions'],
        summary:
          'Adopt the draft as the next revision with a reason; a second adopter gets 409 revision_conflict',
        security,
        params: SlugParams,
        body: AdoptDraftBody,
        response: { 200: RevisionDetail, ...writeErrors },
      },
    },
    (request) => ctx.revisions.adopt(actorOf(request), request.params.slug, request.body),
  );
}

/** Plan authoring and revisions (#13). Routes stay thin: validate, call one service method, return. */
export function revisionRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    await Promise.resolve();
    addReads(app, ctx);
    addWrites(app, ctx);
  };
}
