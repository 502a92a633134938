import { gzipSync } from 'node:zlib';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '@kotei/e2e/chromium';
import { fixedClock } from '@kotei/domain';
import { buildApp, openContext, prepareFirstStart, type AppContext } from '@kotei/server';
import { makeSqliteBareReader } from './bare-tree.js';
import { summarize, time, type Timing } from './stats.js';

/** Server time of an endpoint against bare SQL for the same rows. */
export interface EndpointBench {
  endpoint: Timing;
  bareSql: Timing;
  ratioP50: number;
}

/** The dashboard and portfolio endpoints on a loaded database, in-process (server time, no network). */
export async function benchEndpoints(
  ctx: AppContext,
  file: string,
  slugs: readonly string[],
  requests: number,
): Promise<{ dashboard: EndpointBench; portfolio: EndpointBench; portfolioAfterWrite: EndpointBench }> {
  const app = await buildApp(ctx, { logLevel: 'silent', webRoot: null, secureCookies: false });
  const sqlite = new SQLite(file, { readonly: true });
  const bareTree = makeSqliteBareReader(sqlite);
  const pick = (i: number): string => slugs[i % slugs.length] ?? 'synthetic-001';
  const get = async (url: string): Promise<void> => {
    const res = await app.inject({ url });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
  };
  const dashboard = summarize(await time(requests, 5, (i) => get(`/api/plans/${pick(i)}/dashboard`)));
  const dashboardBare = summarize(await time(requests, 5, (i) => bareTree(pick(i))));
  // Warm, the portfolio reads every plan's list row (counts, policy fields, rounds) and keeps each plan's
  // status summary until the plan's data_version or the day moves; its bare SQL is those same reads.
  const listStatements = [
    `select plan.*,
       (select count(*) from strategic_goal where plan_id = plan.id),
       (select count(*) from sheet where plan_id = plan.id),
       (select count(*) from measure where plan_id = plan.id),
       (select count(*) from kpi where plan_id = plan.id and level = 'output')
     from plan order by title`,
    'select * from plan_policy_field order by sort_order',
    'select * from follow_up_round order by as_of_date desc',
  ].map((s) => sqlite.prepare(s));
  const bareList = (): number => listStatements.reduce((n, s) => n + s.all().length, 0);
  const portfolio = summarize(await time(requests, 5, () => get('/api/portfolio')));
  const portfolioBare = summarize(await time(requests, 5, bareList));
  // After a write to one plan, that plan's KPIs, actuals and overrides are read and scored again; its bare SQL
  // adds reading those rows.
  const writer = new SQLite(file);
  const touch = writer.prepare('update plan set data_version = data_version + 1 where slug = ?');
  const planRows = [
    'select * from kpi where plan_id = (select id from plan where slug = ?) order by sort_order',
    'select * from observation where kpi_id in (select id from kpi where plan_id = (select id from plan where slug = ?)) order by period_start',
    'select * from status_override where kpi_id in (select id from kpi where plan_id = (select id from plan where slug = ?))',
  ].map((s) => sqlite.prepare(s));
  const changedRequests = Math.max(20, Math.floor(requests / 2));
  const afterWrite = summarize(
    await time(changedRequests, 2, (i) => {
      touch.run(pick(i));
      return get('/api/portfolio');
    }),
  );
  const afterWriteBare = summarize(
    await time(
      changedRequests,
      2,
      (i) => bareList() + planRows.reduce((n, s) => n + s.all(pick(i)).length, 0),
    ),
  );
  writer.close();
  sqlite.close();
  await app.close();
  return {
    dashboard: { endpoint: dashboard, bareSql: dashboardBare, ratioP50: dashboard.p50 / dashboardBare.p50 },
    portfolio: { endpoint: portfolio, bareSql: portfolioBare, ratioP50: portfolio.p50 / portfolioBare.p50 },
    portfolioAfterWrite: {
      endpoint: afterWrite,
      bareSql: afterWriteBare,
      ratioP50: afterWrite.p50 / afterWriteBare.p50,
    },
  };
}

/** What the browser saw: largest contentful paint and the JavaScript it loaded before it. */
export interface PageLoadBench {
  path: string;
  lcpMs: number[];
  lcpP50: number;
  jsBytes: number;
  jsGzipBytes: number;
  jsFiles: number;
}

/**
 * The seed plan's dashboard in Debian Chromium, served by kotei on SQLite with the sample imported: time to the
 * largest contentful paint (cold load, a new context each run) and the gzipped size of the JavaScript fetched
 * before it.
 */
export async function benchPageLoad(path: string, runs: number): Promise<PageLoadBench> {
  const dir = mkdtempSync(join(tmpdir(), 'kotei-web-bench-'));
  const ctx = await openContext({
    databaseUrl: `sqlite:${join(dir, 'k.db')}`,
    cwd: dir,
    clock: fixedClock('2025-07-15T10:00:00+09:00'),
  });
  await prepareFirstStart(ctx, { loadSample: true });
  const webRoot = new URL('../../packages/web/dist', import.meta.url).pathname;
  const app = await buildApp(ctx, { logLevel: 'silent', webRoot, secureCookies: false });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
  const lcpMs: number[] = [];
  let js = { bytes: 0, gzip: 0, files: 0 };
  try {
    for (let run = 0; run < runs; run += 1) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const scripts: { url: string; at: number; body: Promise<Buffer> }[] = [];
      const start = Date.now();
      page.on('response', (response) => {
        if (response.request().resourceType() === 'script') {
          scripts.push({ url: response.url(), at: Date.now() - start, body: response.body() });
        }
      });
      await page.goto(`${base}${path}`, { waitUntil: 'networkidle' });
      // Runs in the page, so it is passed as text: the bench is typed for Node, not for the DOM.
      const lcp = await page.evaluate<number>(`new Promise((resolve) => {
        new PerformanceObserver((list) => {
          const entries = list.getEntries();
          resolve(entries.length === 0 ? 0 : entries[entries.length - 1].startTime);
        }).observe({ type: 'largest-contentful-paint', buffered: true });
      })`);
      lcpMs.push(lcp);
      const before = scripts.filter((s) => s.at <= lcp + 50);
      const bodies = await Promise.all(before.map((s) => s.body));
      js = {
        bytes: bodies.reduce((n, b) => n + b.length, 0),
        gzip: bodies.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0),
        files: bodies.length,
      };
      await context.close();
    }
  } finally {
    await browser.close();
    await app.close();
    await ctx.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const sorted = [...lcpMs].sort((a, b) => a - b);
  return {
    path,
    lcpMs,
    lcpP50: sorted[Math.floor(sorted.length / 2)] ?? 0,
    jsBytes: js.bytes,
    jsGzipBytes: js.gzip,
    jsFiles: js.files,
  };
}
