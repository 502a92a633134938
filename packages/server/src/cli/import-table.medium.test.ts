import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlanTree } from '@kotei/contracts';
import { runCli, type CliIo } from './main.js';

function capture(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}

const run = (io: CliIo, ...args: string[]): Promise<number> => runCli(['node', 'kotei', ...args], io);
const corpus = (path: string): string =>
  fileURLToPath(new URL(`../../../importers/src/fixtures/kpi-tables/${path}`, import.meta.url));

describe('kotei import of a KPI table', () => {
  let dir: string;
  const saved = { ...process.env };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kotei-table-'));
    process.env.KOTEI_DATABASE_URL = `sqlite:${join(dir, 'kotei.db')}`;
    process.env.KOTEI_CLOCK = '2025-07-15T10:00:00+09:00';
  });
  afterEach(() => {
    process.env = { ...saved };
    rmSync(dir, { recursive: true, force: true });
  });

  it('recognises a Shift_JIS CSV table by its content and prints the plan JSON of a follow-up import', async () => {
    const io = capture();
    const file = corpus('oyabe-city-seika-shihyo/table.csv');
    expect(await run(io, 'import', file, '--slug', 'oyabe', '--dry-run', '--json')).toBe(0);
    const plan = JSON.parse(io.stdout.join('\n')) as PlanTree;
    expect(plan.slug).toBe('oyabe');
    expect(plan.sheets.map((s) => s.title)).toEqual(['生涯学習の促進', '生涯スポーツの促進']);
    const kpis = plan.sheets.flatMap((s) => s.measures).flatMap((m) => m.kpis);
    expect(kpis).toHaveLength(14);
    const library = kpis.find((k) => k.name === '図書館入館者数');
    expect(library).toMatchObject({ unit: '人', baseline: { value: 102521, period: { fiscalYear: 2000 } } });
    expect(library?.actuals.map((a) => a.value)).toEqual([105757, 117857, 65016]);
    expect(io.stderr.every((line) => /table\.csv:\d+ \[line \d+, cell \d+\]/.test(line))).toBe(true);
    expect(existsSync(join(dir, 'kotei.db'))).toBe(false);
  });

  it('imports an xlsx workbook, every worksheet, and writes the plan', async () => {
    const io = capture();
    expect(await run(io, 'import', corpus('shougai-hakusho-h26-5year/table.xlsx'), '--slug', 'hakusho')).toBe(
      0,
    );
    expect(io.stdout.join('\n')).toMatch(/imported .*table\.xlsx as plan .* \(slug hakusho\)/);
  });

  it('refuses a table with no recognisable header, naming the rows it looked at, and writes nothing', async () => {
    const file = join(dir, 'sales.csv');
    writeFileSync(file, '売上,前年\n100,90\n110,95\n');
    const io = capture();
    expect(await run(io, 'import', file)).toBe(1);
    expect(io.stderr.join('\n')).toContain('No KPI table header was found (looked at rows at lines 1–3)');
    const db = new Database(join(dir, 'kotei.db'), { readonly: true });
    try {
      expect(db.prepare('select count(*) as n from plan').get()).toEqual({ n: 0 });
      expect(db.prepare("select count(*) as n from audit_event where action like 'plan.%'").get()).toEqual({
        n: 0,
      });
    } finally {
      db.close();
    }
  });

  it('adds a table to the proposed measures of an existing plan with --into, after a dry run that writes nothing', async () => {
    const town = join(dir, 'town.csv');
    writeFileSync(
      town,
      '生涯学習の推進,,\n指標名,現状,目標\n図書館入館者数,"100,000人(2020年)","120,000人(2027年)"\n',
    );
    expect(await run(capture(), 'import', town, '--slug', 'town')).toBe(0);
    const file = corpus('oyabe-city-seika-shihyo/table.csv');
    const kpis = () => {
      const db = new Database(join(dir, 'kotei.db'), { readonly: true });
      try {
        return (db.prepare('select count(*) as n from kpi').get() as { n: number }).n;
      } finally {
        db.close();
      }
    };
    const dry = capture();
    expect(await run(dry, 'import', file, '--into', 'town', '--dry-run')).toBe(0);
    expect(dry.stdout).toContain('2-1 生涯スポーツの促進: 5 KPI(s) → no measure agrees (left out)');
    expect(dry.stdout.join('\n')).toMatch(
      /1-1 生涯学習の促進: 9 KPI\(s\) → 生涯学習の推進 \(score [0-9.]+\), 1 already there/,
    );
    expect(kpis()).toBe(1);
    const io = capture();
    expect(await run(io, 'import', file, '--into', 'town')).toBe(0);
    expect(io.stdout).toContain('not added (the measure has it): 図書館入館者数');
    expect(io.stdout).toContain('added 8 KPI(s) to "town" as revision 2');
    expect(kpis()).toBe(9);
  });
});
