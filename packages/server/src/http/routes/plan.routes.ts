import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ErrorBody,
  InputDate,
  KpiStatus,
  MeasureDetail,
  PlanDashboard,
  PlanSummary,
  Portfolio,
  PlanTree,
  SetStatusOverrideBody,
  SlugParam,
  UpdatePlanBody,
} from '@kotei/contracts';
import type { AppContext } from '../../context.js';
import { actorOf } from '../auth.js';

const SlugParams = z.object({ slug: SlugParam });
const ReferenceQuery = z.object({
  at: InputDate.optional().meta({
    description: 'Reference date for phase statuses (default: today in Japan)',
  }),
});

// Time travel (見直し) on every plan read: the plan as a revision fixed it, and originally adopted vs current.
const TimeTravelQuery = ReferenceQuery.extend({
  revision: z.coerce.number().int().min(1).max(100_000).optional().meta({
    description: 'Show the plan as this revision (見直し) fixed it, as it stood until the next one',
  }),
  revisionOn: InputDate.optional().meta({
    description: 'Show the plan as it stood on this date, as the revision then in force fixed it',
  }),
});
const BaseQuery = z.object({
  base: z.coerce
    .number()
    .int()
    .min(1)
    .max(100_000)
    .optional()
    .meta({ description: 'Also give what this revision (usually 1, 当初) fixed otherwise: originals' }),
});
const asOf = (query: { revision?: number | undefined; revisionOn?: string | undefined }) => ({
  revision: query.revision,
  revisionOn: query.revisionOn,
});

type ZodApp = Parameters<FastifyPluginAsyncZod>[0];

const writeErrors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

// Public reads: the plans, a plan's tree, dashboard and measures.
function addReads(app: ZodApp, ctx: AppContext): void {
  app.get(
    '/plans',
    {
      schema: {
        tags: ['plans'],
        summary: 'Every plan',
        response: { 200: z.object({ plans: z.array(PlanSummary) }) },
      },
    },
    async () => ({ plans: await ctx.plans.list() }),
  );

  app.get(
    '/plans/:slug',
    {
      schema: {
        tags: ['plans'],
        summary: 'A whole plan: goals, outcomes, sheets, measures, phases, KPIs, progress, projects',
        params: SlugParams,
        querystring: TimeTravelQuery.extend(BaseQuery.shape),
        response: { 200: PlanTree, 400: ErrorBody, 404: ErrorBody },
      },
    },
    (request) =>
      ctx.plans.getTree(request.params.slug, request.query.at, asOf(request.query), request.query.base),
  );

  app.get(
    '/portfolio',
    {
      schema: {
        tags: ['plans'],
        summary: "The bureau's view: policy fields with their aims and plans, with statuses",
        response: { 200: Portfolio },
      },
    },
    () => ctx.plans.portfolio(),
  );

  app.get(
    '/plans/:slug/dashboard',
    {
      schema: {
        tags: ['plans'],
        summary:
          'A plan dashboard: outcome trajectories, statuses per sheet, worst KPIs, overdue phases, budget',
        params: SlugParams,
        querystring: TimeTravelQuery.extend(BaseQuery.shape),
        response: { 200: PlanDashboard, 400: ErrorBody, 404: ErrorBody },
      },
    },
    (request) =>
      ctx.plans.dashboard(request.params.slug, request.query.at, asOf(request.query), request.query.base),
  );

  app.get(
    '/plans/:slug/measures/:measureId',
    {
      schema: {
        tags: ['plans'],
        summary: 'One measure: phases, KPIs with actuals, progress by round, projects, and its source text',
        params: SlugParams.extend({ measureId: z.uuid() }),
        querystring: TimeTravelQuery.extend(BaseQuery.shape),
        response: { 200: MeasureDetail, 400: ErrorBody, 404: ErrorBody },
      },
    },
    (request) =>
      ctx.plans.getMeasure(
        request.params.slug,
        request.params.measureId,
        request.query.at,
        asOf(request.query),
        request.query.base,
      ),
  );
}

// Writes: guarded before their body is read (http/auth.ts), then one service call each.
function addWrites(app: ZodApp, ctx: AppContext): void {
  app.patch(
    '/plans/:slug',
    {
      schema: {
        tags: ['plans'],
        summary: "Change a plan's title, owner, description or policy fields (coordinator, admin)",
        security: [{ session: [], csrf: [] }],
        params: SlugParams,
        body: UpdatePlanBody,
        response: { 200: PlanTree, ...writeErrors },
      },
    },
    (request) => ctx.plans.update(actorOf(request), request.params.slug, request.body),
  );

  const KpiParams = SlugParams.extend({ kpiId: z.uuid() });
  app.put(
    '/plans/:slug/kpis/:kpiId/status-override',
    {
      schema: {
        tags: ['status'],
        summary: "Set a KPI's status by hand, with a reason (coordinator, admin); the computed one is kept",
        security: [{ session: [], csrf: [] }],
        params: KpiParams,
        body: SetStatusOverrideBody,
        response: { 200: KpiStatus, ...writeErrors },
      },
    },
    (request) =>
      ctx.plans.setStatusOverride(actorOf(request), request.params.slug, request.params.kpiId, request.body),
  );
  app.delete(
    '/plans/:slug/kpis/:kpiId/status-override',
    {
      schema: {
        tags: ['status'],
        summary: "Remove a KPI's status override (coordinator, admin)",
        security: [{ session: [], csrf: [] }],
        params: KpiParams,
        response: { 200: KpiStatus, ...writeErrors },
      },
    },
    (request) => ctx.plans.clearStatusOverride(actorOf(request), request.params.slug, request.params.kpiId),
  );
}

/** Plans: public reads, guarded writes. Routes stay thin: validate, call one service method, return. */
export function planRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    await Promise.resolve();
    addReads(app, ctx);
    addWrites(app, ctx);
  };
}
