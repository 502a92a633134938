import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ErrorBody,
  ImportBody,
  ImportPreview,
  ImportResult,
  SaveKpiTableMappingBody,
  SavedKpiTableMapping,
  SavedKpiTableMappingList,
  SavedKpiTableMappingParams,
  SavedKpiTableMappingQuery,
} from '@kotei/contracts';
import type { AppContext } from '../../context.js';
import { actorOf } from '../auth.js';
import type { ImportInput } from '../../services/import.service.js';

// A 10 MB document arrives as about 13.4 MB of base64.
const IMPORT_BODY_LIMIT = 16 * 1024 * 1024;

/** Importing follow-up documents and KPI tables: preview, commit, and saved column mappings (coordinator, admin). */
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

    app.get(
      '/imports/table-mappings',
      {
        schema: {
          tags: ['imports'],
          summary:
            "Your saved KPI table column mappings and your office's; those for one header signature if given",
          security: [{ session: [] }],
          querystring: SavedKpiTableMappingQuery,
          response: { 200: SavedKpiTableMappingList, 401: ErrorBody, 403: ErrorBody },
        },
      },
      async (request) => ({
        mappings: await ctx.tableMappings.list(actorOf(request), request.query.signature),
      }),
    );

    app.put(
      '/imports/table-mappings',
      {
        schema: {
          tags: ['imports'],
          summary: 'Save the column roles of a KPI table under a name; your mapping of that name is replaced',
          security: [{ session: [], csrf: [] }],
          body: SaveKpiTableMappingBody,
          response: { 200: SavedKpiTableMapping, 201: SavedKpiTableMapping, ...errors },
        },
      },
      async (request, reply) => {
        const saved = await ctx.tableMappings.save(actorOf(request), request.body);
        return reply.status(saved.replaced ? 200 : 201).send(saved.mapping);
      },
    );

    app.delete(
      '/imports/table-mappings/:id',
      {
        schema: {
          tags: ['imports'],
          summary: 'Delete one of your saved KPI table column mappings',
          security: [{ session: [], csrf: [] }],
          params: SavedKpiTableMappingParams,
          response: { 204: z.null(), 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
        },
      },
      async (request, reply) => {
        await ctx.tableMappings.delete(actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
