import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ErrorBody,
  PartConflictBody,
  RoundPart,
  SlugParam,
  WorkbookApplied,
  WorkbookApplyBody,
  WorkbookPreview,
  WorkbookPreviewBody,
} from '@kotei/contracts';
import { actorOf } from '../auth.js';
import type { AppContext } from '../../context.js';

const PartParams = z.object({ slug: SlugParam, roundId: z.uuid(), partId: z.uuid() });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// A workbook as a download the browser keeps out of caches: it holds unpublished drafts.
function sendXlsx(reply: FastifyReply, body: Buffer, fileName: string) {
  return reply
    .header('cache-control', 'no-store')
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .type(XLSX)
    .send(body);
}

/**
 * Workbooks: the report's export edited by the coordinating office and uploaded back; a ministry's part of an open
 * round downloaded, filled offline and uploaded into its draft.
 */
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
    app.get(
      '/plans/:slug/rounds/:roundId/parts/:partId/workbook',
      {
        schema: {
          tags: ['rounds'],
          summary:
            "A part as an .xlsx workbook: its measure's KPIs and phases with the part's drafts; locked cells for what the reporter may not change",
          params: PartParams,
          response: { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
        },
      },
      async (request, reply) => {
        const { slug, roundId, partId } = request.params;
        const file = await ctx.partWorkbooks.download(actorOf(request), slug, roundId, partId);
        return sendXlsx(reply, file.body, file.fileName);
      },
    );

    app.post(
      '/plans/:slug/rounds/:roundId/parts/:partId/workbook',
      {
        bodyLimit: 16 * 1024 * 1024,
        schema: {
          tags: ['rounds'],
          summary:
            "Upload a filled part workbook into the part's draft, through the part's save (version-conditional, data-quality flags); 400 naming every cell it cannot take",
          security: [{ session: [], csrf: [] }],
          params: PartParams,
          body: WorkbookPreviewBody,
          response: {
            200: RoundPart,
            400: ErrorBody,
            401: ErrorBody,
            403: ErrorBody,
            404: ErrorBody,
            409: z.union([PartConflictBody, ErrorBody]),
          },
        },
      },
      (request) => {
        const { slug, roundId, partId } = request.params;
        return ctx.partWorkbooks.upload(
          actorOf(request),
          slug,
          roundId,
          partId,
          Buffer.from(request.body.contentBase64, 'base64'),
        );
      },
    );
  };
}
