import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { PlanDocument } from '@kotei/contracts';
import { fixedClock } from '@kotei/domain';
import { openContext, PlanRepository, type AppContext } from '@kotei/server';
import { startPostgresCluster } from '@kotei/server/testing';
import { makePostgresBareReader, makeSqliteBareReader } from './bare-tree.js';
import { GOVERNMENT_SCALE, portfolioCounts, syntheticPlan, type PortfolioSize } from './portfolio.js';
import { startInstance } from './instance.js';
import { concurrently, summarize, time, type Timing } from './stats.js';
import { benchImport } from './import-bench.js';
import { importScaleRows, type ImportScaleBench } from './import-scale-bench.js';
import { statusRows, type StatusBench } from './status-bench.js';
import { benchDashboard, benchFirstPortfolio, type FirstPortfolioBench } from './read-bench.js';
import { benchEndpoints, benchPageLoad } from './web-bench.js';
import { signInStormInChild, signInStormRows } from './sign-in-storm-bench.js';
import { roundLoadInChild, roundLoadRows } from './round-load-bench.js';

// `npm run bench` measures kotei against bare SQL in the same run and reports ratios, never absolute
// targets alone: the machine's speed cancels out. `--quick` runs a small portfolio as a smoke test;
// `--sign-in-storm` runs only the reads during a storm of bad sign-ins (against the same reads without it);
// `--round-load` only the load of 50 reporters writing a round.
const quick = process.argv.includes('--quick');
const stormOnly = process.argv.includes('--sign-in-storm');
const roundLoadOnly = process.argv.includes('--round-load');
const size: PortfolioSize = quick ? { ...GOVERNMENT_SCALE, plans: 4, sheetsPerPlan: 3 } : GOVERNMENT_SCALE;
const clock = fixedClock('2025-07-15T10:00:00+09:00');
const TREE_SAMPLES = quick ? 10 : 40;
const HTTP_REQUESTS = quick ? 40 : 400;
const CONCURRENCY = 16;

interface TreeResult {
  rowsPerTree: number;
  /** The repositories reading every row of the plan (what issue #3 compares with bare SQL). */
  repository: Timing;
  bareSql: Timing;
  ratio: number;
  /** The whole service call: the read, every KPI's status, the roll-ups and the tree. */
  service: Timing;
  serviceRatio: number;
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

async function load(ctx: AppContext, docs: readonly PlanDocument[]): Promise<number> {
  const start = performance.now();
  for (const doc of docs) await ctx.plans.create('system', doc);
  return performance.now() - start;
}

function slugs(n: number): string[] {
  return Array.from(
    { length: Math.min(n, size.plans) },
    (_, i) =>
      `synthetic-${String(i * Math.floor(size.plans / Math.min(n, size.plans)) + 1).padStart(3, '0')}`,
  );
}

async function treeRead(
  ctx: AppContext,
  bare: (slug: string) => number | Promise<number>,
): Promise<TreeResult> {
  const picks = slugs(8);
  const pick = (i: number): string => picks[i % picks.length] ?? 'synthetic-001';
  const rowsPerTree = await bare(pick(0));
  const plans = new PlanRepository(ctx.database.db);
  const read = async (slug: string): Promise<unknown> => {
    const plan = await plans.findBySlug(slug);
    if (!plan) throw new Error(`no plan ${slug}`);
    return plans.loadRows(plan);
  };
  // Interleaved, so a busy moment of the machine falls on every side alike.
  const repositorySamples: number[] = [];
  const bareSamples: number[] = [];
  const serviceSamples: number[] = [];
  for (let round = 0; round < 5; round += 1) {
    repositorySamples.push(...(await time(TREE_SAMPLES / 5, 1, (i) => read(pick(i)))));
    bareSamples.push(...(await time(TREE_SAMPLES / 5, 1, (i) => bare(pick(i)))));
    serviceSamples.push(...(await time(TREE_SAMPLES / 5, 1, (i) => ctx.plans.getTree(pick(i)))));
  }
  const repository = summarize(repositorySamples);
  const bareSql = summarize(bareSamples);
  const service = summarize(serviceSamples);
  return {
    rowsPerTree,
    repository,
    bareSql,
    ratio: repository.p50 / bareSql.p50,
    service,
    serviceRatio: service.p50 / bareSql.p50,
  };
}

// Words people type: long and short (under a trigram), 和暦 and 西暦, several words at once.
const SEARCH_QUERIES = [
  '臨床研究中核病院',
  '治験',
  'R10',
  '2028',
  '創薬スタートアップ',
  '人材',
  '医療DX',
  '推進事業',
  '国際共同治験 相談件数',
  '基金事業',
  'データベース',
  '後発医薬品',
];
const SEARCH_SAMPLES = quick ? 48 : 240;

async function searchTiming(ctx: AppContext): Promise<Timing & { hitsPerQuery: number }> {
  let hits = 0;
  const samples = await time(SEARCH_SAMPLES, SEARCH_QUERIES.length, async (i) => {
    const result = await ctx.search.find({
      q: SEARCH_QUERIES[i % SEARCH_QUERIES.length] ?? '治験',
      limit: 50,
    });
    hits += result.total;
  });
  return { ...summarize(samples), hitsPerQuery: hits / (SEARCH_SAMPLES + SEARCH_QUERIES.length) };
}

const fmt = (ms: number): string => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(2)} ms`);

const execFileAsync = promisify(execFile);

type Results = Record<string, unknown>;

// In a process of its own, like the server it measures: the health sampler's timers must not wait on this
// process's collector, which holds the heap of every section before.
async function importScaleInChild(quickRun: boolean): Promise<ImportScaleBench> {
  const script = fileURLToPath(new URL('./import-scale-bench.js', import.meta.url));
  const { stdout } = await execFileAsync(
    process.execPath,
    [script, '--json', ...(quickRun ? ['--quick'] : [])],
    {
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  return JSON.parse(stdout) as ImportScaleBench;
}

// In a process of its own too: the engine allocates for every actual, and measured in this process it also paid
// for the collector walking the heap every section before left (5.8× the bare loop, where alone it was 3.7–4.1×).
async function statusInChild(quickRun: boolean): Promise<StatusBench> {
  const script = fileURLToPath(new URL('./status-bench.js', import.meta.url));
  const { stdout } = await execFileAsync(
    process.execPath,
    [script, '--json', ...(quickRun ? ['--quick'] : [])],
    {
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  return JSON.parse(stdout) as StatusBench;
}

function firstPortfolioRows(engine: string, bench: FirstPortfolioBench): string[][] {
  return [
    [
      engine,
      'first GET /api/portfolio of a new instance, after warming / cold',
      fmt(bench.warmMs),
      fmt(bench.coldMs),
      `${(bench.warmMs / bench.coldMs).toFixed(2)}× (cold); warming took ${fmt(bench.warmingMs)}`,
    ],
  ];
}

// SQLite, the embedded default.
async function benchSqliteEngine(docs: PlanDocument[], results: Results, rows: string[][]): Promise<void> {
  // SQLite, the embedded default.
  const dir = mkdtempSync(join(tmpdir(), 'kotei-bench-'));
  try {
    const file = join(dir, 'bench.db');
    const ctx = await openContext({ databaseUrl: `sqlite:${file}`, cwd: dir, clock });
    log('SQLite: loading …');
    const loadMs = await load(ctx, docs);
    const sqlite = new SQLite(file, { readonly: true });
    const tree = await treeRead(ctx, makeSqliteBareReader(sqlite));
    sqlite.close();
    const search = await searchTiming(ctx);
    log('SQLite: dashboard and portfolio endpoints …');
    const endpoints = await benchEndpoints(ctx, file, slugs(8), quick ? 40 : 400);
    await ctx.close();
    log('SQLite: the first portfolio of a new instance …');
    const firstPortfolio = await benchFirstPortfolio(`sqlite:${file}`, clock);
    results.sqlite = { loadMs, tree, search, endpoints, firstPortfolio };
    rows.push(['SQLite', 'load portfolio', fmt(loadMs), '', '']);
    rows.push([
      'SQLite',
      `plan tree read by the repositories (${tree.rowsPerTree} rows), p50`,
      fmt(tree.repository.p50),
      fmt(tree.bareSql.p50),
      `${tree.ratio.toFixed(2)}×`,
    ]);
    rows.push([
      'SQLite',
      'plan tree with every status (service), p50',
      fmt(tree.service.p50),
      fmt(tree.bareSql.p50),
      `${tree.serviceRatio.toFixed(2)}×`,
    ]);
    rows.push([
      'SQLite',
      `search, ${search.n} queries, p50 / p95`,
      `${fmt(search.p50)} / ${fmt(search.p95)}`,
      '',
      '',
    ]);
    const endpointNames: Record<keyof typeof endpoints, string> = {
      dashboard: 'GET /api/plans/:slug/dashboard',
      portfolio: 'GET /api/portfolio',
      portfolioAfterWrite: 'GET /api/portfolio after a write to one plan',
    };
    for (const [name, e] of Object.entries(endpoints)) {
      rows.push([
        'SQLite',
        `${endpointNames[name as keyof typeof endpoints]}, ${e.endpoint.n} requests, p50 / p95`,
        `${fmt(e.endpoint.p50)} / ${fmt(e.endpoint.p95)}`,
        `${fmt(e.bareSql.p50)} / ${fmt(e.bareSql.p95)}`,
        `${e.ratioP50.toFixed(2)}× (p50)`,
      ]);
    }
    rows.push(...firstPortfolioRows('SQLite', firstPortfolio));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// PostgreSQL, with two stateless app instances on one database.
async function benchPostgresEngine(docs: PlanDocument[], results: Results, rows: string[][]): Promise<void> {
  // PostgreSQL, with two stateless app instances on one database.
  const cluster = await startPostgresCluster();
  try {
    const admin = new pg.Client({ connectionString: cluster.adminUrl });
    await admin.connect();
    await admin.query('create database kotei_bench');
    await admin.end();
    const url = cluster.adminUrl.replace(/\/postgres$/, '/kotei_bench');
    const ctx = await openContext({ databaseUrl: url, cwd: tmpdir(), clock });
    log('PostgreSQL: loading …');
    const loadMs = await load(ctx, docs);
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    // pool.end() resolves as its clients start closing; one still closing when the cluster stops is told the
    // server is going away, and an unheard pool error would end the whole benchmark.
    pool.on('error', () => undefined);
    const bare = makePostgresBareReader(pool);
    const tree = await treeRead(ctx, bare);
    rows.push(['PostgreSQL', 'load portfolio', fmt(loadMs), '', '']);
    rows.push([
      'PostgreSQL',
      `plan tree read by the repositories (${tree.rowsPerTree} rows), p50`,
      fmt(tree.repository.p50),
      fmt(tree.bareSql.p50),
      `${tree.ratio.toFixed(2)}×`,
    ]);
    rows.push([
      'PostgreSQL',
      'plan tree with every status (service), p50',
      fmt(tree.service.p50),
      fmt(tree.bareSql.p50),
      `${tree.serviceRatio.toFixed(2)}×`,
    ]);

    const search = await searchTiming(ctx);
    rows.push([
      'PostgreSQL',
      `search, ${search.n} queries, p50 / p95`,
      `${fmt(search.p50)} / ${fmt(search.p95)}`,
      '',
      '',
    ]);
    log('PostgreSQL: dashboard endpoint and the first portfolio of a new instance …');
    const dashboard = await benchDashboard(ctx, bare, slugs(8), quick ? 40 : 400);
    rows.push([
      'PostgreSQL',
      `GET /api/plans/:slug/dashboard, ${dashboard.endpoint.n} requests, p50 / p95`,
      `${fmt(dashboard.endpoint.p50)} / ${fmt(dashboard.endpoint.p95)}`,
      `${fmt(dashboard.bareSql.p50)} / ${fmt(dashboard.bareSql.p95)}`,
      `${dashboard.ratioP50.toFixed(2)}× (p50)`,
    ]);
    const firstPortfolio = await benchFirstPortfolio(url, clock);
    rows.push(...firstPortfolioRows('PostgreSQL', firstPortfolio));
    log('PostgreSQL: two app instances, concurrent readers …');
    // Two app instances as a deployment runs them: separate processes (one core each) on one database.
    const fixedTime = { env: { KOTEI_CLOCK: '2025-07-15T10:00:00+09:00' } };
    const instances = await Promise.all([startInstance(url, fixedTime), startInstance(url, fixedTime)]);
    const urls = instances.map((instance) => instance.url);
    const picks = slugs(8);
    const pick = (i: number): string => picks[i % picks.length] ?? 'synthetic-001';
    const http = await concurrently(HTTP_REQUESTS, CONCURRENCY, async (i) => {
      const res = await fetch(`${urls[i % urls.length] ?? ''}/api/plans/${pick(i)}`);
      if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
      await res.arrayBuffer();
    });
    const bareConcurrent = await concurrently(HTTP_REQUESTS, CONCURRENCY, (i) => bare(pick(i)));
    const httpTiming = summarize(http.samples);
    const bareTiming = summarize(bareConcurrent.samples);
    const twoInstances = {
      requests: HTTP_REQUESTS,
      concurrency: CONCURRENCY,
      http: { ...httpTiming, perSecond: (HTTP_REQUESTS / http.wallMs) * 1000 },
      bareSql: { ...bareTiming, perSecond: (HTTP_REQUESTS / bareConcurrent.wallMs) * 1000 },
      ratioP50: httpTiming.p50 / bareTiming.p50,
    };
    rows.push([
      'PostgreSQL, 2 app processes',
      `GET plan tree, ${CONCURRENCY} concurrent, p50`,
      fmt(httpTiming.p50),
      fmt(bareTiming.p50),
      `${twoInstances.ratioP50.toFixed(2)}×`,
    ]);
    rows.push([
      'PostgreSQL, 2 app processes',
      `GET plan tree, p95`,
      fmt(httpTiming.p95),
      fmt(bareTiming.p95),
      `${(httpTiming.p95 / bareTiming.p95).toFixed(2)}×`,
    ]);
    rows.push([
      'PostgreSQL, 2 app processes',
      'throughput',
      `${twoInstances.http.perSecond.toFixed(0)} req/s`,
      `${twoInstances.bareSql.perSecond.toFixed(0)} trees/s`,
      '',
    ]);
    results.postgres = { loadMs, tree, search, dashboard, firstPortfolio, twoInstances };
    await Promise.all(instances.map((instance) => instance.stop()));
    await pool.end();
    await ctx.close();
  } finally {
    cluster.stop();
  }
}

// The importer on the seed, a 100× document, and one-sheet documents at scale.
async function benchImporters(results: Results, rows: string[][]): Promise<void> {
  log('importer …');
  const imports = await benchImport(
    new URL('../../packages/server/sample/drug-discovery-2024.follow-up.md', import.meta.url),
    100,
    quick ? 2 : 5,
  );
  results.import = imports;
  rows.push([
    'importer',
    `read the seed (${imports.seedChars.toLocaleString('en')} chars), p50`,
    fmt(imports.seed.p50),
    '',
    '',
  ]);
  rows.push([
    'importer',
    `read a ${imports.copies}× document, p50`,
    fmt(imports.large.p50),
    '',
    `${imports.perCopyRatio.toFixed(2)}× per copy (1.0 = linear)`,
  ]);

  log('importer at scale: one-sheet documents, and /api/health during a large preview …');
  const scale = await importScaleInChild(quick);
  results.importScale = scale;
  rows.push(...importScaleRows(scale));
}

// The seed dashboard in Chromium, then the status engine against a bare loop.
async function benchBrowserAndEngine(results: Results, rows: string[][]): Promise<void> {
  log('Chromium: the seed plan dashboard …');
  const page = await benchPageLoad('/plans/drug-discovery-2024/dashboard', quick ? 2 : 5);
  results.pageLoad = page;
  rows.push([
    'Chromium',
    `${page.path}: largest contentful paint, p50 of ${page.lcpMs.length}`,
    fmt(page.lcpP50),
    '',
    '',
  ]);
  rows.push([
    'Chromium',
    `JavaScript before it (${page.jsFiles} files), gzipped`,
    `${(page.jsGzipBytes / 1024).toFixed(1)} KB`,
    '',
    `${(page.jsBytes / 1024).toFixed(1)} KB raw`,
  ]);

  log('status engine …');
  const status = await statusInChild(quick);
  results.status = status;
  rows.push(...statusRows(status));
}

function printTable(counts: Record<string, number>, rows: string[][]): void {
  const header = ['database', 'measure', 'kotei', 'bare SQL', 'ratio'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(
    `portfolio: ${Object.entries(counts)
      .map(([k, v]) => `${k} ${v.toLocaleString('en')}`)
      .join(', ')}`,
  );
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) console.log(line(row));
}

async function benchSignInStorm(results: Results, rows: string[][]): Promise<void> {
  log('sign-in storm …');
  const storm = await signInStormInChild(quick);
  results.signInStorm = storm;
  rows.push(...signInStormRows(storm));
}

// 50 reporters writing one round for a minute, in a process of its own (it starts app instances of its own).
async function benchRoundLoad(results: Results, rows: string[][]): Promise<void> {
  log('round load …');
  const bench = await roundLoadInChild(quick);
  results.roundLoad = bench;
  rows.push(...roundLoadRows(bench));
}

// One section alone (`--sign-in-storm`, `--round-load`), its results in a file of its own.
async function runAlone(
  name: string,
  section: (results: Results, rows: string[][]) => Promise<void>,
): Promise<void> {
  const results: Results = {
    date: new Date().toISOString(),
    machine: { node: process.version, cpus: cpus().length },
  };
  const rows: string[][] = [];
  await section(results, rows);
  printTable({}, rows);
  mkdirSync(new URL('../results/', import.meta.url), { recursive: true });
  writeFileSync(
    new URL(`../results/bench-${name}.json`, import.meta.url),
    `${JSON.stringify(results, null, 2)}\n`,
  );
}

async function main(): Promise<void> {
  if (roundLoadOnly) return runAlone('round-load', benchRoundLoad);
  if (stormOnly) return runAlone('sign-in-storm', benchSignInStorm);
  log(`generating the synthetic portfolio (${quick ? 'quick' : 'government scale'}) …`);
  const docs = Array.from({ length: size.plans }, (_, i) => PlanDocument.parse(syntheticPlan(i, size)));
  const counts = portfolioCounts(size);
  const results: Results = {
    date: new Date().toISOString(),
    machine: { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? '' },
    portfolio: counts,
  };
  const rows: string[][] = [];
  await benchSqliteEngine(docs, results, rows);
  await benchPostgresEngine(docs, results, rows);
  await benchImporters(results, rows);
  await benchSignInStorm(results, rows);
  await benchRoundLoad(results, rows);
  await benchBrowserAndEngine(results, rows);
  printTable(counts, rows);
  mkdirSync(new URL('../results/', import.meta.url), { recursive: true });
  const out = new URL(`../results/bench-${quick ? 'quick' : 'full'}.json`, import.meta.url);
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`written to ${out.pathname}`);
}

await main();
