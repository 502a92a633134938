import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DataCatalogue, ErrorBody, InputDate, ReportCapabilities, SlugParam } from '@kotei/contracts';
import type { AppContext } from '../../context.js';
import { REPORT_FORMATS, type RenderedFile } from '../../services/report.service.js';

// Time travel (見直し) on the report and the open data: the plan as a revision fixed it, statuses still at the
// round's as-of date.
const RevisionQuery = z.object({
  revision: z.coerce.number().int().min(1).max(100_000).optional().meta({
    description:
      'Show the plan as this revision (見直し) fixed it, as it stood until the next one; statuses at the round’s as-of date',
  }),
  revisionOn: InputDate.optional().meta({
    description: 'Show the plan as it stood on this date, as the revision then in force fixed it',
  }),
});
const asOf = (query: { revision?: number | undefined; revisionOn?: string | undefined }) => ({
  revision: query.revision,
  revisionOn: query.revisionOn,
});

const ReportQuery = RevisionQuery.extend({
  round: z.uuid().optional().meta({ description: 'A published round (default: the latest published)' }),
  format: z.enum(REPORT_FORMATS).default('html'),
  paper: z
    .enum(['A3', 'A4'])
    .default('A3')
    .meta({ description: 'Landscape paper of the PDF and print view' }),
});
const FileParams = z.object({ slug: SlugParam, roundId: z.uuid(), file: z.string().max(80) });
const FILE_DESCRIPTION =
  'plan.json, datapackage.json, or a table (measures, phases, kpis, actuals, progress, budget_lines) as .csv or .json';

/** RFC 9110: an If-None-Match that names the ETag, or else an If-Modified-Since not before the change, is met. */
function isFresh(request: FastifyRequest, file: RenderedFile): boolean {
  const match = request.headers['if-none-match'];
  if (match !== undefined)
    return match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === file.etag);
  const since = request.headers['if-modified-since'];
  if (since === undefined) return false;
  const sinceMs = Date.parse(since);
  return !Number.isNaN(sinceMs) && Math.floor(Date.parse(file.lastModified) / 1000) * 1000 <= sinceMs;
}

/** Send a file with its validators, or 304 when the client's copy is current. */
function sendFile(request: FastifyRequest, reply: FastifyReply, file: RenderedFile, download: boolean) {
  void reply
    .header('etag', file.etag)
    .header('last-modified', new Date(file.lastModified).toUTCString())
    .header('cache-control', 'public, no-cache');
  if (isFresh(request, file)) return reply.status(304).send();
  if (download) {
    void reply.header(
      'content-disposition',
      `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    );
  }
  return reply.type(file.contentType).send(file.body);
}

/** The published follow-up report and the open data: public reads of published rounds. */
export function reportRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    await Promise.resolve();

    app.get(
      '/plans/:slug/report',
      {
        schema: {
          tags: ['reports'],
          summary: "A plan's follow-up report at a published round: HTML print view, PDF, Excel, JSON or CSV",
          params: z.object({ slug: SlugParam }),
          querystring: ReportQuery,
          response: { 400: ErrorBody, 404: ErrorBody, 409: ErrorBody, 503: ErrorBody },
        },
      },
      async (request, reply) => {
        const { round, format, paper } = request.query;
        const file = await ctx.reports.render(request.params.slug, {
          format,
          paper,
          asOf: asOf(request.query),
          ...(round === undefined ? {} : { roundId: round }),
        });
        return sendFile(request, reply, file, format !== 'html');
      },
    );

    app.get(
      '/report-capabilities',
      {
        schema: {
          tags: ['reports'],
          summary: 'Whether this server renders PDF reports, and what to install when it does not',
          response: { 200: ReportCapabilities },
        },
      },
      () => ctx.reports.capabilities(),
    );

    app.get(
      '/open-data',
      {
        schema: {
          tags: ['open-data'],
          summary: 'The data catalogue: every plan’s published rounds with their files and license',
          response: { 200: DataCatalogue },
        },
      },
      () => ctx.reports.catalogue(),
    );

    app.get(
      '/open-data/:slug/:roundId/:file',
      {
        schema: {
          tags: ['open-data'],
          summary: `A published round's open data (UTF-8): ${FILE_DESCRIPTION}`,
          params: FileParams,
          querystring: RevisionQuery,
          response: { 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
        },
      },
      async (request, reply) => {
        const { slug, roundId, file } = request.params;
        const found = await ctx.reports.openDataFile(slug, roundId, file, false, asOf(request.query));
        return sendFile(request, reply, found, false);
      },
    );

    app.get(
      '/open-data/:slug/:roundId/excel/:file',
      {
        schema: {
          tags: ['open-data'],
          summary: "A published round's table as CSV led by a BOM, so Excel opens it as UTF-8",
          params: FileParams,
          querystring: RevisionQuery,
          response: { 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
        },
      },
      async (request, reply) => {
        const { slug, roundId, file } = request.params;
        const found = await ctx.reports.openDataFile(slug, roundId, file, true, asOf(request.query));
        return sendFile(request, reply, found, false);
      },
    );
  };
}
