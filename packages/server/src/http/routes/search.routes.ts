import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBody, SearchQuery, SearchResult } from '@kotei/contracts';
import type { AppContext } from '../../context.js';

/** Full-text search. Public, like the plans it searches. */
export function searchRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    await Promise.resolve();
    app.get(
      '/search',
      {
        schema: {
          tags: ['search'],
          summary:
            'Find measures, KPIs, progress and projects; Japanese text, 和暦 and 西暦 alike; a past revision with ?revision= or ?revisionOn=',
          querystring: SearchQuery,
          response: { 200: SearchResult, 400: ErrorBody, 404: ErrorBody },
        },
      },
      (request) => ctx.search.find(request.query),
    );
  };
}
