import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RsBudgetSummary, RsIndicator, RsRecord } from './records.js';
import { readRsFile, withRsSources, type RsFileResult } from './read-rs-file.js';
import { RsImportError } from './source.js';
import { rsSampleForTests, zipOf } from './test-support.js';

const sample = rsSampleForTests();
const file = (type: string): string => sample?.files.get(type) ?? '';
const scratch = mkdtempSync(join(tmpdir(), 'kotei-rs-'));

async function readAll(path: string): Promise<{ records: RsRecord[]; result: RsFileResult }> {
  const records: RsRecord[] = [];
  const [result] = await withRsSources(path, (source) =>
    readRsFile(source, (batch) => {
      records.push(...batch);
    }),
  );
  if (result === undefined) throw new Error('no source');
  return { records, result };
}

/** A copy of a real file under `name`, with `edit` applied to its text. */
function variant(type: string, name: string, edit: (text: string) => string): string {
  const path = join(scratch, name);
  writeFileSync(path, edit(readFileSync(file(type), 'utf8')));
  return path;
}

describe.runIf(sample !== null)('RS importer on the real FY2024 MHLW rows', () => {
  it('reads 2089 臨床研究総合促進事業 budget figures per 予算年度 exactly as the 2-1 summary rows hold them', async () => {
    const { records, result } = await readAll(file('2-1'));
    expect(result.errors).toEqual([]);
    expect(result.type).toBe('2-1');
    expect(result.rows).toBe(928);
    const summaries = records.filter(
      (r): r is RsBudgetSummary => r.kind === 'budget-summary' && r.rsId === 2089,
    );
    const figures = summaries.map((s) => [
      s.budgetYear,
      s.initial,
      s.supplementary,
      s.carriedIn,
      s.reserve,
      s.total,
      s.executed,
      s.executionRate,
      s.carriedOut,
      s.nextRequest,
    ]);
    expect(figures).toEqual([
      [2024, 376792000, 44671000, 17532000, 0, 438995000, 0, null, 0, 706927000],
      [2023, 386404000, 17532000, 0, 0, 403936000, 338037385, 0.83686, 17532000, 394324000],
      [2022, 472423000, 0, 0, 0, 472423000, 384926667, 0.81479, 0, 472423000],
      [2021, 540045000, 0, 0, -41833000, 498212000, 391472237, 0.78575, 0, 733998000],
    ]);
    const details = records.filter((r) => r.kind === 'budget-detail' && r.rsId === 2089);
    expect(
      details.map((d) => d.kind === 'budget-detail' && [d.budgetYear, d.accountType, d.initial, d.executed]),
    ).toEqual([
      [2024, '一般会計', 376792000, 0],
      [2023, '一般会計', 386404000, 338037385],
      [2022, '一般会計', 472423000, 384926667],
      [2021, '一般会計', 540045000, 391472237],
    ]);
  });

  it('reads every file type it knows without an error, keyed by (事業年度, 予算事業ID)', async () => {
    const counts: Record<string, [number, number]> = {};
    for (const type of ['1-1', '1-2', '1-3', '2-1', '2-2', '3-2', '4-1']) {
      const { records, result } = await readAll(file(type));
      expect(result.errors, type).toEqual([]);
      expect(records.every((r) => r.sheetYear === 2024 && Number.isInteger(r.rsId))).toBe(true);
      counts[type] = [result.rows, result.projects.size];
    }
    expect(counts).toEqual({
      '1-1': [252, 136],
      '1-2': [156, 136],
      '1-3': [302, 136],
      '2-1': [928, 136],
      '2-2': [1274, 136],
      '3-2': [481, 135], // 7718 医療ＤＸ全体管理支援事業 has one row with every edge column empty: no edge
      '4-1': [136, 136],
    });
  });

  it('pivots 3-1 (four rows per indicator over the year columns) into targets and actuals per year', async () => {
    const { records, result } = await readAll(file('3-1-sample'));
    expect(result.errors).toEqual([]);
    expect(result.rows).toBe(10);
    const nodes = records as RsIndicator[];
    expect(nodes.map((n) => [n.number, n.nodeType, n.targetYears, n.years.length])).toEqual([
      [1, 'アクティビティ', [], 0],
      [2, 'アクティビティ', [], 0],
      [10, 'アウトプット', [], 4],
      [11, 'アウトカム', [2024], 4],
    ]);
    const output = nodes[2];
    expect(output?.indicator).toBe('統合・集約化対象システムへの利用終了支援完了件数');
    expect(output?.unit).toBe('件');
    expect(output?.years).toEqual([
      { year: 2021, target: '25', actual: '25', achievement: '100' },
      { year: 2022, target: '28', actual: '28', achievement: '100' },
      { year: 2023, target: '21', actual: '20', achievement: '95.2381' },
      { year: 2024, target: '1', actual: null, achievement: null },
    ]);
    expect(nodes[3]).toMatchObject({ period: '3.長期', goalType: '定量的', direction: '上がると良い指標' });
  });

  it('accepts the published zip (one CSV, UTF-8 names) and reads it as the CSV', async () => {
    const name = '2-1_RS_2024_予算・執行_サマリ';
    const path = join(scratch, `${name}.zip`);
    writeFileSync(path, zipOf([{ name: `${name}.csv`, data: readFileSync(file('2-1')) }]));
    const { result } = await readAll(path);
    expect(result.file).toBe(`${name}.zip!${name}.csv`);
    expect([result.type, result.rows, result.projects.size, result.errors.length]).toEqual([
      '2-1',
      928,
      136,
      0,
    ]);
  });
});

describe.runIf(sample !== null)(
  'RS importer refuses bad input, naming file, line and column, so the store writes nothing',
  () => {
    async function refused(path: string): Promise<RsImportError[]> {
      const { result } = await readAll(path);
      expect(result.errors.length).toBeGreaterThan(0);
      return result.errors;
    }

    it('a wrong header', async () => {
      const path = variant('2-1', '2-1_RS_2024_wrong-header.csv', (t) =>
        t.replace('執行額（合計）', '執行額'),
      );
      const [error] = await refused(path);
      expect(error?.message).toBe(
        '2-1_RS_2024_wrong-header.csv: line 1, column 執行額（合計）: found "執行額" in column 20, expected the 2-1 header\'s "執行額（合計）"',
      );
    });

    it('a short row', async () => {
      const path = variant('2-1', '2-1_RS_2024_short.csv', (t) =>
        t.replace(/\r\n(レビューシート,2024,2089,[^\r]*?),0\.83686,[^\r]*/, '\r\n$1'),
      );
      const errors = await refused(path);
      expect(errors[0]).toMatchObject({ file: '2-1_RS_2024_short.csv', column: '執行率' });
      expect(errors[0]?.line).toBeGreaterThan(1);
      expect(errors[0]?.reason).toMatch(/^the row ends after 20 of 44 columns$/);
    });

    it('a non-numeric amount', async () => {
      const path = variant('2-1', '2-1_RS_2024_amount.csv', (t) =>
        t.replace(',2024,376792000,', ',2024,３７６百万円,'),
      );
      const [error] = await refused(path);
      expect(error).toMatchObject({
        column: '当初予算（合計）',
        reason: 'found "３７６百万円", expected an amount in yen (digits)',
      });
      const lines = readFileSync(path, 'utf8').split('\r\n');
      expect(lines[(error?.line ?? 0) - 1]).toContain('３７６百万円');
    });

    it('a Shift-JIS file', async () => {
      const text = readFileSync(file('2-1'), 'utf8').split('\r\n').slice(0, 3).join('\r\n');
      const sjis = Buffer.from('97d58fb08ca48b86918d8d8791a390698e968bc6', 'hex'); // 臨床研究総合促進事業 in Shift_JIS
      const lines = text.split('\r\n');
      const row = Buffer.from(lines[2]?.replace(/^([^,]*,[^,]*,[^,]*,)[^,]*/, '$1') ?? '', 'utf8');
      const cut = row.indexOf(',', row.indexOf(',', row.indexOf(',') + 1) + 1) + 1;
      const path = join(scratch, '2-1_RS_2024_sjis.csv');
      writeFileSync(
        path,
        Buffer.concat([
          Buffer.from(`${lines[0]}\r\n${lines[1]}\r\n`),
          row.subarray(0, cut),
          sjis,
          row.subarray(cut),
          Buffer.from('\r\n'),
        ]),
      );
      const [error] = await refused(path);
      expect(error).toMatchObject({ file: '2-1_RS_2024_sjis.csv', line: 3, column: '事業名' });
      expect(error?.reason).toMatch(/not UTF-8 \(is the file Shift_JIS\?\)/);
    });

    it('3-1 rows of one indicator that are not together', async () => {
      const path = variant('3-1-sample', '3-1_RS_2024_split.csv', (t) => {
        const lines = t.split('\r\n');
        // Move the output's 4.達成率 row (line 7) after the outcome's first row (line 8).
        const [moved] = lines.splice(6, 1);
        lines.splice(7, 0, moved ?? '');
        return lines.join('\r\n');
      });
      const [error] = await refused(path);
      expect(error?.message).toBe(
        '3-1_RS_2024_split.csv: line 8, column アクティビティ・アウトプット・アウトカムの番号: the rows of アウトプット 10 of project 11 are not together (the node began on line 4)',
      );
    });

    it('a zip with no CSV', async () => {
      const path = join(scratch, '2-1_RS_2024_予算・執行_サマリ.zip');
      writeFileSync(path, zipOf([{ name: 'readme.txt', data: Buffer.from('no csv here') }]));
      await expect(withRsSources(path, () => Promise.resolve())).rejects.toThrow(
        new RsImportError(
          '2-1_RS_2024_予算・執行_サマリ.zip',
          0,
          null,
          'the zip holds no CSV file (entries: readme.txt)',
        ),
      );
    });
  },
);
