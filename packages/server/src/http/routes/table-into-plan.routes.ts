import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ErrorBody,
  SlugParam,
  TableIntoPlanBody,
  TableIntoPlanPreview,
  TableIntoPlanPreviewBody,
  TableIntoPlanResult,
} from '@kotei/contracts';
import type { AppContext } from '../../context.js';
import { actorOf } from '../auth.js';
import type { ImportInput } from '../../services/import.service.js';

// A 10 MB document arrives as about 13.4 MB of base64.
const IMPORT_BODY_LIMIT = 16 * 1024 * 1024;

const toInput = (body: TableIntoPlanPreviewBody): ImportInput => ({
  bytes: Buffer.from(body.contentBase64, 'base64'),
  fileName: body.fileName,
  columnRoles: body.columnRoles,
});

/** A KPI table's KPIs added to measures of an existing plan: preview with proposed measures, commit (coordinator, admin). */
export function tableIntoPlanRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  // eslint-disable-next-line @typescript-eslint/require-await
  return async (app) => {
    const intoPlan = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 413: ErrorBody };
    const params = z.object({ slug: SlugParam });

    app.post(
      '/plans/:slug/imports/kpi-table/preview',
      {
        bodyLimit: IMPORT_BODY_LIMIT,
        schema: {
          tags: ['imports'],
          summary:
            "Read a KPI table against a plan: its KPI groups, the plan's measure proposed for each, the KPIs each would add; writes nothing (coordinator, admin)",
          security: [{ session: [], csrf: [] }],
          params,
          body: TableIntoPlanPreviewBody,
          response: { 200: TableIntoPlanPreview, ...intoPlan },
        },
      },
      (request) => ctx.tableIntoPlan.preview(actorOf(request), request.params.slug, toInput(request.body)),
    );

    app.post(
      '/plans/:slug/imports/kpi-table',
      {
        bodyLimit: IMPORT_BODY_LIMIT,
        schema: {
          tags: ['imports'],
          summary:
            "Add a KPI table's groups to measures of the plan (or new measures on its sheets) with their actuals, in one transaction recorded as the plan's next revision; a KPI the measure already has is reported, not added; a measure not in force is 422 (coordinator, admin)",
          security: [{ session: [], csrf: [] }],
          params,
          body: TableIntoPlanBody,
          response: { 200: TableIntoPlanResult, ...intoPlan, 422: ErrorBody },
        },
      },
      (request) =>
        ctx.tableIntoPlan.commit(
          actorOf(request),
          request.params.slug,
          toInput(request.body),
          request.body.groups,
        ),
    );
  };
}
