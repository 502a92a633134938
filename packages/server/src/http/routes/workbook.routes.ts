import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ErrorBody,
  SlugParam,
  WorkbookApplied,
  WorkbookApplyBody,
  WorkbookPreview,
  WorkbookPreviewBody,
} from '@kotei/contracts';
import { actorOf } from '../auth.js';
import type { AppContext } from '../../context.js';

/** Workbooks uploaded back: the report's export edited by the coordinating office. */
export function workbookRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  // eslint-disable-next-line @typescript-eslint/require-await
  return async (app) => {
    app.post(
      '/plans/:slug/report/workbook/preview',
      {
        bodyLimit: 16 * 1024 * 1024,
        schema: {
          tags: ['reports'],
          summary:
            "Read an edited report workbook and list what it would change in a published round's data, cell by cell, and every cell it cannot read; writes nothing (coordinator, admin)",
          security: [{ session: [], csrf: [] }],
          params: z.object({ slug: SlugParam }),
          querystring: z.object({ round: z.uuid().optional() }),
          body: WorkbookPreviewBody,
          response: {
            200: WorkbookPreview,
            400: ErrorBody,
            401: ErrorBody,
            403: ErrorBody,
            404: ErrorBody,
            409: ErrorBody,
          },
        },
      },
      (request) =>
        ctx.planWorkbooks.preview(
          actorOf(request),
          request.params.slug,
          Buffer.from(request.body.contentBase64, 'base64'),
          request.query.round,
        ),
    );

    app.post(
      '/plans/:slug/report/workbook/apply',
      {
        bodyLimit: 16 * 1024 * 1024,
        schema: {
          tags: ['reports'],
          summary:
            "Write a previewed report workbook: the same file with its preview's data version and digest; 409 when the plan changed since, 400 naming every cell it cannot take (coordinator, admin)",
          security: [{ session: [], csrf: [] }],
          params: z.object({ slug: SlugParam }),
          querystring: z.object({ round: z.uuid().optional() }),
          body: WorkbookApplyBody,
          response: {
            200: WorkbookApplied,
            400: ErrorBody,
            401: ErrorBody,
            403: ErrorBody,
            404: ErrorBody,
            409: ErrorBody,
          },
        },
      },
      (request) =>
        ctx.planWorkbooks.apply(
          actorOf(request),
          request.params.slug,
          Buffer.from(request.body.contentBase64, 'base64'),
          { dataVersion: request.body.dataVersion, digest: request.body.digest },
          request.query.round,
        ),
    );
  };
}
