import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { PlanTree } from '@kotei/contracts';
import { fixedClock } from '@kotei/domain';
import { openContext } from '../context.js';
import { buildApp } from '../http/app.js';

/** The committed contract files, by their path in the repository. */
export const CONTRACT_FILES = {
  'packages/contracts/openapi.json': fileURLToPath(
    new URL('../../../contracts/openapi.json', import.meta.url),
  ),
  'packages/contracts/plan.schema.json': fileURLToPath(
    new URL('../../../contracts/plan.schema.json', import.meta.url),
  ),
};

/** Render the OpenAPI document (from the routes) and the open-data plan JSON Schema (from contracts). */
export async function renderContracts(): Promise<Record<keyof typeof CONTRACT_FILES, string>> {
  const ctx = await openContext({
    databaseUrl: 'sqlite::memory:',
    cwd: process.cwd(),
    clock: fixedClock('2000-01-01T00:00:00Z'),
  });
  try {
    const app = await buildApp(ctx, { logLevel: 'silent', webRoot: null, secureCookies: false });
    await app.ready();
    const openapi = app.swagger();
    await app.close();
    const planSchema = {
      $id: 'https://kotei.example/schemas/plan.schema.json',
      title: 'kotei open-data plan',
      ...z.toJSONSchema(PlanTree, { target: 'draft-2020-12' }),
    };
    return {
      'packages/contracts/openapi.json': `${JSON.stringify(openapi, null, 2)}\n`,
      'packages/contracts/plan.schema.json': `${JSON.stringify(planSchema, null, 2)}\n`,
    };
  } finally {
    await ctx.close();
  }
}
