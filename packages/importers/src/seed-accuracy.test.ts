import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PlanDocument } from '@kotei/contracts';
import { parsePeriod } from '@kotei/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import expected from './fixtures/seed-expected.json' with { type: 'json' };
import { parseFollowUp } from './index.js';
import type { ParseIssue } from './index.js';

const SEED_URL = new URL('../../server/sample/drug-discovery-2024.follow-up.md', import.meta.url);
// SHA-256 of the seed as published (../shared/seeds/004_b47fbf0a9a739e74.txt), which the repository copy must equal.
const SEED_SHA256 = '75965a65009ad300eb4e97a8d65e6b1c6b227ff593dbf9747545c87162c4fc51';

type Plan = PlanDocument;
type Sheet = Plan['sheets'][number];
type Measure = Sheet['measures'][number];
type Kpi = Measure['kpis'][number];
type Progress = Measure['progress'][number];
type Project = Measure['projects'][number];

interface ExpectedPoint {
  value: number | null;
  fiscalYear: number;
}
interface ExpectedKpi {
  name: string;
  baseline: ExpectedPoint | null;
  target: ExpectedPoint | null;
}
interface ExpectedBullet {
  startsWith: string;
  ministry: string | null;
}
interface ExpectedLine {
  amountYen: number | null;
  fiscalYear: number | null;
  type: string;
  isPartOf: boolean;
}
interface ExpectedProject {
  name: string;
  ministry: string | null;
  lines: ExpectedLine[];
}
interface ExpectedMeasure {
  title: string;
  repostOf?: { sheet: number; title: string };
  kpis: ExpectedKpi[];
  progress: ExpectedBullet[];
  projects: ExpectedProject[];
}
interface ExpectedSheet {
  number: number;
  title: string;
  measures: ExpectedMeasure[];
  progress: ExpectedBullet[];
  projects: ExpectedProject[];
}

const fixture = expected as unknown as {
  plan: { title: string; owner: string; adoptedOn: string; asOfDate: string };
  goals: { number: number; title: string; outcomes: (ExpectedKpi & { shape: string })[] }[];
  sheets: ExpectedSheet[];
  actuals: { sheet: number; kpi: string; value: number; fiscalYear: number }[];
};

const compact = (text: string): string => text.replace(/\s+/gu, '');
const fiscalYear = (label: string): number | null => {
  const parsed = parsePeriod(label);
  return parsed.ok ? parsed.value.fiscalYear : null;
};

let seed = '';
let plan: Plan;
let issues: ParseIssue[];

beforeAll(() => {
  seed = readFileSync(SEED_URL, 'utf8');
  const result = parseFollowUp(seed, {
    slug: 'drug-discovery-2024',
    sourceName: 'drug-discovery-2024.follow-up.md',
  });
  plan = PlanDocument.parse(result.plan);
  issues = result.issues;
});

function sheetOf(number: number): Sheet {
  const sheet = plan.sheets.find((s) => s.number === number);
  if (sheet === undefined) throw new Error(`sheet ${number} not found`);
  return sheet;
}

// Measures are matched by title in order, so the two FIH measures (sheet ② and its 再掲 in ④) stay apart.
function pairMeasures(sheet: Sheet, wanted: ExpectedSheet): [ExpectedMeasure, Measure | undefined][] {
  const used = new Set<Measure>();
  return wanted.measures.map((measure) => {
    const found = sheet.measures.find((m) => !used.has(m) && compact(m.title) === compact(measure.title));
    if (found !== undefined) used.add(found);
    return [measure, found];
  });
}

function pointMisses(
  where: string,
  name: string,
  want: ExpectedKpi,
  got: Kpi | undefined,
): [number, string[]] {
  const misses: string[] = [];
  let checks = 0;
  for (const side of ['baseline', 'target'] as const) {
    const expectedPoint = want[side];
    const actual = got?.[side] ?? null;
    checks += 2;
    const value = actual?.value ?? null;
    const year = actual === null ? null : fiscalYear(actual.label);
    if ((expectedPoint?.value ?? null) !== value || (expectedPoint === null) !== (actual === null)) {
      misses.push(
        `${where} ${name} ${side} value: expected ${expectedPoint?.value ?? 'none'}, got ${value ?? 'none'}`,
      );
    }
    if ((expectedPoint?.fiscalYear ?? null) !== year) {
      misses.push(
        `${where} ${name} ${side} FY: expected ${expectedPoint?.fiscalYear ?? 'none'}, got ${year ?? 'none'}`,
      );
    }
  }
  return [checks, misses];
}

function matchBullets(where: string, want: ExpectedBullet[], got: Progress[]): string[] {
  const misses: string[] = [];
  const left = [...got];
  for (const bullet of want) {
    const index = left.findIndex((b) => compact(b.text).startsWith(compact(bullet.startsWith)));
    const found = index < 0 ? undefined : left.splice(index, 1)[0];
    if (found === undefined) misses.push(`${where}: no bullet starting "${bullet.startsWith}"`);
    else if (found.ministry !== bullet.ministry) {
      misses.push(
        `${where}: "${bullet.startsWith}" ministry ${found.ministry ?? 'null'}, expected ${bullet.ministry ?? 'null'}`,
      );
    }
  }
  for (const extra of left) misses.push(`${where}: unexpected bullet "${extra.text.slice(0, 30)}"`);
  return misses;
}

function matchProjects(where: string, want: ExpectedProject[], got: Project[]): string[] {
  const misses: string[] = [];
  const left = [...got];
  for (const project of want) {
    const index = left.findIndex((p) => compact(p.name) === compact(project.name));
    const found = index < 0 ? undefined : left.splice(index, 1)[0];
    if (found === undefined) {
      misses.push(`${where}: no project "${project.name}"`);
      continue;
    }
    if (found.ministry !== project.ministry)
      misses.push(`${where}: ${project.name} ministry ${found.ministry ?? 'null'}`);
    const lines = found.lines.map((l) => ({
      amountYen: l.amountYen,
      fiscalYear: l.fiscalYear,
      type: l.type,
      isPartOf: l.isPartOf,
    }));
    if (JSON.stringify(lines) !== JSON.stringify(project.lines)) {
      misses.push(
        `${where}: ${project.name} lines ${JSON.stringify(lines)} ≠ ${JSON.stringify(project.lines)}`,
      );
    }
  }
  for (const extra of left) misses.push(`${where}: unexpected project "${extra.name}"`);
  return misses;
}

describe('parseFollowUp on the seed (drug-discovery-2024.follow-up.md)', () => {
  it('reads the byte-identical copy of the seed', () => {
    const hash = createHash('sha256').update(readFileSync(SEED_URL)).digest('hex');
    // A mismatch means the sample was rewritten, e.g. by `prettier --write .` (it must be in .prettierignore).
    expect(
      hash,
      'packages/server/sample/drug-discovery-2024.follow-up.md is not the seed byte for byte',
    ).toBe(SEED_SHA256);
  });

  it('reads the plan header, the as-of date and the strategic goals', () => {
    expect(plan.title).toBe(fixture.plan.title);
    expect(plan.owner).toBe(fixture.plan.owner);
    expect(plan.adoptedOn).toBe(fixture.plan.adoptedOn);
    expect(plan.round?.asOfDate).toBe(fixture.plan.asOfDate);
    expect(plan.strategicGoals.map((g) => [g.number, g.title])).toEqual(
      fixture.goals.map((g) => [g.number, g.title]),
    );
  });

  it('reads every outcome target (value and fiscal year)', () => {
    const misses: string[] = [];
    for (const goal of fixture.goals) {
      const got = plan.strategicGoals.find((g) => g.number === goal.number);
      expect(got?.outcomes.length, `goal ${goal.number} outcomes`).toBe(goal.outcomes.length);
      goal.outcomes.forEach((outcome, index) => {
        const actual = got?.outcomes[index];
        expect(actual?.shape).toBe(outcome.shape);
        misses.push(...pointMisses(`goal ${goal.number}`, outcome.name, outcome, actual)[1]);
      });
    }
    expect(misses).toEqual([]);
  });

  it('finds all 12 sheets with their titles (② and ③ share one) and every measure', () => {
    expect(plan.sheets.map((s) => [s.number, s.title])).toEqual(
      fixture.sheets.map((s) => [s.number, s.title]),
    );
    const missing: string[] = [];
    for (const wanted of fixture.sheets) {
      const sheet = sheetOf(wanted.number);
      for (const [measure, found] of pairMeasures(sheet, wanted)) {
        if (found === undefined) missing.push(`sheet ${wanted.number}: ${measure.title}`);
        else expect(found.repostOf ?? null).toEqual(measure.repostOf ?? null);
      }
      expect(sheet.measures.length, `measures of sheet ${wanted.number}`).toBe(wanted.measures.length);
    }
    expect(missing).toEqual([]);
  });

  it('reads at least 95% of KPI baseline/target values and fiscal years exactly', () => {
    let checks = 0;
    const misses: string[] = [];
    for (const wanted of fixture.sheets) {
      for (const [measure, found] of pairMeasures(sheetOf(wanted.number), wanted)) {
        const kpis = found?.kpis ?? [];
        expect(kpis.length, `KPIs of ${measure.title}`).toBe(measure.kpis.length);
        for (const kpi of measure.kpis) {
          const got = kpis.find((k) => compact(k.name) === compact(kpi.name));
          if (got === undefined) misses.push(`sheet ${wanted.number}: KPI "${kpi.name}" not found`);
          const [count, kpiMisses] = pointMisses(`sheet ${wanted.number}`, kpi.name, kpi, got);
          checks += count;
          misses.push(...kpiMisses);
        }
      }
    }
    const accuracy = (checks - misses.length) / checks;
    console.log(`KPI accuracy: ${checks - misses.length}/${checks} = ${(accuracy * 100).toFixed(1)}%`);
    if (misses.length > 0) console.log(`KPI misses:\n${misses.join('\n')}`);
    expect(accuracy).toBeGreaterThanOrEqual(0.95);
  });

  it('attributes every progress bullet to the right ministry (null where untagged)', () => {
    const misses: string[] = [];
    for (const wanted of fixture.sheets) {
      const sheet = sheetOf(wanted.number);
      for (const [measure, found] of pairMeasures(sheet, wanted)) {
        misses.push(
          ...matchBullets(
            `sheet ${wanted.number} / ${measure.title}`,
            measure.progress,
            found?.progress ?? [],
          ),
        );
      }
      misses.push(...matchBullets(`sheet ${wanted.number} (sheet level)`, wanted.progress, sheet.progress));
    }
    expect(misses).toEqual([]);
  });

  it("reads every budget line's amount, fiscal year, type and 内数", () => {
    const misses: string[] = [];
    for (const wanted of fixture.sheets) {
      const sheet = sheetOf(wanted.number);
      for (const [measure, found] of pairMeasures(sheet, wanted)) {
        misses.push(
          ...matchProjects(
            `sheet ${wanted.number} / ${measure.title}`,
            measure.projects,
            found?.projects ?? [],
          ),
        );
      }
      misses.push(...matchProjects(`sheet ${wanted.number} (sheet level)`, wanted.projects, sheet.projects));
    }
    expect(misses).toEqual([]);
  });

  it('turns figures stated in progress text into actuals marked extracted_from_text', () => {
    for (const actual of fixture.actuals) {
      const kpi = sheetOf(actual.sheet)
        .measures.flatMap((m) => m.kpis)
        .find((k) => k.name === actual.kpi);
      expect(kpi?.actuals).toEqual([
        expect.objectContaining({ value: actual.value, origin: 'extracted_from_text' }),
      ]);
      expect(fiscalYear(kpi?.actuals[0]?.label ?? '')).toBe(actual.fiscalYear);
    }
    const all = plan.sheets.flatMap((s) => s.measures.flatMap((m) => m.kpis.flatMap((k) => k.actuals)));
    expect(all).toHaveLength(fixture.actuals.length);
  });

  it('keeps provenance on every item: line range and the raw text of that line', () => {
    const lines = seed.split(/\r\n|\r|\n/u);
    const items = plan.sheets.flatMap((s) => [
      ...s.progress,
      ...s.projects,
      ...s.measures.flatMap((m) => [m, ...m.phases, ...m.kpis, ...m.progress, ...m.projects]),
    ]);
    const outcomes = plan.strategicGoals.flatMap((g) => g.outcomes);
    for (const item of [...plan.sheets, ...plan.strategicGoals, ...items, ...outcomes]) {
      const { source } = item;
      expect(source).toBeDefined();
      if (source === undefined) continue;
      expect(source.lineFrom).toBeGreaterThanOrEqual(1);
      expect(source.lineTo).toBeGreaterThanOrEqual(source.lineFrom);
      expect(source.lineTo).toBeLessThanOrEqual(lines.length);
      const span = lines.slice(source.lineFrom - 1, source.lineTo).join('\n');
      // Cells keep their HTML; list items their text without tags.
      const probe = source.rawText
        .replace(/<[^>]*>/gu, '')
        .trim()
        .slice(0, 12);
      expect(span.replace(/<[^>]*>/gu, ''), `line ${source.lineFrom}`).toContain(probe);
    }
  });

  it('gives every KPI and outcome a unique, stable key', () => {
    const keys = [
      ...plan.strategicGoals.flatMap((g) => g.outcomes),
      ...plan.sheets.flatMap((s) => s.measures.flatMap((m) => m.kpis)),
    ].map((k) => k.key);
    expect(keys.every((k) => typeof k === 'string' && k !== '')).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
    const again = PlanDocument.parse(parseFollowUp(seed, { slug: 'drug-discovery-2024' }).plan);
    expect(again).toEqual(plan);
  });

  it('reports the quirks it met as issues, and the counts', () => {
    const codes = new Map<string, number>();
    for (const issue of issues) codes.set(issue.code, (codes.get(issue.code) ?? 0) + 1);
    const untagged = issues.filter((i) => i.code === 'untagged-progress').map((i) => i.line);
    expect(untagged).toEqual([91, 104, 200]);
    expect(issues.some((i) => i.code === 'goal-without-outcomes' && i.line === 21)).toBe(true);
    expect(issues.some((i) => i.code === 'adopted-day-assumed')).toBe(true);
    expect(issues.every((i) => i.line >= 1 && i.found !== '' && i.expected !== '' && i.message !== '')).toBe(
      true,
    );
    const measures = plan.sheets.flatMap((s) => s.measures);
    const projects = [...plan.sheets.flatMap((s) => s.projects), ...measures.flatMap((m) => m.projects)];
    const counts = {
      sheets: plan.sheets.length,
      measures: measures.length,
      phases: measures.flatMap((m) => m.phases).length,
      kpis: measures.flatMap((m) => m.kpis).length,
      outcomes: plan.strategicGoals.flatMap((g) => g.outcomes).length,
      bullets: [...plan.sheets.flatMap((s) => s.progress), ...measures.flatMap((m) => m.progress)].length,
      projects: projects.length,
      budgetLines: projects.flatMap((p) => p.lines).length,
      extractedActuals: measures.flatMap((m) => m.kpis.flatMap((k) => k.actuals)).length,
      issues: issues.length,
    };
    console.log(`Seed counts: ${JSON.stringify(counts)}`);
    console.log(`Issues by code: ${JSON.stringify(Object.fromEntries([...codes].sort()))}`);
    expect(counts).toMatchObject({ sheets: 12, measures: 26, kpis: 30, outcomes: 7 });
  });
});
