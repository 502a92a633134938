import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PlanDocument } from '@kotei/contracts';
import { fixedClock } from '@kotei/domain';
import { buildApp, openContext, prepareFirstStart } from '@kotei/server';
import { syntheticPlan, type PortfolioSize } from './portfolio.js';
import { summarize } from './stats.js';

// `node bench/dist/report-bench.js`: the follow-up report end to end (GET /api/plans/:slug/report, from the
// database to the last byte) as PDF and xlsx, for the seed plan and a 40-sheet synthetic plan, each case in a
// process of its own so that its peak memory is its own. The baseline, measured in the same process, is the
// plan tree read (GET /api/plans/:slug) the report is made from.

/** A 40-sheet plan as dense as the seed's sheets: 3 measures a sheet, 2 KPIs, 3 bullets, 1 project. */
const FORTY_SHEETS: PortfolioSize = {
  plans: 1,
  sheetsPerPlan: 40,
  measuresPerSheet: 3,
  kpisPerMeasure: 2,
  actualYears: 5,
  projectsPerMeasure: 1,
  linesPerProject: 2,
  bulletsPerMeasure: 3,
};
const CASES = ['seed', 'synthetic-40'] as const;
const FORMATS = ['pdf', 'xlsx'] as const;
const WARM_RUNS = 5;

interface CaseResult {
  plan: (typeof CASES)[number];
  format: (typeof FORMATS)[number];
  bytes: number;
  pages: number | null;
  /** The first report of the process: for a PDF, Chromium starts with it. */
  coldMs: number;
  /** Median of the next runs. */
  warmMs: number;
  /** Median of the plan tree read, the report's input. */
  treeMs: number;
  ratio: number;
  /** Peak resident memory of the Node process over the whole case, and of Chromium's processes at once. */
  nodePeakMb: number;
  chromiumPeakMb: number;
}

/** Resident memory (MB) of every descendant of this process: Chromium's browser, renderer and GPU processes. */
function descendantsRssMb(): number {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // The process ended while it was read.
    }
  }
  const mine = new Set([process.pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of parents) {
      if (!mine.has(pid) && mine.has(ppid)) {
        mine.add(pid);
        grew = true;
      }
    }
  }
  let kb = 0;
  for (const pid of mine) {
    if (pid === process.pid) continue;
    try {
      const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      kb += Number(rss?.[1] ?? 0);
    } catch {
      // Ended meanwhile.
    }
  }
  return kb / 1024;
}

async function runCase(plan: (typeof CASES)[number], format: (typeof FORMATS)[number]): Promise<CaseResult> {
  const dir = mkdtempSync(join(tmpdir(), 'kotei-report-bench-'));
  const ctx = await openContext({
    databaseUrl: `sqlite:${join(dir, 'kotei.db')}`,
    cwd: dir,
    clock: fixedClock('2025-07-15T10:00:00+09:00'),
  });
  let chromiumPeakMb = 0;
  const sampler = setInterval(() => {
    chromiumPeakMb = Math.max(chromiumPeakMb, descendantsRssMb());
  }, 20);
  try {
    let slug = 'drug-discovery-2024';
    if (plan === 'seed') await prepareFirstStart(ctx, { loadSample: true });
    else slug = (await ctx.plans.create('system', PlanDocument.parse(syntheticPlan(0, FORTY_SHEETS)))).slug;
    const app = await buildApp(ctx, { logLevel: 'silent', webRoot: null, secureCookies: false });
    const treeTimes: number[] = [];
    for (let i = 0; i < WARM_RUNS + 1; i++) {
      const start = performance.now();
      const res = await app.inject({ url: `/api/plans/${slug}` });
      if (res.statusCode !== 200) throw new Error(`tree: ${res.statusCode}`);
      if (i > 0) treeTimes.push(performance.now() - start);
    }
    const times: number[] = [];
    let body: Buffer = Buffer.alloc(0);
    for (let i = 0; i < WARM_RUNS + 1; i++) {
      const start = performance.now();
      const res = await app.inject({ url: `/api/plans/${slug}/report?format=${format}` });
      if (res.statusCode !== 200) throw new Error(`${format}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      times.push(performance.now() - start);
      body = res.rawPayload;
    }
    chromiumPeakMb = Math.max(chromiumPeakMb, descendantsRssMb());
    await app.close();
    const warmMs = summarize(times.slice(1)).p50;
    const treeMs = summarize(treeTimes).p50;
    const pages =
      format === 'pdf' ? (body.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? null) : null;
    return {
      plan,
      format,
      bytes: body.length,
      pages,
      coldMs: times[0] ?? 0,
      warmMs,
      treeMs,
      ratio: warmMs / treeMs,
      nodePeakMb: process.resourceUsage().maxRSS / 1024,
      chromiumPeakMb,
    };
  } finally {
    clearInterval(sampler);
    await ctx.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const round = (n: number): string => (n >= 100 ? n.toFixed(0) : n.toFixed(1));

if (process.argv[2] === '--child') {
  const result = await runCase(
    process.argv[3] as (typeof CASES)[number],
    process.argv[4] as (typeof FORMATS)[number],
  );
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  const results: CaseResult[] = [];
  for (const plan of CASES) {
    for (const format of FORMATS) {
      const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', plan, format], {
        encoding: 'utf8',
        maxBuffer: 16 * 1024 * 1024,
      });
      if (child.status !== 0) throw new Error(`${plan} ${format} failed: ${child.stderr}`);
      const line = child.stdout.trim().split('\n').at(-1) ?? '';
      results.push(JSON.parse(line) as CaseResult);
    }
  }
  const head = [
    'plan',
    'format',
    'bytes',
    'pages',
    'cold ms',
    'warm ms',
    'tree ms',
    'warm ÷ tree',
    'node MB',
    'chromium MB',
  ];
  const rows = results.map((r) => [
    r.plan,
    r.format,
    String(r.bytes),
    r.pages === null ? '-' : String(r.pages),
    round(r.coldMs),
    round(r.warmMs),
    round(r.treeMs),
    `${r.ratio.toFixed(1)}×`,
    round(r.nodePeakMb),
    r.format === 'pdf' ? round(r.chromiumPeakMb) : '-',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  for (const row of [head, ...rows])
    console.log(row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  '));
  const out = fileURLToPath(new URL('../results/', import.meta.url));
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'report-bench.json'), `${JSON.stringify(results, null, 2)}\n`);
}
