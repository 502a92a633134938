import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseScore } from './matrix.js';
import { keyedKpiPool, matrixCases, percent, runCase, totals } from './matrix.js';

// Floors under the measured share of fields right per layout family (see the corpus README, "Layout matrix"),
// so a change that breaks a layout fails here.
const FAMILY_FLOORS: Record<string, number> = {
  base: 0.99,
  'column-order': 0.99,
  vocabulary: 0.99,
  unit: 0.99,
  years: 0.99,
  era: 0.99,
  'actual-years': 0.99,
  sections: 0.99,
  note: 0.99,
  title: 0.99,
  'extra-columns': 0.99,
  combined: 0.99,
};
// And per input kind (every family written in it).
const KIND_FLOOR = 0.99;

describe('KPI table layout matrix', () => {
  const scores: CaseScore[] = [];

  beforeAll(async () => {
    const pool = keyedKpiPool();
    for (const testCase of matrixCases()) scores.push(await runCase(testCase, pool));
    if (process.env.KPI_CORPUS_REPORT === '1') {
      const lines = ['per case:'];
      for (const s of scores)
        lines.push(
          `  ${s.family} | ${s.label} | ${s.kind} | ${percent([s.right, s.keyed])} | read ${s.kpisRead}, spurious ${s.spurious}`,
        );
      lines.push('per layout:');
      for (const [label, sum] of totals(scores, (s) => `${s.family} ${s.label}`))
        lines.push(`  ${label}: ${percent(sum)}`);
      lines.push('per family:');
      for (const [family, sum] of totals(scores, (s) => s.family)) lines.push(`  ${family}: ${percent(sum)}`);
      lines.push('per input kind:');
      for (const [kind, sum] of totals(scores, (s) => s.kind)) lines.push(`  ${kind}: ${percent(sum)}`);
      const spurious = scores.filter((s) => s.spurious > 0);
      lines.push(
        `cases with spurious KPIs: ${spurious.length} (${spurious.map((s) => `${s.label} ${s.kind}`).join('; ')})`,
      );
      const all = totals(scores, () => 'all').get('all') ?? [0, 0];
      lines.push(`overall: ${percent(all)}`);
      console.log(lines.join('\n'));
      if (process.env.KPI_MATRIX_MISSES === '1')
        for (const s of scores)
          if (s.misses.length > 0)
            console.log(`${s.label} ${s.kind}:\n  ${s.misses.slice(0, 12).join('\n  ')}`);
    }
  }, 120_000);

  it('writes every layout with KPIs of the answer keys', () => {
    expect(keyedKpiPool().length).toBeGreaterThanOrEqual(24);
    for (const s of scores) expect(s.keyed, `${s.label} ${s.kind}`).toBeGreaterThanOrEqual(8 * 4);
  });

  it('reads each layout family with at least its floor of fields right', () => {
    for (const [family, sum] of totals(scores, (s) => s.family))
      expect(sum[0] / sum[1], `${family}: ${percent(sum)}`).toBeGreaterThanOrEqual(
        FAMILY_FLOORS[family] ?? 1,
      );
  });

  it('reads no section, note or header row as a KPI, in any layout', () => {
    for (const s of scores) expect(s.spurious, `${s.label} ${s.kind}`).toBe(0);
  });

  it(`reads every input kind with at least ${KIND_FLOOR * 100}% of fields right`, () => {
    for (const [kind, sum] of totals(scores, (s) => s.kind))
      expect(sum[0] / sum[1], `${kind}: ${percent(sum)}`).toBeGreaterThanOrEqual(KIND_FLOOR);
  });
});
