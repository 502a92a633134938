import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanTree } from '@kotei/contracts';
import { fixedClock } from '@kotei/domain';
import { prepareFirstStart } from '../bootstrap.js';
import { openContext } from '../context.js';
import { createEmptyDatabase, TEST_DATABASES, type EmptyDatabase } from '../testing/test-databases.js';
import { runCli, type CliIo } from './main.js';

function capture(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}

describe.each(TEST_DATABASES)('kotei report on %s', (kind) => {
  let database: EmptyDatabase;
  let dir: string;
  let planId: string;
  const saved = { ...process.env };
  const run = (io: CliIo, ...args: string[]): Promise<number> =>
    runCli(['node', 'kotei', 'report', ...args], io);

  beforeAll(async () => {
    database = await createEmptyDatabase(kind);
    dir = mkdtempSync(join(tmpdir(), 'kotei-report-cli-'));
    const ctx = await openContext({
      databaseUrl: database.url,
      cwd: dir,
      clock: fixedClock('2025-07-15T10:00:00+09:00'),
    });
    try {
      const first = await prepareFirstStart(ctx, { loadSample: true });
      const tree: PlanTree = await ctx.plans.getTree(first.sample?.slug ?? '');
      planId = tree.id;
    } finally {
      await ctx.close();
    }
    process.env.KOTEI_DATABASE_URL = database.url;
    process.env.KOTEI_CLOCK = '2025-07-15T10:00:00+09:00';
  });
  afterAll(async () => {
    process.env = { ...saved };
    rmSync(dir, { recursive: true, force: true });
    await database.drop();
  });

  it('writes a table of the latest published round as CSV with a BOM, the plan named by its id', async () => {
    const io = capture();
    const file = join(dir, 'progress.csv');
    expect(await run(io, planId, '--format', 'csv', '--table', 'progress', '--bom', '-o', file)).toBe(0);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8').decode(bytes);
    expect(text.split('\r\n')[0]).toBe('bullet_id,round_id,sheet_number,measure_id,ministry,text');
    expect(text).toContain('令和7年6月26日に第1回「創薬力向上のための官民協議会」を開催');
    expect(io.stdout[0]).toMatch(/^wrote .*progress\.csv \(csv, \d+ bytes\)$/);
  });

  it('writes the Excel workbook and the HTML print view, the plan named by its slug', async () => {
    const io = capture();
    const xlsx = join(dir, 'report.xlsx');
    const html = join(dir, 'report.html');
    expect(await run(io, 'drug-discovery-2024', '--format', 'xlsx', '-o', xlsx)).toBe(0);
    expect(readFileSync(xlsx).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(await run(io, 'drug-discovery-2024', '--format', 'html', '--paper', 'A4', '-o', html)).toBe(0);
    expect(readFileSync(html, 'utf8')).toContain('size: A4 landscape');
  });

  it('writes the report as a revision fixed the plan, named -rN, and refuses a revision the plan lacks', async () => {
    const io = capture();
    const file = join(dir, 'plan-r1.json');
    expect(await run(io, 'drug-discovery-2024', '--format', 'json', '--revision', '1', '-o', file)).toBe(0);
    const tree = JSON.parse(readFileSync(file, 'utf8')) as PlanTree;
    expect(tree.revision).toMatchObject({ number: 1, latest: 1, reason: '策定' });
    const html = join(dir, 'plan-r1.html');
    expect(
      await run(io, 'drug-discovery-2024', '--format', 'html', '--revision-on', '2025-07-20', '-o', html),
    ).toBe(0);
    expect(readFileSync(html, 'utf8')).toContain('第1版（策定）の計画による');

    const missing = join(dir, 'plan-r99.json');
    expect(await run(io, 'drug-discovery-2024', '--format', 'json', '--revision', '99', '-o', missing)).toBe(
      1,
    );
    expect(io.stderr.join('\n')).toContain('has no revision 99');
    expect(
      await run(io, 'drug-discovery-2024', '--format', 'json', '--revision', '0', '-o', missing),
    ).not.toBe(0);
    expect(io.stderr.join('\n')).toContain('expected a revision number');
    expect(() => readFileSync(missing)).toThrow();
  });

  it('says which plan or option is wrong and writes nothing', async () => {
    const io = capture();
    const file = join(dir, 'none.json');
    expect(await run(io, 'no-such-plan', '--format', 'json', '-o', file)).toBe(1);
    expect(io.stderr.join('\n')).toContain('No plan with slug or id "no-such-plan"');
    expect(await run(io, 'drug-discovery-2024', '--format', 'docx', '-o', file)).not.toBe(0);
    expect(io.stderr.join('\n')).toContain('expected one of html, pdf, xlsx, json, csv');
    expect(() => readFileSync(file)).toThrow();
  });
});
