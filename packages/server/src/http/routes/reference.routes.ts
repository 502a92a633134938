import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Organisation, PolicyField } from '@kotei/contracts';
import type { AppContext } from '../../context.js';

/** Reference data: ministries and policy fields. Public. */
export function referenceRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    await Promise.resolve();
    app.get(
      '/reference',
      {
        schema: {
          tags: ['reference'],
          summary: 'Ministries and policy fields',
          response: {
            200: z.object({ organisations: z.array(Organisation), policyFields: z.array(PolicyField) }),
          },
        },
      },
      () => ctx.reference.reference(),
    );
    app.get(
      '/health',
      {
        schema: {
          tags: ['reference'],
          summary: 'Liveness and the database engine in use',
          response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) }) },
        },
      },
      () => ({ status: 'ok' as const, database: ctx.database.kind }),
    );
  };
}
