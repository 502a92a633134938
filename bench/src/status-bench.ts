import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { PlanDocument } from '@kotei/contracts';
import {
  evaluateKpi,
  parsePeriod,
  rollUpPlan,
  type KpiForStatus,
  type ObservationForStatus,
  type PeriodValue,
} from '@kotei/domain';
import type { PortfolioSize } from './portfolio.js';
import { syntheticPlan } from './portfolio.js';
import { summarize, time, type Timing } from './stats.js';

/** What the status benchmarks measured. */
export interface StatusBench {
  kpis: number;
  actuals: number;
  evaluate: Timing;
  bareLoop: Timing;
  ratio: number;
  rollUp: Timing;
  cli: { series: number; ms: number; floorMs: number; ratio: number };
}

function period(label: string): PeriodValue {
  const parsed = parsePeriod(label);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const { start, end, fiscalYear } = parsed.value;
  return { start, end, fiscalYear, label };
}

/** Build the portfolio's KPIs and actuals as the status engine reads them, in memory. */
function portfolioKpis(size: PortfolioSize): { kpi: KpiForStatus; observations: ObservationForStatus[] }[] {
  const items: { kpi: KpiForStatus; observations: ObservationForStatus[] }[] = [];
  for (let p = 0; p < size.plans; p += 1) {
    const doc = PlanDocument.parse(syntheticPlan(p, size));
    for (const kpi of doc.sheets.flatMap((s) => s.measures.flatMap((m) => m.kpis))) {
      const id = `${p}:${items.length}`;
      items.push({
        kpi: {
          id,
          name: kpi.name,
          unit: kpi.unit,
          shape: kpi.shape,
          direction: kpi.direction,
          baseline: kpi.baseline && { value: kpi.baseline.value, period: period(kpi.baseline.label) },
          target: kpi.target && { value: kpi.target.value, period: period(kpi.target.label) },
        },
        observations: kpi.actuals.map((a) => ({ value: a.value, period: period(a.label) })),
      });
    }
  }
  return items;
}

/**
 * Statuses of every KPI of the portfolio against a bare loop over the same arrays (the floor: reading each
 * actual once), the plan roll-up, and `kotei status` end to end on as many series against node reading and
 * writing the same JSON.
 */
export async function benchStatus(size: PortfolioSize, samples: number): Promise<StatusBench> {
  const items = portfolioKpis(size);
  const asOf = '2025-06-30';
  const actuals = items.reduce((n, item) => n + item.observations.length, 0);
  let sink = 0;
  const evaluate = summarize(
    await time(samples, 2, () => {
      for (const item of items) sink += evaluateKpi(item.kpi, item.observations, asOf).score ?? 0;
    }),
  );
  const bareLoop = summarize(
    await time(samples, 2, () => {
      // The floor touches what the engine reads: each actual's value and period, the baseline and the target.
      for (const item of items) {
        let sum = (item.kpi.baseline?.value ?? 0) + (item.kpi.target?.value ?? 0);
        for (const o of item.observations) {
          const { start, end, fiscalYear } = o.period;
          if (end !== null && end <= asOf) sum += o.value + (fiscalYear ?? start.length);
        }
        sink += sum;
      }
    }),
  );
  const statuses = items.map((item) => evaluateKpi(item.kpi, item.observations, asOf));
  const placements = items.map((item) => ({ id: item.kpi.id, measureId: item.kpi.id, goalId: null }));
  const rollUp = summarize(await time(samples, 2, () => rollUpPlan(placements, statuses)));

  // `kotei status` on one series per KPI, with years as the batch format has them.
  const series = items.map((item) => ({
    series: item.observations.map((o, i) => ({ year: 2005 + i, value: o.value })),
    config: {
      direction: item.kpi.direction,
      base_year: 2005,
      target: item.kpi.target?.value ?? null,
      target_year: item.kpi.target === null ? null : 2028,
      limit: null,
    },
  }));
  const input = JSON.stringify(series);
  const kotei = fileURLToPath(new URL('../../packages/server/bin/kotei.js', import.meta.url));
  const run = (args: string[]): number => {
    const start = performance.now();
    const result = spawnSync(process.execPath, args, { input, maxBuffer: 256 * 1024 * 1024 });
    if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr.toString()}`);
    return performance.now() - start;
  };
  const ms = Math.min(
    run([kotei, 'status', '--method', 'open-sdg']),
    run([kotei, 'status', '--method', 'open-sdg']),
  );
  // The floor: start node, read the same JSON, write an answer of the same length.
  const floor = [
    '-e',
    "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const a=JSON.parse(s);process.stdout.write(JSON.stringify(a.map(()=>({status:'no_data',progressValue:null,score:null}))))})",
  ];
  const floorMs = Math.min(run(floor), run(floor));
  if (sink === Number.POSITIVE_INFINITY) throw new Error('unreachable');
  return {
    kpis: items.length,
    actuals,
    evaluate,
    bareLoop,
    ratio: evaluate.p50 / bareLoop.p50,
    rollUp,
    cli: { series: series.length, ms, floorMs, ratio: ms / floorMs },
  };
}
