import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBody, ImportBody, ImportPreview, ImportResult } from '@kotei/contracts';
import type { AppContext } from '../../context.js';
import { actorOf } from '../auth.js';
import type { ImportInput } from '../../services/import.service.js';

// A 10 MB document arrives as about 13.4 MB of base64.
const IMPORT_BODY_LIMIT = 16 * 1024 * 1024;

/** Importing follow-up documents: preview with every issue, then commit (coordinator, admin). */
export function importRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    await Promise.resolve();
    const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 409: ErrorBody, 413: ErrorBody };
    const toInput = (body: ImportBody): ImportInput => ({
      bytes: Buffer.from(body.contentBase64, 'base64'),
      fileName: body.fileName,
      slug: body.slug,
      columnRoles: body.columnRoles,
    });

    app.post(
      '/imports/preview',
      {
        bodyLimit: IMPORT_BODY_LIMIT,
        schema: {
          tags: ['imports'],
          summary: 'Read a follow-up document and show the plan it gives and every issue, writing nothing',
          security: [{ session: [], csrf: [] }],
          body: ImportBody,
          response: { 200: ImportPreview, ...errors },
        },
      },
      async (request, reply) => {
        const json = await ctx.imports.previewJson(actorOf(request), toInput(request.body));
        // Already ImportPreview as UTF-8 JSON, built on the worker thread: Fastify sends bytes as they are, where
        // serialising a large plan here would stall every other request.
        return reply.type('application/json; charset=utf-8').send(json as unknown as ImportPreview);
      },
    );

    app.post(
      '/imports',
      {
        bodyLimit: IMPORT_BODY_LIMIT,
        schema: {
          tags: ['imports'],
          summary:
            'Import a follow-up document as a plan, in one transaction; the same document again changes nothing',
          security: [{ session: [], csrf: [] }],
          body: ImportBody,
          response: { 200: ImportResult, 201: ImportResult, ...errors },
        },
      },
      async (request, reply) => {
        const result = await ctx.imports.commit(actorOf(request), toInput(request.body));
        return reply.status(result.action === 'create' ? 201 : 200).send(result);
      },
    );
  };
}
