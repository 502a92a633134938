import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rsSampleFiles } from '@kotei/importers/rs';
import { openDatabase, parseDatabaseUrl } from '../db/database.js';
import { createEmptyDatabase, TEST_DATABASES, type EmptyDatabase } from '../testing/test-databases.js';
import { runCli, type CliIo } from './main.js';

const sample = rsSampleFiles();
if (sample === null) {
  const message = 'RS sample rows missing: set KOTEI_SHARED_DIR (default <repository>/../shared)';
  if (process.env.CI === 'true') throw new Error(message);
  process.stderr.write(`\nSKIPPED: ${message}\n\n`);
}
const REAL = ['1-1', '1-2', '1-3', '2-1', '2-2', '3-2', '4-1', '3-1-sample'].map(
  (t) => sample?.files.get(t) ?? '',
);
const scratch = mkdtempSync(join(tmpdir(), 'kotei-rs-cli-'));

function capture(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}
const run = (io: CliIo, ...args: string[]): Promise<number> => runCli(['node', 'kotei', ...args], io);

const cell = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
/** A copy of a real file with each data row passed through `edit` (dropped where it returns null). */
function rewrite(type: string, name: string, edit: (row: string[]) => string[] | null): string {
  const records: string[][] = parse(readFileSync(sample?.files.get(type) ?? '', 'utf8'), { bom: true });
  const [header, ...rows] = records;
  const kept = rows.map(edit).filter((row): row is string[] => row !== null);
  const path = join(scratch, name);
  writeFileSync(
    path,
    `\uFEFF${[header ?? [], ...kept].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`,
  );
  return path;
}

describe.runIf(sample !== null).each(TEST_DATABASES)('kotei rs import on %s', (kind) => {
  const saved = { ...process.env };
  let database: EmptyDatabase;
  beforeEach(async () => {
    process.env.KOTEI_CLOCK = '2025-07-15T10:00:00+09:00';
    database = await createEmptyDatabase(kind);
    process.env.KOTEI_DATABASE_URL = database.url;
  });
  afterEach(async () => {
    process.env = { ...saved };
    await database.drop();
  });

  async function query<T>(run: (db: ReturnType<typeof openDatabase>['db']) => Promise<T>): Promise<T> {
    const opened = openDatabase(parseDatabaseUrl(database.url, tmpdir()));
    try {
      return await run(opened.db);
    } finally {
      await opened.close();
    }
  }

  it('imports the real MHLW files with a summary and an audit event per file; 2089 reads as in the CSV', async () => {
    const io = capture();
    expect(await run(io, '--actor', 'ops', 'rs', 'import', ...REAL)).toBe(0);
    expect(io.stdout.at(-2)).toBe(
      '8 file(s), 3,539 rows read, 137 projects (予算事業ID), 0 error(s); 8 file(s) written, 0 refused',
    );
    expect(io.stdout.at(-1)).toBe('sheet year 2024: 136 projects (no earlier sheet year to compare)');
    const budget = await query((db) =>
      db.selectFrom('rs_budget_year').selectAll().where('rs_id', '=', 2089).orderBy('budget_year').execute(),
    );
    expect(
      budget.map((b) => [
        b.budget_year,
        Number(b.initial),
        Number(b.supplementary),
        Number(b.executed),
        b.execution_rate,
      ]),
    ).toEqual([
      [2021, 540045000, 0, 391472237, 0.78575],
      [2022, 472423000, 0, 384926667, 0.81479],
      [2023, 386404000, 17532000, 338037385, 0.83686],
      [2024, 376792000, 44671000, 0, null],
    ]);
    const project = await query((db) =>
      db.selectFrom('rs_project').selectAll().where('rs_id', '=', 2089).executeTakeFirstOrThrow(),
    );
    expect([project.name, project.ministry, project.start_year]).toEqual([
      '臨床研究総合促進事業',
      '厚生労働省',
      2019,
    ]);
    const nodes = await query((db) =>
      db
        .selectFrom('rs_node_year')
        .selectAll()
        .where('rs_id', '=', 11)
        .where('number', '=', 10)
        .orderBy('year')
        .execute(),
    );
    expect(nodes.map((n) => [n.year, n.target, n.actual, n.achievement])).toEqual([
      [2021, '25', '25', '100'],
      [2022, '28', '28', '100'],
      [2023, '21', '20', '95.2381'],
      [2024, '1', null, null],
    ]);
    const audit = await query((db) =>
      db.selectFrom('audit_event').select(['action', 'actor_id']).where('action', '=', 'rs.import').execute(),
    );
    expect(audit).toHaveLength(8);
    expect(audit[0]?.actor_id).toBe('cli:ops');
  });

  it('refuses a file with a bad amount late in the file and writes nothing of it (earlier batches rolled back)', async () => {
    expect(await run(capture(), 'rs', 'import', sample?.files.get('2-2') ?? '')).toBe(0);
    const before = await query((db) =>
      db
        .selectFrom('rs_budget_item')
        .select(['rs_id', 'seq', 'amount'])
        .orderBy('rs_id')
        .orderBy('seq')
        .execute(),
    );
    let row = 0;
    const bad = rewrite('2-2', '2-2_RS_2024_bad.csv', (cells) => {
      row += 1;
      return row === 1200 ? cells.map((c, i) => (i === 23 ? '1,000円' : c)) : cells;
    });
    const io = capture();
    // Batches of 100: eleven are written before the bad row is met, and rolled back with the rest.
    expect(await run(io, 'rs', 'import', '--batch-size', '100', bad)).toBe(1);
    expect(io.stderr).toEqual([
      '  error: 2-2_RS_2024_bad.csv: line 1201, column 予算額（歳出予算項目ごと）: found "1,000円", expected an amount in yen (digits)',
    ]);
    expect(io.stdout.at(-1)).toBe(
      '1 file(s), 1,274 rows read, 136 projects (予算事業ID), 1 error(s); 0 file(s) written, 1 refused',
    );
    const after = await query((db) =>
      db
        .selectFrom('rs_budget_item')
        .select(['rs_id', 'seq', 'amount'])
        .orderBy('rs_id')
        .orderBy('seq')
        .execute(),
    );
    expect(after).toEqual(before);
    expect(
      await query((db) =>
        db.selectFrom('audit_event').select('seq').where('action', '=', 'rs.import').execute(),
      ),
    ).toHaveLength(1);
  });

  it('importing the next sheet year reports new and ended projects and budget changes; a re-import replaces', async () => {
    expect(await run(capture(), 'rs', 'import', REAL[1] ?? '', REAL[3] ?? '')).toBe(0);
    // FY2025 as the next release would hold it: 2089 ended, 2011 renumbered as a new 99999, every 予算年度 one
    // later, and 2233's initial budget for 2025 raised by 1,000,000 yen.
    const next = (cells: string[]): string[] | null => {
      if (cells[2] === '2089') return null;
      const out = [...cells];
      out[1] = '2025';
      if (out[2] === '2011') out[2] = '99999';
      return out;
    };
    const projects = rewrite('1-2', '1-2_RS_2025_next.csv', next);
    const budget = rewrite('2-1', '2-1_RS_2025_next.csv', (cells) => {
      const out = next(cells);
      if (out === null) return null;
      out[13] = String(Number(out[13]) + 1);
      if (out[2] === '2233' && out[13] === '2025' && out[14] !== '')
        out[14] = String(Number(out[14]) + 1_000_000);
      return out;
    });
    const io = capture();
    expect(await run(io, 'rs', 'import', projects, budget)).toBe(0);
    expect(io.stdout.slice(-3)).toEqual([
      '2 file(s), 1,075 rows read, 135 projects (予算事業ID), 0 error(s); 2 file(s) written, 0 refused',
      'sheet year 2025 against 2024: 135 projects, 1 new, 2 ended, 1 with a changed initial budget',
      '  2233 後発医薬品品質確保対策事業: 183,550,000 → 184,550,000 yen',
    ]);
    // Importing the same files again replaces their rows: the counts stay.
    const count = (): Promise<number> =>
      query(async (db) =>
        Number(
          (
            await db
              .selectFrom('rs_budget_year')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
      );
    const once = await count();
    expect(await run(capture(), 'rs', 'import', budget)).toBe(0);
    expect(await count()).toBe(once);
  });
});
