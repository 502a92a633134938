import { buildApp, openContext, type AppContext } from '@kotei/server';
import type { Clock } from '@kotei/domain';
import { summarize, time, type Timing } from './stats.js';

/** One endpoint against the bare SQL of what it replaces, in the same run. */
export interface DashboardBench {
  endpoint: Timing;
  bareSql: Timing;
  ratioP50: number;
}

/**
 * GET /api/plans/:slug/dashboard through the whole server (inject), against the bare SQL of the plan tree the
 * dashboard used to read on every request: works on either engine, given that engine's bare reader.
 */
export async function benchDashboard(
  ctx: AppContext,
  bareTree: (slug: string) => unknown,
  slugs: readonly string[],
  requests: number,
): Promise<DashboardBench> {
  const app = await buildApp(ctx, { logLevel: 'silent', webRoot: null, secureCookies: false });
  const pick = (i: number): string => slugs[i % slugs.length] ?? 'synthetic-001';
  try {
    const endpoint = summarize(
      await time(requests, 5, async (i) => {
        const res = await app.inject({ url: `/api/plans/${pick(i)}/dashboard` });
        if (res.statusCode !== 200) throw new Error(`dashboard: ${res.statusCode} ${res.body.slice(0, 200)}`);
      }),
    );
    const bareSql = summarize(await time(requests, 5, (i) => bareTree(pick(i))));
    return { endpoint, bareSql, ratioP50: endpoint.p50 / bareSql.p50 };
  } finally {
    await app.close();
  }
}

/** The first portfolio request of a freshly started instance, warmed as `kotei serve` warms it, and cold. */
export interface FirstPortfolioBench {
  warmingMs: number;
  warmMs: number;
  coldMs: number;
}

async function firstPortfolio(databaseUrl: string, clock: Clock, warm: boolean): Promise<[number, number]> {
  const ctx = await openContext({ databaseUrl, cwd: process.cwd(), clock });
  const app = await buildApp(ctx, { logLevel: 'silent', webRoot: null, secureCookies: false });
  try {
    const warming = performance.now();
    if (warm) await ctx.warmer.start();
    const warmingMs = performance.now() - warming;
    const start = performance.now();
    const res = await app.inject({ url: '/api/portfolio' });
    if (res.statusCode !== 200) throw new Error(`portfolio: ${res.statusCode}`);
    return [warmingMs, performance.now() - start];
  } finally {
    await app.close();
    await ctx.close();
  }
}

/**
 * A new instance on a loaded database answers its first GET /api/portfolio: once start-up has finished warming
 * (what `kotei serve` does in the background), and without warming, as the baseline measured in the same run.
 */
export async function benchFirstPortfolio(databaseUrl: string, clock: Clock): Promise<FirstPortfolioBench> {
  const [warmingMs, warmMs] = await firstPortfolio(databaseUrl, clock, true);
  const [, coldMs] = await firstPortfolio(databaseUrl, clock, false);
  return { warmingMs, warmMs, coldMs };
}
