import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, ReportJob, ReportJobRequest, SlugParam } from '@kotei/contracts';
import { actorOf } from '../auth.js';
import type { AppContext } from '../../context.js';

/** A plan's report rendered in the background: start a job, follow it, download its file. */
export function reportJobRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    await Promise.resolve();

    app.post(
      '/plans/:slug/report/jobs',
      {
        schema: {
          tags: ['reports'],
          summary:
            "Render a plan's report at a published round in the background (PDF or Excel); the answer is the job, whose progress and file are read at /api/report-jobs/{id} (signed in)",
          security: [{ session: [], csrf: [] }],
          params: z.object({ slug: SlugParam }),
          body: ReportJobRequest,
          response: {
            202: ReportJob,
            400: ErrorBody,
            401: ErrorBody,
            403: ErrorBody,
            404: ErrorBody,
            409: ErrorBody,
          },
        },
      },
      async (request, reply) => {
        const job = await ctx.reportJobs.start(actorOf(request), request.params.slug, request.body);
        return reply.status(202).send(job);
      },
    );

    app.get(
      '/report-jobs/:id',
      {
        schema: {
          tags: ['reports'],
          summary:
            'A report render job: its state, progress and step, why it failed, and its file once done (its requester, the coordinating office)',
          params: z.object({ id: z.uuid() }),
          response: { 200: ReportJob, 400: ErrorBody, 404: ErrorBody },
        },
      },
      (request) => ctx.reportJobs.get(actorOf(request), request.params.id),
    );

    app.get(
      '/report-jobs/:id/file',
      {
        schema: {
          tags: ['reports'],
          summary:
            'The file a finished report job made (409 job_not_done before it is done, 410 job_file_expired once deleted after its retention)',
          params: z.object({ id: z.uuid() }),
          response: { 400: ErrorBody, 404: ErrorBody, 409: ErrorBody, 410: ErrorBody },
        },
      },
      async (request, reply) => {
        const file = await ctx.reportJobs.file(actorOf(request), request.params.id);
        return (reply as FastifyReply)
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.file_name)}`)
          .header('cache-control', 'private, max-age=0')
          .type(file.content_type)
          .send(file.body);
      },
    );
  };
}
