import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlanTree } from '@kotei/contracts';
import { createEmptyDatabase, TEST_DATABASES, type EmptyDatabase } from '../testing/test-databases.js';
import { runCli, type CliIo } from './main.js';

function capture(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}

const run = (io: CliIo, ...args: string[]): Promise<number> => runCli(['node', 'kotei', ...args], io);

describe('kotei CLI', () => {
  let dir: string;
  const saved = { ...process.env };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kotei-cli-'));
    process.env.KOTEI_DATABASE_URL = `sqlite:${join(dir, 'kotei.db')}`;
    process.env.KOTEI_CLOCK = '2025-07-15T10:00:00+09:00';
  });
  afterEach(() => {
    process.env = { ...saved };
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints the ISO interval of a period', async () => {
    const io = capture();
    expect(await run(io, 'period', '2024年度末')).toBe(0);
    expect(io.stdout[0]).toBe('2025-03-01/2025-03-31');
  });

  it('judges series from stdin by the published method, in order, never failing on a bad item', async () => {
    const cases = JSON.parse(
      readFileSync(
        new URL('../../../domain/src/status/fixtures/published-cases-sample.json', import.meta.url),
        'utf8',
      ),
    ) as { series: unknown; config: unknown; expected: { status: string; score: number | null } }[];
    const input = JSON.stringify([
      ...cases.map(({ series, config }) => ({ series, config })),
      { series: 'x' },
    ]);
    const io = { ...capture(), readInput: () => Promise.resolve(input) };
    expect(await run(io, 'status', '--method', 'open-sdg')).toBe(0);
    const output = JSON.parse(io.stdout.join('\n')) as {
      status: string;
      score: number | null;
      error?: string;
    }[];
    expect(output).toHaveLength(cases.length + 1);
    cases.forEach((c, i) => {
      expect(output[i]?.status).toBe(c.expected.status);
    });
    expect(output[cases.length]).toMatchObject({ status: 'no_data', error: expect.any(String) as string });
  });

  it('refuses status input that is not a JSON array, and an unknown method', async () => {
    const io = { ...capture(), readInput: () => Promise.resolve('{"series": []}') };
    expect(await run(io, 'status', '--method', 'open-sdg')).toBe(1);
    expect(io.stderr.join('\n')).toMatch(/^kotei: .*array/);
    expect(await run(capture(), 'status', '--method', 'linear')).toBe(1);
  });

  it('grades status input by A/B/N/F with --method abnf', async () => {
    const input = JSON.stringify([
      {
        series: [
          { year: 2012, value: 64.9 },
          { year: 2014, value: 69.4 },
        ],
        config: { direction: 'increase', base_year: 2012, target: 70, target_year: 2015, limit: null },
      },
      { series: [{ year: 2012, value: 1 }], config: { direction: null, base_year: 2012 } },
    ]);
    const io = { ...capture(), readInput: () => Promise.resolve(input) };
    expect(await run(io, 'status', '--method', 'abnf')).toBe(0);
    const output = JSON.parse(io.stdout.join('\n')) as { status: string; neededNow: number | null }[];
    expect(output.map((line) => line.status)).toEqual(['A', 'F']);
    expect(output[0]?.neededNow).toBeCloseTo(68.3, 10);
  });

  it('dry-runs an import: only the open-data plan JSON on stdout, the issues with their lines on stderr', async () => {
    const io = capture();
    const file = fileURLToPath(new URL('../../sample/drug-discovery-2024.follow-up.md', import.meta.url));
    expect(await run(io, 'import', file, '--slug', 'drug-discovery-2024', '--dry-run', '--json')).toBe(0);
    const plan = JSON.parse(io.stdout.join('\n')) as PlanTree & { areas?: unknown };
    expect(plan.slug).toBe('drug-discovery-2024');
    expect(plan.areas).toBeUndefined();
    expect(plan.sheets).toHaveLength(12);
    expect(plan.strategicGoals.flatMap((g) => g.outcomes).map((o) => o.target?.period.label)).toContain(
      '2024～2028年度累積',
    );
    expect(io.stderr.length).toBeGreaterThan(0);
    expect(io.stderr.every((line) => /follow-up\.md:\d+/.test(line))).toBe(true);
    // Nothing was written: the configured database was never created.
    expect(existsSync(join(dir, 'kotei.db'))).toBe(false);
  });

  it('refuses a file it cannot read, naming it', async () => {
    const io = capture();
    expect(await run(io, 'import', join(dir, 'missing.md'))).toBe(1);
    expect(io.stderr.join('\n')).toContain(`cannot read ${join(dir, 'missing.md')}`);
  });

  it('explains a period it cannot read, on stderr, with exit code 1', async () => {
    const io = capture();
    expect(await run(io, 'period', '2024年度末末')).toBe(1);
    expect(io.stderr.join('\n')).toMatch(/^kotei: .*2024年度末末/);
    expect(io.stdout).toEqual([]);
  });

  it('refuses a ministry user without a ministry, naming the option', async () => {
    const io = capture();
    expect(await run(io, 'user', 'add', 'someone', '--role', 'ministry')).toBe(1);
    expect(io.stderr.join('\n')).toContain('ministry: expected a ministry code');
  });

  it('stops with exit code 2 and the database named when it cannot be opened', async () => {
    const path = join(dir, 'broken.db');
    writeFileSync(path, 'not a database, just text '.repeat(200));
    process.env.KOTEI_DATABASE_URL = `sqlite:${path}`;
    const io = capture();
    expect(await run(io, 'migrate')).toBe(2);
    expect(io.stderr.join('\n')).toContain(`kotei: cannot use database ${path}: file is not a database`);
  });

  it('has help everywhere', async () => {
    for (const args of [['--help'], ['serve', '--help'], ['user', 'add', '--help'], ['period', '--help']]) {
      const io = capture();
      expect(await run(io, ...args)).toBe(0);
      expect(io.stdout.join('\n')).toMatch(/Usage: kotei/);
    }
  });
});

describe.each(TEST_DATABASES)('kotei user on %s', (kind) => {
  const saved = { ...process.env };
  let database: EmptyDatabase | undefined;
  beforeEach(() => {
    process.env.KOTEI_CLOCK = '2025-07-15T10:00:00+09:00';
  });
  afterEach(async () => {
    process.env = { ...saved };
    await database?.drop();
  });

  it('migrates, adds a user with a one-time password, lists and resets it', async () => {
    database = await createEmptyDatabase(kind);
    process.env.KOTEI_DATABASE_URL = database.url;
    const io = capture();
    expect(await run(io, 'migrate')).toBe(0);
    expect(
      await run(io, 'user', 'add', 'mext-tanaka', '--role', 'ministry', '--ministry', '文', '--name', '田中'),
    ).toBe(0);
    const password = /^password: (\S+)$/.exec(io.stdout.find((l) => l.startsWith('password: ')) ?? '')?.[1];
    expect(password).toMatch(/^\S{20}$/);
    expect(await run(io, 'user', 'list')).toBe(0);
    expect(io.stdout.some((l) => l.startsWith('mext-tanaka\tministry\t文\tactive\t田中'))).toBe(true);
    expect(await run(io, 'user', 'reset-password', 'mext-tanaka')).toBe(0);
    const passwords = io.stdout.filter((l) => l.startsWith('password: '));
    expect(passwords).toHaveLength(2);
    expect(passwords[1]).not.toBe(passwords[0]);
  });

  it('grants, lists and ends role grants on the clock it is given, the operator audited', async () => {
    database = await createEmptyDatabase(kind);
    process.env.KOTEI_DATABASE_URL = database.url;
    process.env.KOTEI_CLOCK = '2025-03-31T10:00:00+09:00';
    try {
      const io = capture();
      expect(await run(io, 'user', 'add', 'mhlw-sato', '--role', 'ministry', '--ministry', '厚')).toBe(0);
      expect(await run(io, 'user', 'grant', 'mhlw-sato', '--role', 'viewer', '--from', '2025-04-01')).toBe(0);
      expect(io.stdout.at(-1)).toMatch(/^granted: \S+\tmhlw-sato\tviewer\t-\t2025-04-01\.\.\tnot in force$/);
      expect(await run(io, 'user', 'grants', 'mhlw-sato')).toBe(0);
      const reporter = io.stdout.find((l) => l.includes('\tministry\t厚\t2025-03-31..\tin force'));
      const id = reporter?.split('\t')[0] ?? '';
      expect(await run(io, 'user', 'end-grant', id, '--last-day', '2025-03-31')).toBe(0);
      expect(io.stdout.at(-1)).toBe(
        `ended: ${id}\tmhlw-sato\tministry\t厚\t2025-03-31..2025-03-31\tin force`,
      );
      expect(
        await run(
          io,
          'user',
          'grant',
          'mhlw-sato',
          '--role',
          'expert',
          '--ministry',
          '厚',
          '--from',
          '2025-04-01',
        ),
      ).toBe(1);
      process.env.KOTEI_CLOCK = '2025-04-01T10:00:00+09:00';
      expect(await run(io, 'user', 'list')).toBe(0);
      expect(io.stdout.at(-1)).toMatch(/^mhlw-sato\tviewer\t-\tactive/);
    } finally {
      delete process.env.KOTEI_CLOCK;
    }
  });

  it('imports a document once; the same document again changes nothing', async () => {
    database = await createEmptyDatabase(kind);
    process.env.KOTEI_DATABASE_URL = database.url;
    const file = fileURLToPath(new URL('../../sample/drug-discovery-2024.follow-up.md', import.meta.url));
    const io = capture();
    expect(await run(io, 'import', file, '--slug', 'drug-discovery-2024')).toBe(0);
    expect(io.stdout.at(-1)).toMatch(
      /^imported .* as plan [0-9a-f-]{36} \(slug drug-discovery-2024\), \d+ issue\(s\)/,
    );
    expect(await run(io, 'import', file, '--slug', 'drug-discovery-2024')).toBe(0);
    expect(io.stdout.at(-1)).toMatch(/^unchanged: /);
  });
});
