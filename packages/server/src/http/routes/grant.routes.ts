import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreateGrantBody,
  EndGrantBody,
  ErrorBody,
  GrantList,
  GrantParams,
  RoleGrantEntry,
} from '@kotei/contracts';
import type { AppContext } from '../../context.js';
import { actorOf } from '../auth.js';

const write = [{ session: [], csrf: [] }];

/** Role grants (担当（任期）): the admin lists, adds and ends them. */
export function grantRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    await Promise.resolve();

    app.get(
      '/admin/grants',
      {
        schema: {
          tags: ['admin'],
          summary: 'Every account with its role today, and every role grant (admin)',
          security: [{ session: [] }],
          response: { 200: GrantList, 401: ErrorBody, 403: ErrorBody },
        },
      },
      (request) => ctx.grants.list(actorOf(request)),
    );

    app.post(
      '/admin/grants',
      {
        schema: {
          tags: ['admin'],
          summary: 'Grant a role to an account from a first day, to a last day or open-ended (admin)',
          security: write,
          body: CreateGrantBody,
          response: { 201: RoleGrantEntry, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await ctx.grants.grant(actorOf(request), request.body)),
    );

    app.post(
      '/admin/grants/:id/end',
      {
        schema: {
          tags: ['admin'],
          summary: 'End a role grant on its last day; a day already past ends it at once (admin)',
          security: write,
          params: GrantParams,
          body: EndGrantBody,
          response: {
            200: RoleGrantEntry,
            400: ErrorBody,
            401: ErrorBody,
            403: ErrorBody,
            404: ErrorBody,
            409: ErrorBody,
          },
        },
      },
      (request) => ctx.grants.end(actorOf(request), request.params.id, request.body.lastDay),
    );
  };
}
