import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { PlanDocument } from '@kotei/contracts';
import {
  AsOfDate,
  evaluateKpi,
  evaluateKpiAbnf,
  evaluateKpiWithAbnf,
  parsePeriod,
  rollUpPlan,
  type KpiForStatus,
  type ObservationForStatus,
  type PeriodValue,
} from '@kotei/domain';
import type { PortfolioSize } from './portfolio.js';
import { GOVERNMENT_SCALE, syntheticPlan } from './portfolio.js';
import { summarize, time, type Timing } from './stats.js';

/** What the status benchmarks measured. */
export interface StatusBench {
  kpis: number;
  actuals: number;
  evaluate: Timing;
  bareLoop: Timing;
  /** The median over rounds of engine ÷ bare loop, each round measuring both back to back. */
  ratio: number;
  rollUp: Timing;
  cli: { series: number; ms: number; floorMs: number; ratio: number };
  /** The same portfolio graded A/B/N/F (#16), against the same bare loop. */
  abnf: { evaluate: Timing; bareLoop: Timing; ratio: number; cli: { ms: number; ratio: number } };
  /** Both from one reading of each KPI, as the server's status path computes them. */
  both: { evaluate: Timing; bareLoop: Timing; ratio: number };
}

function period(label: string): PeriodValue {
  const parsed = parsePeriod(label);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const { start, end, fiscalYear } = parsed.value;
  return { start, end, fiscalYear, label };
}

/** Build the portfolio's KPIs and actuals as the status engine reads them, in memory. */
function portfolioKpis(size: PortfolioSize): Item[] {
  const items: Item[] = [];
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

type Item = { kpi: KpiForStatus; observations: ObservationForStatus[] };

/**
 * The engine and the bare loop over the same items, interleaved: each round runs both back to back, in turns
 * first, so a busy moment of the machine or a collection falls on both alike; a few rounds warm both up first.
 */
function engineAgainstBareLoop(
  items: readonly Item[],
  asOfDate: string,
  rounds: number,
  judge: (item: Item, asOf: AsOfDate) => number,
): Pick<StatusBench, 'evaluate' | 'bareLoop' | 'ratio'> {
  // Checked once, as computePlanStatuses does for a plan's KPIs.
  const asOf = AsOfDate.of(asOfDate);
  let sink = 0;
  const engine = (): void => {
    for (const item of items) sink += judge(item, asOf);
  };
  // The floor touches what the engine reads: each actual's value and period, the baseline and the target.
  const bare = (): void => {
    for (const item of items) {
      let sum = (item.kpi.baseline?.value ?? 0) + (item.kpi.target?.value ?? 0);
      for (const o of item.observations) {
        const { start, end, fiscalYear } = o.period;
        if (end !== null && end <= asOfDate) sum += o.value + (fiscalYear ?? start.length);
      }
      sink += sum;
    }
  };
  const timed = (run: () => void): number => {
    const start = performance.now();
    run();
    return performance.now() - start;
  };
  for (let i = 0; i < 3; i += 1) {
    engine();
    bare();
  }
  const engineMs: number[] = [];
  const bareMs: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    let engineRound: number;
    let bareRound: number;
    if (round % 2 === 0) {
      engineRound = timed(engine);
      bareRound = timed(bare);
    } else {
      bareRound = timed(bare);
      engineRound = timed(engine);
    }
    engineMs.push(engineRound);
    bareMs.push(bareRound);
    ratios.push(engineRound / bareRound);
  }
  if (sink === Number.POSITIVE_INFINITY) throw new Error('unreachable');
  return { evaluate: summarize(engineMs), bareLoop: summarize(bareMs), ratio: summarize(ratios).p50 };
}

/**
 * Statuses of every KPI of the portfolio against a bare loop over the same arrays (the floor: reading each
 * actual once), the plan roll-up, and `kotei status` end to end on as many series against node reading and
 * writing the same JSON. `npm run bench` runs it in a process of its own (below), so the heap and collector
 * of earlier sections do not weigh on the engine's loop.
 */
export async function benchStatus(size: PortfolioSize, rounds: number): Promise<StatusBench> {
  const items = portfolioKpis(size);
  const asOf = '2025-06-30';
  const actuals = items.reduce((n, item) => n + item.observations.length, 0);
  const { evaluate, bareLoop, ratio } = engineAgainstBareLoop(
    items,
    asOf,
    rounds,
    (item, at) => evaluateKpi(item.kpi, item.observations, at).score ?? 0,
  );
  const abnf = engineAgainstBareLoop(
    items,
    asOf,
    rounds,
    (item, at) => evaluateKpiAbnf(item.kpi, item.observations, at).progress ?? 0,
  );
  const both = engineAgainstBareLoop(items, asOf, rounds, (item, at) => {
    const judged = evaluateKpiWithAbnf(item.kpi, item.observations, at);
    return (judged.status.score ?? 0) + (judged.abnf.progress ?? 0);
  });
  const statuses = items.map((item) => evaluateKpi(item.kpi, item.observations, asOf));
  const placements = items.map((item) => ({ id: item.kpi.id, measureId: item.kpi.id, goalId: null }));
  const rollUp = summarize(await time(rounds, 2, () => rollUpPlan(placements, statuses)));

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
  const abnfMs = Math.min(
    run([kotei, 'status', '--method', 'abnf']),
    run([kotei, 'status', '--method', 'abnf']),
  );
  return {
    kpis: items.length,
    actuals,
    evaluate,
    bareLoop,
    ratio,
    rollUp,
    cli: { series: series.length, ms, floorMs, ratio: ms / floorMs },
    abnf: { ...abnf, cli: { ms: abnfMs, ratio: abnfMs / floorMs } },
    both,
  };
}

/** The benchmark's lines for the results table. */
export function statusRows(status: StatusBench): string[][] {
  const fmt = (ms: number): string => `${ms.toFixed(1)} ms`;
  return [
    [
      'status engine',
      `${status.kpis.toLocaleString('en')} KPIs, ${status.actuals.toLocaleString('en')} actuals, p50 of ${status.evaluate.n} rounds`,
      fmt(status.evaluate.p50),
      fmt(status.bareLoop.p50),
      `${status.ratio.toFixed(1)}× (bare loop, median of rounds)`,
    ],
    [
      'status engine',
      `A/B/N/F grades of the same ${status.kpis.toLocaleString('en')} KPIs, p50 of ${status.abnf.evaluate.n} rounds`,
      fmt(status.abnf.evaluate.p50),
      fmt(status.abnf.bareLoop.p50),
      `${status.abnf.ratio.toFixed(1)}× (bare loop, median of rounds)`,
    ],
    [
      'status engine',
      `both methods from one reading (the server's status path), p50 of ${status.both.evaluate.n} rounds`,
      fmt(status.both.evaluate.p50),
      fmt(status.both.bareLoop.p50),
      `${status.both.ratio.toFixed(1)}× (bare loop, median of rounds)`,
    ],
    ['status engine', 'plan roll-up of every KPI, p50', fmt(status.rollUp.p50), '', ''],
    [
      'status engine',
      `kotei status, ${status.cli.series.toLocaleString('en')} series end to end`,
      fmt(status.cli.ms),
      fmt(status.cli.floorMs),
      `${status.cli.ratio.toFixed(2)}× (node read+write)`,
    ],
    [
      'status engine',
      `kotei status --method abnf, ${status.cli.series.toLocaleString('en')} series end to end`,
      fmt(status.abnf.cli.ms),
      fmt(status.cli.floorMs),
      `${status.abnf.cli.ratio.toFixed(2)}× (node read+write)`,
    ],
  ];
}

/** The portfolio the status section judges: the benchmark's, or a small one with --quick. */
export function statusPortfolio(quick: boolean): PortfolioSize {
  return quick ? { ...GOVERNMENT_SCALE, plans: 4, sheetsPerPlan: 3 } : GOVERNMENT_SCALE;
}

// Runnable alone: `node bench/dist/status-bench.js [--quick] [--json]`; `npm run bench` runs it so, with --json,
// in a process of its own.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const quick = process.argv.includes('--quick');
  const bench = await benchStatus(statusPortfolio(quick), quick ? 5 : 21);
  if (process.argv.includes('--json')) console.log(JSON.stringify(bench));
  else for (const row of statusRows(bench)) console.log(`| ${row.join(' | ')} |`);
}
