// Revisions (#13) at scale: the semantic diff of two revisions of the synthetic portfolio's largest plan, and
// the plan read as it stood at revision 1 (time travel), each against reading the current plan in the same run,
// through the whole server (inject); and a search of revision 1 (built and matched in memory) against the same
// search of the current plan (the index). Interleaved rounds, so a busy moment of the machine falls on all alike.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PlanDocument, type PlanTree } from '@kotei/contracts';
import { fixedClock, type PlanEdit } from '@kotei/domain';
import { buildApp, openContext } from '@kotei/server';
import { GOVERNMENT_SCALE, portfolioCounts } from './portfolio.js';
import { syntheticPlan } from './portfolio.js';
import { summarize, type Timing } from './stats.js';

/** What the revision benchmark measured. */
export interface RevisionBench {
  measures: number;
  kpis: number;
  changes: number;
  current: Timing;
  diff: Timing;
  timeTravel: Timing;
  search: Timing;
  searchTravel: Timing;
  /** Medians over rounds of each read ÷ the current plan's read in the same round. */
  diffRatio: number;
  timeTravelRatio: number;
  /** Median over rounds of the search of revision 1 ÷ the same search of the current plan. */
  searchTravelRatio: number;
}

const clock = fixedClock('2025-07-15T10:00:00+09:00');

// A revision touching the plan as a 見直し would: retargets, phase moves, splits and retirements.
function revisionEdits(tree: PlanTree): PlanEdit[] {
  const measures = tree.sheets.flatMap((s) => s.measures).filter((m) => !m.isRepost);
  const edits: PlanEdit[] = [];
  measures.forEach((m, i) => {
    const [kpi, other] = m.kpis;
    if (i % 2 === 0 && kpi?.target)
      edits.push({
        op: 'kpi.update',
        id: kpi.id,
        target: { value: (kpi.target.value ?? 0) + 1, period: kpi.target.period.label },
      });
    const phase = m.phases[0];
    if (i % 3 === 0 && phase)
      edits.push({ op: 'phase.update', id: phase.id, text: `${phase.text}（見直し）` });
    if (i % 10 === 5 && other)
      edits.push({
        op: 'measure.split',
        id: m.id,
        parts: [
          { id: m.id, title: m.title, ministries: m.ministries, kpiIds: [], phaseIds: [] },
          {
            id: randomUUID(),
            title: `${m.title}（分割）`,
            ministries: m.ministries,
            kpiIds: [other.id],
            phaseIds: [],
          },
        ],
      });
    if (i % 10 === 7 && other) edits.push({ op: 'retire', kind: 'kpi', id: other.id });
  });
  return edits;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/** Run the benchmark on a fresh SQLite database. */
export async function benchRevisions(rounds = 30): Promise<RevisionBench> {
  const dir = mkdtempSync(join(tmpdir(), 'kotei-revision-bench-'));
  const ctx = await openContext({
    databaseUrl: `sqlite:${join(dir, 'bench.db')}`,
    cwd: process.cwd(),
    clock,
  });
  const app = await buildApp(ctx, { logLevel: 'silent', webRoot: null, secureCookies: false });
  try {
    const doc = PlanDocument.parse(syntheticPlan(0, GOVERNMENT_SCALE));
    const { slug } = await ctx.plans.create('system', doc);
    const { user } = await ctx.users.add('system', {
      login: 'bench-coord',
      password: 'bench passphrase one',
      role: 'coordinator',
      displayName: 'bench',
    });
    const actor = { user, requestId: null };
    const url = `/api/plans/${slug}`;
    const tree = (await app.inject({ url })).json<PlanTree>();
    await ctx.revisions.openDraft(actor, slug);
    const edits = revisionEdits(tree);
    let version = 0;
    for (let i = 0; i < edits.length; i += 200) {
      version = (await ctx.revisions.edit(actor, slug, { version, edits: edits.slice(i, i + 200) })).version;
    }
    const adopted = await ctx.revisions.adopt(actor, slug, { reason: 'ベンチマークの見直し', version });
    const get = async (path: string): Promise<number> => {
      const start = performance.now();
      const res = await app.inject({ url: path });
      if (res.statusCode !== 200) throw new Error(`${path}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      return performance.now() - start;
    };
    const reads = {
      current: url,
      diff: `${url}/revisions/diff?from=1&to=2`,
      timeTravel: `${url}?revision=1`,
      search: `/api/search?q=${encodeURIComponent('施策')}&plan=${slug}`,
      searchTravel: `/api/search?q=${encodeURIComponent('施策')}&plan=${slug}&revision=1`,
    };
    type Read = keyof typeof reads;
    for (let i = 0; i < 3; i += 1) for (const path of Object.values(reads)) await get(path);
    const keys = Object.keys(reads) as Read[];
    const samples = Object.fromEntries(keys.map((k) => [k, [] as number[]])) as Record<Read, number[]>;
    const ratios = { diff: [] as number[], timeTravel: [] as number[], searchTravel: [] as number[] };
    for (let round = 0; round < rounds; round += 1) {
      const order = round % 2 === 0 ? keys : [...keys].reverse();
      const ms = Object.fromEntries(keys.map((k) => [k, 0])) as Record<Read, number>;
      for (const key of order) ms[key] = await get(reads[key]);
      for (const key of order) samples[key].push(ms[key]);
      ratios.diff.push(ms.diff / ms.current);
      ratios.timeTravel.push(ms.timeTravel / ms.current);
      ratios.searchTravel.push(ms.searchTravel / ms.search);
    }
    return {
      measures: tree.sheets.flatMap((s) => s.measures).length,
      kpis: portfolioCounts({ ...GOVERNMENT_SCALE, plans: 1 }).kpis ?? 0,
      changes: adopted.changeCount,
      current: summarize(samples.current),
      diff: summarize(samples.diff),
      timeTravel: summarize(samples.timeTravel),
      search: summarize(samples.search),
      searchTravel: summarize(samples.searchTravel),
      diffRatio: median(ratios.diff),
      timeTravelRatio: median(ratios.timeTravel),
      searchTravelRatio: median(ratios.searchTravel),
    };
  } finally {
    await app.close();
    await ctx.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  const result = await benchRevisions(Number(process.env.BENCH_ROUNDS ?? 30));
  const ms = (t: Timing) => `p50 ${t.p50.toFixed(1)} ms, p95 ${t.p95.toFixed(1)} ms`;
  console.log(
    `largest synthetic plan: ${result.measures} measures, ${result.kpis} KPIs; revision 2 makes ${result.changes} changes`,
  );
  console.log(`current plan read (GET /api/plans/:slug):     ${ms(result.current)}`);
  console.log(
    `diff of revisions 1 → 2:                       ${ms(result.diff)}  ratio ${result.diffRatio.toFixed(2)}×`,
  );
  console.log(
    `time travel read (?revision=1):                ${ms(result.timeTravel)}  ratio ${result.timeTravelRatio.toFixed(2)}×`,
  );
  console.log(`search of the current plan (q=施策):            ${ms(result.search)}`);
  console.log(
    `search of revision 1 (q=施策&revision=1):       ${ms(result.searchTravel)}  ratio ${result.searchTravelRatio.toFixed(2)}× the current search`,
  );
}
